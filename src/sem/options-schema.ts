/**
 * The zod schema of the fit options: the statement of record of what each option accepts, and
 * the source of the message for a malformed value. options.ts checks well-formed input without it
 * (fastFitOptions gives the same result), so the schema is loaded only to explain a bad value.
 */
import * as z from "zod";
import { ALL_ESTIMATORS, MISSING_METHODS, MISSING_NAMES, type MissingMethod } from "./options.js";
import { GROUP_EQUAL } from "./partable/types.js";

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
