/**
 * The bootstrap flags of `isrs fit` (--bootstrap N, --seed S, --test bollen-stine, --workers K,
 * --no-jackknife)
 * and their checks: each bad value is one line naming the flag (exit code 2). The limits come
 * from the engine (sem/bootstrap/options.ts).
 */
import type { Command } from "commander";
import { BOOTSTRAP_MAX, WORKERS_MAX } from "../../sem/bootstrap/limits.js";
import type { BootstrapOptionsInput } from "../../sem/bootstrap/options.js";
import { MAX_SEED } from "../../sem/bootstrap/prng.js";
import { InputError } from "../../sem/messages.js";

export interface CliBootstrapFlags {
  bootstrap?: string;
  seed?: string;
  test?: string;
  workers?: string;
  /** false with --no-jackknife */
  jackknife?: boolean;
}

export function addBootstrapOptions(cmd: Command): Command {
  return cmd
    .option(
      "--bootstrap <n>",
      `bootstrap standard errors and confidence intervals from N draws (1 to ${BOOTSTRAP_MAX})`,
    )
    .option(
      "--seed <s>",
      "seed of the bootstrap draws, a whole number from 0 to 2^53-1 (default: drawn at random and reported)",
    )
    .option("--test <name>", "model test in addition to the chi-square: standard or bollen-stine (needs --bootstrap)")
    .option("--workers <k>", "worker threads for the bootstrap (default: the available cores)")
    .option(
      "--no-jackknife",
      "skip the jackknife (one refit per row) behind the BCa acceleration: BCa columns become bca.simple",
    );
}

/** A whole number written in plain digits, or null. */
function wholeNumber(text: string): number | null {
  const s = text.trim();
  if (!/^[+-]?\d+$/.test(s)) return null;
  const v = Number(s);
  return Number.isSafeInteger(v) ? v : null;
}

function bounded(flag: string, text: string, what: string, min: number, max: number): number {
  const v = wholeNumber(text);
  if (v === null || v < min || v > max) {
    throw new InputError("E_USAGE", `--${flag} ${text}: ${what} must be a whole number from ${min} to ${max}`);
  }
  return v;
}

/**
 * A seed, the one rule of every command that takes one (`fit --bootstrap`, `simulate`): a whole
 * number in plain digits from 0 to 2^53 - 1; anything else is one usage line.
 */
export function seedOption(text: string): number {
  return bounded("seed", text, "the seed", 0, MAX_SEED);
}

/** The engine's bootstrap options, or null without --bootstrap; throws E_USAGE on a bad value. */
export function toBootstrapOptions(f: CliBootstrapFlags): BootstrapOptionsInput | null {
  const test = f.test === undefined ? "standard" : f.test.trim().toLowerCase().replace("-", ".");
  if (test !== "standard" && test !== "bollen.stine")
    throw new InputError("E_USAGE", `--test ${f.test}: use standard or bollen-stine`);
  if (f.bootstrap === undefined) {
    if (test === "bollen.stine")
      throw new InputError(
        "E_USAGE",
        "--test bollen-stine needs --bootstrap N (the number of bootstrap draws, e.g. 1000)",
      );
    if (f.seed !== undefined) throw new InputError("E_USAGE", `--seed ${f.seed} is only used with --bootstrap N`);
    if (f.workers !== undefined)
      throw new InputError("E_USAGE", `--workers ${f.workers} is only used with --bootstrap N`);
    return null;
  }
  const out: BootstrapOptionsInput = {
    bootstrap: bounded("bootstrap", f.bootstrap, "the number of bootstrap draws", 1, BOOTSTRAP_MAX),
    test,
    jackknife: f.jackknife !== false,
  };
  if (f.seed !== undefined) out.seed = seedOption(f.seed);
  if (f.workers !== undefined)
    out.workers = bounded("workers", f.workers, "the number of worker threads", 1, WORKERS_MAX);
  return out;
}
