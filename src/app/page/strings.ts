/**
 * Every string the page shows, in English here and in Spanish in strings-es.ts (the instrument's own
 * wording comes from the instrument file and its translations). `{name}` marks a value filled in by
 * `stringsFor`.
 */
import type { Lang } from "../payload.js";
import { ES } from "./strings-es.js";

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
