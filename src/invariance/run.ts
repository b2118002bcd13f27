/**
 * Measurement invariance across groups: the steps fitted in order (steps.ts), each compared with
 * the last step supported (compare.ts); at the first step that fails, the univariate score tests
 * of its constraints (score.ts, lavaan's lavTestScore) and, with `partial: auto`, the partial
 * search: free the parameter whose constraint has the largest X², refit, compare again, until the
 * step holds or half of its constrained parameters are free (then the step is not supported and
 * the analysis stops there). Latent variances (from the metric step on) and means (from the scalar
 * step on) are compared in the model of the last step supported.
 */
import { fitModel, type FitInput, type FittedModel } from "../sem/fit-model.js";
import { InputError } from "../sem/messages.js";
import type { GroupEqual } from "../sem/partable/types.js";
import { compareSteps, type Comparison } from "./compare.js";
import {
  constrainedKeys,
  heldFactorIntercepts,
  isOrdinal,
  keyOf,
  lavaanPlabels,
  stepCandidates,
  stepInput,
  type Candidate,
} from "./model.js";
import { ordinalSetup, type OrdinalSetup } from "./ordinal.js";
import { criterionInfo, ML_MEASURES, ROBUST_MEASURES } from "./criterion.js";
import { equalityReleases, scoreTests } from "./score.js";
import { STEP_NAMES, stepKinds, type Criterion, type PartialMode, type StepName } from "./steps.js";
import type { InvarianceResult, LatentComparison, LatentRow, StepFitMeasures, StepResult } from "./types.js";

export interface InvarianceSettings {
  steps: readonly StepName[];
  criterion: Criterion;
  partial: PartialMode;
}

interface Accepted {
  step: StepName;
  freed: string[];
  fitted: FittedModel;
}

class Run {
  readonly result: InvarianceResult;
  readonly robust: boolean;
  /** ordinal indicators: the estimator's test and the measures the verdict reads; null otherwise */
  readonly ordinal: OrdinalSetup | null;
  ngroups = 0;

  constructor(
    readonly base: FitInput,
    readonly settings: InvarianceSettings,
  ) {
    this.ordinal = isOrdinal(base) ? ordinalSetup(base) : null;
    const estimator = this.ordinal?.estimator ?? String(base.options?.estimator ?? "ML").toUpperCase();
    this.robust = this.ordinal === null ? estimator !== "ML" : this.ordinal.test !== "standard";
    const family = this.ordinal === null ? (this.robust ? "robust" : "plain") : this.ordinal.family;
    this.result = {
      group: base.options?.group ?? "",
      groups: [],
      nobs: [],
      estimator,
      ...(this.ordinal !== null ? { parameterization: this.ordinal.parameterization } : {}),
      criterion: criterionInfo(settings.criterion, family),
      partialMode: settings.partial.mode,
      steps: [],
      comparisons: [],
      scoreTests: [],
      scoreTotals: [],
      partial: [],
      supported: { step: settings.steps[0]!, freed: [] },
      latent: null,
      notes: [],
    };
  }

  fit(step: StepName, freed: readonly string[], extra: readonly GroupEqual[] = []): Promise<FittedModel> {
    return fitModel(stepInput(this.base, step, freed, Math.max(this.ngroups, 1), extra));
  }

  measures(fitted: FittedModel): StepFitMeasures {
    const names = this.ordinal !== null ? this.ordinal.measures : this.robust ? ROBUST_MEASURES : ML_MEASURES;
    const out: StepFitMeasures = {};
    for (const n of names) {
      const v = fitted.fit[n];
      out[n] = v === undefined || !Number.isFinite(v) ? null : v;
    }
    return out;
  }

  compare(less: FittedModel, more: FittedModel): Comparison {
    const o = this.ordinal;
    return compareSteps(
      {
        less: less.fit,
        more: more.fit,
        robust: this.robust,
        ntotal: less.stats.ntotal,
        ngroups: this.ngroups,
        ...(o !== null ? { family: o.family, ...(o.diff !== null ? { test: o.diff(less, more) } : {}) } : {}),
      },
      this.settings.criterion,
    );
  }

  stepResult(step: StepName, freed: readonly string[], fitted: FittedModel): StepResult {
    return {
      name: step,
      groupEqual: [...fitted.opts.groupEqual],
      freed: [...freed],
      converged: fitted.optimization.converged,
      fit: this.measures(fitted),
      warnings: [...fitted.warnings],
    };
  }

