/** The analysis worker (placeholder). */
export {};
