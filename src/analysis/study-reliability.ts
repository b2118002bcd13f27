/**
 * Reliability and validity of a study's constructs from its fits (study.ts calls it):
 * - continuous items: psych's alpha, semTools' omega and AVE on the items' observed (N-divisor)
 *   covariance, HTMT on their Pearson correlations (reliability.ts, validity.ts);
 * - ordered items (fitted by WLSMV): psych's alpha on the item scores still, and besides it ordinal
 *   alpha, categorical omega, AVE and HTMT on the polychoric correlations of the fit's sample
 *   statistics, as semTools 0.5.6 computes them for such a fit (ordinal-reliability.ts).
 */
import type { StudyDesign } from "./design.js";
import { cov2cor, modelMatrices, type ModelMatrices } from "./matrices.js";
import {
  categoricalOmega,
  latentResponseScale,
  thresholdsOf,
  trueScoreCov,
  type ItemThresholds,
} from "./ordinal-reliability.js";
import { cronbachAlpha, omegaAve, reliabilityFlags, secondOrderReliability } from "./reliability.js";
import type { Fitted } from "./study-models.js";
import type { ConstructReliability, OrdinalReliability, StudyResults } from "./study-types.js";
import { fornellLarcker, htmt } from "./validity.js";

/** Rows and columns of `S` (ordered as `items`) in the order of `names`. */
function subMatrix(S: number[][], items: readonly string[], names: readonly string[]): number[][] {
  const idx = names.map((v) => items.indexOf(v));
  return idx.map((i) => idx.map((j) => S[i]![j]!));
}

/** The total variance omega, AVE and HTMT are computed on, with its variable names. */
interface Basis {
  names: string[];
  S: number[][];
  /** ordered items with their thresholds; null for continuous items */
  ordinal: { items: Set<string>; th: ItemThresholds } | null;
}

/** The sample correlations of an ordinal fit (polychoric / polyserial) on the latent-response scale. */
function ordinalBasis(f: Fitted, ordered: ReadonlySet<string>): Basis {
  const names = f.result.observed;
  const g = f.fitted.stats.groups[0]!;
  const p = g.p;
  const S = Array.from({ length: p }, (_, i) => Array.from(g.S.subarray(i * p, (i + 1) * p)));
  const th = thresholdsOf(f.result);
  return { names, S: latentResponseScale(S, names, th), ordinal: { items: new Set(ordered), th } };
}

/** Ordinal alpha and categorical omega of construct `c` (NaN for a construct mixing item kinds). */
function ordinalOf(mm: ModelMatrices, b: Basis, c: { name: string; items: string[] }): OrdinalReliability {
  const o = b.ordinal!;
  const nOrdered = c.items.filter((v) => o.items.has(v)).length;
  if (nOrdered < c.items.length) return { ordinalAlpha: NaN, categoricalOmega: NaN };
  const idx = c.items.map((v) => b.names.indexOf(v));
  const f = mm.latent.indexOf(c.name);
  const lambda = c.items.map((v) => mm.lambda[mm.observed.indexOf(v)]![f]!);
  const total = idx.map((i) => idx.map((j) => b.S[i]![j]!));
  return {
    ordinalAlpha: cronbachAlpha(b.S, idx).raw_alpha,
    categoricalOmega: categoricalOmega(c.items, trueScoreCov(lambda, mm.covLv[f]![f]!), total, o.th),
  };
}

function constructReliability(
  design: StudyDesign,
  itemCov: { items: string[]; S: number[][] },
  mm: ModelMatrices,
  b: Basis,
): ConstructReliability[] {
  const Smodel = subMatrix(b.S, b.names, mm.observed);
  return design.constructs.map((c): ConstructReliability => {
    const alpha = cronbachAlpha(
      itemCov.S,
      c.items.map((it) => itemCov.items.indexOf(it)),
    );
    const oa = omegaAve(mm, Smodel, c.name);
    const anyOrdered = b.ordinal !== null && c.items.some((v) => b.ordinal!.items.has(v));
    if (!anyOrdered)
      return {
        construct: c.name,
        items: c.items,
        alpha,
        ...oa,
        flags: reliabilityFlags(alpha.raw_alpha, oa.omega, oa.ave),
      };
    const ordinal = ordinalOf(mm, b, c);
    return {
      construct: c.name,
      items: c.items,
      alpha,
      omega: ordinal.categoricalOmega,
      ave: oa.ave,
      ordinal,
      flags: reliabilityFlags(ordinal.ordinalAlpha, ordinal.categoricalOmega, oa.ave, "ordinal"),
    };
  });
}

/** Second-order reliability; omega is the categorical one when every item of the model is ordered. */
function secondOrderOf(design: StudyDesign, second: Fitted | undefined, b: Basis): StudyResults["secondOrder"] {
  if (second === undefined) return [];
  const m2 = modelMatrices(second.result);
  const S2 = subMatrix(b.S, b.names, m2.observed);
  const allOrdered = b.ordinal !== null && m2.observed.every((v) => b.ordinal!.items.has(v));
  return design.secondOrder.map((s) => {
    const rel = secondOrderReliability(m2, S2, s.name);
    if (!allOrdered) return rel;
    const F = m2.latent.indexOf(s.name);
    const dims = rel.dimensions.map((d) => m2.latent.indexOf(d));
    const items = m2.observed.filter((_, i) => dims.some((d) => m2.lambda[i]![d] !== 0));
    const v = items.map((it) => {
      const i = m2.observed.indexOf(it);
      return dims.reduce((t, d) => t + m2.lambda[i]![d]! * m2.beta[d]![F]!, 0);
    });
    const idx = items.map((it) => m2.observed.indexOf(it));
    const total = idx.map((i) => idx.map((j) => S2[i]![j]!));
    const omega = categoricalOmega(items, trueScoreCov(v, m2.covLv[F]![F]!), total, thresholdsOf(second.result));
    return { ...rel, omega, categoricalOmega: omega };
  });
}

/**
 * Alpha, omega, AVE, Fornell-Larcker, HTMT and second-order reliability. `itemCov` is the items'
 * N-divisor covariance over the complete rows; `ordered` the items fitted as ordered (empty: none).
 */
export function reliabilityAndValidity(
  design: StudyDesign,
  itemCov: { items: string[]; S: number[][] },
  fits: Fitted[],
  ordered: readonly string[],
): Pick<StudyResults, "reliability" | "secondOrder" | "validity"> {
  const mm = modelMatrices(fits[0]!.result);
  const b: Basis =
    ordered.length === 0
      ? { ...itemCov, names: itemCov.items, ordinal: null }
      : ordinalBasis(fits[0]!, new Set(ordered));
  const reliability = constructReliability(design, itemCov, mm, b);
  const names = design.constructs.map((c) => c.name);
  const lvIdx = names.map((n) => mm.latent.indexOf(n));
  const corLv = cov2cor(mm.covLv);
  const fl = fornellLarcker(
    names,
    reliability.map((r) => r.ave),
    lvIdx.map((i) => lvIdx.map((j) => corLv[i]![j]!)),
  );
  const blocks = design.constructs.map((c) => c.items.map((it) => b.names.indexOf(it)));
  const second = fits.find((f) => f.model.name === "second.order");
  const h = htmt(names, blocks, b.S);
  return {
    reliability,
    secondOrder: secondOrderOf(design, second, b),
    validity: {
      fornellLarcker: fl,
      htmt: { ...h, correlations: b.ordinal === null ? "pearson" : "polychoric" },
    },
  };
}
