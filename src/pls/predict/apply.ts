/**
 * PLSpredict on an analysis (the library's entry and `isrs pls --predict`): the `prediction`
 * rows (one per endogenous item) and their settings written into the result object. Browser-safe.
 */
import type { PlsAnalysis } from "../analyze.js";
import { optionsOfResults } from "../bootstrap/apply.js";
import type { PlsResults } from "../results.js";
import { plsPredict, type PlsPredictOptions, type PlsPrediction } from "./index.js";

export function applyPrediction(r: PlsResults, p: PlsPrediction): void {
  r.prediction = p.items;
  Object.assign(r, {
    predictionSettings: {
      technique: p.technique === "DA" ? "direct antecedents" : "earliest antecedents",
      folds: p.folds,
      seed: p.seed,
      q2predict: "1 - SSE / SSE of the training-fold mean",
    },
  });
  for (const m of p.warnings) r.warnings.push({ code: "W_PLS_PREDICT", message: m });
}

/** Cross-validated predictions of an analysis' model (leave-one-out by default), added to its results. */
export function plsPrediction(analysis: PlsAnalysis, options: PlsPredictOptions = {}): PlsPrediction {
  const r = analysis.results;
  const p = plsPredict(analysis.data, analysis.spec, analysis.estimate, optionsOfResults(r), options);
  applyPrediction(r, p);
  return p;
}
