/**
 * A study view from one fitted model (the engine alone, no instrument): loadings, second-order
 * loadings, paths, R², fit indices, a hypothesis per structural path between constructs, and
 * reliability from the standardized solution:
 *   CR = (Σλ)² / ((Σλ)² + Σ(1 − λ²)),  AVE = Σλ² / k
 * with λ the completely standardized loadings of a factor's k indicators (Fornell & Larcker 1981,
 * eqs. 10 and 11; residuals assumed uncorrelated).
 */
import type { FitResult, ParameterEstimate } from "../sem/results.js";
import type { FitIndices } from "./cutoffs.js";
import { graphFromFit } from "./diagram/graph.js";
import type { ConstructMatrix, LoadingRow, ModelFitView, PathRow, ReliabilityRow, StudyView } from "./study.js";

// a fixed parameter (no p-value) shows no standard error, where lavaan prints 0
const loadingRow = (p: ParameterEstimate): LoadingRow => ({ factor: p.lhs, indicator: p.rhs, est: p.est, se: p.pvalue === null ? null : p.se, pvalue: p.pvalue, std: p["std.all"] });

/** CR and AVE of each first-order factor from its standardized loadings (formulas above). */
export function reliabilityFromStd(loadings: readonly LoadingRow[]): ReliabilityRow[] {
  const factors = [...new Set(loadings.map((l) => l.factor))];
  return factors.map((f) => {
    const lam = loadings.filter((l) => l.factor === f && l.std !== null).map((l) => l.std!);
    const sum = lam.reduce((a, b) => a + b, 0);
    const sq = lam.reduce((a, b) => a + b * b, 0);
    const err = lam.reduce((a, b) => a + (1 - b * b), 0);
    return { construct: f, items: lam.length, cr: (sum * sum) / (sum * sum + err), ave: sq / lam.length };
  });
}

/** √AVE on the diagonal and the estimated factor correlations below it (null where the model has none). */
function fornellLarcker(params: readonly ParameterEstimate[], rel: readonly ReliabilityRow[]): ConstructMatrix | undefined {
  const cs = rel.map((r) => r.construct);
  const r = (a: string, b: string): number | null =>
    params.find((p) => p.op === "~~" && ((p.lhs === a && p.rhs === b) || (p.lhs === b && p.rhs === a)))?.["std.all"] ?? null;
  const values = cs.map((a, i) => cs.map((b, j) => (i === j ? Math.sqrt(rel[i]!.ave!) : j < i ? r(a, b) : null)));
  const any = values.some((row, i) => row.some((x, j) => j < i && x !== null));
  return any ? { constructs: cs, values } : undefined;
}

export function fitIndices(fit: Record<string, number>): FitIndices {
  const g = (k: string): number => fit[k] ?? Number.NaN;
  return {
    chisq: g("chisq"), df: g("df"), pvalue: g("pvalue"), cfi: g("cfi"), tli: g("tli"), rmsea: g("rmsea"),
    rmseaLower: g("rmsea.ci.lower"), rmseaUpper: g("rmsea.ci.upper"), srmr: g("srmr"), aic: g("aic"), bic: g("bic"),
  };
}

export function modelFitView(name: string, fit: FitResult): ModelFitView {
  return { name, estimator: fit.estimator, converged: fit.converged, ...fitIndices(fit.fit) };
}

export interface FromFitMeta {
  title: string;
  dataFile: string;
  modelFile: string;
  version: string;
  labels?: Record<string, string>;
}

export function studyViewFromFit(fit: FitResult, meta: FromFitMeta): StudyView {
  const params = fit.parameters.filter((p) => p.group === 1);
  const latent = new Set(fit.latent);
  const loadings = params.filter((p) => p.op === "=~" && !latent.has(p.rhs)).map(loadingRow);
  const secondOrder = params.filter((p) => p.op === "=~" && latent.has(p.rhs)).map(loadingRow);
  const paths: PathRow[] = params.filter((p) => p.op === "~").map((p) => ({ from: p.rhs, to: p.lhs, est: p.est, se: p.se, pvalue: p.pvalue, std: p["std.all"] }));
  const dependents = [...new Set(paths.map((p) => p.to))];
  const r2 = dependents.flatMap((v) => {
    const res = params.find((p) => p.op === "~~" && p.lhs === v && p.rhs === v)?.["std.all"];
    return res === undefined || res === null ? [] : [{ variable: v, r2: 1 - res }];
  });
  const reliability = reliabilityFromStd(loadings);
  const hypotheses = paths
    .filter((p) => latent.has(p.from) && latent.has(p.to))
    .map((p, i) => ({ id: `H${i + 1}`, from: p.from, to: p.to, std: p.std, se: p.se, pvalue: p.pvalue, supported: p.std !== null && p.std > 0 && p.pvalue !== null && p.pvalue < 0.05 }));
  const view: StudyView = {
    title: meta.title,
    subtitle: `Structural equation model fitted by ${fit.estimator}`,
    meta: [
      { label: "data", value: meta.dataFile },
      { label: "model", value: meta.modelFile },
      { label: "observations", value: fit.nobs.join(" + ") },
      { label: "isrs", value: meta.version },
    ],
    labels: meta.labels ?? {},
    sample: { n: fit.nobs.reduce((a, b) => a + b, 0), excluded: fit.dropped.map((d) => ({ row: d.row, reason: droppedReason(d) })) },
    loadings,
    reliability,
    secondOrder,
    paths,
    r2,
    models: [modelFitView("model", fit)],
    comparisons: [],
    hypotheses,
    diagram: graphFromFit(fit, new Map(Object.entries(meta.labels ?? {}))),
    warnings: fit.warnings.map((w) => `${w.code}: ${w.message}`),
    provenance: `Estimates by isrs ${meta.version} (maximum likelihood, lavaan-compatible; standardized values are lavaan's std.all). CR and AVE from the standardized loadings (Fornell & Larcker 1981).`,
  };
  const fl = fornellLarcker(params, reliability);
  if (fl !== undefined) view.fornellLarcker = fl;
  return view;
}

function droppedReason(d: FitResult["dropped"][number]): string {
  return `line ${d.line}: missing ${d.missing.join(", ")}`;
}
