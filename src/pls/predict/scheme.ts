/**
 * PLS predictions of new cases from a model estimated on training cases (Shmueli et al. 2016,
 * Journal of Business Research 69(10), §2; seminr 2.3.1, predict.seminr_model): a case is
 * standardised with the training means and standard deviations, its construct scores are its
 * standardised items times the training outer weights, each endogenous construct is predicted
 * from the structural model, its items as predicted score times training loading, then
 * un-standardised. Two ways to predict the endogenous constructs (Danks & Ray 2018, "Predictions
 * from partial least squares models", in Applying Partial Least Squares in Tourism and
 * Hospitality Research):
 * - direct antecedents ("DA", seminr's default predict_DA): ŷ_j = Σ_i b_ij ξ_i from the scores ξ
 *   of j's direct antecedents; a construct that is never an outcome keeps its own score;
 * - earliest antecedents ("EA", predict_EA): the constructs are predicted in causal order, each
 *   from the predictions of its antecedents, starting from the exogenous scores only.
 */

export type PredictTechnique = "DA" | "EA";

/** A trained PLS model in matrix form: p indicators, c constructs. */
export interface TrainedPls {
  p: number;
  c: number;
  /** p×c row-major outer weights (for standardised data) */
  weights: Float64Array;
  /** p×c row-major outer loadings */
  loadings: Float64Array;
  /** c×c row-major path coefficients, row = source, column = target */
  paths: Float64Array;
  /** training means and standard deviations of the p indicators */
  means: Float64Array;
  sds: Float64Array;
}

/** Constructs that are an outcome of some path, in an order where every antecedent comes first. */
export function causalOrder(paths: Float64Array, c: number, isOutcome: readonly boolean[]): number[] {
  const placed = new Array<boolean>(c).fill(false);
  for (let j = 0; j < c; j++) if (!isOutcome[j]) placed[j] = true;
  const order: number[] = [];
  for (let pass = 0; order.length < c && pass <= c; pass++) {
    for (let j = 0; j < c; j++) {
      if (placed[j]) continue;
      let ready = true;
      for (let i = 0; i < c; i++) if (paths[i * c + j] !== 0 && !placed[i]) ready = false;
      if (ready) {
        placed[j] = true;
        order.push(j);
      }
    }
  }
  return order;
}

/**
 * Predicted indicators (raw scale, rows.length × p row-major) of the given rows of the n×p raw
 * data X. `isOutcome[j]`: construct j is the outcome of at least one path.
 */
export function predictItems(
  model: TrainedPls,
  X: Float64Array,
  rows: Int32Array,
  isOutcome: readonly boolean[],
  technique: PredictTechnique,
): Float64Array {
  const { p, c, weights: W, loadings: L, paths: B, means, sds } = model;
  const m = rows.length;
  const out = new Float64Array(m * p);
  const z = new Float64Array(p);
  const score = new Float64Array(c);
  const pred = new Float64Array(c);
  const order = technique === "EA" ? causalOrder(B, c, isOutcome) : [];
  for (let r = 0; r < m; r++) {
    const row = rows[r]!;
    for (let i = 0; i < p; i++) z[i] = (X[row * p + i]! - means[i]!) / sds[i]!;
    score.fill(0);
    for (let i = 0; i < p; i++) for (let j = 0; j < c; j++) score[j] += z[i]! * W[i * c + j]!;
    if (technique === "DA") {
      for (let j = 0; j < c; j++) {
        if (!isOutcome[j]) {
          pred[j] = score[j]!;
          continue;
        }
        let s = 0;
        for (let i = 0; i < c; i++) s += score[i]! * B[i * c + j]!;
        pred[j] = s;
      }
    } else {
      for (let j = 0; j < c; j++) pred[j] = isOutcome[j] ? 0 : score[j]!;
      for (const j of order) {
        let s = 0;
        for (let i = 0; i < c; i++) s += pred[i]! * B[i * c + j]!;
        pred[j] = s;
      }
    }
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let j = 0; j < c; j++) s += pred[j]! * L[i * c + j]!;
      out[r * p + i] = s * sds[i]! + means[i]!;
    }
  }
  return out;
}
