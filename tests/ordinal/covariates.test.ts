/**
 * Ordered items with an observed exogenous covariate: lavaan 0.6.14 fits the model conditional on
 * the covariate (conditional.x = TRUE), which isrs does not implement, so the model is refused in
 * one line that names the covariate and the workaround. The workaround (the covariate as the single
 * indicator of a latent variable) gives lavaan's numbers: on the shared ord-hs-mixed data,
 * `textual =~ x4 + x5 + x6; f_x1 =~ x1; textual ~ f_x1` with x4-x6 ordered, lavaan 0.6.14 gives
 * chisq 1.294, df 2, chisq.scaled 4.275 (R 4.2.2: sem(model, data, ordered = c("x4","x5","x6"))).
 * Without the latent, lavaan gives chisq 1.639 on 2 df (conditional.x), which a fit treating x1 as
 * one more variable would miss (it gives 1.294 on 4 df).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectBadInput, tmpWriter } from "../cli/expect-bad.js";
import { fit, readCsv } from "../../src/node.js";

const D = "/work/shared/reference/ord-hs-mixed";
const have = fs.existsSync(D);

describe.skipIf(!have)("ordered items with an observed exogenous covariate", () => {
  const w = tmpWriter("isrs-ord-cov-");

  it("is refused in one line naming the covariate; nothing written", async () => {
    const model = w.file("exo.lav", "textual =~ x4 + x5 + x6\ntextual ~ x1\n");
    const out = path.join(w.dir, "exo.txt");
    await expectBadInput(
      ["fit", `${D}/data.csv`, "--model", model, "--ordered", "x4,x5,x6", "-o", out],
      /ordered items with observed exogenous covariates \(x1\): .*conditional\.x/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it("the suggested single-indicator latent gives lavaan's numbers", async () => {
    const data = readCsv(`${D}/data.csv`);
    const f = await fit("textual =~ x4 + x5 + x6\nf_x1 =~ x1\ntextual ~ f_x1", data, { ordered: ["x4", "x5", "x6"] });
    const m = f.fitMeasures();
    // lavaan 0.6.14 (see the header): chisq 1.294, df 2, chisq.scaled 4.275 (printed to 3 decimals)
    expect(m.chisq).toBeCloseTo(1.294, 3);
    expect(m.df).toBe(2);
    expect(m["chisq.scaled"]).toBeCloseTo(4.275, 3);
  });
});
