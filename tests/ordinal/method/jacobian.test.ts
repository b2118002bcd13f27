/**
 * The analytic Jacobian ∂σ/∂θ of the implied wls vector against central differences, at the
 * estimates of fits that exercise every branch: delta (one group), delta with free scales and
 * latent means (two groups), theta, mixed continuous and ordered items, a structural model.
 */
import { describe, expect, it } from "vitest";
import type { WlsObjective } from "../../../src/sem/ordinal/method/objective.js";
import { fitOrdinalCase } from "./cases.js";

describe.each(["ord-hs-cat3-wlsmv", "ord-hs-cat3-mg", "ord-theta-hs", "ord-hs-mixed", "ord-secondorder-7pt"])(
  "%s",
  (name) => {
    it("analytic J equals central differences to 1e-6", async () => {
      const { fitted } = await fitOrdinalCase(name);
      const obj = fitted.prob.objective as unknown as WlsObjective;
      const a = obj.jacobian(fitted.theta);
      const n = obj.numericJacobian(fitted.theta);
      let worst = 0;
      a.forEach((Jg, g) => Jg.forEach((x, i) => (worst = Math.max(worst, Math.abs(x - n[g]![i]!)))));
      expect(worst).toBeLessThan(1e-6);
    });
  },
);
