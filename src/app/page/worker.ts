/**
 * The analysis worker (bundled into dist/app/worker.js, started by the page from a blob: URL): a
 * responses CSV read by the engine's CSV reader, checked against the instrument as `isrs analyze`
 * loads it, and the study pipeline of src/analysis (screening, reliability and validity, the
 * measurement, second-order and structural models, hypotheses) with the ML estimator, as
 * `isrs analyze DATA` runs it. Answers the JSON document of `isrs analyze --format json`, or the
 * one-line message of a bad file.
 */
import { designFromInstrument } from "../../analysis/design.js";
import { runStudy } from "../../analysis/study.js";
import { formatAnalysisJson } from "../../cli/format/analysis.js";
import { checkResponses } from "../../instrument/responses.js";
import type { Instrument } from "../../instrument/schema.js";
import { tableFromText } from "../../sem/data/csv.js";
import { InputError } from "../../sem/messages.js";

export interface AnalyseRequest {
  name: string;
  text: string;
  instrument: Instrument;
  version: string;
}

export type AnalyseReply =
  | { type: "progress"; step: "read" | "check" | "fit" | "report" }
  | { type: "done"; json: string; ms: number }
  | { type: "error"; message: string; input: boolean };

const post = (m: AnalyseReply): void => (self as unknown as { postMessage: (m: AnalyseReply) => void }).postMessage(m);

async function analyse(req: AnalyseRequest): Promise<void> {
  const start = performance.now();
  try {
    post({ type: "progress", step: "read" });
    const table = tableFromText(req.text, req.name);
    post({ type: "progress", step: "check" });
    const instr = req.instrument;
    const r = checkResponses(table, instr);
    post({ type: "progress", step: "fit" });
    const res = await runStudy({
      design: designFromInstrument(instr),
      data: r.table,
      responses: { instrument: `${instr.id} ${instr.version}`, recoded: r.recoded, excluded: r.excluded },
    });
    post({ type: "progress", step: "report" });
    post({ type: "done", json: formatAnalysisJson(res, req.version), ms: performance.now() - start });
  } catch (e) {
    post({ type: "error", message: (e as Error).message, input: e instanceof InputError });
  }
}

self.onmessage = (e: MessageEvent<AnalyseRequest>) => void analyse(e.data);
