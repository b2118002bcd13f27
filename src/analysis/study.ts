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
import { chisqDifferenceTest, type Satorra2000 } from "./lrt.js";
import { satorra2000 } from "../invariance/satorra2000.js";
import { ESTIMATOR_DEFAULTS } from "../sem/ordinal/method/index.js";
import type { OrdinalEstimator } from "../sem/options.js";
import { multivariateScreening, OUTLIER_ALPHA } from "./multivariate.js";
import { fitModels, hypothesesOf, modelFit, orderedItems } from "./study-models.js";
import { reliabilityAndValidity } from "./study-reliability.js";
import type { StudyInput, StudyResults } from "./study-types.js";

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

/**
 * lavTestLRT's difference test of fits of ordered items whose test is scaled and shifted or mean and
 * variance adjusted (WLSMV, ULSMV, WLSMVS): "satorra.2000"; other estimators use the fits' statistics.
 */
function ordinalDifference(fits: Awaited<ReturnType<typeof fitModels>>): Satorra2000 | undefined {
  const est = fits[0]!.result.estimator as OrdinalEstimator;
  const test = ESTIMATOR_DEFAULTS[est]?.test;
  if (test !== "scaled.shifted" && test !== "mean.var.adjusted") return undefined;
  return (less, more) => satorra2000(fits[less]!.fitted, fits[more]!.fitted);
}

export async function runStudy(input: StudyInput): Promise<StudyResults> {
  const { design } = input;
  checkDesign(design);
  const items = designItems(design);
  const ordered = orderedItems(design, input.ordered);
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
  const fits = await fitModels({ ...input, ordered });
  // Observed (N-divisor) covariance of the items over the complete rows: lavaan's sampstat.
  const Sflat = covarianceN(g.X, g.n, p);
  const S = Array.from({ length: p }, (_, i) => Array.from(Sflat.subarray(i * p, (i + 1) * p)));
  return {
    estimator: fits[0]!.result.estimator,
    ordered,
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
    ...reliabilityAndValidity(design, { items, S }, fits, ordered),
    models: fits.map((f) => f.model),
    comparison:
      fits.length < 2
        ? null
        : chisqDifferenceTest(
            fits.map((f) => modelFit(f.model)),
            ordinalDifference(fits),
          ),
    hypotheses: hypothesesOf(
      design,
      fits.find((f) => f.model.name === "structural"),
    ),
  };
}
