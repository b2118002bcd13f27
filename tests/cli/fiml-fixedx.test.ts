/**
 * FIML with observed exogenous covariates under fixed.x (lavaan's default): the rows missing a
 * covariate are deleted, counted and listed, as lavaan 0.6.14 does (its warning: "22 cases were
 * deleted due to missing values in exogenous variable(s), while fixed.x = TRUE" on this data,
 * tests/fixtures/extra/pd-fixedx-fiml, made by cases-fiml.R); the numbers themselves are
 * checked against lavaan in tests/parity.
 */
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const CASE = "tests/fixtures/extra/pd-fixedx-fiml";

describe("isrs fit --missing fiml with fixed.x covariates", () => {
  it("drops and lists the rows missing a covariate, with lavaan's N", async () => {
    const r = await run(
      "fit",
      `${CASE}/data.csv`,
      "--model",
      `${CASE}/model.lav`,
      "--missing",
      "fiml",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.excluded.count).toBe(22); // lavaan: 22 cases deleted
    expect(
      out.excluded.rows.every((d: { missing: string[] }) => d.missing.some((v) => ["x1", "x2", "x3"].includes(v))),
    ).toBe(true);
    expect(out.nobs).toBe(53); // lavInspect(fit, "nobs")
    expect(out.warnings[0].message).toMatch(
      /^22 of 75 rows dropped missing on every model variable or on a fixed\.x covariate \(x1, x2, x3;/,
    );
  });

  it("names the reason in the text summary", async () => {
    const r = await run("fit", `${CASE}/data.csv`, "--model", `${CASE}/model.lav`, "--missing", "fiml");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Rows dropped \(missing on every model variable or a fixed\.x covariate\) +22/);
  });
});
