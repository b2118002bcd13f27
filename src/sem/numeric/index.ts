/** Elementary functions with the same bits in every JavaScript engine (see elementary.ts, pow.ts). */
export { exp, log, log1p } from "./elementary.js";
export { pow } from "./pow.js";
