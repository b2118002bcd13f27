/**
 * Loading an instrument definition: the bundled one (resolved relative to the package, not the
 * working directory) or a user's file, validated with the zod schema. A file that fails
 * validation gets one line naming the file and the path of the first problem, for example
 * `my.json: items[3].recommendation (item "ANA4"): a practice item needs a recommendation`.
 */
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { InputError } from "../sem/messages.js";
import { InstrumentSchema, type Instrument } from "./schema.js";
import { InstrumentError } from "./messages.js";
import { checkResponses, type LoadResponsesOptions, type Responses } from "./responses.js";
import { readTable } from "../sem/data/read-file.js";

export { constructsOf, secondOrderOf, itemsOf, scaleOf } from "./constructs.js";

/** The instrument shipped with the package (src/instrument and dist/instrument are both two levels down). */
export const BUNDLED_INSTRUMENT = fileURLToPath(new URL("../../instruments/isrs-v1.json", import.meta.url));
/** The simulated 151-firm dataset shipped with the package (the default norm sample). */
export const BUNDLED_DATASET = fileURLToPath(new URL("../../datasets/isrs-kibs-simulated/data.csv", import.meta.url));

export function bundledDatasetPath(): string {
  return BUNDLED_DATASET;
}

export function loadInstrument(file: string = BUNDLED_INSTRUMENT): Instrument {
  return parseInstrument(readJson(file), file);
}

/** Validates an already parsed definition; `file` names it in error messages. */
export function parseInstrument(raw: unknown, file: string): Instrument {
  const parsed = InstrumentSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path
    .map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`))
    .join("")
    .replace(/^\./, "");
  const where = path === "" ? "(top level)" : `${path}${idHint(raw, issue.path)}`;
  throw new InstrumentError("E_INSTRUMENT", `${file}: ${where}: ${issue.message}`);
}

/** ` (item "ANA4")` when the path goes through an element of items, constructs or scales that has an id. */
function idHint(raw: unknown, path: PropertyKey[]): string {
  const [list, index] = path;
  if (typeof list !== "string" || typeof index !== "number" || typeof raw !== "object" || raw === null) return "";
  const arr = (raw as Record<string, unknown>)[list];
  const el = Array.isArray(arr) ? (arr[index] as { id?: unknown } | undefined) : undefined;
  const noun = { items: "item", constructs: "construct", scales: "scale" }[list];
  return noun !== undefined && typeof el?.id === "string" ? ` (${noun} "${el.id}")` : "";
}

function readJson(file: string): unknown {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new InputError("E_FILE", `${file}: is a directory, not an instrument file`);
    text = readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      "E_FILE",
      code === "ENOENT" ? `${file}: no such instrument file` : `${file}: cannot be read (${code ?? "error"})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InstrumentError("E_INSTRUMENT", `${file}: not valid JSON (${(e as Error).message})`);
  }
}

/** Reads a responses CSV and checks it against the instrument (responses.ts checkResponses). */
export function loadResponses(file: string, instr: Instrument, opts: LoadResponsesOptions = {}): Responses {
  return checkResponses(readTable(file, opts.read ?? {}), instr, opts);
}
