import { describe, expect, it } from "vitest";
import { ABS, expectAbsClose, expectRelClose, REL } from "./expect-close.js";

// Each tolerance the distribution tests use must reject a value just outside it.
describe("comparison helpers", () => {
  const expected = [0.0714184904399382, 1.613930533697731e-37, -28.14468771880446, 85.3];

  for (const [name, rel] of Object.entries(REL)) {
    it(`REL.${name} = ${rel}: rejects expected * (1 +- 2 rel), accepts (1 + rel / 2)`, () => {
      for (const e of expected) {
        expect(() => expectRelClose(e * (1 + 2 * rel), e, rel)).toThrow(/relative error/);
        expect(() => expectRelClose(e * (1 - 2 * rel), e, rel)).toThrow(/relative error/);
        expect(() => expectRelClose(e * (1 + rel / 2), e, rel)).not.toThrow();
      }
    });
  }

  for (const [name, abs] of Object.entries(ABS)) {
    it(`ABS.${name} = ${abs}: rejects expected + 2 abs, accepts expected + abs / 2`, () => {
      for (const e of [0, 0.5, -0.0005763935982833]) {
        expect(() => expectAbsClose(e + 2 * abs, e, abs)).toThrow(/absolute error/);
        expect(() => expectAbsClose(e - 2 * abs, e, abs)).toThrow(/absolute error/);
        expect(() => expectAbsClose(e + abs / 2, e, abs)).not.toThrow();
      }
    });
  }

  it("never accepts NaN or a value of the wrong sign", () => {
    expect(() => expectRelClose(Number.NaN, 1, 1)).toThrow();
    expect(() => expectAbsClose(Number.NaN, 1, 1)).toThrow();
    expect(() => expectRelClose(-1e-20, 1e-20, 1e-10)).toThrow();
    expect(() => expectRelClose(0, 1e-300, 1e-10)).toThrow();
  });
});
