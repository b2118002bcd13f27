/**
 * The instrument in one of its languages: the wording of its `translations` entry put in place of
 * the original's (title, anchor labels, construct labels and stems, item texts and
 * recommendations); ids, scales and the model unchanged, so scores do not depend on the language.
 * The original language is English.
 */
import type { Instrument } from "../instrument/schema.js";

export function localize(instr: Instrument, lang: string): Instrument {
  const t = instr.translations?.[lang];
  if (lang === "en" || t === undefined) return instr;
  return {
    ...instr,
    title: t.title ?? instr.title,
    scales: instr.scales.map((s) => {
      const labels = t.scales?.[s.id]?.anchors;
      return labels === undefined ? s : { ...s, anchors: s.anchors.map((a, k) => ({ ...a, label: labels[k]! })) };
    }),
    constructs: instr.constructs.map((c) => {
      const tc = t.constructs?.[c.id];
      if (tc === undefined) return c;
      const label = tc.label ?? c.label;
      const description = tc.description ?? c.description;
      const withDescription = description === undefined ? {} : { description };
      return c.kind === "second-order"
        ? { ...c, label, ...withDescription }
        : { ...c, label, stem: tc.stem ?? c.stem, ...withDescription };
    }),
    items: instr.items.map((it) => {
      const ti = t.items?.[it.id];
      if (ti === undefined) return it;
      const recommendation = ti.recommendation ?? it.recommendation;
      return { ...it, text: ti.text ?? it.text, ...(recommendation === undefined ? {} : { recommendation }) };
    }),
  };
}

/** The languages the instrument speaks: English and those of its translations. */
export function languagesOf(instr: Instrument): string[] {
  return ["en", ...Object.keys(instr.translations ?? {}).filter((l) => l !== "en")];
}
