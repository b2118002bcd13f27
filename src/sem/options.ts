/**
 * Fit options, declared once as data. Each option has one zod entry; "default" values are
 * resolved in one function, resolveOptions(), which records what it chose so that the text and
 * JSON output can say, for example, "meanstructure: default -> true (multiple groups)".
 */
import type * as z from "zod";
import type { FitOptionsSchema } from "./options-schema.js";
import { InputError } from "./messages.js";
import { GROUP_EQUAL } from "./partable/types.js";

export const ESTIMATORS = ["ML", "MLM", "MLR"] as const;
export type Estimator = (typeof ESTIMATORS)[number];

/** lavaan's estimators for ordinal indicators (weighted least squares on thresholds and polychoric moments). */
export const ORDINAL_ESTIMATORS = ["WLSMV", "WLSM", "WLSMVS", "ULSMV", "ULSM", "ULS", "DWLS", "WLS"] as const;
export type OrdinalEstimator = (typeof ORDINAL_ESTIMATORS)[number];
export const ALL_ESTIMATORS = [...ESTIMATORS, ...ORDINAL_ESTIMATORS] as const;

/** What an ordinal fit was asked for: the estimator, the ordered variables and lavaan's parameterization. */
export interface OrdinalOptions {
  readonly estimator: OrdinalEstimator;
  /** true: every observed variable of the model; else the names listed */
  readonly ordered: true | readonly string[];
  readonly parameterization: "delta" | "theta";
}

/** Missing-data methods and their synonyms (lavaan's missing = "ml" has the synonyms "fiml" and "direct"). */
export const MISSING_METHODS = {
  listwise: "listwise",
  fiml: "fiml",
  ml: "fiml",
  direct: "fiml",
  pairwise: "pairwise",
} as const;
export type MissingMethod = (typeof MISSING_METHODS)[keyof typeof MISSING_METHODS];
export const MISSING_NAMES = Object.keys(MISSING_METHODS) as [
  keyof typeof MISSING_METHODS,
  ...(keyof typeof MISSING_METHODS)[],
];

export type FitOptionsInput = z.input<typeof FitOptionsSchema>;
export type FitOptions = z.output<typeof FitOptionsSchema>;

/**
 * The fit options checked and with their defaults: the result of FitOptionsSchema (options-schema.ts)
 * for well-formed input, computed without zod, whose code costs the command-line program tens of
 * milliseconds to load; null when any value is malformed (the caller then asks the schema for
 * its message). A key the schema does not know is dropped, as the schema drops it.
 */
export function fastFitOptions(input: FitOptionsInput): FitOptions | null {
  const o = input as Record<string, unknown>;
  const or = (v: unknown, fallback: unknown): unknown => (v === undefined ? fallback : v);
  const estimator = o.estimator === undefined ? undefined : upperIn(o.estimator, ALL_ESTIMATORS);
  const missingName = lowerIn(or(o.missing, "listwise"), MISSING_NAMES);
  const groupEqual = or(o.groupEqual, []);
  if (estimator === null || missingName === null || !Array.isArray(groupEqual)) return null;
  const ordered = o.ordered;
  const orderedOk =
    ordered === undefined ||
    ordered === true ||
    (Array.isArray(ordered) && ordered.every((x) => typeof x === "string" && x.length > 0));
  if (!orderedOk) return null;
  const parameterization =
    o.parameterization === undefined ? undefined : lowerIn(o.parameterization, ["delta", "theta"] as const);
  if (parameterization === null) return null;
  if (!groupEqual.every((x) => (GROUP_EQUAL as readonly unknown[]).includes(x))) return null;
  const groupPartial = or(o.groupPartial, []);
  if (!Array.isArray(groupPartial) || !groupPartial.every((x) => typeof x === "string")) return null;
  const group = o.group;
  if (group !== undefined && (typeof group !== "string" || group.length < 1)) return null;
  const flags = ["stdLv", "growth", "fixedX", "modindices", "meanstructure"] as const;
  if (flags.some((k) => o[k] !== undefined && typeof o[k] !== "boolean")) return null;
  const out: FitOptions = {
    groupEqual: [...(groupEqual as FitOptions["groupEqual"])],
    groupPartial: [...(groupPartial as string[])],
    stdLv: or(o.stdLv, false) as boolean,
    growth: or(o.growth, false) as boolean,
    fixedX: or(o.fixedX, true) as boolean,
    modindices: or(o.modindices, false) as boolean,
    missing: MISSING_METHODS[missingName],
  };
  // the schema's output has these keys when the input has them, even as undefined
  if ("estimator" in o) out.estimator = estimator;
  if ("ordered" in o) out.ordered = Array.isArray(ordered) ? [...(ordered as string[])] : (ordered as true | undefined);
  if ("parameterization" in o) out.parameterization = parameterization;
  if ("group" in o) out.group = group as string | undefined;
  if ("meanstructure" in o) out.meanstructure = o.meanstructure as boolean | undefined;
  return out;
}

