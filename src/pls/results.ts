/**
 * The result object of a PLS analysis (what `isrs pls --format json` prints and `pls()` returns
 * as `.results`), in the shape the command documents: parameters with a `=~` (loading) and a `<~`
 * (weight) row for every construct-item pair and a `~` row per path (lhs the outcome), R²,
 * reliability, HTMT, f², VIFs, total effects, iterations and warnings. The inference columns
 * (se, t, ci.lower, ci.upper) are null until a bootstrap fills them; `bootstrap`, `prediction`
 * and `ipma` are optional sections that other modules add.
 */
import type { PlsQuality } from "./quality.js";
import type { PlsData, PlsEstimate, PlsOptions, PlsSpec, PlsWarning } from "./types.js";
import { PLS_DEFAULTS } from "./estimate.js";

/** Inference columns of a row: null without a bootstrap. */
export interface PlsInference {
  se: number | null;
  t: number | null;
  "ci.lower": number | null;
  "ci.upper": number | null;
}

export interface PlsParameterRow extends PlsInference {
  readonly lhs: string;
  readonly op: "=~" | "<~" | "~";
  readonly rhs: string;
  readonly est: number;
}

export interface PlsHtmtRow extends PlsInference {
  readonly lhs: string;
  readonly rhs: string;
  readonly est: number;
}

/** A total effect of `rhs` on `lhs` (as a path: lhs the outcome), with its indirect part. */
export interface PlsTotalEffectRow extends PlsInference {
  readonly lhs: string;
  readonly rhs: string;
  readonly est: number;
  readonly indirect: number;
}

export interface PlsResults {
  readonly model: string;
  readonly data: string;
  readonly nobs: number;
  readonly settings: {
    readonly scheme: string;
    readonly plsc: boolean;
    readonly missing: string;
    readonly hocMethod: string;
    readonly maxIterations: number;
    readonly tolerance: number;
  };
  readonly missing: {
    readonly method: string;
    readonly imputed: readonly { readonly item: string; readonly count: number; readonly mean: number }[];
    /** Dropped rows (listwise) as data-file line numbers when known, else 1-based row numbers. */
    readonly dropped: readonly number[];
  };
  readonly constructs: readonly {
    readonly name: string;
    readonly mode: string;
    readonly indicators: readonly string[];
  }[];
  readonly parameters: PlsParameterRow[];
  readonly rsquared: Record<string, { r2: number; "adj.r2": number }>;
  readonly reliability: Record<string, { alpha: number; rhoC: number; rhoA: number; AVE: number }>;
  readonly htmt: PlsHtmtRow[];
  readonly fsquared: { lhs: string; op: "~"; rhs: string; est: number }[];
  readonly vif: {
    readonly items: { construct: string; item: string; vif: number }[];
    readonly antecedents: { lhs: string; rhs: string; vif: number | null }[];
  };
  readonly totalEffects: PlsTotalEffectRow[];
  readonly fornellLarcker: { constructs: readonly string[]; values: readonly (readonly (number | null)[])[] };
  readonly crossLoadings: {
    items: readonly string[];
    constructs: readonly string[];
    values: readonly (readonly number[])[];
  };
  readonly itCriteria: Record<string, { AIC: number; BIC: number }>;
  readonly firstStage?: {
    readonly iterations: number;
    readonly converged: boolean;
    readonly parameters: PlsParameterRow[];
    readonly rsquared: Record<string, { r2: number; "adj.r2": number }>;
  };
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: PlsWarning[];
  /** Filled by the bootstrap module (replicates, seed, failures). */
  bootstrap?: unknown;
  /** Filled by PLSpredict: one row per item. */
  prediction?: unknown;
  /** Filled by the importance-performance map analysis. */
  ipma?: unknown;
}

const NO_INFERENCE = (): PlsInference => ({ se: null, t: null, "ci.lower": null, "ci.upper": null });

function outerRows(outer: PlsEstimate["allOuter"], blocks: PlsEstimate["allBlocks"]): PlsParameterRow[] {
  const rows: PlsParameterRow[] = [];
  for (const op of ["=~", "<~"] as const)
    for (const b of blocks)
      for (const it of b.indicators) {
        const o = outer.find((r) => r.construct === b.construct && r.indicator === it)!;
        rows.push({ lhs: b.construct, op, rhs: it, est: op === "=~" ? o.loading : o.weight, ...NO_INFERENCE() });
      }
  return rows;
}

function pathRows(est: Pick<PlsEstimate, "pathCoefficients">): PlsParameterRow[] {
  return est.pathCoefficients.map((p) => ({ lhs: p.to, op: "~" as const, rhs: p.from, est: p.est, ...NO_INFERENCE() }));
}

