/**
 * Firm views from the scoring output (instrument/score.ts ScoreReport): the report's own types
 * filled from it, with construct labels and the response scale from the instrument.
 */
import { constructsOf } from "../instrument/index.js";
import type { Instrument } from "../instrument/index.js";
import type { FirmScore, ScoreReport } from "../instrument/score.js";
import { num } from "./document.js";
import type { FirmView } from "./firm.js";

function weighting(r: ScoreReport): string {
  const w = r.weights;
  const list = Object.entries(w.values)
    .map(([d, x]) => `${d} ${x.toFixed(3)}`)
    .join(", ");
  return w.method === "equal"
    ? `Index weights: equal (${w.note ?? "no fitted loadings"}).`
    : `Index weights: standardized second-order loadings ` +
        `fitted to the norm sample (${w.estimator}), ` +
        `normalised: ${list}.`;
}

function profileText(r: ScoreReport, f: FirmScore): { name: string; description: string } {
  if (f.profile === null)
    return { name: "not scored", description: "No ISRS index: a dimension has no answered item." };
  const p = r.profiles.find((x) => x.name === f.profile)!;
  const range =
    p.from === null
      ? `below ${num(p.to, 1)}`
      : p.to === null
        ? `${num(p.from, 1)} and above`
        : `${num(p.from, 1)} to ${num(p.to, 1)}`;
  return {
    name: p.name,
    description: `${p.name}: ${p.rule} (an index ${range} in the norm sample of ${r.norms.used} firms).`,
  };
}

/** One view per firm of the score report. */
export function firmViewsFromScore(r: ScoreReport, instr: Instrument, version: string): FirmView[] {
  const dims = constructsOf(instr, "dimension");
  const scale = instr.scales.find((s) => s.id === dims[0]?.scale) ?? { min: 1, max: 7 };
  const label = new Map(instr.constructs.map((c) => [c.id, c.label]));
  return r.firms.map((f): FirmView => ({
    id: f.id,
    index: f.index,
    percentile: f.indexPercentile,
    profile: profileText(r, f),
    dimensions: f.dimensions.map((d) => {
      const n = r.norms.dimensions.find((x) => x.id === d.id)!;
      return {
        id: d.id,
        label: d.label,
        score: d.score,
        percentile: d.percentile,
        norm: { min: n.min, q1: n.q1, median: n.median, q3: n.q3, max: n.max },
      };
    }),
    scale: { min: scale.min, max: scale.max },
    actions: f.weakest.map((w, i) => ({
      priority: i + 1,
      item: w.item,
      practice: w.text,
      dimension: label.get(w.dimension) ?? w.dimension,
      score: w.score,
      answer: w.answer,
      reverseKeyed: w.reverseKeyed,
      action: w.recommendation,
    })),
    normSize: r.norms.used,
    weighting: weighting(r),
    meta: [
      { label: "firm", value: f.id },
      { label: "data", value: r.data.file },
      { label: "norm sample", value: `${r.norms.file} (${r.norms.used} firms)` },
      { label: "instrument", value: `${r.instrument.id} ${r.instrument.version}` },
      { label: "isrs", value: version },
    ],
    provenance: [
      `Scores by isrs ${version}: dimension scores are item means after recoding reverse-keyed items; ` +
        `percentiles are mid-ranks in the norm sample; ` +
        `profiles come from the norm sample's quartiles of the ` +
        `index.`,
      ...r.notes,
    ].join(" "),
  }));
}
