/**
 * The linear-model benchmark of PLSpredict against seminr 2.3.1 on mobi-predict (leave-one-out):
 * LM_out_of_sample / LM_in_sample RMSE and MAE within 1e-6, and the reference's Q²predict (see
 * the last test for why it needs call.R's own arithmetic). The PLS side is replaced by a model
 * predicting the training means, which the LM columns do not depend on.
 */
import { describe, expect, it } from "vitest";
import { crossValidate } from "../../../src/pls/predict/cross-validate.js";
import { cell, close, readNumericCsv, readSeminr } from "./helpers.js";

const BLOCKS: Record<string, string[]> = {
  Image: ["IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"],
  Expectation: ["CUEX1", "CUEX2", "CUEX3"],
  Quality: ["PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7"],
  Value: ["PERV1", "PERV2"],
  Satisfaction: ["CUSA1", "CUSA2", "CUSA3"],
  Complaints: ["CUSCO"],
  Loyalty: ["CUSL1", "CUSL2", "CUSL3"],
};

describe("PLSpredict LM benchmark, mobi-predict (seminr 2.3.1, leave-one-out)", () => {
  const data = readNumericCsv("mobi-predict/data.csv");
  const ref = readSeminr("mobi-predict").prediction;
  const names = Object.keys(BLOCKS);
  const blocks = names.map((c) => BLOCKS[c]!.map((i) => data.columns.indexOf(i)));
  const c = names.length;
  const p = data.p;
  const means = new Float64Array(p);
  const meanModel = {
    p,
    c,
    weights: new Float64Array(p * c),
    loadings: new Float64Array(p * c),
    paths: new Float64Array(c * c),
    means,
    sds: new Float64Array(p).fill(1),
  };
  const fold = Int32Array.from({ length: data.n }, (_, i) => i);
  const res = crossValidate(
    { n: data.n, p, items: data.columns, X: data.X },
    { blocks, isOutcome: names.map((n) => n !== "Image") },
    fold,
    data.n,
    () => meanModel,
    "DA",
  );

  it("predicts every item of every endogenous construct", () => {
    expect(res.items.map((r) => r.item).sort()).toEqual([...ref.endogenous_items].sort());
    expect(res.lmFailures).toEqual([]);
  });

  it("matches seminr's out-of-sample and in-sample LM RMSE and MAE and the LM Q²predict within 1e-6", () => {
    for (const r of res.items) {
      expect(close(r["lm.rmse"], cell(ref.LM_out_of_sample, "RMSE", r.item)!, 1e-6), `${r.item} rmse`).toBe(true);
      expect(close(r["lm.mae"], cell(ref.LM_out_of_sample, "MAE", r.item)!, 1e-6), `${r.item} mae`).toBe(true);
      expect(close(r["lm.is.rmse"], cell(ref.LM_in_sample, "RMSE", r.item)!, 1e-6), `${r.item} is rmse`).toBe(true);
      expect(close(r["lm.is.mae"], cell(ref.LM_in_sample, "MAE", r.item)!, 1e-6), `${r.item} is mae`).toBe(true);
    }
  });

  it("gives Q²predict = 1 − SSE / SSE of the leave-one-out mean, the README's definition", () => {
    // closed form of the naive SSE with leave-one-out: n²/(n − 1)² Σ(x − x̄)²
    const n = data.n;
    for (const r of res.items) {
      const j = data.columns.indexOf(r.item);
      let m = 0;
      for (let i = 0; i < n; i++) m += data.X[i * p + j]! / n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (data.X[i * p + j]! - m) ** 2;
      const naive = (n * n * ss) / ((n - 1) * (n - 1));
      expect(r["lm.q2predict"]).toBeCloseTo(1 - (n * r["lm.rmse"] ** 2) / naive, 10);
    }
  });

  it("explains the reference's Q²predict: call.R's naive SSE recycles colSums(y) down the matrix", () => {
    // call.R computes naive_loo <- (colSums(y) - y) / (n - 1): R recycles the q column sums in
    // column-major order over the n×q matrix, so entry (i, j) subtracts the sum of column
    // (j n + i) mod q, not of column j. Reproducing that arithmetic gives the reference's numbers
    // exactly (the naive SSE and Q²predict of the LM residuals): the residuals agree, the
    // reference's Q²predict does not follow its own stated definition (ours above does).
    const n = data.n;
    const items: string[] = ref.endogenous_items;
    const q = items.length;
    const cols = items.map((it) => data.columns.indexOf(it));
    const sums = cols.map((j) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += data.X[i * p + j]!;
      return s;
    });
    items.forEach((item, k) => {
      let sse = 0;
      for (let i = 0; i < n; i++) {
        const y = data.X[i * p + cols[k]!]!;
        sse += (y - (sums[(k * n + i) % q]! - y) / (n - 1)) ** 2;
      }
      expect(close(sse, ref.Q2predict.naive_sse_leave_one_out_mean[item], 1e-9), `${item} naive`).toBe(true);
      const r = res.items.find((x) => x.item === item)!;
      expect(close(1 - (n * r["lm.rmse"] ** 2) / sse, ref.Q2predict.LM[item], 1e-6), `${item} q2`).toBe(true);
    });
  });

  it("matches seminr's first ten out-of-sample LM predictions", () => {
    const first = ref.LM_out_of_sample_predictions_first10;
    for (let i = 0; i < 10; i++)
      res.columns.forEach((col, k) => {
        const item = data.columns[col]!;
        expect(close(res.lmOut[i * res.columns.length + k]!, first.values[i][first.cols.indexOf(item)], 1e-6)).toBe(
          true,
        );
      });
  });
});
