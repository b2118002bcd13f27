/** Probability functions for SEM test statistics, p-values and RMSEA intervals. */
export { logGamma } from "./log-gamma.js";
export { regularizedGammaP, regularizedGammaQ } from "./gamma.js";
export { bd0, logPoissonDensity, poissonDensity, stirlingError } from "./poisson.js";
export { normalCdf, normalDensity, normalQuantile, normalTwoSidedP, normalUpper } from "./normal.js";
export { chisqCdf, chisqDensity, chisqQuantile, chisqUpper } from "./chisq.js";
export { noncentralChisqCdf, noncentralChisqUpper, solveNoncentrality } from "./noncentral-chisq.js";
export { brentRoot } from "./root.js";
export type { RootOptions } from "./root.js";
