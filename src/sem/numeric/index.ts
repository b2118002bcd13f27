/** Elementary functions with the same bits in every JavaScript engine (see elementary.ts, pow.ts). */
import { logBase } from "./double-double.js";

export { exp, log, log1p } from "./elementary.js";
export { pow } from "./pow.js";

/** Base-2 logarithm (exact at powers of 2). */
export const log2 = (x: number): number => logBase(x, 2);

/** Base-10 logarithm (exact at powers of 10 that are doubles). */
export const log10 = (x: number): number => logBase(x, 10);
