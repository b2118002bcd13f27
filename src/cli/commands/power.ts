/**
 * `isrs power`: power and sample size, in three modes chosen by the flags:
 *  - RMSEA (--rmsea0, --rmsea-a with --df D or --model M; --n N,... or --power P);
 *  - one parameter, Satorra-Saris (--model M --population P --test "B ~ E" --n N,...);
 *  - Monte Carlo (--model M --population P --n N,... --reps R --seed S [--categories K]).
 * `--instrument [FILE]` takes the population (and, without --model, the model) from the instrument.
 */
import type { Command } from "commander";
import { normalQuantile } from "../../sem/distributions/index.js";
import { InputError } from "../../sem/messages.js";
import { parseModel, type ModelSyntax } from "../../sem/syntax/index.js";
import { buildParameterTable } from "../../sem/partable/build.js";
import { degreesOfFreedom } from "../../sem/fit-model.js";
import { hasIntercepts } from "../../sem/partable/build.js";
import { rmseaPower, rmseaSampleSize, type RmseaPowerResult } from "../../power/rmsea.js";
import { populationSigma } from "../../power/population.js";
import { parameterPower, parseTestedParameter, type ParameterPowerResult } from "../../power/satorra-saris.js";
import type { MonteCarloResult } from "../../power/montecarlo-run.js";
import path from "node:path";
import { checkOutput, readModelFile, refuseInputAsOutput, writeAtomic } from "../io.js";
import { ESTIMATORS, type Estimator } from "../../sem/options.js";
import { progressBar } from "../progress.js";
import { seedOption } from "./bootstrap-flags.js";
import type { CommandContext } from "./fit.js";
import { emit, numberOption } from "./instrument-options.js";
import { formatPowerText } from "./power-text.js";

export interface PowerFlags {
  df?: string;
  model?: string;
  n?: string;
  rmsea0?: string;
  rmseaA?: string;
  alpha: string;
  power?: string;
  groups: string;
  population?: string;
  test?: string;
  reps?: string;
  seed?: string;
  workers?: string;
  categories?: string;
  estimator?: string;
  missing?: string;
  chart?: string;
  instrument?: string | boolean;
  format: string;
  out?: string;
}

export function registerPower(program: Command, ctx: CommandContext): void {
  program
    .command("power")
    .description("power and sample size: RMSEA-based, for one parameter (Satorra-Saris), or by Monte Carlo")
    .option("--df <d>", "RMSEA mode: degrees of freedom of the model test")
    .option("-m, --model <file>", "the analysis model (lavaan syntax); in RMSEA mode its df is used")
    .option("--n <list>", "sample size(s), comma-separated")
    .option("--rmsea0 <e>", "RMSEA mode: the RMSEA of the null hypothesis (e.g. 0.05)")
    .option("--rmsea-a <e>", "RMSEA mode: the RMSEA of the alternative (0.08: close fit; 0.01: not-close fit)")
    .option("--alpha <a>", "significance level", "0.05")
    .option("--power <p>", "RMSEA mode: the power wanted; gives the smallest N instead of the power")
    .option("--groups <g>", "RMSEA mode: number of groups", "1")
    .option("--population <file>", "population model: lavaan syntax with every value fixed (e.g. 0.7*x1)")
    .option("--test <parameter>", 'the parameter whose power is wanted, e.g. "B ~ E" (Satorra-Saris)')
    .option("--reps <r>", "Monte Carlo: replications per sample size")
    .option("--seed <s>", "Monte Carlo: seed, a whole number from 0 to 2^53-1 (default: drawn and reported)")
    .option("--workers <k>", "Monte Carlo: worker threads (default: the available cores)")
    .option(
      "--categories <k>",
      "Monte Carlo: cut each variable into K equally likely categories, or 'instrument' for its scales",
    )
    .option("--estimator <e>", "Monte Carlo: ML (default), MLM or MLR (robust standard errors, fitted from the rows)")
    .option("--missing <rate>", "Monte Carlo: share of cells set missing completely at random (MCAR), fitted by FIML")
    .option("--chart <file.svg>", "Monte Carlo: draw the power curve over N into an SVG file")
    .option("--instrument [file]", "use the instrument's population model (default: the bundled ISRS instrument)")
    .option("--format <format>", "text or json", "text")
    .option("-o, --out <file>", "write the output to a file instead of standard output")
    .action(async (flags: PowerFlags) => {
      if (flags.format !== "text" && flags.format !== "json")
        throw new InputError("E_USAGE", `--format ${flags.format}: use text or json`);
      const inputs = {
        "model file": flags.model,
        "population file": flags.population,
        ...(typeof flags.instrument === "string" ? { "instrument file": flags.instrument } : {}),
      };
      if (flags.chart !== undefined) checkChartFile(flags.chart, flags.out, inputs);
      const result = await runPower(flags, ctx);
      const text = flags.format === "json" ? `${JSON.stringify(jsonOf(result), null, 2)}\n` : formatPowerText(result);
      const svg = flags.chart !== undefined && result.mode === "montecarlo" ? await chartSvg(result) : null;
      emit(text, flags.out, ctx.stdout, inputs);
      if (svg !== null) writeAtomic(flags.chart!, svg, { ...inputs, "output file": flags.out });
    });
}

