/**
 * The self-assessment page (`isrs app`): one HTML file with everything inline. The instrument and
 * the norm sample's summary go in as a JSON block; the weights of the ISRS index are fitted here,
 * by the same code `isrs score` runs (fitWeights, then normSummary), so the page scores against
 * exactly the norms `isrs score` uses. The page's script and the analysis worker's code are the
 * esbuild bundles of src/app/page (dist/app/page.js, dist/app/worker.js, made by `npm run build`).
 * A Content-Security-Policy allows the one inline script (by its hash), inline styles, data: images
 * and a worker from a blob: URL, and nothing else: no request leaves the page.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { instrumentModelSyntax, loadInstrument, loadResponses } from "../instrument/index.js";
import { normSummary } from "../instrument/score.js";
import { fitWeights } from "../instrument/weights.js";
import { parseModel } from "../sem/syntax/index.js";
import { PAYLOAD_ID, WORKER_ID, type AppPayload, type Lang } from "./payload.js";
import { instrumentPriorities } from "./priorities.js";
import { APP_CSS } from "./style.js";

/** dist/app, beside this module compiled (dist/app/build.js) or bundled (dist/bundle/*.js): both two levels down. */
const ASSETS = fileURLToPath(new URL("../../dist/app/", import.meta.url));

export interface AppOptions {
  /** instrument file (default: the bundled one) */
  instrument?: string;
  /** norm sample CSV, as `isrs score --norms` takes it */
  norms: string;
  lang: Lang;
  /** embed the norm data themselves (the page can then analyse them), not only their summary */
  embedNormData?: boolean;
  version: string;
}

function asset(name: string): string {
  const file = `${ASSETS}${name}`;
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build`);
  return fs.readFileSync(file, "utf8");
}

/** JSON safe inside a script element: `<` written as \u003c, so no `</script>` or `<!--` can appear. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Script text must not close its element early. */
function scriptText(js: string, what: string): string {
  if (/<\/script|<!--/i.test(js)) throw new Error(`${what} contains </script or <!--: it cannot be inlined`);
  return js;
}

export async function buildPayload(opts: AppOptions): Promise<AppPayload> {
  const instr = loadInstrument(opts.instrument);
  const norms = loadResponses(opts.norms, instr);
  const syntax = parseModel(instrumentModelSyntax(instr), { file: `instrument ${instr.id} ${instr.version}` });
  const { weights } = await fitWeights({ instr, syntax, norms, estimator: "ML" });
  const summary = normSummary(instr, norms, weights);
  const normData = opts.embedNormData === true ? fs.readFileSync(opts.norms, "utf8") : null;
  const priorities = normData === null ? null : instrumentPriorities(instr, norms);
  return { version: opts.version, lang: opts.lang, instrument: instr, norms: summary, normData, priorities };
}

export function pageHtml(payload: AppPayload, page: string, worker: string): string {
  const script = scriptText(page, "dist/app/page.js");
  const hash = createHash("sha256").update(script, "utf8").digest("base64");
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${hash}'`,
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "worker-src blob:",
    "connect-src 'none'",
    "font-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
  const title =
    payload.lang === "es" ? "Autodiagnóstico de recuperación del servicio" : "Service recovery self-assessment";
  return `<!DOCTYPE html>
<html lang="${payload.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="isrs ${payload.version}">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${APP_CSS}</style>
</head>
<body>
<div id="app"><p>Loading…</p>
<noscript>This page needs JavaScript (it runs only in your browser; nothing is sent).</noscript></div>
<script type="application/json" id="${PAYLOAD_ID}">${scriptJson(payload)}</script>
<script type="text/plain" id="${WORKER_ID}">${scriptText(worker, "dist/app/worker.js")}</script>
<script>${script}</script>
</body>
</html>
`;
}

export async function appHtml(opts: AppOptions): Promise<string> {
  return pageHtml(await buildPayload(opts), asset("page.js"), asset("worker.js"));
}
