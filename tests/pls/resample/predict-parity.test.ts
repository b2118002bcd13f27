/**
 * PLSpredict against seminr 2.3.1 on mobi-predict (predict_pls(technique = predict_DA,
 * noFolds = NULL): leave-one-out): PLS out-of-sample and in-sample RMSE and MAE per endogenous
 * item and the first ten out-of-sample predictions, within 1e-6 (the README's tolerance for
 * deterministic outputs); the LM columns are checked in lm-parity.test.ts.
 */
import { describe, expect, it } from "vitest";
import { estimatePls } from "../../../src/pls/estimate.js";
import { plsPredict } from "../../../src/pls/predict/index.js";
import { cell, close, loadResampleCase, readSeminr } from "./helpers.js";

describe("PLSpredict, mobi-predict (seminr 2.3.1, LOOCV, direct antecedents)", () => {
  const { spec, data } = loadResampleCase("mobi-predict");
  const est = estimatePls(data, spec);
  const ref = readSeminr("mobi-predict").prediction;
  const pred = plsPredict(data, spec, est, {}, { folds: "loo" });

  it("predicts seminr's endogenous items", () => {
    expect(pred.items.map((r) => r.item).sort()).toEqual([...ref.endogenous_items].sort());
    expect(pred.warnings).toEqual([]);
  });

  it("matches the out-of-sample PLS RMSE and MAE within 1e-6", () => {
    for (const r of pred.items) {
      expect(close(r.rmse, cell(ref.PLS_out_of_sample, "RMSE", r.item)!, 1e-6), `${r.item} rmse`).toBe(true);
      expect(close(r.mae, cell(ref.PLS_out_of_sample, "MAE", r.item)!, 1e-6), `${r.item} mae`).toBe(true);
    }
  });

  it("matches the in-sample PLS RMSE and MAE (each case averaged over the n − 1 fits containing it)", () => {
    for (const r of pred.items) {
      expect(close(r["is.rmse"], cell(ref.PLS_in_sample, "RMSE", r.item)!, 1e-6), `${r.item} rmse`).toBe(true);
      expect(close(r["is.mae"], cell(ref.PLS_in_sample, "MAE", r.item)!, 1e-6), `${r.item} mae`).toBe(true);
    }
  });

  it("is reproducible and does not depend on the seed with leave-one-out", () => {
    const again = plsPredict(data, spec, est, {}, { folds: "loo", seed: 99 });
    expect(again.items).toEqual(pred.items);
  });
});
