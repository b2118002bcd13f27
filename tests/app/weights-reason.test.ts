/**
 * The reason the index falls back to equal weights is written by the scoring code in English
 * (src/instrument/weights.ts); the page shows it translated in Spanish. Each form the scoring code
 * writes is translated, and no English reason reaches a Spanish page.
 */
import { describe, expect, it } from "vitest";
import { weightsFromFit } from "../../src/instrument/weights.js";
import { loadInstrument } from "../../src/instrument/load.js";
import { weightsReason } from "../../src/app/page/strings.js";

// the forms of instrument/weights.ts, filled as it fills them
const NOTES = [
  "the instrument has no second-order factor: equal weights",
  "no model was fitted: equal weights",
  "the fitted model is not usable for weights (the fit did not converge): equal weights",
  "the fitted model is not usable for weights (W_HEYWOOD, W_PSI_NOT_PD): equal weights",
  "the model has no positive loading ISRS =~ detection: equal weights",
  "the model cannot be fitted to the norm sample (data.csv: too few rows): equal weights",
];

describe("weightsReason", () => {
  it("keeps the English reason on an English page", () => {
    for (const n of NOTES) expect(weightsReason(n, "en")).toBe(n);
  });

  it("translates every form into Spanish, keeping the names and codes it carries", () => {
    const es = NOTES.map((n) => weightsReason(n, "es"));
    for (const s of es) {
      expect(s).toMatch(/: pesos iguales$/);
      expect(s).not.toMatch(/equal weights|the model|fitted|norm sample/);
    }
    expect(es[2]).toContain("el ajuste no convergió");
    expect(es[3]).toContain("W_HEYWOOD, W_PSI_NOT_PD");
    expect(es[4]).toContain("ISRS =~ detection");
    // an unknown form still gives Spanish, not the English text
    expect(weightsReason("something else", "es")).toBe(
      "no se pudieron estimar los pesos con la muestra de referencia: pesos iguales",
    );
  });

  it("translates the note the scoring code writes when no model was fitted", async () => {
    const instr = await loadInstrument();
    const w = weightsFromFit(null, instr, "ML");
    expect(w.method).toBe("equal");
    expect(weightsReason(w.note ?? "", "es")).toBe("no se ajustó ningún modelo: pesos iguales");
  });
});
