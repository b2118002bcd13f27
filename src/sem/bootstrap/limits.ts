/** The limits of the bootstrap options, in a module of their own for the command line (no zod). */
/**
 * The largest number of draws accepted. Beyond it the Monte Carlo part of a bootstrap standard
 * error, about 1/√(2B) relative (Efron & Tibshirani 1993, eq. 6.9), is below 0.3% and the
 * draws (B × parameters doubles, plus the Bollen-Stine statistics) start to cost real memory.
 */
export const BOOTSTRAP_MAX = 100_000;
export const WORKERS_MAX = 256;
/** Above this many rows the BCa acceleration is not estimated (one refit per row); bca.simple is reported. */
export const JACKKNIFE_MAX_ROWS = 5000;
export const BOOTSTRAP_TESTS = ["standard", "bollen.stine"] as const;