/** The options checked: fastFitOptions, or for malformed input the schema's message as E_USAGE. */
export async function checkFitOptions(input: FitOptionsInput | undefined): Promise<FitOptions> {
  const fast = fastFitOptions(input ?? {});
  if (fast !== null) return fast;
  const { FitOptionsSchema } = await import("./options-schema.js");
  const parsed = FitOptionsSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new InputError("E_USAGE", `option ${issue.path.join(".") || "?"}: ${issue.message}`);
}

function upperIn<T extends string>(v: unknown, names: readonly T[]): T | null {
  return typeof v === "string" && (names as readonly string[]).includes(v.toUpperCase())
    ? (v.toUpperCase() as T)
    : null;
}

function lowerIn<T extends string>(v: unknown, names: readonly T[]): T | null {
  return typeof v === "string" && (names as readonly string[]).includes(v.toLowerCase())
    ? (v.toLowerCase() as T)
    : null;
}

export interface ResolvedOptions extends Omit<FitOptions, "meanstructure" | "estimator"> {
  /** the maximum-likelihood estimator (ordinal fits: "ML", unused; their estimator is `ordinal.estimator`) */
  estimator: Estimator;
  /** ordinal indicators: the weighted least-squares estimator and its options; null otherwise */
  ordinal: OrdinalOptions | null;
  meanstructure: boolean;
  /** how each defaulted choice was made, e.g. "meanstructure: default -> true (multiple groups)" */
  resolutions: string[];
}

/** Resolves the options whose default depends on the model or the data. */
export function resolveOptions(opts: FitOptions, ctx: { ngroups: number; hasIntercepts: boolean }): ResolvedOptions {
  const ordinal = resolveOrdinal(opts);
  if (ordinal !== null) return resolveOrdinalOptions(opts, ordinal, ctx);
  const estimator = opts.estimator ?? "ML";
  if (!(ESTIMATORS as readonly string[]).includes(estimator))
    throw new InputError(
      "E_USAGE",
      `option estimator: ${estimator} is for ordinal indicators: declare them ordered ` +
        "(--ordered all, or a list of items)",
    );
  if (opts.missing === "pairwise")
    throw new InputError(
      "E_USAGE",
      "--missing pairwise is for ordinal indicators (declare them with --ordered); use listwise or fiml",
    );
  const resolutions: string[] = [`estimator: ${estimator}`, `missing: ${opts.missing}`];
  if (opts.missing === "fiml" && estimator === "MLM") {
    throw new InputError(
      "E_USAGE",
      "--estimator MLM needs complete data: use --estimator MLR with --missing fiml (as lavaan does)",
    );
  }
  let meanstructure = opts.meanstructure ?? false;
  if (opts.missing === "fiml") {
    meanstructure = true;
    resolutions.push(`meanstructure: ${opts.meanstructure === undefined ? "default " : ""}-> true (missing = fiml)`);
  } else if (opts.meanstructure === undefined) {
    const why = opts.growth
      ? "growth model"
      : ctx.ngroups > 1
        ? "multiple groups"
        : ctx.hasIntercepts
          ? "intercepts in the model"
          : "";
    meanstructure = why !== "";
    resolutions.push(`meanstructure: default -> ${meanstructure}${why ? ` (${why})` : ""}`);
  }
  if (opts.groupEqual.length > 0 && ctx.ngroups < 2) resolutions.push("group.equal: ignored (one group)");
  return { ...opts, estimator: estimator as Estimator, ordinal: null, meanstructure, resolutions };
}

/** The ordinal options when anything is ordered; an ML-family estimator with ordered items is refused. */
function resolveOrdinal(opts: FitOptions): OrdinalOptions | null {
  const ordered = opts.ordered;
  if (ordered === undefined || (Array.isArray(ordered) && ordered.length === 0)) {
    if (opts.parameterization !== undefined)
      throw new InputError("E_USAGE", "--parameterization is for ordinal indicators: declare them with --ordered");
    return null;
  }
  const est = opts.estimator ?? "WLSMV";
  if ((ESTIMATORS as readonly string[]).includes(est))
    throw new InputError(
      "E_USAGE",
      `--estimator ${est} with ordered items: use WLSMV (the default), WLSM, WLSMVS, ULSMV, ULS, DWLS or WLS ` +
        "(maximum likelihood for ordinal items is not available)",
    );
  return { estimator: est as OrdinalEstimator, ordered, parameterization: opts.parameterization ?? "delta" };
}

/** Ordinal fits: a mean structure always (thresholds), listwise or pairwise deletion, no FIML. */
function resolveOrdinalOptions(opts: FitOptions, ordinal: OrdinalOptions, ctx: { ngroups: number }): ResolvedOptions {
  if (opts.missing === "fiml")
    throw new InputError(
      "E_USAGE",
      "--missing fiml needs continuous variables: with ordered items use listwise (the default) or pairwise deletion",
    );
  const resolutions = [
    `estimator: ${opts.estimator === undefined ? "default -> " : ""}${ordinal.estimator} (ordered items)`,
    `missing: ${opts.missing}`,
    `parameterization: ${ordinal.parameterization}`,
    "meanstructure: -> true (thresholds)",
  ];
  if (opts.groupEqual.length > 0 && ctx.ngroups < 2) resolutions.push("group.equal: ignored (one group)");
  return { ...opts, estimator: "ML", ordinal, meanstructure: true, resolutions };
}