  /** Score tests of the model's constraints; the step's own are the candidates. */
  recordScoreTests(
    step: StepName,
    round: number,
    fitted: FittedModel,
    candidates: readonly Candidate[],
  ): Map<Candidate, number | null> {
    const rows = fitted.table.rows;
    const plabel = lavaanPlabels(fitted);
    const equal = equalityReleases(fitted);
    const added = candidates.filter((c) => c.release.ref < 0).map((c) => c.release);
    const all = [...equal, ...added];
    const res = scoreTests(fitted, all, all);
    const cand = new Map(candidates.map((c) => [`${c.release.ref}:${c.release.row}`, c]));
    const byCandidate = new Map<Candidate, number | null>();
    res.uni.forEach((t) => {
      const r = rows[t.release.row]!;
      const c = cand.get(`${t.release.ref}:${t.release.row}`);
      if (c !== undefined) byCandidate.set(c, t.X2);
      const plabels = t.release.ref >= 0 ? [plabel(t.release.ref), plabel(t.release.row)] : [plabel(t.release.row)];
      this.result.scoreTests.push({
        step,
        round,
        lhs: r.lhs,
        op: r.op,
        rhs: r.rhs,
        group: r.group,
        plabels,
        X2: t.X2,
        df: 1,
        pvalue: t.pvalue,
        candidate: c !== undefined,
      });
    });
    this.result.scoreTotals.push({ step, round, ...res.total });
    return byCandidate;
  }

  /** The partial search at a failed step; returns the accepted partial model, or null. */
  async searchPartial(
    step: StepName,
    prev: Accepted,
    failed: FittedModel,
    carried: string[],
  ): Promise<Accepted | null> {
    let model = failed;
    const freedHere: string[] = [];
    const firstCandidates = stepCandidates(failed, step, this.base.syntax);
    const nParams = new Set(firstCandidates.map((c) => c.key)).size;
    const maxFree = Math.floor(nParams / 2);
    for (let round = 1; ; round++) {
      const candidates = stepCandidates(model, step, this.base.syntax);
      const x2 = this.recordScoreTests(step, round, model, candidates);
      if (this.settings.partial.mode !== "auto") return null;
      if (freedHere.length >= maxFree) {
        this.result.notes.push(
          `${step}: not supported; ${freedHere.length} of its ${nParams} constrained parameters freed ` +
            "(at most half may be) without the step holding",
        );
        return null;
      }
      let best: Candidate | null = null;
      let bestX2 = -Infinity;
      for (const c of candidates) {
        const v = x2.get(c);
        if (v !== null && v !== undefined && v > bestX2 && !freedHere.includes(c.key)) {
          best = c;
          bestX2 = v;
        }
      }
      if (best === null) {
        this.result.notes.push(`${step}: not supported; no constraint left whose score test can be computed`);
        return null;
      }
      freedHere.push(best.key);
      const freed = [...carried, ...freedHere];
      model = await this.fit(step, freed);
      const cmp = this.compare(prev.fitted, model);
      this.result.partial.push({
        step,
        freed: [...freedHere],
        fit: this.measures(model),
        comparison: { from: prev.step, to: step, freed, ...cmp },
      });
      if (cmp.supported) return { step, freed, fitted: model };
    }
  }

  async run(): Promise<InvarianceResult> {
    const { steps, partial } = this.settings;
    const listed = partial.mode === "list" ? partial.items : [];
    const wanted = this.ordinal?.dropsStrict === true ? steps.filter((s) => s !== "strict") : steps;
    const strictNote = this.ordinal?.strictNote ?? null;
    if (wanted.length === 0) throw new InputError("E_USAGE", `--steps strict: ${strictNote}`);
    if (strictNote !== null && steps.includes("strict")) this.result.notes.push(strictNote);
    const first = wanted[0]!;
    // the first step, fitted before anything is compared: it tells the groups
    const firstFit = await this.fit(first, []);
    this.checkGroups(firstFit);
    this.ngroups = firstFit.table.ngroups;
    this.checkListed(firstFit, listed);
    const freedFor = (s: StepName): string[] => listed.filter((k) => appliesAt(k, s, firstFit, this.base));
    let accepted: Accepted = { step: first, freed: freedFor(first), fitted: firstFit };
    if (accepted.freed.length > 0) accepted.fitted = await this.fit(first, accepted.freed);
    this.result.groups = [...firstFit.table.groupLabels];
    this.result.nobs = firstFit.stats.groups.map((g) => g.n);
    this.result.steps.push(this.stepResult(first, accepted.freed, accepted.fitted));
    for (const step of wanted.slice(1)) {
      const freed = [...new Set([...accepted.freed, ...freedFor(step)])];
      const fitted = await this.fit(step, freed);
      this.result.steps.push(this.stepResult(step, freed, fitted));
      const cmp = this.compare(accepted.fitted, fitted);
      this.result.comparisons.push({ from: accepted.step, to: step, freed, ...cmp });
      if (cmp.supported) {
        accepted = { step, freed, fitted };
        continue;
      }
      const found = await this.searchPartial(step, accepted, fitted, freed);
      if (found === null) break;
      accepted = found;
    }
    this.result.supported = { step: accepted.step, freed: accepted.freed };
    this.result.latent = await this.latent(accepted);
    return this.result;
  }

