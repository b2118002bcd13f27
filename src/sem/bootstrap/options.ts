/**
 * Bootstrap options, declared once: the number of draws (lavaan's `bootstrap`, with
 * se = "bootstrap"), the seed, the test (lavaan's test = "bollen.stine"), the worker threads
 * and the confidence level. The limits are shared with the command line.
 */
import * as z from "zod";
import { InputError } from "../messages.js";
import { MAX_SEED } from "./prng.js";

import { BOOTSTRAP_MAX, BOOTSTRAP_TESTS, WORKERS_MAX } from "./limits.js";

export { BOOTSTRAP_MAX, BOOTSTRAP_TESTS, JACKKNIFE_MAX_ROWS, WORKERS_MAX } from "./limits.js";

export const BootstrapOptionsSchema = z.object({
  bootstrap: z.number().int().min(1).max(BOOTSTRAP_MAX),
  seed: z.number().int().min(0).max(MAX_SEED).optional(),
  test: z.enum(BOOTSTRAP_TESTS).default("standard"),
  /** worker threads; default: the machine's available cores */
  workers: z.number().int().min(1).max(WORKERS_MAX).optional(),
  level: z.number().gt(0).lt(1).default(0.95),
  /** estimate the BCa acceleration by the jackknife (one refit per row, up to JACKKNIFE_MAX_ROWS rows) */
  jackknife: z.boolean().default(true),
  /** run in this thread below this many refits in all */
  minTasksForWorkers: z.number().int().min(0).optional(),
});

export type BootstrapOptionsInput = z.input<typeof BootstrapOptionsSchema>;
export type BootstrapOptions = z.output<typeof BootstrapOptionsSchema>;

export function parseBootstrapOptions(input: BootstrapOptionsInput): BootstrapOptions {
  const parsed = BootstrapOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError("E_USAGE", `bootstrap option ${issue.path.join(".") || "?"}: ${issue.message}`);
  }
  return parsed.data;
}
