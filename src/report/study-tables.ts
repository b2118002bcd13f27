/**
 * Tables of the study report that name each number for what it is: Mardia's tests (b1p with its
 * chi-square statistic, df and p; b2p with its z and p), the Mahalanobis outliers (or "none"),
 * and the second-order factors' reliability.
 */
import { cell, num, numCell, pval, type Block } from "./document.js";
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
      { header: "ω (higher)", numeric: true },
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
