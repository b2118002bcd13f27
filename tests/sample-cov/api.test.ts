/**
 * The library's fit(model, { cov, nobs, names }): Wheaton's matrix as lavaan was given it
 * (sample_cov_input of /work/shared/reference/sample-cov/wheaton/lavaan.json, lavaan 0.6.14), and the
 * refusals of what needs raw data.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fit, IsrsInputError } from "../../src/index.js";
import { fit as nodeFit } from "../../src/node.js";
import { agrees, TOL } from "../parity/compare.js";

const DIR = path.join(process.env.ISRS_SHARED_REFERENCE ?? "/work/shared/reference", "sample-cov", "wheaton");

describe.runIf(fs.existsSync(DIR))("fit(model, { cov, nobs, names })", () => {
  const ref = JSON.parse(fs.readFileSync(path.join(DIR, "lavaan.json"), "utf8")) as {
    fit: Record<string, number>;
    sample_cov_input: { names: string[]; matrix: number[][] };
  };
  const model = fs.readFileSync(path.join(DIR, "model.lav"), "utf8");
  const stats = { cov: ref.sample_cov_input.matrix, names: ref.sample_cov_input.names, nobs: 932 };

  it("gives lavaan's chi-square, logl, AIC and BIC (summary statistics, N = 932)", async () => {
    const m = await fit(model, stats);
    const fm = m.fitMeasures() as Record<string, number>;
    for (const k of ["chisq", "df", "logl", "unrestricted.logl", "aic", "bic", "rmsea", "cfi", "srmr"])
      expect(agrees(fm[k], ref.fit[k], TOL.fit), `${k}: ours ${fm[k]}, lavaan ${ref.fit[k]}`).toBe(true);
  });

  it("refuses what needs raw data, a missing name list, and a non-symmetric matrix, naming the value", async () => {
    await expect(fit(model, { ...stats, nobs: 932 }, { estimator: "MLR" })).rejects.toThrow(
      /estimator MLR needs the raw data/,
    );
    await expect(fit(model, stats, { missing: "fiml" })).rejects.toThrow(/missing = fiml needs the raw data/);
    await expect(nodeFit(model, stats, { bootstrap: { draws: 10 } } as never)).rejects.toThrow(
      /bootstrap: it draws cases from the raw data/,
    );
    await expect(fit(model, { cov: stats.cov, nobs: 932 } as never)).rejects.toThrow(
      /data\.names: give the variable names/,
    );
    const asym = stats.cov.map((r) => [...r]);
    asym[1]![0] = 7;
    await expect(fit(model, { ...stats, cov: asym })).rejects.toThrow(
      /data\.cov: the matrix is not symmetric: \[1\]\[0\] is 7 but \[0\]\[1\] is 6\.947/,
    );
    await expect(fit(model, { ...stats, nobs: 6 })).rejects.toBeInstanceOf(IsrsInputError);
  });
});
