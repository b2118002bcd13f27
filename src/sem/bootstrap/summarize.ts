/**
 * From the raw replication outcomes to the bootstrap columns of each parameter row: which draws
 * are used (converged ones; the others are counted by reason), the draws of every free and
 * defined parameter, standard errors, percentile and BCa intervals (intervals.ts).
 */
import type { Problem } from "../estimate/ml.js";
import { compileDefinitions } from "../inference/defined.js";
import { labelScope, rowEstimates } from "../inference/parameters.js";
import type { ParameterTable, ParRow } from "../partable/types.js";
import type { BatchResult } from "./pool.js";
import { bcaInterval, bootSe, jackknifeAcceleration, percentileInterval } from "./intervals.js";
import type { BootstrapParameter, DrawCounts } from "./types.js";

export function drawCounts(r: BatchResult): DrawCounts {
  const reasons = new Map<string, number>();
  let notConverged = 0;
  let errors = 0;
  for (let b = 0; b < r.count; b++) {
    if (r.status[b] === 0) continue;
    if (r.status[b] === 1) notConverged++;
    else errors++;
    reasons.set(r.reasons[b]!, (reasons.get(r.reasons[b]!) ?? 0) + 1);
  }
  const failed = notConverged + errors;
  return {
    requested: r.count,
    successful: r.count - failed,
    failed,
    notConverged,
    errors,
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
  };
}

/** Indices of the used (converged) replications. */
export function usedIndices(r: BatchResult): number[] {
  const out: number[] = [];
  for (let b = 0; b < r.count; b++) if (r.status[b] === 0) out.push(b);
  return out;
}

/** Column k of the estimates of the given replications. */
function column(r: BatchResult, rows: readonly number[], k: number, q: number): number[] {
  return rows.map((b) => r.theta[b * q + k]!);
}

export interface ParameterDraws {
  /** per parameter row (== rows excluded): the draws, or null for a fixed row */
  draws: (number[] | null)[];
  /** per parameter row: the jackknife values, or null */
  jack: (number[] | null)[];
}

/** Draws of every free and defined row, from the used replications (and the jackknife, when it is used). */
export async function parameterDraws(
  table: ParameterTable,
  prob: Problem,
  boot: BatchResult,
  jack: BatchResult | null,
): Promise<ParameterDraws> {
  const q = table.nfree;
  const rows = table.rows.filter((r) => r.op !== "==");
  const used = usedIndices(boot);
  const jackRows = jack === null ? [] : Array.from({ length: jack.count }, (_, i) => i);
  const draws: (number[] | null)[] = rows.map((r) => (r.free > 0 ? column(boot, used, r.free - 1, q) : null));
  const jk: (number[] | null)[] = rows.map((r) =>
    r.free > 0 && jack !== null ? column(jack, jackRows, r.free - 1, q) : null,
  );
  const defs = rows.map((r, k) => ({ r, k })).filter(({ r }) => r.op === ":=");
  if (defs.length > 0) {
    const known = new Set(table.rows.filter((r) => r.label !== "").map((r) => r.label));
    const f = await compileDefinitions(
      defs.map(({ r }) => ({ name: r.lhs, expression: r.rhs })),
      known,
    );
    const values = (res: BatchResult, b: number): number[] =>
      f(labelScope(table, rowEstimates(table, prob, res.theta.subarray(b * q, (b + 1) * q))));
    const bootDefs = used.map((b) => values(boot, b));
    const jackDefs = jack === null ? null : jackRows.map((i) => values(jack, i));
    defs.forEach(({ k }, i) => {
      draws[k] = bootDefs.map((v) => v[i]!);
      jk[k] = jackDefs === null ? null : jackDefs.map((v) => v[i]!);
    });
  }
  return { draws, jack: jk };
}

const nul = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The bootstrap columns of one row with estimate `est`. */
export function bootstrapColumns(
  r: ParRow,
  est: number,
  draws: number[] | null,
  jack: number[] | null,
  level: number,
): BootstrapParameter {
  const base = { lhs: r.lhs, op: r.op, rhs: r.rhs, group: r.group, label: r.label, est: nul(est) };
  if (draws === null) {
    return {
      ...base,
      se: 0,
      "boot.mean": nul(est),
      "ci.perc.lower": nul(est),
      "ci.perc.upper": nul(est),
      "ci.bca.lower": nul(est),
      "ci.bca.upper": nul(est),
      "bca.type": null,
      acceleration: null,
      extreme: false,
    };
  }
  const finite = draws.filter(Number.isFinite);
  const se = bootSe(finite, r.op === ":=" ? "B-1" : "B");
  const perc = percentileInterval(finite, level);
  const a = jack !== null && jack.every(Number.isFinite) ? jackknifeAcceleration(jack) : null;
  const bca = bcaInterval(finite, est, level, a ?? 0);
  const mean = finite.length > 0 ? finite.reduce((s, x) => s + x, 0) / finite.length : NaN;
  return {
    ...base,
    se: nul(se),
    "boot.mean": nul(mean),
    "ci.perc.lower": nul(perc.lower),
    "ci.perc.upper": nul(perc.upper),
    "ci.bca.lower": bca === null ? null : nul(bca.lower),
    "ci.bca.upper": bca === null ? null : nul(bca.upper),
    "bca.type": bca === null ? null : a === null ? "bca.simple" : "bca",
    acceleration: bca === null ? null : (a ?? 0),
    extreme: perc.extreme || (bca?.extreme ?? false),
  };
}