  checkGroups(fitted: FittedModel): void {
    const G = fitted.table.ngroups;
    if (G < 2) {
      const label = fitted.table.groupLabels[0] ?? "";
      throw new InputError(
        "E_USAGE",
        `--group ${this.result.group}: the data have one group ("${label}"); invariance compares two or more groups`,
      );
    }
  }

  /** --partial LIST: every item a parameter that some step constrains. */
  checkListed(fitted: FittedModel, listed: readonly string[]): void {
    if (listed.length === 0) return;
    const keys = constrainedKeys(fitted, this.base.syntax, this.settings.steps);
    for (const k of listed)
      if (!keys.has(k)) {
        const inModel =
          fitted.table.rows.some((r) => keyOf(r) === k) ||
          heldFactorIntercepts(this.base.syntax).some((f) => `${f}~1` === k);
        const why = inModel
          ? `is not held equal across groups at any of the steps (${this.settings.steps.join(", ")})`
          : "is not a parameter of the model";
        throw new InputError("E_USAGE", `--partial ${k}: ${why}`);
      }
  }

  /** Latent variances and means in the last supported model, and the tests of holding them equal. */
  async latent(acc: Accepted): Promise<LatentComparison | null> {
    const idx = STEP_NAMES.indexOf(acc.step);
    if (idx < STEP_NAMES.indexOf("metric")) return null;
    const lv = new Set(acc.fitted.table.vars.lv);
    const est = acc.fitted.parameters.estimates;
    const row = (r: (typeof est)[number]): LatentRow => ({
      lhs: r.lhs,
      op: r.op,
      group: r.group,
      est: r.est,
      se: r.se,
      z: r.z,
      pvalue: r.pvalue,
    });
    const free = new Set(
      acc.fitted.table.rows.filter((r) => r.free > 0).map((r) => `${r.group}:${r.lhs}${r.op}${r.rhs}`),
    );
    const isFree = (r: (typeof est)[number]): boolean => free.has(`${r.group}:${r.lhs}${r.op}${r.rhs}`);
    const varRows = est.filter((r) => r.op === "~~" && r.lhs === r.rhs && lv.has(r.lhs) && isFree(r)).map(row);
    const meanRows = est.filter((r) => r.op === "~1" && lv.has(r.lhs) && r.group > 1 && isFree(r)).map(row);
    const test = async (extra: GroupEqual): Promise<Comparison | null> => {
      const kinds = stepKinds(acc.step, this.ordinal !== null);
      if (kinds.includes(extra)) return null;
      const more = await this.fit(acc.step, acc.freed, [extra]);
      return this.compare(acc.fitted, more);
    };
    const hasMeans = idx >= STEP_NAMES.indexOf("scalar") && meanRows.length > 0;
    return {
      step: acc.step,
      freed: acc.freed,
      variances: varRows.length > 0 ? { rows: varRows, test: await test("lv.variances") } : null,
      means: hasMeans ? { rows: meanRows, test: await test("means") } : null,
    };
  }
}

/** Does a --partial item apply at a step (its kind is among the step's)? */
function appliesAt(key: string, step: StepName, fitted: FittedModel, base: FitInput): boolean {
  const kinds = stepKinds(step, isOrdinal(base));
  if (heldFactorIntercepts(base.syntax).some((f) => `${f}~1` === key)) return kinds.includes("intercepts");
  const r = fitted.table.rows.find((x) => keyOf(x) === key);
  if (r === undefined) return false;
  const lv = new Set(fitted.table.vars.lv);
  if (r.op === "=~") return kinds.includes("loadings");
  if (r.op === "|") return kinds.includes("thresholds");
  if (r.op === "~1") return !lv.has(r.lhs) && kinds.includes("intercepts");
  if (r.op === "~~" && r.lhs === r.rhs && !lv.has(r.lhs)) return kinds.includes("residuals");
  return false;
}

/** Runs the analysis: `base` is the fit input (model, data, options with `group`) shared by every step. */
export async function runInvariance(base: FitInput, settings: InvarianceSettings): Promise<InvarianceResult> {
  if (base.options?.group === undefined || base.options.group === "")
    throw new InputError("E_USAGE", "invariance needs a group column (--group COL)");
  if (settings.steps.length === 0) throw new InputError("E_USAGE", "--steps: give one or more steps");
  return new Run(base, settings).run();
}
