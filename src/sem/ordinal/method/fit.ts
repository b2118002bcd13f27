/**
 * The pieces of an ordinal fit after estimation: start values of the thresholds, the standard
 * errors (tests.ts sandwich), the test statistics and the fit measures (measures.ts), computed
 * from the Jacobian J = ∂σ/∂θ at θ̂ once.
 */
import type { AtEstimate } from "../../method/types.js";
import type { FitMeasures } from "../../fit/names.js";
import { vcovFromInformation, type VcovResult } from "../../inference/vcov.js";
import type { ParameterTable } from "../../partable/types.js";
import type { RobustOutput } from "../../robust/index.js";
import { ordinalFitMeasures, type ResidualSums } from "./measures.js";
import { applyWeight, residual, type WlsGroup, type WlsObjective } from "./objective.js";
import {
  matmulSq,
  scaledStatistic,
  testProducts,
  tracesOf,
  type TestGroup,
  type TestKind,
  type TestProducts,
} from "./tests.js";
import { baselineFit } from "./baseline.js";
import { catml } from "./catml.js";
import { catmlRefitFails } from "./catml-na.js";

export interface FitPiecesInput {
  readonly table: ParameterTable;
  readonly groups: readonly WlsGroup[];
  readonly gammas: readonly Float64Array[];
  /** per group, the sample correlation matrix (p×p) */
  readonly R: readonly Float64Array[];
  readonly def: { readonly test: TestKind; readonly robustSe: boolean; readonly uls: boolean };
  readonly parameterization: "delta" | "theta";
}

export function fitPieces(x: FitPiecesInput) {
  const { table, groups } = x;
  const ntotal = groups.reduce((a, g) => a + g.n, 0);
  /** the pieces at θ̂, formed once (the robust SEs, the scaled test and the measures share them) */
  let cache: { theta: Float64Array; at: AtPieces } | null = null;
  let scaledCache: { theta: Float64Array; value: ReturnType<typeof scaledStatistic> } | null = null;

  const piecesAt = (at: AtEstimate, obj: WlsObjective): AtPieces => {
    if (cache !== null && cache.theta === at.theta) return cache.at;
    cache = { theta: at.theta, at: formPieces(groups, x.gammas, ntotal, at, obj) };
    return cache.at;
  };
  return {
    /** the model's start with the free thresholds at their sample values and free scales at 1 */
    start(theta0: Float64Array): Float64Array {
      return startWithThresholds(table, groups, theta0);
    },
    /** fills the derived rows (residual variances or scales) and gives the robust.sem vcov */
    robust(at: AtEstimate, obj: WlsObjective): RobustOutput {
      const pc = piecesAt(at, obj);
      fillDerivedRows(obj, at, x.parameterization);
      const q = at.theta.length;
      const t = x.def.test === "standard" ? null : scaledOf(at, obj);
      const test = {
        trace: t?.trace1 ?? NaN,
        scalingFactor: t?.scaling ?? NaN,
        chisqScaled: t?.chisq ?? NaN,
        pvalueScaled: t?.pvalue ?? NaN,
      };
      // lavaan: vcov = E⁻¹ [B E⁻¹] / (N − G), E = Σ (n_g/N) JᵀWJ (lav_model_vcov's denominator)
      const v = pc.einv;
      const n1 = ntotal - groups.length;
      if (!v.ok) return { vcov: v, measures: {}, test };
      const out = x.def.robustSe ? sandwichOf(v.vcov, pc.products.B, q) : Float64Array.from(v.vcov);
      for (let i = 0; i < q * q; i++) out[i] /= n1;
      return { vcov: { ok: true, vcov: out }, measures: {}, test };
    },
    measures(at: AtEstimate, obj: WlsObjective): FitMeasures {
      const scaled = x.def.test === "standard" ? null : scaledOf(at, obj);
      const base = baselineFit(groups, x.gammas, ntotal, x.def.test);
      const st = obj.state(at.evaluation);
      const gfi = gfiSums(groups, st.implied, ntotal);
      return ordinalFitMeasures({
        npar: table.nfree,
        f: at.evaluation.f,
        df: table.nmoments! - table.nfree,
        ntotal,
        ngroups: table.ngroups,
        test: x.def.test,
        uls: x.def.uls,
        scaled,
        baseline: base,
        residuals: groups.map((g, k) => ({
          w: g.n / ntotal,
          std: residualSums(g, st.implied[k]!.wls, true),
          raw: residualSums(g, st.implied[k]!.wls, false),
        })),
        gfi,
        nstat: table.nmoments!,
        catml: robustIngredients(at, obj),
      });
    },
  };

  /** catML ingredients for the tests with lavaan's robust measures (satorra.bentler, scaled.shifted) */
  function robustIngredients(at: AtEstimate, obj: WlsObjective) {
    if (x.def.test !== "satorra.bentler" && x.def.test !== "scaled.shifted") return null;
    if (catmlRefitFails(table)) return null;
    const q = at.theta.length;
    const pc = piecesAt(at, obj);
    if (!pc.einv.ok) return null;
    const st = obj.state(at.evaluation);
    const sigma = st.implied.map((gi) => {
      const p = gi.scales.length;
      const S = gi.implied.sigma;
      return Float64Array.from(S, (val, k) => gi.scales[Math.floor(k / p)]! * gi.scales[k % p]! * val);
    });
    return catml({
      groups,
      gammas: x.gammas,
      R: x.R,
      sigma,
      J: pc.J,
      Einv: pc.einv.vcov,
      q,
      df: table.nmoments! - table.nfree,
    });
  }

  function scaledOf(at: AtEstimate, obj: WlsObjective) {
    if (scaledCache !== null && scaledCache.theta === at.theta) return scaledCache.value;
    const df = table.nmoments! - table.nfree;
    const t = tracesOf(piecesAt(at, obj).products, at.theta.length);
    const value = scaledStatistic(x.def.test, ntotal * at.evaluation.f, df, t);
    scaledCache = { theta: at.theta, value };
    return value;
  }
}

