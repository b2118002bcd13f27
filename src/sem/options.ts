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

/** Missing-data methods and their synonyms (lavaan's missing = "ml" has the synonyms "fiml" and "direct"). */
export const MISSING_METHODS = { listwise: "listwise", fiml: "fiml", ml: "fiml", direct: "fiml" } as const;
export type MissingMethod = (typeof MISSING_METHODS)[keyof typeof MISSING_METHODS];
const MISSING_NAMES = Object.keys(MISSING_METHODS) as [
  keyof typeof MISSING_METHODS,
  ...(keyof typeof MISSING_METHODS)[],
];

export const FitOptionsSchema = z.object({
  estimator: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(ESTIMATORS))
    .default("ML"),
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

export interface ResolvedOptions extends Omit<FitOptions, "meanstructure"> {
  meanstructure: boolean;
  /** how each defaulted choice was made, e.g. "meanstructure: default -> true (multiple groups)" */
  resolutions: string[];
}

/** Resolves the options whose default depends on the model or the data. */
export function resolveOptions(opts: FitOptions, ctx: { ngroups: number; hasIntercepts: boolean }): ResolvedOptions {
  const resolutions: string[] = [`estimator: ${opts.estimator}`, `missing: ${opts.missing}`];
  if (opts.missing === "fiml" && (opts.estimator as string) === "MLM") {
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
  return { ...opts, meanstructure, resolutions };
}
