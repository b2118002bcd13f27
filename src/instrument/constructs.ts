/**
 * Reading an instrument definition's constructs, items and scales: plain functions with no Node
 * built-ins and no schema (a browser page bundles them without zod). load.ts validates and reads files.
 */
import type { Construct, Instrument, Item, Scale } from "./schema.js";

/** The first-order constructs of a kind, in the order of the file. */
export function constructsOf(
  instr: Instrument,
  kind: "dimension" | "outcome",
): Extract<Construct, { kind: "dimension" | "outcome" }>[] {
  return instr.constructs.filter((c): c is Extract<Construct, { kind: "dimension" | "outcome" }> => c.kind === kind);
}

export function secondOrderOf(instr: Instrument): Extract<Construct, { kind: "second-order" }>[] {
  return instr.constructs.filter((c): c is Extract<Construct, { kind: "second-order" }> => c.kind === "second-order");
}

export function itemsOf(instr: Instrument, construct: string): Item[] {
  return instr.items.filter((i) => i.construct === construct);
}

/** The response scale of an item (through its construct). */
export function scaleOf(instr: Instrument, item: Item): Scale {
  const c = instr.constructs.find((x) => x.id === item.construct);
  const id = c !== undefined && c.kind !== "second-order" ? c.scale : "";
  const s = instr.scales.find((x) => x.id === id);
  if (s === undefined) throw new Error(`item ${item.id} has no scale`); // excluded by the schema
  return s;
}