/** J at θ̂, the test products of the groups and E⁻¹ (formed once per θ̂ by fitPieces). */
function formPieces(
  groups: readonly WlsGroup[],
  gammas: readonly Float64Array[],
  ntotal: number,
  at: AtEstimate,
  obj: WlsObjective,
): AtPieces {
  const J = obj.jacobian(at.theta);
  const q = at.theta.length;
  const tg: TestGroup[] = groups.map((g, k) => ({
    m: g.layout.m,
    J: J[k]!,
    W: g.W,
    gamma: gammas[k]!,
    f: g.n / ntotal,
  }));
  const products = testProducts(tg, q);
  // E⁻¹ with E = Σ (n_g/N) JᵀWJ (lavaan's expected information; = products.A)
  const einv = vcovFromInformation(products.A, q, 1);
  return { J, products, einv };
}

/** θ0 with the free thresholds at their sample values (or free means at −threshold) and free scales at 1. */
function startWithThresholds(table: ParameterTable, groups: readonly WlsGroup[], theta0: Float64Array): Float64Array {
  const theta = Float64Array.from(theta0);
  const groupOf = (g: WlsGroup): number => groups.indexOf(g) + 1;
  groups.forEach((g) => {
    g.layout.thRow.forEach((row, t) => {
      const f = row >= 0 ? table.rows[row]!.free : 0;
      if (f > 0) theta[f - 1] = g.s[t]!;
    });
    g.layout.thRow.forEach((row, t) => {
      if (row >= 0) return;
      const mean = table.rows.find(
        (r) => r.op === "~1" && r.lhs === table.vars.ov[g.layout.thVar[t]!] && r.group === groupOf(g),
      );
      if (mean !== undefined && mean.free > 0) theta[mean.free - 1] = -g.s[t]!;
    });
    g.layout.scaleRow.forEach((row) => {
      const f = row >= 0 ? table.rows[row]!.free : 0;
      if (f > 0) theta[f - 1] = 1;
    });
  });
  return theta;
}

