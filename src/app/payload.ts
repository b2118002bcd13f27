/**
 * What the self-assessment page carries as data (a JSON block in the page, written by `isrs app`):
 * the instrument, the norm sample's summary (what scoring needs: the norm firms' sorted index and
 * dimension scores, the item means, the fitted weights), optionally the norm data themselves, and
 * the page's default language. Browser-safe: types and constants only.
 */
import type { Instrument } from "../instrument/schema.js";
import type { NormSummary } from "../instrument/score.js";

export const LANGS = ["en", "es"] as const;
export type Lang = (typeof LANGS)[number];

export interface AppPayload {
  /** isrs version that wrote the page */
  version: string;
  lang: Lang;
  instrument: Instrument;
  norms: NormSummary;
  /** the norm sample's CSV (only when the consultant chose to embed it) */
  normData: string | null;
  /** the importance-performance map of the norm data (only with the norm data embedded) */
  priorities?: AppPriorities | null;
}

/** One point of the importance-performance map: importance per point of performance (0-100). */
export interface PriorityPoint {
  importance: number | null;
  performance: number;
}

/** The IPMA of the norm sample for the instrument's final outcome (src/app/priorities.ts). */
export interface AppPriorities {
  target: string;
  /** the PLS model it was estimated with */
  model: string;
  constructs: (PriorityPoint & { id: string; higherOrder: string | null })[];
  indicators: (PriorityPoint & { item: string; construct: string })[];
  warnings: string[];
}

/** The id of the script element holding the payload, and of the one holding the analysis worker's code. */
export const PAYLOAD_ID = "isrs-data";
export const WORKER_ID = "isrs-worker";
