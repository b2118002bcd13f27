/**
 * `isrs report [DATA] [--firm ID | --all] [--model MODEL] [--instrument FILE] [--out DIR]`.
 * - Study report (neither --firm nor --all): runs the study as `isrs analyze` does (same data and
 *   model rules) and writes report.html, report.md, results.json, diagram.svg, diagram.dot and
 *   loadings.svg into DIR. `--invariance COL` and `--pls [--ipma TARGET]` (the instrument's model
 *   as a PLS path model with its importance-performance map: ipma.svg, model.pls) add sections.
 * - Firm report (--firm ID), or one per firm with an overview (--all): the firm's scores against
 *   the norm sample (--norms, default the bundled data), as `isrs score` computes them.
 * Without DATA, the bundled dataset.
 */
import type { Command } from "commander";
import { runStudy, type StudyResults } from "../../analysis/study.js";
import { parseCriterion, parsePartial, parseSteps, runInvariance } from "../../invariance/index.js";
import { invarianceSection } from "../../report/from-invariance.js";
import type { DataTable } from "../../sem/data/csv.js";
import { parseModel } from "../../sem/syntax/index.js";
import { bundledDatasetPath, loadInstrument, loadResponses } from "../../instrument/index.js";
import { scoreFirms } from "../../instrument/score.js";
import { InputError } from "../../sem/messages.js";
import { analysisExitCode, checkEstimator, orderedFrom, resolveStudy, splitNa, type OrderedFlags } from "./analyze.js";
import { EXIT } from "../exit-codes.js";
import { PLS_BOOTSTRAP_MAX } from "../../pls/bootstrap/index.js";
import { MAX_SEED } from "../../sem/bootstrap/prng.js";
import { MAX_REPS as POWER_MAX_REPS } from "../../power/montecarlo-run.js";
import {
  defaultReportDir,
  plsReportExtra,
  firmReportFiles,
  shownFile,
  studyReportFiles,
  studyTitle,
  writeAndTell,
} from "../report-output.js";
import type { CommandContext } from "./fit.js";
import { modelFrom } from "./instrument-options.js";

/** Replications per sample size of the power section unless --power-reps says otherwise. */
const POWER_REPS = 1000;

export interface ReportFlags extends OrderedFlags {
  model?: string;
  instrument?: string;
  estimator?: string;
  missing?: string;
  na?: string;
  out?: string;
  title?: string;
  firm?: string;
  all?: boolean;
  norms?: string;
  invariance?: string;
  pls?: boolean;
  ipma?: string;
  plsBootstrap?: string;
  plsSeed?: string;
  power?: string;
  powerReps?: string;
  powerSeed?: string;
}

async function firmReports(dataFile: string, f: ReportFlags, ctx: CommandContext): Promise<void> {
  if (f.firm !== undefined && f.all === true)
    throw new InputError("E_USAGE", "--firm and --all exclude each other: give one");
  if (f.invariance !== undefined)
    throw new InputError("E_USAGE", "--invariance adds a section to the study report: leave out --firm and --all");
  if (f.pls === true || f.ipma !== undefined || f.plsBootstrap !== undefined)
    throw new InputError("E_USAGE", "--pls adds a section to the study report: leave out --firm and --all");
  if (f.power !== undefined)
    throw new InputError("E_USAGE", "--power adds a section to the study report: leave out --firm and --all");
  const instr = loadInstrument(f.instrument);
  const read = { na: splitNa(f.na) ?? [] };
  const data = loadResponses(dataFile, instr, { read });
  const norms = loadResponses(f.norms ?? shownFile(bundledDatasetPath()), instr, { read });
  const all = f.all === true;
  const syntax = modelFrom(f, instr);
  const ordered = orderedFrom(f, instr);
  const fit = {
    estimator: f.estimator ?? (ordered !== undefined ? "WLSMV" : "ML"),
    missing: f.missing,
    ...(ordered !== undefined ? { ordered } : {}),
  };
  const score = await scoreFirms({ instr, data, norms, syntax, ...fit, firm: all ? "all" : f.firm! });
  const files = await firmReportFiles(score, instr, all, ctx, { syntax, norms, ...fit });
  const inputs = {
    "data file": dataFile,
    "norms file": f.norms,
    "instrument file": f.instrument,
    "model file": f.model,
  };
  writeAndTell(f.out ?? defaultReportDir(all ? "all" : "firm", f.firm, dataFile), files, ctx.stdout, inputs);
}

