/**
 * Draws that cannot be fitted are counted and reported, never dropped silently: on 8 rows of 3
 * variables many resamples repeat rows so often that fewer than 4 distinct rows remain and the
 * sample covariance matrix is singular. Every draw is accounted for, by reason, in the result,
 * in a warning and in the text output; the standard errors use the successful draws only.
 */
import { describe, expect, it } from "vitest";
import { formatText } from "../../../src/sem/format/text.js";
import { bootstrapModel } from "../../../src/sem/bootstrap/index.js";
import type { DataTable } from "../../../src/sem/data/index.js";
import { fitModel } from "../../../src/sem/fit-model.js";
import { parseModel } from "../../../src/sem/syntax/index.js";

const ROWS = [
  [1.2, 2.1, 0.7],
  [2.3, 2.9, 1.8],
  [0.4, 1.1, 0.9],
  [3.1, 3.8, 2.2],
  [1.9, 1.7, 1.1],
  [2.8, 3.3, 2.9],
  [0.9, 1.6, 0.2],
  [2.2, 2.4, 1.6],
];

describe("failed bootstrap draws", () => {
  it("are counted by reason, warned about, and left out of the standard errors", async () => {
    const data: DataTable = {
      file: "tiny.csv",
      columns: ["a", "b", "c"],
      rows: ROWS.map((r) => r.map(String)),
      lineOf: ROWS.map((_, i) => i + 2),
      delimiter: ",",
      decimal: ".",
    };
    const input = { syntax: parseModel("f =~ a + b + c\n", { file: "<m>" }), data };
    const fit = await fitModel(input);
    const res = await bootstrapModel(fit, { bootstrap: 200, seed: 1, workers: 1, jackknife: false });
    const d = res.bootstrap!.draws;
    expect(d.requested).toBe(200);
    expect(d.failed).toBeGreaterThan(0);
    expect(d.successful + d.failed).toBe(200);
    expect(d.notConverged + d.errors).toBe(d.failed);
    expect(d.reasons.reduce((a, r) => a + r.count, 0)).toBe(d.failed);
    expect(d.reasons.some((r) => /not positive definite/.test(r.reason))).toBe(true);
    const w = res.warnings.find((x) => x.code === "W_BOOTSTRAP_FAILED")!;
    expect(w.message).toBe(`${d.failed} of 200 bootstrap draws failed or did not converge; ${d.successful} used`);
    const text = formatText(res, "test");
    expect(text).toMatch(new RegExp(`Number of successful bootstrap draws\\s+${d.successful}\\n`));
    expect(text).toMatch(new RegExp(`Failed or not converged \\(not used\\)\\s+${d.failed}\\n`));
    const se = res.bootstrap!.parameters.find((p) => p.op === "=~" && p.rhs === "b")!.se!;
    expect(Number.isFinite(se) && se > 0).toBe(true);
  });
});
