/**
 * The ISRS instrument: its definition and model, loading responses against it, simulation, scoring against norms, and
 * the printable questionnaire.
 */
export { InstrumentSchema } from "./schema.js";
export type { Instrument, Scale, Construct, Item } from "./schema.js";
export {
  BUNDLED_INSTRUMENT,
  BUNDLED_DATASET,
  bundledDatasetPath,
  loadInstrument,
  parseInstrument,
  constructsOf,
  secondOrderOf,
  itemsOf,
  scaleOf,
  loadResponses,
} from "./load.js";
export { instrumentModelSyntax } from "./model.js";
export { checkResponses, recode } from "./responses.js";
export type { Responses, ResponseExclusion, ExclusionKind, LoadResponsesOptions } from "./responses.js";
export { populationModel } from "./population.js";
export type { PopulationModel } from "./population.js";
export { simulate, sampleCsv, thresholds } from "./simulate.js";
export type { SimulateOptions, SimulatedSample } from "./simulate.js";
export { createRng } from "./rng.js";
export type { Rng } from "./rng.js";
export { fitWeights } from "./weights.js";
export {
  scoreFirms,
  scoreReport,
  weightsFromFit,
  dimensionScores,
  isrsIndex,
  profileOf,
  weakestPractices,
  itemValues,
  PROFILES,
} from "./score.js";
export type {
  ScoreReport,
  FirmScore,
  DimensionScore,
  DimensionNorm,
  IndexSummary,
  WeakPractice,
  Weights,
  Profile,
  ScoreInput,
  ScoreFirmsInput,
} from "./score.js";
export { percentileRank, quantileSorted, compareScores, TIE_TOLERANCE } from "./norms.js";
export { renderInstrument, escapeHtml, RENDER_FORMATS } from "./render.js";
export type { RenderFormat } from "./render.js";
