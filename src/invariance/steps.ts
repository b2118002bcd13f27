/**
 * The steps of a measurement-invariance analysis and what each holds equal across groups, as
 * lavaan's group.equal kinds (semTools' measEq conventions, Meredith 1993; Vandenberg & Lance
 * 2000): configural (the same pattern), metric (+ loadings), scalar (+ intercepts), strict
 * (+ residual variances). Each step keeps the constraints of the steps before it.
 *
 * Second-order models: lavaan's "loadings" cover the second-order loadings too (metric). At the
 * scalar step the first-order factors' intercepts are held equal as well: lavaan frees every
 * latent intercept of groups 2.. once intercepts are equal, which leaves the second-order mean
 * unidentified; here the first-order factors' intercepts stay at 0 in every group (written as
 * `f ~ 0*1`), so that the second-order factor's mean is the one freed in groups 2.. (Chen, Sousa
 * & West 2005). Freeing such an intercept (`--partial f~1`) frees it in groups 2...
 *
 * Ordinal indicators (lavaan 0.6.14's group.equal for categorical data): the scalar step holds the
 * thresholds equal ("thresholds"), beside the intercepts of any continuous indicators (the
 * intercepts of ordinal items are fixed at 0). With the thresholds equal lavaan frees, in groups
 * 2.., the latent means and the scales of the ordinal items (`x ~*~ x`, delta parameterization)
 * or their residual variances (theta); with the loadings equal alone nothing more is freed (the
 * plain group.equal sequence, as for continuous indicators; Wu & Estabrook 2016 order the
 * thresholds first, which this sequence does not offer). Strict under theta fixes the residual
 * variances of ordinal items at 1 in every group again (group 1's value); under delta their
 * residual variances are not parameters and "residuals" holds nothing of them (ordinal.ts).
 */
import type { GroupEqual } from "../sem/partable/types.js";
import { InputError } from "../sem/messages.js";

export const STEP_NAMES = ["configural", "metric", "scalar", "strict"] as const;
export type StepName = (typeof STEP_NAMES)[number];

/** The group.equal kinds a step adds to the steps before it (`ordinal`: some indicator is ordered). */
export function stepAdds(step: StepName, ordinal = false): readonly GroupEqual[] {
  switch (step) {
    case "configural":
      return [];
    case "metric":
      return ["loadings"];
    case "scalar":
      return ordinal ? ["thresholds", "intercepts"] : ["intercepts"];
    case "strict":
      return ["residuals"];
  }
}

/** The group.equal kinds of a step: its own and those of every step before it. */
export function stepKinds(step: StepName, ordinal = false): GroupEqual[] {
  const upto = STEP_NAMES.slice(0, STEP_NAMES.indexOf(step) + 1);
  return upto.flatMap((s) => [...stepAdds(s, ordinal)]);
}

/** Does the step hold the first-order factors' intercepts of a second-order model at 0? */
export function holdsFactorIntercepts(step: StepName): boolean {
  return stepKinds(step).includes("intercepts");
}

/** `--steps configural,metric,...`: known names, each once, in the order of the analysis. */
export function parseSteps(list: string | readonly string[] | undefined): StepName[] {
  if (list === undefined) return [...STEP_NAMES];
  const items = (typeof list === "string" ? list.split(",") : [...list]).map((s) => s.trim()).filter((s) => s !== "");
  if (items.length === 0) throw new InputError("E_USAGE", `--steps: give one or more of ${STEP_NAMES.join(", ")}`);
  const out: StepName[] = [];
  for (const s of items) {
    if (!(STEP_NAMES as readonly string[]).includes(s))
      throw new InputError("E_USAGE", `--steps: "${s}" is not a step; the steps are ${STEP_NAMES.join(", ")}`);
    const name = s as StepName;
    if (out.includes(name)) throw new InputError("E_USAGE", `--steps: "${s}" is named twice`);
    const last = out[out.length - 1];
    if (last !== undefined && STEP_NAMES.indexOf(name) < STEP_NAMES.indexOf(last))
      throw new InputError(
        "E_USAGE",
        `--steps: "${s}" comes before "${last}"; list the steps in the order ${STEP_NAMES.join(", ")}`,
      );
    out.push(name);
  }
  return out;
}

export const CRITERIA = ["cfi", "chisq", "both"] as const;
export type Criterion = (typeof CRITERIA)[number];

export function parseCriterion(value: string | undefined): Criterion {
  const v = (value ?? "cfi").trim().toLowerCase();
  if (!(CRITERIA as readonly string[]).includes(v))
    throw new InputError("E_USAGE", `--criterion ${value}: use cfi, chisq or both`);
  return v as Criterion;
}

/** `--partial`: "auto" (search by score tests), "none", or the parameters to free by hand. */
export type PartialMode = { mode: "auto" } | { mode: "none" } | { mode: "list"; items: string[] };

/** "x3~1", "visual =~ x2", "x3 | t1" → lavaan's label form without spaces ("visual=~x2"); null if not a parameter. */
export function parameterKey(text: string): string | null {
  const t = text.replace(/\s+/g, "");
  const th = /^([^|=~]+)\|(t[1-9][0-9]*)$/.exec(t);
  if (th !== null) return `${th[1]}|${th[2]}`;
  const m = /^([^=~]+)(=~|~~|~1$|~)(.*)$/.exec(t);
  if (m === null) return null;
  const [, lhs, op, rhs] = m;
  if (op === "~1") return rhs === "" ? `${lhs}~1` : null;
  if (op === "~" && rhs === "1") return `${lhs}~1`;
  return rhs === "" ? null : `${lhs}${op}${rhs}`;
}

export function parsePartial(value: string | readonly string[] | undefined): PartialMode {
  if (value === undefined) return { mode: "auto" };
  if (typeof value === "string") {
    const v = value.trim();
    if (v === "auto" || v === "none") return { mode: v };
  }
  const raw = typeof value === "string" ? value.split(",") : [...value];
  const items = raw.map((s) => s.trim()).filter((s) => s !== "");
  if (items.length === 0)
    throw new InputError("E_USAGE", "--partial: use auto, none or a list such as x3~1,visual=~x2");
  return {
    mode: "list",
    items: items.map((s) => {
      const k = parameterKey(s);
      if (k === null)
        throw new InputError(
          "E_USAGE",
          `--partial: "${s}" is not a parameter; write it as x3~1, visual=~x2, x1~~x1 or x3|t1`,
        );
      return k;
    }),
  };
}
