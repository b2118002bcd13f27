/**
 * Input errors of the ordinal statistics (one line, exit code 2, through the engine's InputError;
 * documented in docs/messages.md).
 */
import { InputError } from "../../messages.js";

export type OrdinalErrorCode =
  | "E_ORDINAL_VALUE" // a value of an ordered item that is not a whole number
  | "E_ORDINAL_CATEGORIES"; // an ordered item with one category, more than 20, or a category empty in a group

export class OrdinalInputError extends InputError<OrdinalErrorCode> {}

/** Most categories an ordered item may have: above it the item is better treated as continuous. */
export const MAX_CATEGORIES = 20;
