/**
 * The study a replication reports, as one library call: screening of the items, reliability and
 * validity of each construct, the measurement, second-order and structural models (study-models.ts),
 * chi-square difference tests between them, and the hypotheses table. The result is plain data
 * (written as results.json by `isrs analyze`); its shape is documented in docs/internals.md.
 */
import { buildDataSet, covarianceN, parseNumber, type DataTable } from "../sem/data/index.js";
import { InputError } from "../sem/messages.js";
import { checkDesign, designItems, type StudyDesign } from "./design.js";
import { describeItem, type ItemDescriptives } from "./descriptives.js";
import { chisqDifferenceTest } from "./lrt.js";
import { cov2cor, modelMatrices } from "./matrices.js";
import { multivariateScreening, OUTLIER_ALPHA } from "./multivariate.js";
import { cronbachAlpha, omegaAve, reliabilityFlags, secondOrderReliability } from "./reliability.js";
import { fitModels, hypothesesOf, modelFit, type Fitted } from "./study-models.js";
import type { ConstructReliability, StudyInput, StudyResults } from "./study-types.js";
import { fornellLarcker, htmt } from "./validity.js";

export type * from "./study-types.js";

/**
 * Items with their available values (psych::describe works item by item). Called after
 * buildDataSet has accepted every cell of these columns, so a cell is either a missing-value
 * code (the same set: "", "NA" and the trimmed `na` codes) or a number.
 */
function screenItems(data: DataTable, items: string[], na: string[] | undefined): ItemDescriptives[] {
  const codes = new Set(["", "NA", ...(na ?? []).map((c) => c.trim())]);
  return items.map((item) => {
    const col = data.columns.indexOf(item);
    const values: number[] = [];
    for (const cells of data.rows) {
      const cell = cells[col]!;
      if (!codes.has(cell)) values.push(parseNumber(cell, data.decimal)!);
    }
    return describeItem(item, Float64Array.from(values), data.rows.length);
  });
}

/** Rows and columns of `S` (ordered as `items`) in the order of `names`. */
function subMatrix(S: number[][], items: string[], names: readonly string[]): number[][] {
  const idx = names.map((v) => items.indexOf(v));
  return idx.map((i) => idx.map((j) => S[i]![j]!));
}

/** Alpha, omega, AVE, Fornell-Larcker, HTMT and second-order reliability; S is the items' N-divisor covariance. */
function reliabilityAndValidity(
  design: StudyDesign,
  items: string[],
  S: number[][],
  fits: Fitted[],
): Pick<StudyResults, "reliability" | "secondOrder" | "validity"> {
  const mm = modelMatrices(fits[0]!.result);
  const Smodel = subMatrix(S, items, mm.observed);
  const reliability = design.constructs.map((c): ConstructReliability => {
    const idx = c.items.map((it) => items.indexOf(it));
    const alpha = cronbachAlpha(S, idx);
    const oa = omegaAve(mm, Smodel, c.name);
    return {
      construct: c.name,
      items: c.items,
      alpha,
      ...oa,
      flags: reliabilityFlags(alpha.raw_alpha, oa.omega, oa.ave),
    };
  });
  const names = design.constructs.map((c) => c.name);
  const lvIdx = names.map((n) => mm.latent.indexOf(n));
  const corLv = cov2cor(mm.covLv);
  const fl = fornellLarcker(
    names,
    reliability.map((r) => r.ave),
    lvIdx.map((i) => lvIdx.map((j) => corLv[i]![j]!)),
  );
  const blocks = design.constructs.map((c) => c.items.map((it) => items.indexOf(it)));
  const second = fits.find((f) => f.model.name === "second.order");
  const m2 = second === undefined ? null : modelMatrices(second.result);
  const secondOrder =
    m2 === null
      ? []
      : design.secondOrder.map((s) => secondOrderReliability(m2, subMatrix(S, items, m2.observed), s.name));
  return { reliability, secondOrder, validity: { fornellLarcker: fl, htmt: htmt(names, blocks, S) } };
}

export async function runStudy(input: StudyInput): Promise<StudyResults> {
  const { design } = input;
  checkDesign(design);
  const items = designItems(design);
  const ds = buildDataSet(input.data, { variables: items, na: input.na });
  const g = ds.groups[0]!;
  const p = items.length;
  const screening = screenItems(input.data, items, input.na);
  const multi = multivariateScreening(g.X, g.n, p, g.rowIds);
  if (multi === null)
    throw new InputError(
      "E_NOT_PD",
      `${input.data.file}: the covariance matrix of ` +
        `the items is not positive definite (numerically ` +
        `singular); Mardia's tests and Mahalanobis distances need its inverse`,
    );
  const fits = await fitModels(input);
  // Observed (N-divisor) covariance of the items over the complete rows: lavaan's sampstat.
  const Sflat = covarianceN(g.X, g.n, p);
  const S = Array.from({ length: p }, (_, i) => Array.from(Sflat.subarray(i * p, (i + 1) * p)));
  return {
    estimator: fits[0]!.result.estimator,
    design,
    data: {
      file: input.data.file,
      rows: ds.nTotalRows,
      complete: g.n,
      dropped: ds.dropped,
      ...(input.responses ? { responses: input.responses } : {}),
    },
    screening: {
      items: screening,
      mardia: multi.mardia,
      mahalanobis: {
        alpha: OUTLIER_ALPHA,
        df: p,
        outliers: multi.mahalanobis.filter((r) => r.outlier).length,
        rows: multi.mahalanobis,
      },
    },
    ...reliabilityAndValidity(design, items, S, fits),
    models: fits.map((f) => f.model),
    comparison: fits.length > 1 ? chisqDifferenceTest(fits.map((f) => modelFit(f.model))) : null,
    hypotheses: hypothesesOf(
      design,
      fits.find((f) => f.model.name === "structural"),
    ),
  };
}
