/**
 * A study view from the study pipeline's results (analysis/study.ts StudyResults, what
 * `isrs analyze` computes): the report's own types filled from it, with construct labels from
 * the design. Robust fits (MLR, MLM) show the scaled test and the robust CFI, TLI and RMSEA.
 */
import type { FittedModel, StudyResults } from "../analysis/study.js";
import type { ParameterEstimate } from "../sem/results.js";
import { isSeriousWarning } from "../sem/messages.js";
import type { FitIndices } from "./cutoffs.js";
import { graphFromFit, variablesOfRows } from "./diagram/graph.js";
import type { ConstructMatrix, LoadingRow, ModelFitView, StudyView } from "./study-view.js";

// a fixed parameter (no p-value) shows no standard error, where lavaan prints 0
const loadingRow = (p: ParameterEstimate): LoadingRow => ({
  factor: p.lhs,
  indicator: p.rhs,
  est: p.est,
  se: p.pvalue === null ? null : p.se,
  pvalue: p.pvalue,
  std: p["std.all"],
});

/** Fit indices under lavaan's names; the scaled and robust versions when the fit has them. */
export function fitIndices(fit: Record<string, number>, robust: boolean): FitIndices {
  const g = (k: string): number =>
    (robust ? (fit[`${k}.robust`] ?? fit[`${k}.scaled`]) : undefined) ?? fit[k] ?? Number.NaN;
  const s = (k: string): number => (robust ? fit[`${k}.scaled`] : undefined) ?? fit[k] ?? Number.NaN;
  return {
    chisq: s("chisq"),
    df: s("df"),
    pvalue: s("pvalue"),
    cfi: g("cfi"),
    tli: g("tli"),
    rmsea: g("rmsea"),
    rmseaLower: g("rmsea.ci.lower"),
    rmseaUpper: g("rmsea.ci.upper"),
    srmr: fit.srmr ?? Number.NaN,
    aic: fit.aic ?? Number.NaN,
    bic: fit.bic ?? Number.NaN,
  };
}

const MODEL_NAMES: Record<FittedModel["name"], string> = {
  measurement: "measurement",
  "second.order": "second-order",
  structural: "structural",
};

function modelFitView(m: FittedModel): ModelFitView {
  return {
    name: MODEL_NAMES[m.name],
    estimator: m.estimator,
    converged: m.converged,
    ...fitIndices(m.fit, m.estimator !== "ML"),
  };
}

/** A lower-triangular view of a square matrix (upper triangle hidden; the diagonal kept or not). */
function lower(names: string[], values: number[][], diagonal: boolean): ConstructMatrix {
  return {
    constructs: names,
    values: values.map((row, i) => row.map((x, j) => (j < i || (diagonal && i === j) ? x : null))),
  };
}

