/**
 * Every string the page shows, in English and Spanish (the instrument's own wording comes from
 * the instrument file and its translations). `{name}` marks a value filled in by `fill`.
 */
import type { Lang } from "../payload.js";

const EN = {
  appTitle: "Service recovery self-assessment",
  intro:
    "Answer for your firm as it works today. The diagnostic is computed in this page: your answers " +
    "stay in this browser and nothing is sent anywhere.",
  language: "Language",
  tabsLabel: "Sections",
  tabQuestionnaire: "Questionnaire",
  tabDiagnostic: "Diagnostic",
  tabTeam: "Team (consultant)",
  tabAnalyse: "Analyse a CSV",
  firmName: "Firm name",
  role: "Your role",
  rolePlaceholder: "for example: operations manager",
  progress: "{n} of {total} statements answered",
  showDiagnostic: "Show the diagnostic",
  clearAnswers: "Clear all answers",
  confirmClear: "Clear every answer of this questionnaire?",
  scaleOf: "Scale",
  diagnosticTitle: "Diagnostic",
  diagnosticFor: "Diagnostic for {firm}",
  unnamedFirm: "your firm",
  noAnswers: "Answer the questionnaire first: the diagnostic appears here.",
  incomplete: "Answer at least one statement in every practice area to get the ISRS index.",
  indexLabel: "ISRS index",
  outOf100: "out of 100",
  indexExplain:
    "How complete your firm's service recovery is (finding, analysing and putting right service failures), " +
    "from 0 to 100.",
  standing: "Ahead of {p}% of the {n} firms in the benchmark.",
  profileLabel: "Profile",
  profile_laggard: "laggard",
  profile_follower: "follower",
  profile_recoverer: "recoverer",
  profileText_laggard:
    "Your index is in the lowest quarter of the benchmark firms (below {q1}). Recovery practices are a " +
    "clear opportunity: start with the weakest practices below.",
  profileText_follower:
    "Your index is in the middle half of the benchmark firms ({q1} to {q3}). Strengthening the weakest " +
    "practices would move you into the top quarter.",
  profileText_recoverer:
    "Your index is in the top quarter of the benchmark firms ({q3} or more). Keep the practices that work " +
    "and look at the weakest ones below.",
  areasTitle: "Practice areas",
  colArea: "Practice area",
  colTopic: "Area",
  colScore: "Your score (1–7)",
  colMedian: "Benchmark median",
  colPercentile: "Percentile rank",
  colAnswered: "Answered",
  chartTitle: "Your firm against the benchmark",
  chartDesc:
    "For each practice area and the index: the grey bar spans the middle half of the benchmark firms " +
    "(first to third quartile), the thin line their whole range, the tick their median; the dot is your firm.",
  chartYou: "your firm",
  chartMiddle: "middle half of the benchmark",
  chartMedian: "median",
  chartIndexRow: "ISRS index (0–100)",
  ipmaTitle: "What to fix first: importance and performance across the benchmark",
  ipmaIntro:
    "Which practices matter most for {target}? In the benchmark firms, a practice is important when firms that " +
    "do it better also do better on {target}; its performance is how well the benchmark firms do it (0–100).",
  ipmaMapTitle: "Importance-performance map of the practices",
  ipmaMapDesc:
    "Each dot is a practice: across, how well the benchmark firms perform it (0–100); up, its importance. " +
    "Dashed lines: median performance and mean importance. Larger dots: your firm's weakest practices.",
  ipmaImportance: "Importance",
  ipmaPerformance: "Performance (0–100)",
  ipmaAreasCaption: "Importance and performance of the practice areas for {target}",
  fixFirstTitle: "Fix first: important practices the benchmark performs below the median",
  fixFacts: "importance {i}, performance {p}",
  alsoYourWeakest: "also one of your weakest practices",
  ipmaNote:
    "Importance: the change in {target}'s 0–100 score for one more point of the practice's 0–100 score " +
    "(total effect in a PLS model of the benchmark data, importance-performance map analysis).",
  weakestTitle: "Where to start: your weakest practices",
  youAnswered: "You answered {a}",
  reverseNote: " (a statement worded the other way round: it counts as {s})",
  benchmarkMean: "benchmark mean {m}",
  whatToDo: "What to do",
  howComputed: "How this is computed",
  noteWeights:
    "The index is the weighted mean of the three practice areas, rescaled to 0–100; the weights ({w}) are " +
    "the areas' loadings on the ISRS factor fitted to the benchmark sample.",
  noteEqualWeights: "The index is the plain mean of the practice areas, rescaled to 0–100 ({why}).",
  notePercentile: "Percentile rank: the percentage of benchmark firms scoring below yours, ties counting half.",
  noteBenchmark: "Benchmark: {n} firms ({file}).",
  noteLocal: "Computed in this page by isrs {v}; nothing was uploaded.",
  print: "Print / save as PDF",
  exportCsv: "Export answers (CSV)",
  exportJson: "Export answers and diagnostic (JSON)",
  exportsHint: "The CSV row has the columns of the questionnaire template; isrs score, analyze and report read it.",
  footer: "Self-assessment made with isrs {v}. Your answers are kept in this browser only.",
  teamTitle: "Several respondents of one firm",
  teamIntro:
    "Load the files your respondents exported (JSON or CSV), or one CSV with many rows. The page shows the " +
    "firm's mean answer per statement, how far the respondents agree, and where they disagree.",
  teamFiles: "Respondents' files",
  teamLoaded: "{n} respondents loaded.",
  teamNone: "No respondents loaded yet.",
  teamAddMine: "Add my own answers",
  teamClear: "Remove all respondents",
  teamAggregate: "The firm's diagnostic (mean of the respondents)",
  teamAgreement: "Agreement among respondents",
  colRwg: "Agreement rwg(j)",
  colSpread: "Mean spread (SD)",
  colRespondents: "Respondents",
  rwgNote:
    "rwg(j) (James, Demaree & Wolf, 1984): 1 means everyone gave the same answers, 0 no more agreement " +
    "than random answers; below 0.70 the mean hides real disagreement.",
  weakAgreement: "weak agreement",
  teamDisagree: "Where respondents disagree most",
  colStatement: "Statement",
  colAnswers: "Answers",
  colMean: "Mean",
  colSd: "SD",
  teamExport: "Export all respondents (CSV)",
  teamBadFile: "{file}: {message}",
  teamNeedTwo: "Agreement needs at least two respondents.",
  analyseTitle: "Analyse a responses CSV",
  analyseIntro:
    "Choose a CSV of responses (the columns of the questionnaire template): the page runs the study " +
    "analysis of isrs report (screening, reliability, measurement, second-order and structural models, " +
    "hypotheses) in the background. Nothing is uploaded.",
  analyseFile: "Responses CSV",
  analyseNormData: "Analyse the benchmark data embedded in this page",
  analyseRunning: "Analysing {file}…",
  analyseStep: "{step}",
  analyseDone: "Done: {file}, {n} firms, {ms} ms.",
  analyseError: "The file was not analysed",
  stepRead: "reading the file",
  stepCheck: "checking the answers",
  stepFit: "fitting the models",
  stepDone: "writing the report",
  loadingsTitle: "Standardized loadings (measurement model)",
  colItem: "Item",
  colEst: "Estimate",
  colStd: "Standardized",
  flTitle: "Discriminant validity: Fornell-Larcker",
  flExplain:
    "Diagonal: the square root of each construct's AVE; below it, the correlations between constructs. " +
    "Each correlation should be smaller than the two square roots of its row and column.",
  htmtTitle: "Discriminant validity: HTMT",
  htmtExplain: "Heterotrait-monotrait ratios of the correlations; below 0.85 (or 0.90) supports discriminant validity.",
  itemScreeningTitle: "Items: distribution and missing answers",
  colSkew: "Skewness",
  colKurtosis: "Kurtosis (excess)",
  colMissing: "Share missing",
  fitTitle: "Model fit",
  colModel: "Model",
  colChisq: "χ²",
  colDf: "df",
  colP: "p",
  hypTitle: "Hypotheses",
  colHyp: "Hypothesis",
  colPath: "Path",
  colBeta: "Standardized estimate",
  colSupported: "Supported",
  yes: "yes",
  no: "no",
  reliabilityTitle: "Reliability and convergent validity",
  colConstruct: "Construct",
  diagramTitle: "Path diagram (structural model, standardized estimates)",
  screeningTitle: "Data screening",
  downloadJson: "Download the results (JSON of isrs analyze)",
};