async function studyReport(data: string | undefined, f: ReportFlags, ctx: CommandContext): Promise<void> {
  checkPlsFlags(data, f);
  const powerPlan = powerFlags(f);
  const study = resolveStudy(data, { ...f, format: "text" });
  const res = await runStudy({ ...study, estimator: f.estimator, missing: f.missing, na: splitNa(f.na) });
  const inv = f.invariance === undefined ? undefined : await invarianceExtra(res, study.data, f, study.ordered);
  const dataName = data ?? shownFile(bundledDatasetPath());
  const pls =
    f.pls === true
      ? await plsReportExtra(
          loadInstrument(f.instrument),
          study.data,
          dataName,
          splitNa(f.na) ?? [],
          f.ipma,
          plsBoot(f),
        )
      : undefined;
  const power = powerPlan === undefined ? undefined : await powerExtra(powerPlan, f);
  const extra =
    inv === undefined && pls === undefined && power === undefined
      ? undefined
      : {
          sections: [...(inv?.sections ?? []), ...(pls?.sections ?? []), ...(power?.sections ?? [])],
          json: { ...inv?.json, ...pls?.json, ...power?.json },
          files: [...(pls?.files ?? []), ...(power?.files ?? [])],
        };
  const files = await studyReportFiles(
    res,
    {
      title: studyTitle(f, data),
      dataFile: data ?? shownFile(bundledDatasetPath()),
      model: f.model ?? res.design.source,
      version: ctx.version,
    },
    extra,
  );
  const inputs = { "data file": data, "instrument file": f.instrument, "model file": f.model };
  writeAndTell(f.out ?? defaultReportDir("study"), files, ctx.stdout, inputs);
  ctx.setExit(pls !== undefined && !pls.converged ? EXIT.problems : analysisExitCode(res));
}

function whole(flag: string, text: string, min: number, max: number): number {
  const v = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(v) || v < min || v > max)
    throw new InputError("E_USAGE", `--${flag} ${text}: a whole number from ${min} to ${max}`);
  return v;
}

/** `--pls-bootstrap N [--pls-seed S]`: the resamples of the PLS section, as `isrs pls --bootstrap N --seed S`. */
function plsBoot(f: ReportFlags): { draws: number; seed?: number } | undefined {
  if (f.plsBootstrap === undefined) return undefined;
  const draws = whole("pls-bootstrap", f.plsBootstrap, 1, PLS_BOOTSTRAP_MAX);
  return f.plsSeed === undefined ? { draws } : { draws, seed: whole("pls-seed", f.plsSeed, 0, MAX_SEED) };
}

/** `--pls` fits the instrument's model on its recoded responses; `--ipma` names its map's target. */
function checkPlsFlags(data: string | undefined, f: ReportFlags): void {
  if (f.ipma !== undefined && f.pls !== true) throw new InputError("E_USAGE", "--ipma TARGET is only used with --pls");
  if (f.plsBootstrap !== undefined && f.pls !== true)
    throw new InputError("E_USAGE", "--pls-bootstrap N is only used with --pls");
  if (f.plsSeed !== undefined && f.plsBootstrap === undefined)
    throw new InputError("E_USAGE", "--pls-seed S is only used with --pls-bootstrap N");
  if (f.pls === true && f.model !== undefined && f.instrument === undefined && data !== undefined)
    throw new InputError(
      "E_USAGE",
      "--pls fits the instrument's model on its recoded responses: with --model, give --instrument too",
    );
}

/** `--power N,... [--power-reps R] [--power-seed S]`, checked before the study runs. */
function powerFlags(f: ReportFlags): { ns: number[]; reps: number; seed: number } | undefined {
  if (f.power === undefined) {
    if (f.powerReps !== undefined) throw new InputError("E_USAGE", "--power-reps R is only used with --power N,...");
    if (f.powerSeed !== undefined) throw new InputError("E_USAGE", "--power-seed S is only used with --power N,...");
    return undefined;
  }
  const ns = f.power.split(",").map((s) => whole("power", s, 2, 1_000_000));
  const reps = f.powerReps === undefined ? POWER_REPS : whole("power-reps", f.powerReps, 2, POWER_MAX_REPS);
  const seed =
    f.powerSeed === undefined ? Math.floor(Math.random() * 2 ** 31) : whole("power-seed", f.powerSeed, 0, MAX_SEED);
  return { ns, reps, seed };
}

/**
 * The power section: Monte Carlo power of the model's paths on data drawn from the instrument's
 * population model, as `isrs power --instrument` computes it.
 */
