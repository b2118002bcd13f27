/**
 * The pieces of an ordinal fit after estimation: start values of the thresholds, the standard
 * errors (tests.ts sandwich), the test statistics and the fit measures (measures.ts), computed
 * from the Jacobian J = ∂σ/∂θ at θ̂ once.
 */
import type { AtEstimate } from "../../method/types.js";
import type { FitMeasures } from "../../fit/names.js";
import { vcovFromInformation } from "../../inference/vcov.js";
import type { ParameterTable } from "../../partable/types.js";
import type { RobustOutput } from "../../robust/index.js";
import { ordinalFitMeasures, type ResidualSums } from "./measures.js";
import { applyWeight, residual, type WlsGroup, type WlsObjective } from "./objective.js";
import { scaledStatistic, traces, type TestGroup, type TestKind } from "./tests.js";
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
  let J: Float64Array[] | null = null;
  let scaledCache: { theta: Float64Array; value: ReturnType<typeof scaledStatistic> } | null = null;

  const testGroups = (): TestGroup[] =>
    groups.map((g, k) => ({ m: g.layout.m, J: J![k]!, W: g.W, gamma: x.gammas[k]!, f: g.n / ntotal }));
  const groupOf = (g: WlsGroup): number => groups.indexOf(g) + 1;
  return {
    /** the model's start with the free thresholds at their sample values and free scales at 1 */
    start(theta0: Float64Array): Float64Array {
      const theta = Float64Array.from(theta0);
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
    },
    /** fills the derived rows (residual variances or scales) and gives the robust.sem vcov */
    robust(at: AtEstimate, obj: WlsObjective): RobustOutput {
      J = obj.jacobian(at.theta);
      fillDerivedRows(obj, at, x.parameterization);
      const q = at.theta.length;
      // lavaan: vcov = E⁻¹ [B E⁻¹] / (N − G), E = Σ (n_g/N) JᵀWJ (lav_model_vcov's denominator)
      const A = obj.informationAt(J, 0);
      const v = vcovFromInformation(A, q, ntotal - groups.length);
      const t = x.def.test === "standard" ? null : scaledOf(at, obj);
      const test = {
        trace: t?.trace1 ?? NaN,
        scalingFactor: t?.scaling ?? NaN,
        chisqScaled: t?.chisq ?? NaN,
        pvalueScaled: t?.pvalue ?? NaN,
      };
      if (!v.ok || !x.def.robustSe) return { vcov: v, measures: {}, test };
      const B = meat(testGroups(), q);
      const V = v.vcov;
      const VB = mul(V, B, q);
      const out = mul(VB, V, q);
      for (let i = 0; i < q * q; i++) out[i] *= ntotal - groups.length;
      return { vcov: { ok: true, vcov: out }, measures: {}, test };
    },
    measures(at: AtEstimate, obj: WlsObjective): FitMeasures {
      if (J === null) J = obj.jacobian(at.theta);
      const scaled = x.def.test === "standard" ? null : scaledOf(at, obj);
      const base = baselineFit(groups, x.gammas, ntotal, x.def.test);
      const st = obj.state(at.evaluation);
      let eWe = 0;
      let sWs = 0;
      groups.forEach((g, k) => {
        const f = g.n / ntotal;
        const e = residual(g.s, st.implied[k]!.wls);
        const We = applyWeight(g.W, e);
        const Ws = applyWeight(g.W, g.s);
        for (let i = 0; i < e.length; i++) {
          eWe += f * e[i]! * We[i]!;
          sWs += f * g.s[i]! * Ws[i]!;
        }
      });
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
          std: residualSums(g, obj.state(at.evaluation).implied[k]!.wls, true),
          raw: residualSums(g, obj.state(at.evaluation).implied[k]!.wls, false),
        })),
        gfi: { eWe, sWs },
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
    const v = vcovFromInformation(obj.informationAt(J!, 0), q, 1);
    if (!v.ok) return null;
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
      J: J!,
      Einv: v.vcov,
      q,
      df: table.nmoments! - table.nfree,
    });
  }

  function scaledOf(at: AtEstimate, obj: WlsObjective) {
    if (scaledCache !== null && scaledCache.theta === at.theta) return scaledCache.value;
    const value = computeScaled(at, obj);
    scaledCache = { theta: at.theta, value };
    return value;
  }

  function computeScaled(at: AtEstimate, obj: WlsObjective) {
    if (J === null) J = obj.jacobian(at.theta);
    const df = table.nmoments! - table.nfree;
    return scaledStatistic(x.def.test, ntotal * at.evaluation.f, df, traces(testGroups(), at.theta.length));
  }
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

/** Σ_g f_g (W_gJ_g)ᵀ Γ_g (W_gJ_g). */
function meat(groups: readonly TestGroup[], q: number): Float64Array {
  const B = new Float64Array(q * q);
  for (const g of groups) {
    const WJ = new Float64Array(g.m * q);
    for (let a = 0; a < q; a++) {
      const col = new Float64Array(g.m);
      for (let i = 0; i < g.m; i++) col[i] = g.J[i * q + a]!;
      const wc = applyWeight(g.W, col);
      for (let i = 0; i < g.m; i++) WJ[i * q + a] = wc[i]!;
    }
    const GWJ = new Float64Array(g.m * q);
    for (let i = 0; i < g.m; i++)
      for (let l = 0; l < g.m; l++) {
        const x = g.gamma[i * g.m + l]!;
        if (x === 0) continue;
        for (let a = 0; a < q; a++) GWJ[i * q + a] += x * WJ[l * q + a]!;
      }
    for (let i = 0; i < g.m; i++)
      for (let a = 0; a < q; a++) {
        const w = g.f * WJ[i * q + a]!;
        if (w === 0) continue;
        for (let b = 0; b < q; b++) B[a * q + b] += w * GWJ[i * q + b]!;
      }
  }
  return B;
}

function mul(X: Float64Array, Y: Float64Array, q: number): Float64Array {
  const out = new Float64Array(q * q);
  for (let i = 0; i < q; i++)
    for (let k = 0; k < q; k++) {
      const x = X[i * q + k]!;
      if (x === 0) continue;
      for (let j = 0; j < q; j++) out[i * q + j] += x * Y[k * q + j]!;
    }
  return out;
}

/**
 * Residuals of the standardized moments (Bentler's SRMR): correlations s_ij/√(s_ii s_jj) −
 * σ_ij/√(σ_ii σ_jj) (for ordered items the correlations themselves) and the thresholds (not the
 * means of continuous variables, as lavaan); the diagonal residuals are 0 and counted. Unstandardized (RMR): the raw residuals of the
 * wls statistics, variances of continuous variables on the diagonal.
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