export type StringKey = keyof typeof EN;

const ES: Record<StringKey, string> = {
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

const TABLES: Record<Lang, Record<StringKey, string>> = { en: EN, es: ES };

export type Strings = (key: StringKey, values?: Record<string, string | number>) => string;

/** The strings of a language, with `{name}` placeholders filled. */
export function stringsFor(lang: Lang): Strings {
  const table = TABLES[lang];
  return (key, values = {}) => table[key].replace(/\{(\w+)\}/g, (m, k: string) => String(values[k] ?? m));
}

/** A number in the language's notation (decimal comma in Spanish). */
export function formatNumber(lang: Lang, x: number, digits: number): string {
  const s = x.toFixed(digits);
  return lang === "es" ? s.replace(".", ",") : s;
}

/**
 * Why the index falls back to equal weights, in the page's language. The reason comes from the
 * scoring code (instrument/weights.ts) in English; in Spanish each of its forms is translated, and
 * an engine message inside it (a fit that failed on the norm sample) is left to the JSON export.
 */
export function weightsReason(note: string, lang: Lang): string {
  if (lang === "en") return note;
  const es = "pesos iguales";
  if (/^the instrument has no second-order factor: equal weights$/.test(note))
    return `el instrumento no tiene factor de segundo orden: ${es}`;
  if (/^no model was fitted: equal weights$/.test(note)) return `no se ajustó ningún modelo: ${es}`;
  let m = /^the fitted model is not usable for weights \((.*)\): equal weights$/.exec(note);
  if (m !== null) {
    const why = m[1] === "the fit did not converge" ? "el ajuste no convergió" : `avisos ${m[1]}`;
    return `el modelo ajustado no sirve para calcular los pesos (${why}): ${es}`;
  }
  m = /^the model has no positive loading (.+): equal weights$/.exec(note);
  if (m !== null) return `el modelo no tiene una carga positiva ${m[1]}: ${es}`;
  if (/^the model cannot be fitted to the norm sample \(/.test(note))
    return `el modelo no se puede ajustar a la muestra de referencia: ${es}`;
  return `no se pudieron estimar los pesos con la muestra de referencia: ${es}`;
}
