/**
 * Fit options, declared once as data. Each option has one zod entry; "default" values are
 * resolved in one function, resolveOptions(), which records what it chose so that the text and
 * JSON output can say, for example, "meanstructure: default -> true (multiple groups)".
 */
import * as z from "zod";
import { InputError } from "./messages.js";
import { GROUP_EQUAL } from "./partable/types.js";

export const ESTIMATORS = ["ML", "MLM", "MLR"] as const;
export type Estimator = (typeof ESTIMATORS)[number];

/** lavaan's estimators for ordinal indicators (weighted least squares on thresholds and polychoric moments). */
export const ORDINAL_ESTIMATORS = ["WLSMV", "WLSM", "WLSMVS", "ULSMV", "ULSM", "ULS", "DWLS", "WLS"] as const;
export type OrdinalEstimator = (typeof ORDINAL_ESTIMATORS)[number];
const ALL_ESTIMATORS = [...ESTIMATORS, ...ORDINAL_ESTIMATORS] as const;

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
const MISSING_NAMES = Object.keys(MISSING_METHODS) as [
  keyof typeof MISSING_METHODS,
  ...(keyof typeof MISSING_METHODS)[],
];

export const FitOptionsSchema = z.object({
  estimator: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(ALL_ESTIMATORS))
    .optional(),
  /** ordinal indicators: true (all observed variables) or their names (lavaan's `ordered =`) */
  ordered: z.union([z.literal(true), z.array(z.string().min(1))]).optional(),
  parameterization: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(["delta", "theta"]))
    .optional(),
  group: z.string().min(1).optional(),
  groupEqual: z.array(z.enum(GROUP_EQUAL)).default([]),
  /** lavaan's group.partial: parameters ("x3~1", "visual=~x2") left out of the group.equal constraints */
  groupPartial: z.array(z.string()).default([]),
  stdLv: z.boolean().default(false),
  meanstructure: z.boolean().optional(),
  growth: z.boolean().default(false),
  fixedX: z.boolean().default(true),
  modindices: z.boolean().default(false),
  missing: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(MISSING_NAMES))
    .transform((s): MissingMethod => MISSING_METHODS[s])
    .default("listwise"),
});

export type FitOptionsInput = z.input<typeof FitOptionsSchema>;
export type FitOptions = z.output<typeof FitOptionsSchema>;

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
  if (opts.modindices)
    throw new InputError("E_USAGE", "--modindices: modification indices of ordinal fits are not available yet");
  const resolutions = [
    `estimator: ${opts.estimator === undefined ? "default -> " : ""}${ordinal.estimator} (ordered items)`,
    `missing: ${opts.missing}`,
    `parameterization: ${ordinal.parameterization}`,
    "meanstructure: -> true (thresholds)",
  ];
  if (opts.groupEqual.length > 0 && ctx.ngroups < 2) resolutions.push("group.equal: ignored (one group)");
  return { ...opts, estimator: "ML", ordinal, meanstructure: true, resolutions };
}
