/**
 * PLSpredict's cross-validation (Shmueli et al. 2016; Shmueli et al. 2019, European Journal of
 * Marketing 53(11); seminr 2.3.1 predict_pls): for each fold the PLS model and the linear-model
 * benchmark are estimated on the other folds; the fold's cases are predicted out of sample, the
 * training cases in sample. Out-of-sample predictions have one value per case; in-sample ones are
 * averaged over the K − 1 fits that contained the case (seminr's mean_rows). Residuals are
 * actual − predicted; the metrics (metrics.ts) are per endogenous item.
 */
import { centredMoments, fitLmBlock, lmPredict, type LmBlock } from "./lm.js";
import { naiveSse, residualMetrics } from "./metrics.js";
import { predictItems, type PredictTechnique, type TrainedPls } from "./scheme.js";

/** The data as the model was fitted (missing values already replaced): n×p row-major. */
export interface CvData {
  n: number;
  p: number;
  items: readonly string[];
  X: Float64Array;
}

export interface CvModel {
  /** per construct: its indicator columns */
  blocks: readonly (readonly number[])[];
  /** per construct: it is the outcome of at least one path */
  isOutcome: readonly boolean[];
}

/** Estimates the PLS model on the given training rows; throws when the estimation fails. */
export type Trainer = (rows: Int32Array) => TrainedPls;

export interface ItemPrediction {
  item: string;
  rmse: number;
  mae: number;
  q2predict: number;
  "lm.rmse": number;
  "lm.mae": number;
  "lm.q2predict": number;
  "is.rmse": number;
  "is.mae": number;
  "lm.is.rmse": number;
  "lm.is.mae": number;
}

export interface CvResult {
  folds: number;
  items: ItemPrediction[];
  /** endogenous item columns, in the order of `items` */
  columns: number[];
  /** n×q out-of-sample predictions of the q endogenous items: PLS and LM */
  plsOut: Float64Array;
  lmOut: Float64Array;
  /** folds whose LM benchmark could not be fitted (collinear predictors), per endogenous construct */
  lmFailures: { construct: number; fold: number }[];
}

function rowsWhere(fold: Int32Array, f: number, inFold: boolean): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < fold.length; i++) if ((fold[i] === f) === inFold) out.push(i);
  return Int32Array.from(out);
}

/** Endogenous constructs' items (in construct order) and each construct's LM block. */
function lmBlocks(model: CvModel, p: number): { columns: number[]; blocks: { construct: number; block: LmBlock }[] } {
  const columns: number[] = [];
  const blocks: { construct: number; block: LmBlock }[] = [];
  model.blocks.forEach((items, j) => {
    if (!model.isOutcome[j]) return;
    columns.push(...items);
    const own = new Set(items);
    const predictors = Array.from({ length: p }, (_, i) => i).filter((i) => !own.has(i));
    blocks.push({ construct: j, block: { responses: items, predictors } });
  });
  return { columns, blocks };
}

export function crossValidate(
  data: CvData,
  model: CvModel,
  fold: Int32Array,
  folds: number,
  train: Trainer,
  technique: PredictTechnique,
): CvResult {
  const { n, p, X } = data;
  const { columns, blocks } = lmBlocks(model, p);
  const q = columns.length;
  const plsOut = new Float64Array(n * q);
  const lmOut = new Float64Array(n * q);
  const plsIn = new Float64Array(n * q);
  const lmIn = new Float64Array(n * q);
  const lmFailures: CvResult["lmFailures"] = [];
  for (let f = 0; f < folds; f++) {
    const test = rowsWhere(fold, f, true);
    const training = rowsWhere(fold, f, false);
    const fitted = train(training);
    const out = predictItems(fitted, X, test, model.isOutcome, technique);
    const inn = predictItems(fitted, X, training, model.isOutcome, technique);
    columns.forEach((col, k) => {
      test.forEach((row, r) => (plsOut[row * q + k] = out[r * p + col]!));
      training.forEach((row, r) => (plsIn[row * q + k] += inn[r * p + col]!));
    });
    let k0 = 0;
    const moments = centredMoments(X, p, training);
    for (const { construct, block } of blocks) {
      const lm = fitLmBlock(moments, p, block);
      if (lm.coef.some((c) => c === null)) lmFailures.push({ construct, fold: f });
      block.responses.forEach((_, r) => {
        for (const row of test) lmOut[row * q + k0 + r] = lmPredict(X, p, row, block, lm, r);
        for (const row of training) lmIn[row * q + k0 + r] += lmPredict(X, p, row, block, lm, r);
      });
      k0 += block.responses.length;
    }
  }
  const items = itemMetrics(data, columns, fold, folds, { plsOut, lmOut, plsIn, lmIn });
  return { folds, items, columns, plsOut, lmOut, lmFailures };
}

function itemMetrics(
  data: CvData,
  columns: number[],
  fold: Int32Array,
  folds: number,
  pred: { plsOut: Float64Array; lmOut: Float64Array; plsIn: Float64Array; lmIn: Float64Array },
): ItemPrediction[] {
  const { n, p, X } = data;
  const q = columns.length;
  const naive = naiveSse(X, n, p, fold, folds);
  const residuals = (m: Float64Array, average: boolean): Float64Array => {
    const r = new Float64Array(n * q);
    for (let i = 0; i < n; i++)
      columns.forEach((col, k) => {
        r[i * q + k] = X[i * p + col]! - (average ? m[i * q + k]! / (folds - 1) : m[i * q + k]!);
      });
    return r;
  };
  const rPlsOut = residuals(pred.plsOut, false);
  const rLmOut = residuals(pred.lmOut, false);
  const rPlsIn = residuals(pred.plsIn, true);
  const rLmIn = residuals(pred.lmIn, true);
  return columns.map((col, k) => {
    const pls = residualMetrics(rPlsOut, n, q, k);
    const lm = residualMetrics(rLmOut, n, q, k);
    const plsIn = residualMetrics(rPlsIn, n, q, k);
    const lmIn = residualMetrics(rLmIn, n, q, k);
    const q2 = (sse: number): number => 1 - sse / naive[col]!;
    return {
      item: data.items[col]!,
      rmse: pls.rmse,
      mae: pls.mae,
      q2predict: q2(pls.sse),
      "lm.rmse": lm.rmse,
      "lm.mae": lm.mae,
      "lm.q2predict": q2(lm.sse),
      "is.rmse": plsIn.rmse,
      "is.mae": plsIn.mae,
      "lm.is.rmse": lmIn.rmse,
      "lm.is.mae": lmIn.mae,
    };
  });
}
