/**
 * fastFitOptions (options.ts) checks the fit options without zod; it must give exactly what the
 * zod schema of record (options-schema.ts) gives for every input the schema accepts, and refuse
 * (null) every input the schema refuses. Checked on generated inputs (fast-check) mixing valid
 * values, wrong cases, wrong types, null and unknown keys.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFitOptions, fastFitOptions } from "../../../src/sem/options.js";
import { FitOptionsSchema } from "../../../src/sem/options-schema.js";
import { GROUP_EQUAL } from "../../../src/sem/partable/types.js";

const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 4 }),
  fc.constantFrom("ml", "MLR", "mlm", "Mlr", "WLS", "wlsmv", "fiml", "ML", "direct", "Listwise", "pairwise", ""),
  fc.constantFrom("delta", "Theta", "probit"),
  fc.array(fc.constantFrom("x1", "x2", ""), { maxLength: 2 }),
  fc.array(fc.constantFrom(...GROUP_EQUAL, "slopes", "Loadings"), { maxLength: 3 }),
  fc.array(fc.oneof(fc.constantFrom("x3~1", "visual=~x2"), fc.integer()), { maxLength: 2 }),
);
const keys = [
  "estimator",
  "missing",
  "group",
  "groupEqual",
  "stdLv",
  "meanstructure",
  "growth",
  "fixedX",
  "modindices",
  "ordered",
  "parameterization",
];
const options = fc.dictionary(fc.constantFrom(...keys, "other"), anyValue);

describe("fastFitOptions", () => {
  it("gives the schema's output, or null where the schema refuses", () => {
    fc.assert(
      fc.property(options, (o) => {
        const zod = FitOptionsSchema.safeParse(o);
        const fast = fastFitOptions(o as never);
        if (zod.success) expect(fast).toStrictEqual(zod.data);
        else expect(fast).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it("a malformed value is E_USAGE with the schema's message, naming the option", async () => {
    const e = await checkFitOptions({ estimator: "WLSX" as never }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "E_USAGE" });
    expect(String((e as Error).message)).toMatch(/^option estimator: /);
    await expect(checkFitOptions({ estimator: "mlr" })).resolves.toMatchObject({ estimator: "MLR" });
  });
});
