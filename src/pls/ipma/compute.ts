/**
 * Importance-performance map analysis (IPMA; Ringle & Sarstedt 2016, "Gain more insight from
 * your PLS-SEM results: the importance-performance map analysis", Industrial Management & Data
 * Systems 116(9), 1865-1886; Henseler 2021, Composite-Based Structural Equation Modeling, ch. 13).
 *
 * Every indicator is rescaled to 0-100 from its scale ends: x̃ = 100 (x − min) / (max − min).
 * With standardised outer weights w_i and indicator standard deviations s_i, the weights of the
 * rescaled indicators are u_i = w_i (max_i − min_i) / (100 s_i) (the standardised weight divided by
 * the rescaled indicator's standard deviation 100 s_i / (max_i − min_i)), normed to sum 1:
 * w̃_i = u_i / U with U = Σ u_i. The rescaled construct score X̃ = Σ w̃_i x̃_i equals (ξ + c) / U for
 * the standardised score ξ (mean 0, sd 1), so:
 * - performance of a construct = mean of X̃ = Σ w̃_i mean(x̃_i), on 0-100;
 * - sd(X̃) = 1 / U, and the unstandardised total effect of X on the target Y (the importance:
 *   the change of Ỹ for one point more of X̃) = T_XY sd(Ỹ) / sd(X̃) = T_XY U_X / U_Y, from the
 *   standardised total effect T_XY;
 * - at indicator level, one point more of x̃_i raises X̃ by w̃_i: importance w̃_i × importance(X),
 *   performance mean(x̃_i).
 * The rescaled weights, hence the map, need positive outer weights (Ringle & Sarstedt 2016,
 * step 1): a negative weight is reported.
 */
import { InputError } from "../../sem/messages.js";

export interface IpmaInput {
  constructs: readonly string[];
  items: readonly string[];
  /** per construct: its indicator columns */
  blocks: readonly (readonly number[])[];
  /** p×c row-major standardised outer weights */
  weights: Float64Array;
  /** indicator means and standard deviations (n − 1) of the data as fitted */
  means: Float64Array;
  sds: Float64Array;
  /** observed minimum and maximum of each indicator (to check them against the scale ends) */
  observedMin: Float64Array;
  observedMax: Float64Array;
  /** c×c row-major standardised total effects, row = cause, column = effect */
  totalEffects: Float64Array;
  /** per indicator: its scale's lowest and highest possible values */
  scaleMin: Float64Array;
  scaleMax: Float64Array;
  target: string;
}

export interface IpmaConstruct {
  construct: string;
  /** a lower-order construct: the higher-order construct it acts through */
  higherOrder?: string;
  /** unstandardised total effect on the target (null for the target itself) */
  importance: number | null;
  /** mean rescaled score, 0-100 */
  performance: number;
}

export interface IpmaIndicator {
  item: string;
  construct: string;
  /** rescaled weight w̃ within its construct */
  rescaledWeight: number;
  importance: number;
  performance: number;
}

export interface IpmaResult {
  target: string;
  constructs: IpmaConstruct[];
  indicators: IpmaIndicator[];
  warnings: string[];
}

export interface BlockRescaling {
  /** U = Σ u_i: 1 / sd of the rescaled score */
  U: number;
  /** w̃_i = u_i / U */
  rescaledWeights: number[];
  /** mean rescaled score Σ w̃_i mean(x̃_i) */
  performance: number;
  /** mean(x̃_i) per indicator */
  itemPerformance: number[];
}

/** One block's rescaling from its standardised weights and its indicators' sds, means and scale ends. */
export function rescaleBlock(
  w: readonly number[],
  sd: readonly number[],
  mean: readonly number[],
  min: readonly number[],
  max: readonly number[],
): BlockRescaling {
  const u = w.map((wi, i) => (wi * (max[i]! - min[i]!)) / (100 * sd[i]!));
  const U = u.reduce((a, b) => a + b, 0);
  const rescaledWeights = u.map((ui) => ui / U);
  const itemPerformance = mean.map((m, i) => (100 * (m - min[i]!)) / (max[i]! - min[i]!));
  const performance = rescaledWeights.reduce((a, wi, i) => a + wi * itemPerformance[i]!, 0);
  return { U, rescaledWeights, performance, itemPerformance };
}

