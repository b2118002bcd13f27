/**
 * The study design `isrs analyze` works from: first-order constructs measured by observed items,
 * second-order factors over some of those constructs, and the structural paths, each of which is
 * a hypothesis ("outcome ~ predictor", expected positive or negative). From a design come the
 * three nested models a replication reports:
 * - measurement: every first-order construct, all correlated (cfa() defaults);
 * - second-order: the same, with each second-order factor above its dimensions;
 * - structural: the second-order model plus the hypothesised regressions.
 * A design is checked before anything is fitted (checkDesign): bad input is one line, exit code 2.
 */
import { constructsOf, itemsOf, scaleOf, secondOrderOf } from "../instrument/constructs.js";
import type { Instrument } from "../instrument/schema.js";
import { InputError } from "../sem/messages.js";
import { AnalysisError } from "./messages.js";
import type { ModelSyntax, FormulaStatement } from "../sem/syntax/index.js";

export interface Construct {
  name: string;
  /** observed item columns, in order */
  items: string[];
  label?: string;
}

export interface SecondOrderFactor {
  name: string;
  /** first-order constructs it stands above */
  dimensions: string[];
  label?: string;
}

export type Direction = "positive" | "negative";

export interface Hypothesis {
  /** "H1", "H2", ... */
  id: string;
  outcome: string;
  predictor: string;
  expected: Direction;
}

export interface StudyDesign {
  constructs: Construct[];
  secondOrder: SecondOrderFactor[];
  hypotheses: Hypothesis[];
  /** where the design came from, for messages ("instrument isrs-1.0", "model file m.lav") */
  source: string;
}

/** Checks names and sizes; throws E_DESIGN naming the construct, factor or path at fault. */
export function checkDesign(d: StudyDesign): void {
  const fail = (msg: string): never => {
    throw new AnalysisError("E_DESIGN", `${d.source}: ${msg}`);
  };
  if (d.constructs.length === 0) fail("the design has no construct measured by observed items");
  const names = new Set<string>();
  const itemOwner = new Map<string, string>();
  for (const c of d.constructs) {
    if (names.has(c.name)) fail(`construct "${c.name}" is defined twice`);
    names.add(c.name);
    if (c.items.length < 2) {
      fail(
        `construct "${c.name}" has ${c.items.length} ` +
          `item${c.items.length === 1 ? "" : "s"}; reliability ` +
          `(alpha, omega, AVE) needs at least 2`,
      );
    }
    for (const item of c.items) {
      const owner = itemOwner.get(item);
      if (owner !== undefined)
        fail(`item "${item}" belongs to both "${owner}" and "${c.name}"; each item measures one construct`);
      itemOwner.set(item, c.name);
    }
  }
  for (const s of d.secondOrder) {
    if (names.has(s.name) || itemOwner.has(s.name))
      fail(`second-order factor "${s.name}" has the name of a construct or item`);
    if (s.dimensions.length < 2)
      fail(`second-order factor "${s.name}" has ${s.dimensions.length} dimension(s); it needs at least 2`);
    for (const dim of s.dimensions) {
      if (!d.constructs.some((c) => c.name === dim))
        fail(`second-order factor "${s.name}": "${dim}" is not a first-order construct`);
    }
    names.add(s.name);
  }
  const seen = new Set<string>();
  for (const h of d.hypotheses) {
    for (const v of [h.outcome, h.predictor]) {
      if (!names.has(v))
        fail(`hypothesis ${h.id} (${h.outcome} ~ ${h.predictor}): "${v}" is not a construct or second-order factor`);
    }
    if (h.outcome === h.predictor) fail(`hypothesis ${h.id}: "${h.outcome}" cannot predict itself`);
    const key = `${h.outcome}~${h.predictor}`;
    if (seen.has(key)) fail(`hypothesis ${h.id} (${h.outcome} ~ ${h.predictor}) is listed twice`);
    seen.add(key);
  }
}

/** Every observed item of the design, construct by construct. */
export function designItems(d: StudyDesign): string[] {
  return d.constructs.flatMap((c) => c.items);
}

function measurementLines(d: StudyDesign): string[] {
  return d.constructs.map((c) => `${c.name} =~ ${c.items.join(" + ")}`);
}

function secondOrderLines(d: StudyDesign): string[] {
  return d.secondOrder.map((s) => `${s.name} =~ ${s.dimensions.join(" + ")}`);
}

