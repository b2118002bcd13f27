/**
 * The difference test of two nested fits of the weighted least-squares family with a
 * mean-and-variance adjusted test (WLSMV, ULSMV: scaled and shifted; WLSMVS: mean and variance
 * adjusted): lavaan 0.6.14's lavTestLRT method "satorra.2000" (lav_test_diff_Satorra2000 with
 * A.method "delta" and H1 = TRUE), after Satorra (2000) and Asparouhov & Muthén (2006, 2010).
 * lavTestLRT's default scaled.shifted = TRUE makes the difference scaled and shifted for all of
 * them (WLSMVS too), as here.
 *
 * Everything is taken at the less constrained model M1 (θ₁, q₁ parameters): J₁ = ∂σ/∂θ₁ stacked
 * over groups, P = Σ_g f_g J₁gᵀW_gJ₁g (the expected information, f_g = n_g/N). The constraints
 * that make M0 are found as lavaan's "delta" method does: H = J₁⁺ J₀ (J₀ = ∂σ/∂θ₀ at M0's
 * estimate, J₁⁺ the pseudo-inverse) spans M0's parameters in M1's space, and A, whose rows span
 * the orthogonal complement of H, the constraints (A θ₁ = 0 on M0). Then
 *   Q = P⁻¹Aᵀ(AP⁻¹Aᵀ)⁻¹AP⁻¹ = P⁻¹ − H(HᵀPH)⁻¹Hᵀ     (both are the same P-projection: null(A) = span H)
 *   U = V J₁ Q J₁ᵀ V (V = ⊕ W_g),  Γ = ⊕ f_g Γ_g,  B = J₁ᵀ V Γ V J₁ = Σ_g f_g J₁gᵀW_gΓ_gW_gJ₁g,
 *   t1 = tr(UΓ) = tr(QB),  t2 = tr((UΓ)²) = tr(QBQB),
 * and with m = df₀ − df₁ and the standard statistics T₀, T₁:
 *   a = √(m/t2), b = m − a·t1, T = a(T₀ − T₁) + b on m df.
 */
import { chisqUpper } from "../sem/distributions/index.js";
import type { FittedModel } from "../sem/fit-model.js";
import { spdInverse } from "../sem/linalg/dense.js";
import { WlsObjective } from "../sem/ordinal/method/objective.js";
import { addCrossProduct, weightTimes } from "../sem/ordinal/method/objective.js";
import { matTimes } from "../sem/ordinal/method/tests.js";
import type { DiffTest } from "./compare.js";

function wlsObjective(fitted: FittedModel): WlsObjective {
  const obj = (fitted.prob as { objective?: unknown }).objective;
  if (!(obj instanceof WlsObjective)) throw new Error("satorra.2000 difference test of a fit that is not ordinal");
  return obj;
}

const transposeTimes = (X: Float64Array, Y: Float64Array, m: number, r: number, c: number): Float64Array => {
  // Xᵀ Y for X (m×r), Y (m×c)
  const out = new Float64Array(r * c);
  for (let i = 0; i < m; i++)
    for (let a = 0; a < r; a++) {
      const x = X[i * r + a]!;
      if (x === 0) continue;
      for (let b = 0; b < c; b++) out[a * c + b] += x * Y[i * c + b]!;
    }
  return out;
};

/** lavTestLRT(less, more) for two ordinal fits whose test is scaled-and-shifted or mean-and-variance adjusted. */
export function satorra2000(less: FittedModel, more: FittedModel): DiffTest {
  const T1 = less.fit.chisq!;
  const T0 = more.fit.chisq!;
  const m = more.fit.df! - less.fit.df!;
  const none = (d: number | null): DiffTest => ({
    "chisq.diff": d,
    "df.diff": m,
    pvalue: null,
    method: "satorra.2000",
    "scaling.factor": null,
  });
  if (m === 0) return none(T0 - T1);
  const obj1 = wlsObjective(less);
  const obj0 = wlsObjective(more);
  const gammas = obj1.setup.gammas;
  if (gammas === undefined) return none(null);
  const q1 = less.theta.length;
  const q0 = more.theta.length;
  const J1 = obj1.jacobian(less.theta);
  const J0 = obj0.jacobian(more.theta);
  const groups = obj1.setup.groups;
  const N = groups.reduce((a, g) => a + g.n, 0);
  // J₁ᵀJ₁ and J₁ᵀJ₀ over the stacked groups, then H = (J₁ᵀJ₁)⁻¹J₁ᵀJ₀
  const G11 = new Float64Array(q1 * q1);
  const G10 = new Float64Array(q1 * q0);
  const P = new Float64Array(q1 * q1);
  const B = new Float64Array(q1 * q1);
  groups.forEach((g, k) => {
    const mg = g.layout.m;
    const f = g.n / N;
    addCrossProduct(G11, J1[k]!, J1[k]!, mg, q1, 1);
    const c = transposeTimes(J1[k]!, J0[k]!, mg, q1, q0);
    for (let i = 0; i < c.length; i++) G10[i] += c[i]!;
    const WJ = weightTimes(g.W, J1[k]!, mg, q1);
    addCrossProduct(P, J1[k]!, WJ, mg, q1, f);
    addCrossProduct(B, WJ, matTimes(gammas[k]!, WJ, mg, q1), mg, q1, f);
  });
  const G11i = spdInverse({ n: q1, a: G11 });
  const Pi = spdInverse({ n: q1, a: P });
  if (G11i === null || Pi === null) return none(null);
  const H = matTimes(G11i.inv.a, G10, q1, q0);
  const PH = matTimes(P, H, q1, q0);
  const HPH = transposeTimes(H, PH, q1, q0, q0);
  const HPHi = spdInverse({ n: q0, a: HPH });
  if (HPHi === null) return none(null);
  const Q = Float64Array.from(Pi.inv.a);
  const HM = matTimes(H, HPHi.inv.a, q1, q0);
  for (let i = 0; i < q1; i++)
    for (let j = 0; j < q1; j++) {
      let v = 0;
      for (let l = 0; l < q0; l++) v += HM[i * q0 + l]! * H[j * q0 + l]!;
      Q[i * q1 + j] -= v;
    }
  const QB = matTimes(Q, B, q1, q1);
  let t1 = 0;
  let t2 = 0;
  for (let i = 0; i < q1; i++) {
    t1 += QB[i * q1 + i]!;
    for (let j = 0; j < q1; j++) t2 += QB[i * q1 + j]! * QB[j * q1 + i]!;
  }
  const a = Math.sqrt(m / t2);
  const b = m - a * t1;
  const T = (T0 - T1) * a + b;
  return {
    "chisq.diff": T,
    "df.diff": m,
    pvalue: chisqUpper(Math.max(T, 0), m),
    method: "satorra.2000",
    "scaling.factor": null,
    a,
    b,
  };
}
