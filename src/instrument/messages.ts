/**
 * The instrument layer's own input-error codes (the engine's are in sem/messages.ts). They are
 * raised through the engine's InputError class (one line, exit code 2), documented in
 * docs/messages.md.
 */
import { InputError } from "../sem/messages.js";

export type InstrumentErrorCode =
  | "E_INSTRUMENT" // an instrument definition file that fails validation (the path is named)
  | "E_OUT_OF_SCALE" // a response that is not a point of its item's scale
  | "E_DUPLICATE_ID" // a firm id that appears on two rows
  | "E_NO_FIRM"; // a firm id asked for that is not in the data

/** An input error of the instrument layer, with one of its codes. */
export class InstrumentError extends InputError<InstrumentErrorCode> {}