/** The weighted sums e'We and s'Ws over the groups (weights n_g/N) behind the GFI. */
function gfiSums(
  groups: readonly WlsGroup[],
  implied: readonly { readonly wls: Float64Array }[],
  ntotal: number,
): { eWe: number; sWs: number } {
  let eWe = 0;
  let sWs = 0;
  groups.forEach((g, k) => {
    const f = g.n / ntotal;
    const e = residual(g.s, implied[k]!.wls);
    const We = applyWeight(g.W, e);
    const Ws = applyWeight(g.W, g.s);
    for (let i = 0; i < e.length; i++) {
      eWe += f * e[i]! * We[i]!;
      sWs += f * g.s[i]! * Ws[i]!;
    }
  });
  return { eWe, sWs };
}

interface AtPieces {
  readonly J: Float64Array[];
  readonly products: TestProducts;
  /** E⁻¹, the inverse of Σ (n_g/N) JᵀWJ (or why it has none) */
  readonly einv: VcovResult;
}

/** Delta: the ordered items' residual variances (1/Δ² − explained); theta: the derived scales. */
function fillDerivedRows(obj: WlsObjective, at: AtEstimate, parameterization: "delta" | "theta"): void {
  const st = obj.state(at.evaluation);
  const { table, rowValues, groups } = obj.setup;
  groups.forEach((g, k) => {
    const imp = st.implied[k]!;
    const p = g.layout.p;
    for (let i = 0; i < p; i++) {
      if (!g.layout.ordered[i]) continue;
      const rr = g.layout.residRow[i]!;
      if (parameterization === "delta" && rr >= 0 && table.rows[rr]!.free === 0)
        rowValues[rr] = imp.implied.mats.theta[i * p + i]!;
      const sr = g.layout.scaleRow[i]!;
      if (parameterization === "theta" && sr >= 0 && table.rows[sr]!.free === 0) rowValues[sr] = imp.scales[i]!;
    }
  });
}

/** E⁻¹ B E⁻¹ (q×q). */
function sandwichOf(Einv: Float64Array, B: Float64Array, q: number): Float64Array {
  return matmulSq(matmulSq(Einv, B, q), Einv, q);
}

/**
 * Residuals of the standardized moments (Bentler's SRMR): correlations s_ij/√(s_ii s_jj) −
 * σ_ij/√(σ_ii σ_jj) (for ordered items the correlations themselves) and the thresholds (not the
 * means of continuous variables, as lavaan); the diagonal residuals are 0 and counted.
 * Unstandardized (RMR): the raw residuals of the wls statistics, variances of continuous variables
 * on the diagonal.
 */
function residualSums(g: WlsGroup, sig: Float64Array, std: boolean): ResidualSums {
  const lay = g.layout;
  const p = lay.p;
  const nthv = lay.thVar.length;
  let diagSq = 0,
    offSq = 0,
    thSq = 0,
    nTh = 0;
  const sVar = new Float64Array(p).fill(1);
  const mVar = new Float64Array(p).fill(1);
  lay.cont.forEach((i, c) => {
    if (std) {
      // lavaan standardizes the implied covariances by the sample variances too (they differ once a
      // continuous item's residual variance is held equal across groups)
      sVar[i] = g.s[nthv + c]!;
      mVar[i] = g.s[nthv + c]!;
    } else diagSq += (g.s[nthv + c]! - sig[nthv + c]!) ** 2;
  });
  for (let t = 0; t < nthv; t++) {
    if (lay.thRow[t]! < 0) continue; // lavaan's "mean" part holds the thresholds only
    const r = g.s[t]! - sig[t]!;
    thSq += r * r;
    nTh++;
  }
  let e = nthv + lay.cont.length;
  for (let j = 0; j < p; j++)
    for (let i = j + 1; i < p; i++) {
      const r = g.s[e]! / Math.sqrt(sVar[i]! * sVar[j]!) - sig[e]! / Math.sqrt(mVar[i]! * mVar[j]!);
      e++;
      offSq += r * r;
    }
  return { offSq, nOff: (p * (p - 1)) / 2, diagSq, nDiag: p, thSq, nTh };
}