/** Regressions grouped by outcome, in the order the outcomes first appear. */
function structuralLines(d: StudyDesign): string[] {
  const outcomes = [...new Set(d.hypotheses.map((h) => h.outcome))];
  return outcomes.map(
    (o) =>
      `${o} ~ ${d.hypotheses
        .filter((h) => h.outcome === o)
        .map((h) => h.predictor)
        .join(" + ")}`,
  );
}

export interface DesignModels {
  /** all first-order constructs, correlated */
  measurement: string;
  /** null when the design has no second-order factor */
  secondOrder: string | null;
  /** null when the design has no hypotheses */
  structural: string | null;
}

/** lavaan syntax of the three nested models. */
export function designModels(d: StudyDesign): DesignModels {
  const m = measurementLines(d);
  const s = d.secondOrder.length > 0 ? [...m, ...secondOrderLines(d)] : null;
  const st = d.hypotheses.length > 0 ? [...(s ?? m), ...structuralLines(d)] : null;
  return {
    measurement: m.join("\n") + "\n",
    secondOrder: s === null ? null : s.join("\n") + "\n",
    structural: st === null ? null : st.join("\n") + "\n",
  };
}

/**
 * A design read off lavaan syntax: `f =~ items` (observed right-hand sides) are constructs,
 * `F =~ f1 + f2` (latent right-hand sides) second-order factors, and each `y ~ x` between latent
 * variables a hypothesis expected positive (numbered H1, H2, ... in the order written).
 * `observed` tells which names are data columns.
 */
export function designFromSyntax(syntax: ModelSyntax, isColumn: (name: string) => boolean): StudyDesign {
  const formulas = syntax.statements.filter((s): s is FormulaStatement => s.kind === "formula");
  const latent = new Set(formulas.filter((s) => s.op === "=~").map((s) => s.lhs));
  const constructs: Construct[] = [];
  const secondOrder: SecondOrderFactor[] = [];
  for (const s of formulas.filter((f) => f.op === "=~")) {
    const rhs = s.terms.map((t) => t.name);
    const lat = rhs.filter((n) => latent.has(n));
    const where = `${syntax.file}: line ${s.line}`;
    if (lat.length > 0 && lat.length < rhs.length) {
      throw new AnalysisError(
        "E_DESIGN",
        `${where}: "${s.lhs}" mixes latent and observed indicators; a study design needs one or the other`,
      );
    }
    if (lat.length > 0) secondOrder.push({ name: s.lhs, dimensions: rhs });
    else {
      const unknown = rhs.find((n) => !isColumn(n));
      if (unknown !== undefined)
        throw new InputError("E_NO_VARIABLE", `${where}: item "${unknown}" of "${s.lhs}" is not a column of the data`);
      const prior = constructs.find((c) => c.name === s.lhs);
      if (prior !== undefined) prior.items.push(...rhs);
      else constructs.push({ name: s.lhs, items: rhs });
    }
  }
  const hypotheses: Hypothesis[] = [];
  for (const s of formulas.filter((f) => f.op === "~" && latent.has(f.lhs))) {
    for (const t of s.terms) {
      if (latent.has(t.name))
        hypotheses.push({ id: `H${hypotheses.length + 1}`, outcome: s.lhs, predictor: t.name, expected: "positive" });
    }
  }
  return { constructs, secondOrder, hypotheses, source: syntax.file };
}

/**
 * The design of an instrument: its dimensions and outcomes are the constructs (items in the
 * file's order, labels kept), its second-order factors stay so, and each predictor of each
 * structural regression is a hypothesis expected positive (reverse-keyed items are recoded when
 * responses are loaded, so a higher score always means a stronger practice or a better outcome).
 */
export function designFromInstrument(instr: Instrument): StudyDesign {
  const constructs = (["dimension", "outcome"] as const).flatMap((kind) =>
    constructsOf(instr, kind).map((c) => ({
      name: c.id,
      label: c.label,
      items: itemsOf(instr, c.id).map((i) => i.id),
    })),
  );
  const secondOrder = secondOrderOf(instr).map((c) => ({ name: c.id, label: c.label, dimensions: [...c.dimensions] }));
  const hypotheses: Hypothesis[] = [];
  for (const r of instr.model.regressions) {
    for (const p of r.predictors)
      hypotheses.push({ id: `H${hypotheses.length + 1}`, outcome: r.outcome, predictor: p, expected: "positive" });
  }
  return { constructs, secondOrder, hypotheses, source: `instrument ${instr.id} ${instr.version}` };
}

/** The items whose scale the instrument declares ordinal (`"ordinal": true`), in instrument order. */
export function ordinalItemsOf(instr: Instrument): string[] {
  return instr.items.filter((item) => scaleOf(instr, item).ordinal === true).map((item) => item.id);
}