export type PowerResult =
  RmseaPowerResult | { mode: "rmsea"; rows: RmseaPowerResult[] } | ParameterPowerResult | MonteCarloResult;

/** Non-finite numbers as null, as every JSON output of isrs. */
function jsonOf(result: PowerResult): unknown {
  return JSON.parse(
    JSON.stringify(result, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v)),
  );
}

function list(flag: string, value: string): number[] {
  return value.split(",").map((s) => {
    const x = numberOption(flag, s.trim());
    if (!Number.isInteger(x) || x < 2) throw new InputError("E_USAGE", `--${flag} ${s}: a whole number of at least 2`);
    return x;
  });
}

/** A flag of another mode is refused rather than ignored. */
function refuseUnused(flags: PowerFlags, names: (keyof PowerFlags)[], mode: string): void {
  const flagName = (k: string): string => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  for (const k of names)
    if (flags[k] !== undefined) throw new InputError("E_USAGE", `${flagName(k)} is not used by ${mode}`);
}

async function runPower(flags: PowerFlags, ctx: CommandContext): Promise<PowerResult> {
  const alpha = numberOption("alpha", flags.alpha);
  const monteCarloOnly: (keyof PowerFlags)[] = ["seed", "workers", "categories", "estimator", "missing", "chart"];
  if (flags.rmsea0 !== undefined || flags.rmseaA !== undefined) {
    refuseUnused(flags, ["population", "test", "reps", "instrument", ...monteCarloOnly], "RMSEA power (--rmsea0)");
    return rmseaMode(flags, alpha);
  }
  refuseUnused(flags, ["df", "power"], "parameter or Monte Carlo power (give --rmsea0 and --rmsea-a for RMSEA power)");
  if (flags.reps === undefined)
    refuseUnused(flags, monteCarloOnly, "Satorra-Saris power (give --reps for Monte Carlo)");
  const { model, sigma, cuts } = await populationInput(flags);
  if (flags.reps === undefined) {
    if (flags.test === undefined)
      throw new InputError(
        "E_USAGE",
        'give --rmsea0 and --rmsea-a (RMSEA power), --test "B ~ E" (one parameter) or --reps R (Monte Carlo)',
      );
    if (flags.n === undefined) throw new InputError("E_USAGE", "--test needs --n N (one or more sample sizes)");
    return parameterPower({ model, test: parseTestedParameter(flags.test), sigma, n: list("n", flags.n), alpha });
  }
  if (flags.n === undefined) throw new InputError("E_USAGE", "--reps needs --n N (one or more sample sizes)");
  const { monteCarloPower } = await import("../../power/montecarlo-run.js");
  const seed = flags.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : seedOption(flags.seed);
  const reps = numberOption("reps", flags.reps);
  if (flags.categories === "instrument" && cuts === null)
    throw new InputError("E_USAGE", "--categories instrument needs --instrument (its scales give the categories)");
  const categories =
    flags.categories === undefined || flags.categories === "instrument"
      ? null
      : numberOption("categories", flags.categories);
  const onProgress = ctx.stderrIsTTY === true ? progressBar("power") : undefined;
  return monteCarloPower(
    {
      model: modelText(model),
      modelFile: model.file,
      names: sigma.names,
      sigma: sigma.sigma,
      cuts:
        categories !== null
          ? equalCuts(categories, sigma.names.length)
          : flags.categories === "instrument"
            ? cuts
            : null,
      ns: list("n", flags.n),
      reps,
      seed,
      alpha,
      estimator: estimatorOption(flags.estimator),
      missing: flags.missing === undefined ? null : numberOption("missing", flags.missing),
    },
    {
      ...(flags.workers !== undefined ? { workers: numberOption("workers", flags.workers) } : {}),
      ...(onProgress ? { onProgress } : {}),
      ...(flags.test !== undefined ? { focus: [normalized(flags.test)] } : {}),
    },
  );
}

function estimatorOption(value: string | undefined): Estimator {
  const e = (value ?? "ML").toUpperCase();
  if (!(ESTIMATORS as readonly string[]).includes(e))
    throw new InputError("E_USAGE", `--estimator ${value}: use ML, MLM or MLR`);
  return e as Estimator;
}

/** The chart file must be an .svg, and neither an input nor the --out file (never overwritten). */
function checkChartFile(chart: string, out: string | undefined, inputs: Record<string, string | undefined>): void {
  if (!/\.svg$/i.test(chart)) throw new InputError("E_USAGE", `--chart ${chart}: give a file name ending in .svg`);
  if (out !== undefined && path.resolve(out) === path.resolve(chart))
    throw new InputError("E_USAGE", `--chart ${chart}: is also the --out file; give two different files`);
  refuseInputAsOutput(chart, { ...inputs, "output file": out }, "--chart");
  checkOutput(chart);
}

