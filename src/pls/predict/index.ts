/**
 * PLSpredict (Shmueli et al. 2016; Shmueli et al. 2019; seminr 2.3.1 predict_pls): k-fold
 * (seeded) or leave-one-out cross-validated predictions of every indicator of every endogenous
 * construct by the PLS model (direct-antecedent scheme by default, earliest-antecedent on
 * request) and by the linear-model benchmark; RMSE, MAE and Q²predict per item. The folds re-use
 * the data as the model was fitted (missing values already replaced), as seminr's do; each
 * training set is estimated with the model's own options. Models with higher-order constructs
 * are refused, as seminr refuses them (no published PLSpredict procedure for them).
 */
import { preparePlsData } from "../data.js";
import { estimatePls } from "../estimate.js";
import type { PlsData, PlsEstimate, PlsOptions, PlsSpec } from "../types.js";
import { InputError } from "../../sem/messages.js";
import { crossValidate, type CvResult, type ItemPrediction } from "./cross-validate.js";
import { assignFolds } from "./folds.js";
import type { PredictTechnique, TrainedPls } from "./scheme.js";

export type { ItemPrediction } from "./cross-validate.js";
export type { PredictTechnique } from "./scheme.js";

export interface PlsPredictOptions {
  /** number of folds, or "loo" (leave-one-out, the default) */
  folds?: number | "loo";
  /** seed of the fold assignment (k-fold only); default 0 */
  seed?: number;
  /** "DA" direct antecedents (default, seminr's predict_DA) or "EA" earliest antecedents */
  technique?: PredictTechnique;
}

export interface PlsPrediction {
  technique: PredictTechnique;
  /** "loo" or the number of folds */
  folds: number | "loo";
  seed: number | null;
  /** out-of-sample metrics per endogenous item (and in-sample ones, "is.*") */
  items: ItemPrediction[];
  warnings: string[];
}

/** The PLS model of one training set in the matrix form of scheme.ts, over `items` × `constructs`. */
export function trainedFrom(est: PlsEstimate, items: readonly string[], constructs: readonly string[]): TrainedPls {
  const p = items.length;
  const c = constructs.length;
  const weights = new Float64Array(p * c);
  const loadings = new Float64Array(p * c);
  for (const o of est.outer) {
    const i = items.indexOf(o.indicator);
    const j = constructs.indexOf(o.construct);
    weights[i * c + j] = o.weight;
    loadings[i * c + j] = o.loading;
  }
  const paths = new Float64Array(c * c);
  est.constructs.forEach((from, a) =>
    est.constructs.forEach(
      (to, b) => (paths[constructs.indexOf(from) * c + constructs.indexOf(to)] = est.pathMatrix[a]![b]!),
    ),
  );
  const means = Float64Array.from(items, (it) => est.indicatorMeans[it]!);
  const sds = Float64Array.from(items, (it) => est.indicatorSds[it]!);
  return { p, c, weights, loadings, paths, means, sds };
}

function foldCount(n: number, folds: number | "loo"): number {
  if (folds === "loo") return n;
  if (!Number.isInteger(folds) || folds < 2 || folds > n)
    throw new InputError("E_USAGE", `PLSpredict: --folds ${folds}: a whole number from 2 to ${n} (the rows), or loo`);
  return folds;
}

/** Cross-validated predictions of the model `spec` fitted as `est` on `data`. */
export function plsPredict(
  data: PlsData,
  spec: PlsSpec,
  est: PlsEstimate,
  options: PlsOptions = {},
  predict: PlsPredictOptions = {},
): PlsPrediction {
  if (spec.constructs.some((c) => c.higherOrder))
    throw new InputError(
      "E_USAGE",
      "PLSpredict: the model has higher-order constructs, for which no PLSpredict procedure is published " +
        "(seminr refuses too)",
    );
  const folds = predict.folds ?? "loo";
  const technique = predict.technique ?? "DA";
  const K = foldCount(data.n, folds);
  const seed = predict.seed ?? 0;
  const items = data.items;
  const p = items.length;
  const n = data.n;
  const X = new Float64Array(n * p);
  items.forEach((it, j) => data.columns[it]!.forEach((v, i) => (X[i * p + j] = v)));
  const constructs = est.constructs;
  const blocks = constructs.map((c) =>
    est.blocks.find((b) => b.construct === c)!.indicators.map((i) => items.indexOf(i)),
  );
  const isOutcome = constructs.map((c) => est.endogenous.includes(c));
  const fold = assignFolds(n, K, seed);
  const train = (rows: Int32Array): TrainedPls => {
    const cols: Record<string, Float64Array> = {};
    for (const it of items) {
      const src = data.columns[it]!;
      cols[it] = Float64Array.from(rows, (r) => src[r]!);
    }
    const d = preparePlsData(cols, spec, { ...options, missing: "mean" }, "PLSpredict training set");
    return trainedFrom(estimatePls(d, spec, options, "PLSpredict training set"), items, constructs);
  };
  const cv: CvResult = crossValidate({ n, p, items, X }, { blocks, isOutcome }, fold, K, train, technique);
  const warnings = cv.lmFailures.map(
    (f) =>
      `PLSpredict: the LM benchmark of ${constructs[f.construct]} could not be fitted in fold ${f.fold + 1} ` +
      "(collinear predictors)",
  );
  return { technique, folds, seed: folds === "loo" ? null : seed, items: cv.items, warnings };
}