async function powerExtra(plan: { ns: number[]; reps: number; seed: number }, f: ReportFlags) {
  const { populationInput } = await import("./power.js");
  const { monteCarloPower } = await import("../../power/montecarlo-run.js");
  const { powerSection } = await import("../../report/from-power.js");
  const { model, sigma } = await populationInput({ instrument: f.instrument ?? true, model: f.model });
  const small = plan.ns.find((n) => n <= sigma.names.length);
  if (small !== undefined)
    throw new InputError(
      "E_USAGE",
      `--power ${f.power}: each sample size must be above the number of variables ` +
        `(${sigma.names.length}), not ${small}`,
    );
  const res = await monteCarloPower({
    model: model.text,
    modelFile: model.file,
    names: sigma.names,
    sigma: sigma.sigma,
    cuts: null,
    ns: plan.ns,
    reps: plan.reps,
    seed: plan.seed,
    alpha: 0.05,
  });
  const instr = loadInstrument(f.instrument);
  return powerSection(res, { population: `the population model of the instrument ${instr.id} ${instr.version}` });
}

/** `--invariance COL`: the measurement model's invariance across COL, as a section of the study report. */
async function invarianceExtra(
  res: StudyResults,
  data: DataTable,
  f: ReportFlags,
  ordered: true | readonly string[] | undefined,
) {
  const m = res.models.find((x) => x.name === "measurement") ?? res.models[0]!;
  const syntax = parseModel(m.syntax, { file: "measurement model" });
  const options = {
    group: f.invariance,
    ...(f.estimator !== undefined || ordered === undefined ? { estimator: f.estimator ?? "ML" } : {}),
    ...(f.missing !== undefined ? { missing: f.missing } : {}),
    ...(ordered !== undefined ? { ordered: ordered === true ? (true as const) : [...ordered] } : {}),
  };
  const settings = {
    steps: parseSteps(undefined),
    criterion: parseCriterion(undefined),
    partial: parsePartial(undefined),
  };
  const inv = await runInvariance({ syntax, data, options, na: splitNa(f.na) ?? [] }, settings);
  return { sections: [invarianceSection(inv)], json: { invariance: inv } };
}

export function registerReport(program: Command, ctx: CommandContext): void {
  program
    .command("report")
    .description(
      "write the study report, or firm reports, as HTML, " +
        "Markdown and JSON with the path diagram and charts, " +
        "into a folder",
    )
    .argument("[data]", "CSV of responses (default: the bundled ISRS dataset)")
    .option("--firm <id>", "write the diagnostic report of this firm")
    .option("--all", "write one diagnostic report per firm and an overview")
    .option("--norms <file>", "norm sample for --firm/--all (default: the bundled dataset)")
    .option(
      "-m, --model <file>",
      "lavaan syntax of the structural model, instead of the instrument's (as isrs analyze)",
    )
    .option("--instrument <file>", "instrument definition file (default: the bundled ISRS instrument)")
    .option("--estimator <name>", "ML (default), MLM, MLR; with ordered items WLSMV (their default) or its family")
    .option("--ordered <items>", "fit these items as ordinal (ordered categories): all, or a comma-separated list")
    .option("--ordinal", "fit the items whose scale the instrument declares ordinal as ordered")
    .option(
      "--missing <method>",
      "missing answers in every model fit: listwise (default: drop incomplete rows) or fiml (full-information ML)",
    )
    .option("--na <codes>", 'comma-separated extra missing-value codes (empty cells and "NA" always are)')
    .option(
      "-o, --out <dir>",
      "folder to write into, created if missing, other " +
        "files kept (default: reports/study, reports/firm-ID " +
        "or reports/firms-DATA)",
    )
    .option("--title <text>", "title of the study report")
    .option(
      "--invariance <column>",
      "add a measurement-invariance section across the groups of this column (study report)",
    )
    .option(
      "--pls",
      "add a PLS section: the instrument's model as a PLS path model, with its importance-performance map",
    )
    .option(
      "--ipma <target>",
      "with --pls: the construct whose importance-performance map is drawn (default: the final outcome)",
    )
    .option("--pls-bootstrap <n>", "with --pls: bootstrap percentile intervals from N resamples")
    .option("--pls-seed <s>", "with --pls-bootstrap: the seed of the resamples (default: drawn and reported)")
    .option(
      "--power <ns>",
      "add a power section: Monte Carlo power of the structural paths at these N (e.g. 60,100,151)",
    )
    .option("--power-reps <r>", `with --power: replications per sample size (default ${POWER_REPS})`)
    .option("--power-seed <s>", "with --power: the seed of the replications (default: drawn and reported)")
    .action(async (data: string | undefined, flags: ReportFlags) => {
      checkEstimator(flags.estimator);
      if (flags.firm !== undefined || flags.all === true)
        return firmReports(data ?? shownFile(bundledDatasetPath()), flags, ctx);
      return studyReport(data, flags, ctx);
    });
}