/** The power curve drawn as the report draws its charts (vega, loaded only here). */
async function chartSvg(result: MonteCarloResult): Promise<string> {
  const { powerCurveSvg } = await import("../../report/charts/power.js");
  return powerCurveSvg(result.chart);
}

const normalized = (t: string): string => {
  const p = parseTestedParameter(t);
  return `${p.lhs} ${p.op} ${p.rhs}`;
};

/** K equally likely categories of a standard normal variable: cuts at Φ⁻¹(k/K). */
function equalCuts(k: number, p: number): Float64Array[] {
  if (!(Number.isInteger(k) && k >= 2 && k <= 100))
    throw new InputError("E_USAGE", `--categories ${k}: a whole number of categories from 2 to 100`);
  return Array.from({ length: p }, () => Float64Array.from({ length: k - 1 }, (_, j) => normalQuantile((j + 1) / k)));
}

function rmseaMode(flags: PowerFlags, alpha: number): PowerResult {
  if (flags.rmsea0 === undefined || flags.rmseaA === undefined)
    throw new InputError("E_USAGE", "RMSEA power needs both --rmsea0 and --rmsea-a");
  const df =
    flags.df !== undefined ? numberOption("df", flags.df) : flags.model !== undefined ? modelDf(flags.model) : null;
  if (df === null) throw new InputError("E_USAGE", "RMSEA power needs --df D or --model M (its degrees of freedom)");
  const base = {
    df,
    rmsea0: numberOption("rmsea0", flags.rmsea0),
    rmseaA: numberOption("rmsea-a", flags.rmseaA),
    alpha,
    groups: numberOption("groups", flags.groups),
  };
  if (flags.power !== undefined) {
    if (flags.n !== undefined)
      throw new InputError("E_USAGE", "give --n (power at N) or --power (N for a power), not both");
    return rmseaSampleSize({ ...base, power: numberOption("power", flags.power) });
  }
  if (flags.n === undefined) throw new InputError("E_USAGE", "RMSEA power needs --n N or --power P");
  const rows = list("n", flags.n).map((n) => rmseaPower({ ...base, n }));
  return rows.length === 1 ? rows[0]! : { mode: "rmsea", rows };
}

/** The degrees of freedom of a model (one group, lavaan's sem() defaults). */
export function modelDf(file: string): number {
  const syntax = parseModel(readModelFile(file), { file });
  const table = buildParameterTable({
    syntax,
    options: { stdLv: false, meanstructure: hasIntercepts(syntax), growth: false, fixedX: true, groupEqual: [] },
    groupLabels: [""],
  });
  const { df } = degreesOfFreedom(table);
  if (!(df > 0)) throw new InputError("E_MODEL", `${file}: the model has df = ${df}: RMSEA power needs df > 0`);
  return df;
}

function modelText(model: ModelSyntax & { text: string }): string {
  return model.text;
}

export interface PopulationInput {
  model: ModelSyntax & { text: string };
  sigma: { names: string[]; sigma: Float64Array };
  cuts: Float64Array[] | null;
}

/** The analysis model and the population Σ (and the instrument's category thresholds). */
export async function populationInput(
  flags: Pick<PowerFlags, "instrument" | "model" | "population">,
): Promise<PopulationInput> {
  if (flags.instrument !== undefined) {
    if (flags.population !== undefined)
      throw new InputError("E_USAGE", "give --population P or --instrument, not both");
    const inst = await import("../../instrument/index.js");
    const { scaleOf } = await import("../../instrument/load.js");
    const instr = inst.loadInstrument(typeof flags.instrument === "string" ? flags.instrument : undefined);
    const pm = inst.populationModel(instr);
    const text = flags.model !== undefined ? readModelFile(flags.model) : inst.instrumentModelSyntax(instr);
    const file = flags.model ?? `instrument ${instr.id} ${instr.version}`;
    const cuts = instr.items.map((it) =>
      Float64Array.from(inst.thresholds(instr.population.categoryProbabilities[scaleOf(instr, it).id]!)),
    );
    return { model: { ...parseModel(text, { file }), text }, sigma: { names: pm.items, sigma: pm.sigma }, cuts };
  }
  if (flags.model === undefined) throw new InputError("E_USAGE", "give --model M (the analysis model)");
  if (flags.population === undefined)
    throw new InputError("E_USAGE", "give --population P (a model with every value fixed) or --instrument");
  const pop = populationSigma(parseModel(readModelFile(flags.population), { file: flags.population }));
  const text = readModelFile(flags.model);
  return { model: { ...parseModel(text, { file: flags.model }), text }, sigma: pop, cuts: null };
}
