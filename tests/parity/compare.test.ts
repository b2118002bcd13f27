/** Each parity tolerance rejects a value just outside it (so that no comparison can pass vacuously). */
import { describe, expect, it } from "vitest";
import { agrees, TOL } from "./compare.js";

describe("parity tolerances", () => {
  // reference values from tests/parity/lavaan-0.6.14/hs-cfa-ml/lavaan.json
  const loading = 0.553500293763662; // visual =~ x2 est (floor 1 applies)
  const se = 0.0996651187683112; // its se
  const chisq = 85.3055217699727; // fit chisq
  it("estimates: 1e-4 relative to max(1, |ref|)", () => {
    expect(agrees(loading + 0.99e-4, loading, TOL.est)).toBe(true);
    expect(agrees(loading + 1.01e-4, loading, TOL.est)).toBe(false);
    expect(agrees(1000 * (1 + 1.01e-4), 1000, TOL.est)).toBe(false);
  });
  it("standard errors: 1e-3 relative to max(0.01, |ref|)", () => {
    expect(agrees(se * (1 + 0.99e-3), se, TOL.se)).toBe(true);
    expect(agrees(se * (1 + 1.01e-3), se, TOL.se)).toBe(false);
  });
  it("fit measures: 1e-3 relative to max(0.1, |ref|)", () => {
    expect(agrees(chisq * (1 + 0.99e-3), chisq, TOL.fit)).toBe(true);
    expect(agrees(chisq * (1 - 1.01e-3), chisq, TOL.fit)).toBe(false);
  });
  it("modification indices: 1e-3 relative to max(1, |ref|)", () => {
    expect(agrees(36.4110306521231 * (1 + 1.01e-3), 36.4110306521231, TOL.mi)).toBe(false);
  });
  it("estimates of a case where lavaan stopped early: 5e-4 relative to max(1, |ref|)", () => {
    // tests/fixtures/extra/bfi-fiml-gender/lavaan.json, consc =~ C4 in group 1
    const c4 = -1.37296390137222;
    expect(agrees(c4 * (1 + 4.9e-4), c4, TOL.estEarlyStop)).toBe(true);
    expect(agrees(c4 * (1 + 5.1e-4), c4, TOL.estEarlyStop)).toBe(false);
  });
  it("modification indices of a case where lavaan stopped early: 5e-3 relative to max(1, |ref|)", () => {
    // tests/fixtures/extra/bfi-fiml-gender/lavaan.json, agree =~ C1 in group 2
    const mi = 5.85422503678661;
    expect(agrees(mi * (1 + 4.9e-3), mi, TOL.miEarlyStop)).toBe(true);
    expect(agrees(mi * (1 + 5.1e-3), mi, TOL.miEarlyStop)).toBe(false);
  });
  it("null agrees only with null or NaN", () => {
    expect(agrees(null, null, TOL.est)).toBe(true);
    expect(agrees(0, null, TOL.est)).toBe(false);
    expect(agrees(null, 0, TOL.est)).toBe(false);
  });
});
