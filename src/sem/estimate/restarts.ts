/**
 * Starts that the optimizer can move from, and restarts when it cannot.
 * - `checkedStart`: the data-driven start (start.ts) with fixed values that make Σ impossible
 *   refused or worked around. A non-finite fixed value is refused with its model line. When the
 *   start's Σ(θ₀) is not positive definite and a variance is fixed below zero, that variance is
 *   named (lavaan 0.6.14 fails on `x1 ~~ -1*x1`: "Model estimation FAILED! Returning starting
 *   values"; a milder `x2 ~~ -0.1*x2` leaves Σ(θ₀) positive definite and is fitted, with the
 *   Heywood warning). When Σ(θ₀) is not positive definite because of other fixed values (`visual ~~
 *   5*textual` against start variances of about 0.7), the free variances are doubled until it is
 *   (lavaan fits that model, warning that the starting values imply a correlation above 1); if no
 *   such start exists the fixed covariances are named.
 * - `signFlippedStart`, `stalled`: the optimizer's restart after a run that stalled or did not
 *   converge (see optimize.ts).
 */
import { InputError } from "../messages.js";
import type { Representation } from "../model/representation.js";
import type { ParameterTable, ParRow } from "../partable/types.js";
import type { SampleStats } from "../samplestats/index.js";
import type { ModelSyntax } from "../syntax/index.js";
import { evaluate, type Problem } from "./ml.js";
import { startValues } from "./start.js";

/** "line 4: x1 ~~ -1*x1" for a row written in the model text (its statement's line), or the row alone. */
export function rowSource(syntax: ModelSyntax | undefined, r: ParRow): string {
  const text = `${r.lhs} ${r.op} ${r.value}*${r.rhs}`;
  const st = syntax?.statements.find(
    (s) =>
      s.kind === "formula" &&
      s.op === r.op &&
      ((s.lhs === r.lhs && s.terms.some((t) => t.name === r.rhs)) ||
        (s.lhs === r.rhs && s.terms.some((t) => t.name === r.lhs))),
  );
  if (st === undefined || st.kind !== "formula") return `"${text}"`;
  const term = st.terms.find((t) => t.name === r.rhs || t.name === r.lhs)!;
  return `line ${term.line} ("${text}")`;
}

/** startValues() checked against fixed values that leave no positive-definite Σ to start from. */
export function checkedStart(
  table: ParameterTable,
  stats: SampleStats,
  rep: Representation,
  syntax?: ModelSyntax,
): { theta: Float64Array; rowValues: Float64Array } {
  const file = syntax?.file ?? "the model";
  const infinite = table.rows.find(
    (r) => r.free === 0 && !r.exo && r.op !== ":=" && r.op !== "==" && !Number.isFinite(r.value),
  );
  if (infinite !== undefined)
    throw new InputError(
      "E_MODEL",
      `${file}: ${rowSource(syntax, infinite)}: the fixed value is not a finite number (beyond ±1.8e308); ` +
        "fix the parameter at a finite value or free it",
    );
  const start = startValues(table, stats);
  // an h1 matrix that is not positive definite (polychoric correlations estimated pair by pair)
  // leaves the ML discrepancy undefined at every θ: the check cannot judge the start; the data
  // method's own objective (least squares on the correlations) does not need it
  if (stats.groups.some((g) => !Number.isFinite(g.logDetS))) return start;
  const prob = { rep, stats, rowValues: start.rowValues };
  if (Number.isFinite(evaluate(prob, start.theta).f)) return start;
  const negative = table.rows.find((r) => r.op === "~~" && r.lhs === r.rhs && r.free === 0 && !r.exo && r.value < 0);
  if (negative !== undefined)
    throw new InputError(
      "E_MODEL",
      `${file}: ${rowSource(syntax, negative)} fixes the variance of ${negative.lhs} at ${negative.value}, ` +
        "too negative for a positive-definite model-implied covariance matrix at the start (lavaan fails here " +
        "too): fix it at 0 or more, or free it",
    );
  const variances = new Set<number>();
  for (const r of table.rows) if (r.op === "~~" && r.lhs === r.rhs && r.free > 0) variances.add(r.free - 1);
  const theta = Float64Array.from(start.theta);
  for (let k = 1; k <= 60; k++) {
    for (const i of variances) theta[i] = 2 * theta[i]!;
    if (Number.isFinite(evaluate(prob, theta).f)) return { theta, rowValues: start.rowValues };
  }
  const covariances = table.rows.filter((r) => r.user && r.free === 0 && r.op === "~~" && r.lhs !== r.rhs);
  const fixed = covariances.length > 0 ? covariances : table.rows.filter((r) => r.user && r.free === 0);
  const named = fixed.length > 0 ? fixed.map((r) => rowSource(syntax, r)).join(", ") : "the model's fixed values";
  throw new InputError(
    "E_MODEL",
    `${file}: ${named}: with these fixed values no choice of the free parameters tried gives a ` +
      "positive-definite model-implied covariance matrix (a fixed covariance larger than the variances allow?)",
  );
}

/**
 * Fisher scoring has stalled when F fell by less than 1e-10·(1 + |F|) over the last 100 steps,
 * after at least 200: typically at a point where a loading is pulled towards the other sign
 * (λ = 0 separates reflected solutions); a restart is then more useful than more steps.
 */
export function stalled(history: readonly number[]): boolean {
  const n = history.length;
  if (n < 200) return false;
  const f = history[n - 1]!;
  return history[n - 101]! - f < 1e-10 * (1 + Math.abs(f));
}

/**
 * A restart for a run that did not converge: the start with the sign flipped of every parameter
 * that the run drove to (near) zero, across zero, or beyond ten times its start (a loading that
 * cannot cross zero runs off along a ridge while its factor's variance shrinks), i.e. that was
 * heading for the other sign. A flip that leaves the start's Σ not positive definite (a variance)
 * is undone. Null when nothing is flipped.
 */
export function signFlippedStart(prob: Problem, start: Float64Array, reached: Float64Array): Float64Array | null {
  const out = Float64Array.from(start);
  let any = false;
  for (let i = 0; i < start.length; i++) {
    const s = start[i]!;
    const r = reached[i]!;
    const suspicious =
      Math.abs(r) < 0.1 * Math.abs(s) || Math.sign(r) === -Math.sign(s) || Math.abs(r) > 10 * Math.abs(s);
    if (s === 0 || !Number.isFinite(r) || !suspicious) continue;
    out[i] = -s;
    if (Number.isFinite(evaluate(prob, out).f)) any = true;
    else out[i] = s;
  }
  return any ? out : null;
}
