/**
 * Tables of the study report that name each number for what it is: Mardia's tests (b1p with its
 * chi-square statistic, df and p; b2p with its z and p), the Mahalanobis outliers (or "none"),
 * and the second-order factors' reliability.
 */
import { cell, num, numCell, pval, type Block, type Cell } from "./document.js";
import type { StudyView } from "./study-view.js";

/** A variable's label with its name: "Failure detection (detection)". */
export const name = (v: StudyView, x: string): string => {
  const l = v.labels[x];
  return l === undefined || l === x ? x : `${l} (${x})`;
};

type Screening = NonNullable<StudyView["screening"]>;

/** Mardia's tests, each number named for what it is (psych::mardia's b1p, b2p and their tests). */
export function mardiaTable(m: NonNullable<Screening["mardia"]>): Block {
  return {
    kind: "table",
    caption: "Multivariate normality (Mardia 1970)",
    columns: [
      { header: "test" },
      { header: "coefficient", numeric: true },
      { header: "statistic", numeric: true },
      { header: "df", numeric: true },
      { header: "p", numeric: true },
    ],
    rows: [
      [
        cell("skewness"),
        cell(`b1p = ${num(m.b1p, 2)}`, { numeric: true }),
        cell(`χ² = ${num(m.skewChisq, 2)}`, { numeric: true }),
        cell(String(m.skewDf), { numeric: true }),
        cell(pval(m.skewP), { numeric: true }),
      ],
      [
        cell("kurtosis"),
        cell(`b2p = ${num(m.b2p, 2)}`, { numeric: true }),
        cell(`z = ${num(m.kurtosisZ, 2)}`, { numeric: true }),
        cell("–", { numeric: true }),
        cell(pval(m.kurtosisP), { numeric: true }),
      ],
    ],
    note: "Skewness: χ² = n·b1p/6; kurtosis: z = (b2p − p(p+2)) / √(8p(p+2)/n), two-sided (psych::mardia).",
  };
}

/** The Mahalanobis outliers: a table, or a sentence saying there is none. */
export function outlierBlock(rows: NonNullable<Screening["outliers"]>, rule: Screening["outlierRule"]): Block {
  const how = rule === undefined ? "" : `, χ² on ${rule.df} df, p < ${rule.alpha}`;
  if (rows.length === 0) return { kind: "text", text: `Multivariate outliers (Mahalanobis distance${how}): none.` };
  return {
    kind: "table",
    caption: `Multivariate outliers (Mahalanobis distance${how})`,
    columns: [{ header: "id" }, { header: "D²", numeric: true }, { header: "p", numeric: true }],
    rows: rows.map((o) => [cell(o.id), numCell(o.d2, 2), cell(pval(o.pvalue), { numeric: true })]),
  };
}

export function secondOrderReliabilityTable(v: StudyView): Block {
  return {
    kind: "table",
    caption: "Reliability of the second-order factors",
    columns: [
      { header: "factor" },
      { header: "dimensions" },
      { header: (v.ordered ?? []).length > 0 ? "categorical ω (higher)" : "ω (higher)", numeric: true },
      { header: "ωL1", numeric: true },
      { header: "ωL2", numeric: true },
      { header: "partial ωL1", numeric: true },
    ],
    rows: v.secondOrderReliability.map((r) => [
      cell(name(v, r.factor)),
      cell(r.dimensions.map((d) => name(v, d)).join(", ")),
      numCell(r.omega),
      numCell(r.omegaL1),
      numCell(r.omegaL2),
      numCell(r.partialOmegaL1),
    ]),
    note:
      "ω (higher): the second-order factor's omega from its dimensions (semTools compRelSEM, higher =). " +
      "ωL1: share of the items' total variance due to the second-order factor; ωL2: share of the dimensions' " +
      "variance due to it; partial ωL1: ωL1 without the dimensions' unique variance (semTools reliabilityL2).",
  };
}

/** With ordered items the fit table shows WLSMV's scaled-shifted statistic and robust indices. */
export const ORDINAL_FIT_NOTE =
  "Ordered items: DWLS estimates on polychoric correlations with robust standard errors (lavaan's WLSMV); " +
  "χ², df and p are the scaled-shifted statistic's, CFI, TLI and RMSEA the robust ones.";

/** Reliability of constructs with ordered items: ordinal alpha and Green & Yang's categorical omega. */
export function ordinalReliabilityTable(v: StudyView): Block {
  const pass = (x: number | undefined, min: number): Cell["flag"] =>
    x === undefined || !Number.isFinite(x) ? undefined : x >= min ? "pass" : "fail";
  return {
    kind: "table",
    caption: "Reliability and convergent validity (ordered items)",
    columns: [
      { header: "construct" },
      { header: "items", numeric: true },
      { header: "ordinal α", numeric: true },
      { header: "categorical ω", numeric: true },
      { header: "AVE", numeric: true },
      { header: "Cronbach's α (item scores)", numeric: true },
    ],
    rows: v.reliability.map((r) => [
      cell(name(v, r.construct)),
      cell(String(r.items), { numeric: true }),
      { ...numCell(r.ordinalAlpha), flag: pass(r.ordinalAlpha, 0.7) },
      { ...numCell(r.cr), flag: pass(r.cr, 0.7) },
      { ...numCell(r.ave), flag: pass(r.ave, 0.5) },
      numCell(r.alpha),
    ]),
    note:
      "Ordinal α: coefficient alpha of the polychoric correlations (Zumbo, Gadermann & Zeisser 2007); " +
      "categorical ω: the reliability of the summed item scores from the WLSMV measurement model " +
      "(Green & Yang 2009), as semTools compRelSEM; AVE on the latent-response scale. " +
      "✓: ordinal α and categorical ω ≥ 0.70, AVE ≥ 0.50. Cronbach's α on the item scores for comparison.",
  };
}
