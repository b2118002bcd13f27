/**
 * Power of the test of one parameter (Satorra & Saris 1985, Psychometrika 50, 83-90): the model M
 * with the tested parameter fixed to 0 is fitted to the population covariance matrix Σ as if it
 * were a sample covariance matrix of N observations; its chi-square is the noncentrality λ of the
 * 1-df likelihood-ratio test of the parameter, and power = P(χ²(1, λ) > χ²₁,₁₋α).
 * N conventions as lavaan's: Σ is taken as a sample covariance matrix (sample.cov.rescale:
 * × (N − 1)/N) and the chi-square is N · F_ML, so λ is proportional to N for a scale-invariant model.
 */
import { chisqQuantile, noncentralChisqUpper } from "../sem/distributions/index.js";
import { fitModel } from "../sem/fit-model.js";
import { InputError } from "../sem/messages.js";
import { momentsTable, type SampleMoments } from "../sem/samplecov/index.js";
import type { ModelSyntax, Statement } from "../sem/syntax/index.js";

export interface TestedParameter {
  readonly lhs: string;
  readonly op: "=~" | "~" | "~~";
  readonly rhs: string;
}

/** "B ~ E", "f =~ x3", "x1 ~~ x2" as lhs, op, rhs. */
export function parseTestedParameter(text: string): TestedParameter {
  const m = /^\s*([A-Za-z_.][\w.]*)\s*(=~|~~|~)\s*([A-Za-z_.][\w.]*)\s*$/.exec(text);
  if (m === null)
    throw new InputError("E_USAGE", `--test "${text}": give one parameter as lhs op rhs, e.g. "B ~ E" or "f =~ x3"`);
  return { lhs: m[1]!, op: m[2] as TestedParameter["op"], rhs: m[3]! };
}

/** The model with the tested parameter fixed to 0 (the parameter must be written in the model). */
export function fixedToZero(syntax: ModelSyntax, t: TestedParameter): ModelSyntax {
  let found = false;
  const statements: Statement[] = syntax.statements.map((s) => {
    if (s.kind !== "formula" || s.op !== t.op) return s;
    const terms = s.terms.map((term) => {
      const hit = (s.lhs === t.lhs && term.name === t.rhs) || (t.op === "~~" && s.lhs === t.rhs && term.name === t.lhs);
      if (!hit) return term;
      found = true;
      return { ...term, fixed: [0] };
    });
    return { ...s, terms };
  });
  if (!found)
    throw new InputError(
      "E_MODEL",
      `${syntax.file}: the model has no parameter '${t.lhs} ${t.op} ${t.rhs}' to test: write it in the model`,
    );
  return { ...syntax, statements };
}

export interface ParameterPowerRow {
  readonly n: number;
  readonly ncp: number;
  readonly power: number;
}

export interface ParameterPowerResult {
  readonly mode: "parameter";
  readonly test: string;
  readonly alpha: number;
  readonly df: 1;
  readonly critical: number;
  /** the chi-square of the model with the parameter free fitted to Σ (0 when the model holds in the population) */
  readonly chisqModel: number;
  readonly rows: ParameterPowerRow[];
}

/** Power of the 1-df test of λ at level α: P(χ²(1, λ) > χ²₁,₁₋α). */
export function oneDfPower(ncp: number, alpha: number): number {
  return noncentralChisqUpper(chisqQuantile(1 - alpha, 1), 1, ncp);
}

function sigmaMoments(sigma: { names: readonly string[]; sigma: Float64Array }, n: number): SampleMoments {
  return {
    file: "population",
    names: [...sigma.names],
    groups: [{ label: "", nobs: n, cov: sigma.sigma, mean: null, source: "the population covariance matrix" }],
  };
}

async function chisqAt(syntax: ModelSyntax, sigma: { names: readonly string[]; sigma: Float64Array }, n: number) {
  const moments = sigmaMoments(sigma, n);
  const fitted = await fitModel({ syntax, data: momentsTable(moments), moments, options: {} });
  if (!fitted.optimization.converged)
    throw new InputError("E_MODEL", `${syntax.file}: the model did not converge on the population matrix at N = ${n}`);
  return fitted.fit.chisq ?? Number.NaN;
}

/** Satorra-Saris power of `test` in `model` for each N, from the population covariance matrix. */
export async function parameterPower(input: {
  model: ModelSyntax;
  test: TestedParameter;
  sigma: { names: readonly string[]; sigma: Float64Array };
  n: readonly number[];
  alpha?: number;
}): Promise<ParameterPowerResult> {
  const alpha = input.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new InputError("E_USAGE", `alpha ${alpha}: must lie between 0 and 1`);
  const h0 = fixedToZero(input.model, input.test);
  const rows: ParameterPowerRow[] = [];
  for (const n of input.n) {
    const ncp = await chisqAt(h0, input.sigma, n);
    rows.push({ n, ncp, power: oneDfPower(ncp, alpha) });
  }
  const chisqModel = await chisqAt(input.model, input.sigma, input.n[0]!);
  const t = input.test;
  return {
    mode: "parameter",
    test: `${t.lhs} ${t.op} ${t.rhs}`,
    alpha,
    df: 1,
    critical: chisqQuantile(1 - alpha, 1),
    chisqModel,
    rows,
  };
}