/** U of a block: Σ w_i (max_i − min_i) / (100 s_i). */
function blockU(inp: IpmaInput, j: number): number {
  const c = inp.constructs.length;
  let U = 0;
  for (const i of inp.blocks[j]!)
    U += (inp.weights[i * c + j]! * (inp.scaleMax[i]! - inp.scaleMin[i]!)) / (100 * inp.sds[i]!);
  return U;
}

function checkScales(inp: IpmaInput): void {
  inp.items.forEach((item, i) => {
    const lo = inp.scaleMin[i]!;
    const hi = inp.scaleMax[i]!;
    if (!(hi > lo))
      throw new InputError("E_USAGE", `IPMA: indicator ${item}: scale maximum ${hi} is not above its minimum ${lo}`);
    if (inp.observedMin[i]! < lo || inp.observedMax[i]! > hi)
      throw new InputError(
        "E_USAGE",
        `IPMA: indicator ${item} has values from ${inp.observedMin[i]} to ${inp.observedMax[i]}, ` +
          `outside its scale ${lo} to ${hi} (give the scale ends with --scale-min and --scale-max)`,
      );
  });
}

export function computeIpma(inp: IpmaInput): IpmaResult {
  const c = inp.constructs.length;
  const t = inp.constructs.indexOf(inp.target);
  if (t < 0) throw new InputError("E_USAGE", `IPMA target ${inp.target}: not a construct of the model`);
  checkScales(inp);
  const warnings: string[] = [];
  const rescaled = (i: number, j: number, U: number): number =>
    (inp.weights[i * c + j]! * (inp.scaleMax[i]! - inp.scaleMin[i]!)) / (100 * inp.sds[i]! * U);
  const perf = (j: number, U: number): number => {
    let s = 0;
    for (const i of inp.blocks[j]!)
      s += (rescaled(i, j, U) * (100 * (inp.means[i]! - inp.scaleMin[i]!))) / (inp.scaleMax[i]! - inp.scaleMin[i]!);
    return s;
  };
  const Ut = blockU(inp, t);
  const antecedents: number[] = [];
  for (let j = 0; j < c; j++) if (j !== t && inp.totalEffects[j * c + t] !== 0) antecedents.push(j);
  if (antecedents.length === 0)
    throw new InputError("E_USAGE", `IPMA target ${inp.target}: no construct has an effect on it (it is exogenous)`);
  for (const j of [...antecedents, t]) {
    const neg = inp.blocks[j]!.filter((i) => inp.weights[i * c + j]! < 0).map((i) => inp.items[i]!);
    if (neg.length > 0)
      warnings.push(
        `IPMA: ${inp.constructs[j]} has negative outer weights (${neg.join(", ")}): its performance may leave 0-100`,
      );
    if (!(blockU(inp, j) > 0))
      throw new InputError("E_USAGE", `IPMA: the rescaled weights of ${inp.constructs[j]} sum to zero or less: no map`);
  }
  const constructs: IpmaConstruct[] = antecedents.map((j) => {
    const Uj = blockU(inp, j);
    return {
      construct: inp.constructs[j]!,
      importance: (inp.totalEffects[j * c + t]! * Uj) / Ut,
      performance: perf(j, Uj),
    };
  });
  constructs.push({ construct: inp.target, importance: null, performance: perf(t, Ut) });
  const indicators: IpmaIndicator[] = [];
  antecedents.forEach((j, k) => {
    const Uj = blockU(inp, j);
    for (const i of inp.blocks[j]!) {
      const w = rescaled(i, j, Uj);
      const performance = (100 * (inp.means[i]! - inp.scaleMin[i]!)) / (inp.scaleMax[i]! - inp.scaleMin[i]!);
      indicators.push({
        item: inp.items[i]!,
        construct: inp.constructs[j]!,
        rescaledWeight: w,
        importance: w * constructs[k]!.importance!,
        performance,
      });
    }
  });
  return { target: inp.target, constructs, indicators, warnings };
}