/** "the measurement, second-order and structural models" */
function modelsPhrase(names: readonly string[]): string {
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]!}`;
  return `the ${list} model${names.length === 1 ? "" : "s"}`;
}

/**
 * Every warning once, in words, then its code, then the models it came from: the same warning from
 * three models is one line.
 */
export function warningList(models: readonly FittedModel[]): string[] {
  const seen = new Map<string, { code: string; message: string; models: string[] }>();
  for (const m of models)
    for (const w of m.warnings) {
      const key = `${w.code}\u0000${w.message}`;
      const entry = seen.get(key) ?? { code: w.code, message: w.message, models: [] };
      if (!entry.models.includes(MODEL_NAMES[m.name])) entry.models.push(MODEL_NAMES[m.name]);
      seen.set(key, entry);
    }
  return [...seen.values()].map((e) => `${e.message} (${e.code}; ${modelsPhrase(e.models)})`);
}

/** The models that did not converge or are not admissible, with the reason: the report's banner. */
export function problems(models: readonly FittedModel[]): string[] {
  return models.flatMap((m) => {
    const serious = m.warnings.filter((w) => isSeriousWarning(w.code));
    if (m.converged && serious.length === 0) return [];
    const what = m.converged ? "is not admissible" : "did not converge";
    const why = serious.map((w) => w.message).join("; ");
    return [
      `The ${MODEL_NAMES[m.name]} model ${what}${why === "" ? "" : `: ${why}`}. ` +
        "Its estimates, standard errors and fit are not to be trusted; the warnings at the end list every message.",
    ];
  });
}

/** The rows the models were fitted on: "N = 135 complete rows (listwise)" or "N = 151 (FIML)". */
export function modelSample(res: StudyResults): string {
  const m = res.models[0];
  if (m === undefined) return "";
  if (m.missing === "fiml") return `N = ${m.nobs}, incomplete rows kept (FIML)`;
  if (m.missing === "pairwise") return `N = ${m.nobs}, each correlation from the rows observing its pair (pairwise)`;
  const other = res.ordered.length > 0 ? "pairwise" : "fiml";
  return `N = ${m.nobs} complete rows (listwise; --missing ${other} keeps the others)`;
}

export interface FromAnalysisMeta {
  title: string;
  dataFile: string;
  model: string;
  version: string;
}

/** "all 25 items (WLSMV: polychoric correlations)" or the list. */
function orderedNote(res: StudyResults): string {
  const all = res.ordered.length === res.design.constructs.reduce((n, c) => n + c.items.length, 0);
  return `${all ? `all ${res.ordered.length} items` : res.ordered.join(", ")} (${res.estimator}, polychoric correlations)`;
}

const ORDINAL_PROVENANCE = "; ordered items: ordinal alpha, categorical omega, polychoric HTMT";

/** The screening tables: item descriptives, Mardia's tests and the flagged outliers. */
function screeningView(res: StudyResults): StudyView["screening"] {
  return {
    items: res.screening.items.map((i) => ({
      item: i.item,
      n: i.n,
      mean: i.mean,
      sd: i.sd,
      skew: i.skew,
      kurtosis: i.kurtosis,
      missing: i.missing,
    })),
    mardia: {
      b1p: res.screening.mardia.b1p,
      skewChisq: res.screening.mardia.skew,
      skewDf: res.screening.mardia.df,
      skewP: res.screening.mardia["p.skew"],
      b2p: res.screening.mardia.b2p,
      kurtosisZ: res.screening.mardia.kurtosis,
      kurtosisP: res.screening.mardia["p.kurt"],
    },
    outlierRule: { df: res.screening.mahalanobis.df, alpha: res.screening.mahalanobis.alpha },
    outliers: res.screening.mahalanobis.rows
      .filter((r) => r.outlier)
      .map((r) => ({ id: `row ${r.row}`, d2: r.d2, pvalue: r.pvalue })),
  };
}

/** Loadings, reliability (ordinal coefficients for ordered items) and discriminant validity. */
function measurementView(res: StudyResults, measurement: FittedModel, first: ReadonlySet<string>) {
  return {
    loadings: measurement.parameters.filter((p) => p.op === "=~" && p.group === 1 && first.has(p.lhs)).map(loadingRow),
    reliability: res.reliability.map((r) => ({
      construct: r.construct,
      items: r.items.length,
      alpha: r.alpha.raw_alpha,
      cr: r.omega,
      ave: r.ave,
      ...(r.ordinal !== undefined ? { ordinalAlpha: r.ordinal.ordinalAlpha } : {}),
    })),
    ...(res.ordered.length > 0 ? { ordered: res.ordered } : {}),
    fornellLarcker: lower(res.validity.fornellLarcker.names, res.validity.fornellLarcker.values, true),
    htmt: lower(res.validity.htmt.htmt.names, res.validity.htmt.htmt.values, false),
  };
}

/** Second-order loadings and reliability, structural paths and R² of their outcomes. */
function structuralView(
  res: StudyResults,
  second: FittedModel | undefined,
  structural: FittedModel | undefined,
  first: ReadonlySet<string>,
) {
  const paths = (structural?.parameters ?? [])
    .filter((p) => p.op === "~" && p.group === 1)
    .map((p) => ({ from: p.rhs, to: p.lhs, est: p.est, se: p.se, pvalue: p.pvalue, std: p["std.all"] }));
  const dependents = new Set(paths.map((p) => p.to));
  return {
    secondOrder: (second?.parameters ?? [])
      .filter((p) => p.op === "=~" && p.group === 1 && !first.has(p.lhs))
      .map(loadingRow),
    secondOrderReliability: res.secondOrder.map((s) => ({
      factor: s.factor,
      dimensions: s.dimensions,
      omega: s.omega,
      omegaL1: s.omegaL1,
      omegaL2: s.omegaL2,
      partialOmegaL1: s.partialOmegaL1,
    })),
    paths,
    r2: Object.entries(structural?.r2 ?? {})
      .filter(([v]) => dependents.has(v))
      .map(([variable, r2]) => ({ variable, r2 })),
  };
}

/** The difference tests that were computed (none for ordered items). */
function comparisonsView(res: StudyResults): StudyView["comparisons"] {
  return (res.comparison?.rows ?? []).flatMap((r, i, rows) =>
    r["Chisq diff"] === null || i === 0
      ? []
      : [
          {
            a: MODEL_NAMES[rows[i - 1]!.model as FittedModel["name"]] ?? rows[i - 1]!.model,
            b: MODEL_NAMES[r.model as FittedModel["name"]] ?? r.model,
            dchisq: r["Chisq diff"],
            ddf: r["Df diff"] ?? 0,
            pvalue: r["Pr(>Chisq)"] ?? Number.NaN,
          },
        ],
  );
}

function hypothesesView(res: StudyResults): StudyView["hypotheses"] {
  return res.hypotheses.map((h) => ({
    id: h.id,
    from: h.rhs,
    to: h.lhs,
    std: h["std.all"],
    seStd: h["se.std"],
    pvalueStd: h["pvalue.std"],
    est: h.est,
    se: h.se,
    pvalue: h.pvalue,
    supported: h.supported,
    expected: h.expected,
  }));
}

export function studyViewFromAnalysis(res: StudyResults, meta: FromAnalysisMeta): StudyView {
  const byName = (n: FittedModel["name"]): FittedModel | undefined => res.models.find((m) => m.name === n);
  const measurement = byName("measurement")!;
  const second = byName("second.order");
  const structural = byName("structural");
  const final = structural ?? second ?? measurement;
  const first = new Set(res.design.constructs.map((c) => c.name));
  const labels: Record<string, string> = {};
  for (const c of [...res.design.constructs, ...res.design.secondOrder])
    if (c.label !== undefined) labels[c.name] = c.label;
  const responses = res.data.responses;
  const excluded = [
    ...(responses?.excluded ?? []).map((e) => ({ row: e.row ?? null, reason: e.reason })),
    ...res.data.dropped.map((d) => ({ row: d.row, reason: `line ${d.line}: missing ${d.missing.join(", ")}` })),
  ];
  const vars = variablesOfRows(final.parameters);
  const view: StudyView = {
    title: meta.title,
    subtitle:
      `Screening, reliability and validity, ` +
      `measurement${second ? ", second-order" : ""}${structural ? " and structural" : ""} ` +
      `models ` +
      `(${res.estimator})`,
    meta: [
      { label: "data", value: meta.dataFile },
      { label: "model", value: meta.model },
      { label: "rows", value: `${res.data.rows} in the file, ${res.data.complete} complete` },
      { label: "models fitted on", value: modelSample(res) },
      ...(res.ordered.length > 0 ? [{ label: "ordered items", value: orderedNote(res) }] : []),
      ...(responses !== undefined && responses.recoded.length > 0
        ? [{ label: "reverse-keyed items recoded", value: responses.recoded.join(", ") }]
        : []),
      { label: "isrs", value: meta.version },
    ],
    labels,
    sample: { n: res.data.complete, excluded },
    screening: screeningView(res),
    ...measurementView(res, measurement, first),
    ...structuralView(res, second, structural, first),
    models: res.models.map(modelFitView),
    comparisons: comparisonsView(res),
    hypotheses: hypothesesView(res),
    hypothesisRule:
      "β, SE(β), p(β): the standardized estimate (std.all) with its delta-method standard error and the p of " +
      "β / SE(β), as lavaan's standardizedSolution(). b, SE, p: the unstandardized estimate and its Wald test, " +
      "as parameterEstimates(). Supported: b has the hypothesised sign and its p < .05." +
      (final.missing === "fiml" ? " With FIML, every SE comes from the observed information, as in lavaan." : ""),
    diagram: graphFromFit({ parameters: final.parameters, ...vars }, new Map(Object.entries(labels))),
    problems: problems(res.models),
    warnings: [...warningList(res.models), ...new Set(res.comparison?.warnings ?? [])],
    provenance:
      `Estimates by isrs ${meta.version} (lavaan-compatible; std.all as lavaan's standardizedSolution). ` +
      `Reliability as psych::alpha and semTools (compRelSEM, ` +
      `AVE, htmt${res.ordered.length > 0 ? ORDINAL_PROVENANCE : ""}); ` +
      `Fornell & Larcker (1981) criterion; ` +
      `hypotheses from the ${final.name === "structural" ? "structural" : "final"} model.`,
  };
  return view;
}
