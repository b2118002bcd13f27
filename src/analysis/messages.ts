/**
 * The analysis layer's own input-error codes (the engine's are in sem/messages.ts, the
 * instrument's in instrument/messages.ts). They are raised through the engine's InputError class
 * (one line, exit code 2) and documented in docs/messages.md. The engine knows nothing of study
 * designs: its messages speak of models and data.
 */
import { InputError } from "../sem/messages.js";

/** E_DESIGN: a study design that cannot be analysed (the construct, factor, path or model line is named). */
export type AnalysisErrorCode = "E_DESIGN";

/** An input error of the analysis layer, with one of its codes. */
export class AnalysisError extends InputError<AnalysisErrorCode> {}
