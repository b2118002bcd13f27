/**
 * The report as a document: sections of tables, figures, facts, lists and paragraphs, all text
 * plain (never markup). The study, firm and overview builders produce a ReportDocument; html.ts
 * and markdown.ts render any document, escaping every string they are given.
 */

/** A mark on a value checked against a cut-off: shown as ✓ / ✗ (words, not only colour). */
export type Flag = "pass" | "fail";

export interface Cell {
  text: string;
  flag?: Flag;
  /** a link to another file of the report (a relative path made by the report, never by data) */
  href?: string;
  /** a number: right-aligned */
  numeric?: boolean;
}

export interface Column {
  header: string;
  numeric?: boolean;
}

export interface TableBlock {
  kind: "table";
  caption: string;
  columns: Column[];
  rows: Cell[][];
  note?: string;
}

export interface FigureBlock {
  kind: "figure";
  caption: string;
  /** an SVG document made by Graphviz or vega from escaped input */
  svg: string;
  /** the file written next to report.md that shows the same figure */
  file: string;
  /** a wide figure (a path diagram): the page's full width on screen, a landscape A4 page in print */
  wide?: boolean;
}

export interface FactsBlock {
  kind: "facts";
  items: { label: string; value: string; flag?: Flag }[];
}

export interface TextBlock {
  kind: "text";
  text: string;
}

export interface ListBlock {
  kind: "list";
  ordered: boolean;
  items: string[];
}

export type Block = TableBlock | FigureBlock | FactsBlock | TextBlock | ListBlock;

export interface Section {
  /** anchor within the page, made by the builder (never from data) */
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  subtitle: string;
  /** label/value lines under the title: data file, model, date, version */
  meta: { label: string; value: string }[];
  /**
   * What a reader must know before any number: a model that did not converge or is not
   * admissible, with the reason. Shown as a banner above the first section.
   */
  alerts?: string[];
  sections: Section[];
  /** where the numbers come from and how they were computed */
  footer: string;
}

/** A number with `digits` decimals; "–" when missing or not finite. */
export function num(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(digits);
}

/** A p-value as APA style prints it: "< .001" below a thousandth, otherwise three decimals. */
export function pval(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "–";
  return p < 0.001 ? "< .001" : p.toFixed(3).replace(/^0/, "");
}

export const cell = (text: string, extra: Omit<Cell, "text"> = {}): Cell => ({ text, ...extra });
export const numCell = (x: number | null | undefined, digits = 3): Cell => ({ text: num(x, digits), numeric: true });

export interface ReportFile {
  /** path relative to the report folder, made by the report (never from data alone) */
  name: string;
  content: string;
}

export interface ReportBundle {
  document: ReportDocument;
  files: ReportFile[];
}
