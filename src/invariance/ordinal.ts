/**
 * Invariance with ordinal indicators (lavaan 0.6.14's `ordered`): which estimator and test the
 * steps are fitted with, the fit measures reported, the difference test of lavTestLRT for that
 * test, the measures the verdict reads, and what the strict step means.
 * - Difference test: "satorra.2000" (satorra2000.ts; scaled and shifted) for the scaled-and-shifted
 *   test (WLSMV, ULSMV) and the mean-and-variance adjusted one (WLSMVS); Satorra-Bentler 2001 for the mean
 *   scaled test (WLSM, ULSM), as lavTestLRT chooses by the fits' test; the plain difference for
 *   the standard test (DWLS, ULS, WLS).
 * - Verdict: ΔCFI and ΔRMSEA of the scaled measures (cfi.scaled, rmsea.scaled): lavaan 0.6.14
 *   reports no robust CFI or RMSEA for a multi-group fit with thresholds held equal (and the
 *   engine gives none for multi-group ordinal fits), so the robust ones are not reported here.
 * - Strict: under the delta parameterization the residual variances of ordinal items are not
 *   parameters (1 minus the explained variance of y*), so group.equal "residuals" holds nothing
 *   of them and lavaan fits the scalar model again (same χ² and df); the step is dropped when
 *   every indicator is ordinal, with a note to use the theta parameterization, where the scalar
 *   step frees those residual variances in groups 2.. and strict fixes them at 1 again.
 */
import type { FitInput, FittedModel } from "../sem/fit-model.js";
import type { FitMeasureName } from "../sem/fit/names.js";
import { InputError } from "../sem/messages.js";
import { ORDINAL_ESTIMATORS, type OrdinalEstimator } from "../sem/options.js";
import { ESTIMATOR_DEFAULTS } from "../sem/ordinal/method/index.js";
import type { TestKind } from "../sem/ordinal/method/tests.js";
import type { DiffTest, MeasureFamily } from "./compare.js";
import { ML_MEASURES, ROBUST_MEASURES } from "./criterion.js";
import { satorra2000 } from "./satorra2000.js";

export interface OrdinalSetup {
  estimator: OrdinalEstimator;
  parameterization: "delta" | "theta";
  test: TestKind;
  family: MeasureFamily;
  measures: readonly FitMeasureName[];
  /** lavTestLRT's difference test when it is not one compare.ts computes (satorra.2000) */
  diff: ((less: FittedModel, more: FittedModel) => DiffTest) | null;
  /** delta parameterization and no continuous indicator: the strict step holds nothing */
  dropsStrict: boolean;
  /** why strict is dropped, or (delta with continuous items) what it holds; null under theta */
  strictNote: string | null;
}

/** ML's measures without AIC and BIC (no likelihood), with lavaan's WRMR. */
const STANDARD: readonly FitMeasureName[] = [...ML_MEASURES.filter((m) => m !== "aic" && m !== "bic"), "wrmr"];
/** The scaled test's measures: those of MLM / MLR without the robust CFI / TLI / RMSEA, AIC and BIC. */
const SCALED: readonly FitMeasureName[] = [
  ...ROBUST_MEASURES.flatMap((m): FitMeasureName[] =>
    m.endsWith(".robust") || m === "aic" || m === "bic"
      ? []
      : m === "chisq.scaling.factor"
        ? [m, "chisq.shift.parameter"]
        : [m],
  ),
  "wrmr",
];

/** The observed indicators of the model text (the right-hand sides of =~ that are not latent). */
function indicators(base: FitInput): string[] {
  const lv = new Set<string>();
  for (const s of base.syntax.statements) if (s.kind === "formula" && s.op === "=~") lv.add(s.lhs);
  const out = new Set<string>();
  for (const s of base.syntax.statements)
    if (s.kind === "formula" && s.op === "=~") for (const t of s.terms) if (!lv.has(t.name)) out.add(t.name);
  return [...out];
}

export function ordinalSetup(base: FitInput): OrdinalSetup {
  const raw = String(base.options?.estimator ?? "WLSMV").toUpperCase();
  if (!(ORDINAL_ESTIMATORS as readonly string[]).includes(raw))
    throw new InputError(
      "E_USAGE",
      `--estimator ${raw} with ordered items: use WLSMV (the default), WLSM, WLSMVS, ULSMV, ULSM, ULS, DWLS or WLS`,
    );
  const estimator = raw as OrdinalEstimator;
  const parameterization = base.options?.parameterization === "theta" ? "theta" : "delta";
  const test = ESTIMATOR_DEFAULTS[estimator].test;
  const ordered = base.options?.ordered;
  const allOrdinal = ordered === true || indicators(base).every((v) => (ordered as string[]).includes(v));
  const diff =
    test === "scaled.shifted" || test === "mean.var.adjusted"
      ? (less: FittedModel, more: FittedModel) => satorra2000(less, more)
      : null;
  return {
    estimator,
    parameterization,
    test,
    family: test === "standard" ? "plain" : "scaled",
    measures:
      test === "standard"
        ? STANDARD
        : test === "scaled.shifted"
          ? SCALED
          : SCALED.filter((m) => m !== "chisq.shift.parameter"),
    diff,
    dropsStrict: parameterization === "delta" && allOrdinal,
    strictNote:
      parameterization === "theta"
        ? null
        : allOrdinal
          ? "strict: under the delta parameterization the residual variances of ordinal items are not parameters, " +
            "so holding residuals equal changes nothing (lavaan fits the scalar model again); " +
            "use --parameterization theta for strict invariance of ordinal items"
          : "strict: under the delta parameterization only the continuous items' residual variances are held " +
            "equal (those of ordinal items are not parameters); --parameterization theta holds both",
  };
}
