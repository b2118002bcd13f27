/** The ISRS instrument: its definition, its model, loading responses against it, and simulation. */
export { InstrumentSchema } from "./schema.js";
export type { Instrument, Scale, Construct, Item } from "./schema.js";
export {
  BUNDLED_INSTRUMENT, BUNDLED_DATASET, bundledDatasetPath, loadInstrument, parseInstrument,
  constructsOf, secondOrderOf, itemsOf, scaleOf,
} from "./load.js";
export { instrumentModelSyntax } from "./model.js";
export { loadResponses, checkResponses, recode } from "./responses.js";
export type { Responses, ResponseExclusion, ExclusionKind, LoadResponsesOptions } from "./responses.js";
export { populationModel } from "./population.js";
export type { PopulationModel } from "./population.js";
export { simulate, sampleCsv, thresholds } from "./simulate.js";
export type { SimulateOptions, SimulatedSample } from "./simulate.js";
export { createRng } from "./rng.js";
export type { Rng } from "./rng.js";
