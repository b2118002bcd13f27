/**
 * estimatePls: a PLS path model estimated as seminr 2.3.1's estimate_pls() does, including the
 * two-stage approach for higher-order constructs (stage 1: each higher-order construct replaced by
 * its dimensions, every antecedent pointing to every dimension and every dimension to every
 * outcome; stage 2: the dimensions' stage-1 scores are the higher-order construct's indicators).
 */
import { estimateStage } from "./core.js";
import { inverse } from "./linalg.js";
import type {
  PlsBlock,
  PlsConstructSpec,
  PlsData,
  PlsEstimate,
  PlsOptions,
  PlsPathSpec,
  PlsSpec,
  PlsStage,
  PlsWarning,
} from "./types.js";

export const PLS_DEFAULTS = { scheme: "path", maxIterations: 300, tolerance: 1e-7 } as const;

/** (I - B)^-1 - I: the total effects of the path matrix B of a recursive model. */
export function totalEffects(B: readonly (readonly number[])[]): number[][] {
  const k = B.length;
  const IminusB = B.map((r, i) => r.map((v, j) => (i === j ? 1 : 0) - v));
  const inv = inverse(IminusB);
  if (inv === null) throw new Error("I - B is singular: the structural model is not recursive");
  return inv.map((r, i) => r.map((v, j) => v - (i === j ? 1 : 0)));
}

function stageInput(
  data: { n: number; columns: Readonly<Record<string, Float64Array>> },
  blocks: PlsBlock[],
  paths: readonly PlsPathSpec[],
  options: PlsOptions,
  name: string,
): Parameters<typeof estimateStage>[0] {
  return {
    n: data.n,
    columns: data.columns,
    blocks,
    paths,
    scheme: options.scheme ?? PLS_DEFAULTS.scheme,
    maxIterations: options.maxIterations ?? PLS_DEFAULTS.maxIterations,
    tolerance: options.tolerance ?? PLS_DEFAULTS.tolerance,
    name,
  };
}

/** The constructs of a set of paths, in the order of the model's definitions. */
function constructsOf(spec: PlsSpec, paths: readonly PlsPathSpec[]): string[] {
  const used = new Set(paths.flatMap((p) => [p.from, p.to]));
  return spec.constructs.filter((c) => used.has(c.name)).map((c) => c.name);
}

function blockOf(spec: PlsSpec, name: string, options: PlsOptions): PlsBlock {
  const c = spec.constructs.find((x) => x.name === name)!;
  return {
    construct: c.name,
    mode: c.mode,
    indicators: c.indicators,
    commonFactor: options.plsc === true && c.mode === "A" && !c.higherOrder,
  };
}

/**
 * The repeated-indicators model: each higher-order construct measured by every item of its
 * dimensions, the dimensions kept, with paths construct -> dimension (`=~`) or dimension ->
 * construct (`<~`). The result is a model without higher-order constructs (an item then belongs
 * to two blocks, which only this transformation allows).
 */
export function repeatedIndicators(spec: PlsSpec, hocs: readonly PlsConstructSpec[]): PlsSpec {
  const byName = new Map(spec.constructs.map((c) => [c.name, c]));
  const constructs = spec.constructs.map((c) =>
    hocs.includes(c)
      ? { ...c, higherOrder: false, indicators: c.indicators.flatMap((d) => byName.get(d)!.indicators) }
      : c,
  );
  const extra = hocs.flatMap((h) =>
    h.indicators.map((d) =>
      h.mode === "A" ? { from: h.name, to: d, line: h.line } : { from: d, to: h.name, line: h.line },
    ),
  );
  return { ...spec, constructs, paths: [...spec.paths, ...extra] };
}

/** Stage-1 paths: every higher-order endpoint replaced by each of its dimensions. */
function firstStagePaths(spec: PlsSpec, hocs: readonly PlsConstructSpec[]): PlsPathSpec[] {
  const dims = new Map(hocs.map((c) => [c.name, c.indicators]));
  const out: PlsPathSpec[] = [];
  for (const p of spec.paths)
    for (const from of dims.get(p.from) ?? [p.from])
      for (const to of dims.get(p.to) ?? [p.to])
        if (!out.some((q) => q.from === from && q.to === to)) out.push({ from, to, line: p.line });
  return out;
}