function rsq(list: PlsEstimate["rsquared"]): Record<string, { r2: number; "adj.r2": number }> {
  return Object.fromEntries(list.map((r) => [r.construct, { r2: r.r2, "adj.r2": r.adjR2 }]));
}

/** Pairs (from, to) with a directed route from -> ... -> to, with their total and indirect effects. */
function totalEffectRows(est: PlsEstimate): PlsTotalEffectRow[] {
  const k = est.constructs.length;
  // linked[i][j]: a directed route i -> ... -> j (transitive closure of the paths)
  const linked = est.constructs.map((a) =>
    est.constructs.map((b) => est.paths.some((p) => p.from === a && p.to === b)),
  );
  for (let m = 0; m < k; m++)
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (linked[i]![m] && linked[m]![j]) linked[i]![j] = true;
  const rows: PlsTotalEffectRow[] = [];
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      if (!linked[i]![j]) continue;
      const total = est.totalEffects[i]![j]!;
      rows.push({
        lhs: est.constructs[j]!,
        rhs: est.constructs[i]!,
        est: total,
        indirect: total - est.pathMatrix[i]![j]!,
        ...NO_INFERENCE(),
      });
    }
  return rows;
}

export interface PlsResultsInput {
  readonly spec: PlsSpec;
  readonly data: PlsData;
  readonly estimate: PlsEstimate;
  readonly quality: PlsQuality;
  readonly options: PlsOptions;
  /** Names of the model and data in the output. */
  readonly modelName?: string;
  readonly dataName?: string;
  /** File line of each input row (0-based row -> line), to list dropped rows by line. */
  readonly lineOf?: readonly number[];
}

/** The result object of an estimated model. */
export function plsResults(input: PlsResultsInput): PlsResults {
  const { data, estimate: est, quality: q, options, spec } = input;
  const fs = est.firstStage;
  return {
    model: input.modelName ?? spec.file,
    data: input.dataName ?? "data",
    nobs: data.n,
    settings: {
      scheme: options.scheme ?? PLS_DEFAULTS.scheme,
      plsc: options.plsc === true,
      missing: data.missing.method,
      hocMethod: options.hocMethod ?? "two-stage",
      maxIterations: options.maxIterations ?? PLS_DEFAULTS.maxIterations,
      tolerance: options.tolerance ?? PLS_DEFAULTS.tolerance,
    },
    missing: {
      method: data.missing.method,
      imputed: data.missing.imputed,
      dropped: data.missing.dropped.map((r) => input.lineOf?.[r] ?? r + 1),
    },
    constructs: est.allBlocks.map((b) => ({
      name: b.construct,
      mode: b.commonFactor ? "common factor (PLSc)" : `composite mode ${b.mode}`,
      indicators: b.indicators,
    })),
    parameters: [...outerRows(est.allOuter, est.allBlocks), ...pathRows(est)],
    rsquared: rsq(est.rsquared),
    reliability: Object.fromEntries(
      q.reliability.map((r) => [r.construct, { alpha: r.alpha, rhoC: r.rhoC, rhoA: r.rhoA, AVE: r.AVE }]),
    ),
    htmt: q.htmt.map((h) => ({ ...h, ...NO_INFERENCE() })),
    fsquared: q.fsquared.map((f) => ({ lhs: f.lhs, op: "~" as const, rhs: f.rhs, est: f.est })),
    vif: { items: q.vifItems.map((v) => ({ ...v })), antecedents: q.vifAntecedents.map((v) => ({ ...v })) },
    totalEffects: totalEffectRows(est),
    fornellLarcker: { constructs: q.constructs, values: q.fornellLarcker },
    crossLoadings: { items: q.crossLoadings.items, constructs: q.constructs, values: q.crossLoadings.values },
    itCriteria: Object.fromEntries(q.itCriteria.map((c) => [c.construct, { AIC: c.AIC, BIC: c.BIC }])),
    ...(fs === undefined
      ? {}
      : {
          firstStage: {
            iterations: fs.iterations,
            converged: fs.converged,
            parameters: [...outerRows(fs.outer, fs.blocks), ...pathRows(fs)],
            rsquared: rsq(fs.rsquared),
          },
        }),
    iterations: est.iterations,
    converged: est.converged && (fs === undefined || fs.converged),
    warnings: [...est.warnings],
  };
}

/** The JSON text (non-finite numbers as null). */
export function plsJson(results: PlsResults): string {
  const finite = (_: string, v: unknown): unknown => (typeof v === "number" && !Number.isFinite(v) ? null : v);
  return `${JSON.stringify(results, finite, 2)}\n`;
}
