/** The page's strings in Spanish, one for every English string of strings.ts (the same keys). */
import type { StringKey } from "./strings.js";

export const ES: Record<StringKey, string> = {
  appTitle: "Autodiagnóstico de recuperación del servicio",
  intro:
    "Responda pensando en cómo funciona hoy su empresa. El diagnóstico se calcula en esta página: sus " +
    "respuestas se quedan en este navegador y no se envían a ningún sitio.",
  language: "Idioma",
  tabsLabel: "Secciones",
  tabQuestionnaire: "Cuestionario",
  tabDiagnostic: "Diagnóstico",
  tabTeam: "Equipo (consultor)",
  tabAnalyse: "Analizar un CSV",
  firmName: "Nombre de la empresa",
  role: "Su cargo",
  rolePlaceholder: "por ejemplo: director de operaciones",
  progress: "{n} de {total} afirmaciones respondidas",
  showDiagnostic: "Ver el diagnóstico",
  clearAnswers: "Borrar todas las respuestas",
  confirmClear: "¿Borrar todas las respuestas de este cuestionario?",
  scaleOf: "Escala",
  diagnosticTitle: "Diagnóstico",
  diagnosticFor: "Diagnóstico de {firm}",
  unnamedFirm: "su empresa",
  noAnswers: "Responda primero al cuestionario: el diagnóstico aparecerá aquí.",
  incomplete: "Responda al menos una afirmación de cada área de prácticas para obtener el índice ISRS.",
  indexLabel: "Índice ISRS",
  outOf100: "sobre 100",
  indexExplain:
    "Hasta qué punto su empresa tiene un sistema completo de recuperación del servicio (detectar, analizar y " +
    "corregir los fallos del servicio), de 0 a 100.",
  standing: "Por delante del {p} % de las {n} empresas de referencia.",
  profileLabel: "Perfil",
  profile_laggard: "rezagada",
  profile_follower: "seguidora",
  profile_recoverer: "recuperadora",
  profileText_laggard:
    "Su índice está en el cuarto más bajo de las empresas de referencia (por debajo de {q1}). Las prácticas " +
    "de recuperación son una clara oportunidad: empiece por las prácticas más débiles que se indican abajo.",
  profileText_follower:
    "Su índice está en la mitad central de las empresas de referencia (de {q1} a {q3}). Reforzar las " +
    "prácticas más débiles le llevaría al cuarto superior.",
  profileText_recoverer:
    "Su índice está en el cuarto superior de las empresas de referencia ({q3} o más). Mantenga las prácticas " +
    "que funcionan y revise las más débiles que se indican abajo.",
  areasTitle: "Áreas de prácticas",
  colArea: "Área de prácticas",
  colTopic: "Área",
  colScore: "Su puntuación (1–7)",
  colMedian: "Mediana de referencia",
  colPercentile: "Percentil",
  colAnswered: "Respondidas",
  chartTitle: "Su empresa frente a las empresas de referencia",
  chartDesc:
    "Para cada área y para el índice: la barra gris abarca la mitad central de las empresas de referencia " +
    "(del primer al tercer cuartil), la línea fina todo su recorrido y la marca su mediana; el punto es su empresa.",
  chartYou: "su empresa",
  chartMiddle: "mitad central de la referencia",
  chartMedian: "mediana",
  chartIndexRow: "Índice ISRS (0–100)",
  ipmaTitle: "Qué corregir primero: importancia y desempeño en la muestra de referencia",
  ipmaIntro:
    "¿Qué prácticas pesan más en {target}? En las empresas de referencia, una práctica es importante cuando " +
    "las empresas que la aplican mejor también obtienen mejores resultados en {target}; su desempeño es lo bien " +
    "que la aplican (0–100).",
  ipmaMapTitle: "Mapa de importancia y desempeño de las prácticas",
  ipmaMapDesc:
    "Cada punto es una práctica: en horizontal, lo bien que la aplican las empresas de referencia (0–100); en " +
    "vertical, su importancia. Líneas discontinuas: desempeño mediano e importancia media. Puntos grandes: las " +
    "prácticas más débiles de su empresa.",
  ipmaImportance: "Importancia",
  ipmaPerformance: "Desempeño (0–100)",
  ipmaAreasCaption: "Importancia y desempeño de las áreas de prácticas para {target}",
  fixFirstTitle: "Corregir primero: prácticas importantes con desempeño por debajo de la mediana",
  fixFacts: "importancia {i}, desempeño {p}",
  alsoYourWeakest: "también una de sus prácticas más débiles",
  ipmaNote:
    "Importancia: el cambio de la puntuación 0–100 de {target} por cada punto más en la puntuación 0–100 de la " +
    "práctica (efecto total en un modelo PLS de los datos de referencia, análisis de importancia y desempeño).",
  weakestTitle: "Por dónde empezar: sus prácticas más débiles",
  youAnswered: "Respondió {a}",
  reverseNote: " (una afirmación redactada al revés: cuenta como {s})",
  benchmarkMean: "media de referencia {m}",
  whatToDo: "Qué hacer",
  howComputed: "Cómo se calcula",
  noteWeights:
    "El índice es la media ponderada de las tres áreas de prácticas, llevada a una escala de 0 a 100; los " +
    "pesos ({w}) son las cargas de las áreas en el factor ISRS estimado con la muestra de referencia.",
  noteEqualWeights: "El índice es la media simple de las áreas de prácticas, llevada a 0–100 ({why}).",
  notePercentile:
    "Percentil: el porcentaje de empresas de referencia con una puntuación inferior a la suya; los empates " +
    "cuentan la mitad.",
  noteBenchmark: "Referencia: {n} empresas ({file}).",
  noteLocal: "Calculado en esta página por isrs {v}; no se ha enviado nada.",
  print: "Imprimir / guardar como PDF",
  exportCsv: "Exportar las respuestas (CSV)",
  exportJson: "Exportar respuestas y diagnóstico (JSON)",
  exportsHint: "La fila CSV tiene las columnas de la plantilla del cuestionario; isrs score, analyze y report la leen.",
  footer: "Autodiagnóstico hecho con isrs {v}. Sus respuestas se guardan solo en este navegador.",
  teamTitle: "Varios encuestados de una empresa",
  teamIntro:
    "Cargue los archivos que exportaron sus encuestados (JSON o CSV), o un CSV con muchas filas. La página " +
    "muestra la respuesta media de la empresa en cada afirmación, cuánto coinciden los encuestados " +
    "y dónde discrepan.",
  teamFiles: "Archivos de los encuestados",
  teamLoaded: "{n} encuestados cargados.",
  teamNone: "Todavía no hay encuestados cargados.",
  teamAddMine: "Añadir mis propias respuestas",
  teamClear: "Quitar todos los encuestados",
  teamAggregate: "Diagnóstico de la empresa (media de los encuestados)",
  teamAgreement: "Acuerdo entre encuestados",
  colRwg: "Acuerdo rwg(j)",
  colSpread: "Dispersión media (DT)",
  colRespondents: "Encuestados",
  rwgNote:
    "rwg(j) (James, Demaree y Wolf, 1984): 1 significa que todos dieron las mismas respuestas, 0 que no hay " +
    "más acuerdo que con respuestas al azar; por debajo de 0,70 la media oculta un desacuerdo real.",
  weakAgreement: "acuerdo débil",
  teamDisagree: "Dónde discrepan más los encuestados",
  colStatement: "Afirmación",
  colAnswers: "Respuestas",
  colMean: "Media",
  colSd: "DT",
  teamExport: "Exportar todos los encuestados (CSV)",
  teamBadFile: "{file}: {message}",
  teamNeedTwo: "El acuerdo necesita al menos dos encuestados.",
  analyseTitle: "Analizar un CSV de respuestas",
  analyseIntro:
    "Elija un CSV de respuestas (las columnas de la plantilla del cuestionario): la página ejecuta en segundo " +
    "plano el análisis del estudio de isrs report (depuración, fiabilidad, modelos de medida, de segundo orden " +
    "y estructural, hipótesis). No se envía nada.",
  analyseFile: "CSV de respuestas",
  analyseNormData: "Analizar los datos de referencia incluidos en esta página",
  analyseRunning: "Analizando {file}…",
  analyseStep: "{step}",
  analyseDone: "Hecho: {file}, {n} empresas, {ms} ms.",
  analyseError: "El archivo no se ha analizado",
  stepRead: "leyendo el archivo",
  stepCheck: "comprobando las respuestas",
  stepFit: "estimando los modelos",
  stepDone: "preparando el informe",
  loadingsTitle: "Cargas estandarizadas (modelo de medida)",
  colItem: "Ítem",
  colEst: "Estimación",
  colStd: "Estandarizada",
  flTitle: "Validez discriminante: Fornell-Larcker",
  flExplain:
    "Diagonal: la raíz cuadrada de la AVE de cada constructo; debajo, las correlaciones entre constructos. " +
    "Cada correlación debe ser menor que las dos raíces de su fila y su columna.",
  htmtTitle: "Validez discriminante: HTMT",
  htmtExplain:
    "Razones heterorrasgo-monorrasgo de las correlaciones; por debajo de 0,85 (o 0,90) apoyan la validez " +
    "discriminante.",
  itemScreeningTitle: "Ítems: distribución y respuestas ausentes",
  colSkew: "Asimetría",
  colKurtosis: "Curtosis (exceso)",
  colMissing: "Proporción ausente",
  fitTitle: "Ajuste de los modelos",
  colModel: "Modelo",
  colChisq: "χ²",
  colDf: "gl",
  colP: "p",
  hypTitle: "Hipótesis",
  colHyp: "Hipótesis",
  colPath: "Relación",
  colBeta: "Estimación estandarizada",
  colSupported: "Apoyada",
  yes: "sí",
  no: "no",
  reliabilityTitle: "Fiabilidad y validez convergente",
  colConstruct: "Constructo",
  diagramTitle: "Diagrama de relaciones (modelo estructural, estimaciones estandarizadas)",
  screeningTitle: "Depuración de los datos",
  downloadJson: "Descargar los resultados (JSON de isrs analyze)",
};