function stageWarnings(stage: PlsStage, what: string): PlsWarning[] {
  return stage.converged
    ? []
    : [
        {
          code: "W_PLS_NOT_CONVERGED",
          message:
            `${what}the weights did not converge in ${stage.iterations + 1} updates ` +
            `(last change ${stage.weightDiff.toExponential(3)}); the estimates are those of the last update`,
        },
      ];
}

/** Warnings about the data: mean replacement and listwise deletion, counted. */
export function dataWarnings(data: PlsData): PlsWarning[] {
  const out: PlsWarning[] = [];
  const cells = data.missing.imputed.reduce((s, x) => s + x.count, 0);
  if (cells > 0)
    out.push({
      code: "W_PLS_MEAN_REPLACED",
      message:
        `${cells} missing value${cells === 1 ? "" : "s"} replaced by the indicator mean (` +
        data.missing.imputed.map((x) => `${x.item}: ${x.count}`).join(", ") +
        ")",
    });
  const d = data.missing.dropped.length;
  if (d > 0)
    out.push({
      code: "W_PLS_ROWS_DROPPED",
      message: `${d} row${d === 1 ? "" : "s"} with missing values dropped (listwise); ${data.n} used`,
    });
  return out;
}

/**
 * Estimates the model `spec` on `data` (preparePlsData's result). Bad input (mode B on collinear
 * items, a constant column) throws an InputError; a weight loop that hits the iteration limit
 * gives a W_PLS_NOT_CONVERGED warning.
 */
export function estimatePls(data: PlsData, spec: PlsSpec, options: PlsOptions = {}, name = "data"): PlsEstimate {
  const inPaths = new Set(spec.paths.flatMap((p) => [p.from, p.to]));
  const hocs = spec.constructs.filter((c) => c.higherOrder && inPaths.has(c.name));
  if (hocs.length > 0 && options.hocMethod === "repeated")
    return estimatePls(data, repeatedIndicators(spec, hocs), options, name);
  const warnings = dataWarnings(data);
  let columns: Readonly<Record<string, Float64Array>> = data.columns;
  let firstStage: PlsStage | undefined;
  const lowerOrder = hocs.flatMap((c) => c.indicators);
  if (hocs.length > 0) {
    const paths1 = firstStagePaths(spec, hocs);
    const blocks1 = constructsOf(spec, paths1).map((c) => blockOf(spec, c, options));
    firstStage = estimateStage(stageInput(data, blocks1, paths1, options, name));
    warnings.push(...stageWarnings(firstStage, "stage 1: "));
    columns = { ...data.columns };
    for (const d of lowerOrder) (columns as Record<string, Float64Array>)[d] = firstStage.scores[d]!;
  }
  const blocks = constructsOf(spec, spec.paths).map((c) => blockOf(spec, c, options));
  const stage = estimateStage(stageInput({ n: data.n, columns }, blocks, spec.paths, options, name));
  warnings.push(...stageWarnings(stage, hocs.length > 0 ? "stage 2: " : ""));
  const lowerBlocks = firstStage === undefined ? [] : firstStage.blocks.filter((b) => lowerOrder.includes(b.construct));
  const lowerRows = firstStage === undefined ? [] : firstStage.outer.filter((r) => lowerOrder.includes(r.construct));
  const allScores: Record<string, Float64Array> = { ...stage.scores };
  for (const d of lowerOrder) allScores[d] = firstStage!.scores[d]!;
  return {
    ...stage,
    ...(firstStage === undefined ? {} : { firstStage }),
    lowerOrder,
    allOuter: [...stage.outer, ...lowerRows],
    allBlocks: [...stage.blocks, ...lowerBlocks],
    allScores,
    totalEffects: totalEffects(stage.pathMatrix),
    warnings,
  };
}
