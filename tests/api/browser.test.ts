/**
 * The browser bundle (dist/browser/isrs.js, built by `npm run build`) in headless Debian Chromium,
 * served from 127.0.0.1: it fits Holzinger-Swineford from records and a model with `:=` from CSV
 * text, and gives the JSON and text that the same calls give in Node. The page loads the bundle
 * and the chunks it imports, and nothing else.
 *
 * "The same numbers" means bit for bit: the JSON texts are identical. Math.exp, Math.log and Math.pow
 * are not correctly rounded and differ in their last bit between engines (measured: Node 20.20's V8
 * and Chromium 156's differ for about 7% of Math.exp arguments), so the engine computes them with its
 * own IEEE-754 implementations (src/sem/numeric), which every conforming engine evaluates alike.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvTable, fit } from "../../src/index.js";
import { launch } from "../browser/chromium.js";
import { HS_MODEL, hsRecords, ROOT } from "./hs.js";

const BUNDLE_DIR = path.join(ROOT, "dist/browser");
const PD_DIR = path.join(ROOT, "tests/parity/lavaan-0.6.14/pd-sem-indirect");
const PAGE = `<!doctype html><meta charset="utf-8"><title>isrs</title><link rel="icon" href="data:,">
<script type="module">import * as isrs from "/browser/isrs.js"; window.isrs = isrs; window.ready = true;</script>`;
const TYPES: Record<string, string> = { ".js": "text/javascript", ".html": "text/html", ".csv": "text/csv" };

let server: http.Server;
let origin = "";
let browser: Browser;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];

/** "/" the page, "/browser/…" dist/browser, "/pd.csv" the data of the `:=` model; nothing else. */
function serve(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  let file: string | null = null;
  if (url.pathname === "/") file = "page.html";
  else if (url.pathname === "/pd.csv") file = path.join(PD_DIR, "data.csv");
  else if (url.pathname.startsWith("/browser/")) {
    const f = path.resolve(BUNDLE_DIR, `.${url.pathname.slice("/browser".length)}`);
    if (f.startsWith(BUNDLE_DIR + path.sep)) file = f;
  }
  if (file === null || (file !== "page.html" && !fs.existsSync(file))) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "text/html" });
  res.end(file === "page.html" ? PAGE : fs.readFileSync(file));
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(BUNDLE_DIR, "isrs.js")))
    throw new Error("dist/browser/isrs.js is missing: run npm run build");
  server = http.createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
  page = await browser.newPage();
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction("window.ready === true");
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** The bundle and the chunks it imports statically (dynamically imported chunks would be fetched on demand). */
function bundleFiles(): string[] {
  const bundle = fs.readFileSync(path.join(BUNDLE_DIR, "isrs.js"), "utf8");
  // `import { … } from "./chunks/…"` and the bare `import "./chunks/…"` (esbuild's shared helpers), not `import(…)`
  const chunks = [...bundle.matchAll(/(?:from|import)\s*"\.\/(chunks\/[^"]+)"/g)].map((m) => `/browser/${m[1]}`);
  return ["/browser/isrs.js", ...chunks].sort();
}

interface Outcome {
  json: string;
  summary: string;
}

/** Runs fit() in the page (plain JavaScript: the project's TypeScript has no DOM types). */
async function inPage(body: string, args: unknown): Promise<Outcome> {
  const fn =
    `async (args) => { const fitted = await ${body}; ` +
    "return { json: JSON.stringify(fitted.toJSON()), summary: fitted.summary() }; }";
  return (await page.evaluate(`(${fn})(${JSON.stringify(args)})`)) as Outcome;
}

describe("the browser bundle in Chromium", () => {
  it("fits Holzinger-Swineford from records with Node's numbers", async () => {
    const rows = hsRecords();
    const inBrowser = await inPage("window.isrs.fit(args.model, args.rows, { modindices: true })", {
      model: HS_MODEL,
      rows,
    });
    const inNode = await fit(HS_MODEL, rows, { modindices: true });
    expect(inBrowser.json).toBe(JSON.stringify(inNode.toJSON()));
    expect(inBrowser.summary).toBe(inNode.summary());
    expect(requests.filter((r) => r.startsWith("/browser/")).sort()).toEqual(bundleFiles());
    expect(errors).toEqual([]);
  });

  it("fits a model with := (delta-method standard errors) from CSV text", async () => {
    const model = fs.readFileSync(path.join(PD_DIR, "model.lav"), "utf8");
    const inBrowser = await inPage(
      "fetch('/pd.csv').then((r) => r.text()).then((text) => " +
        "window.isrs.fit(args.model, window.isrs.csvTable(text, { name: 'pd.csv' }), { estimator: 'MLR' }))",
      { model },
    );
    const text = fs.readFileSync(path.join(PD_DIR, "data.csv"), "utf8");
    const inNode = await fit(model, csvTable(text, { name: "pd.csv" }), { estimator: "MLR" });
    expect(inBrowser.json).toBe(JSON.stringify(inNode.toJSON()));
    expect(inBrowser.summary).toBe(inNode.summary());
    expect(inNode.parameterEstimates().some((r) => r.op === ":=" && r.se !== null)).toBe(true);
    expect(requests.filter((r) => r.startsWith("/browser/")).sort()).toEqual(bundleFiles());
    expect(errors).toEqual([]);
  });

  it("throws IsrsInputError with the engine's code and line in the page", async () => {
    const r = (await page.evaluate(`(async () => {
      try { await window.isrs.fit("f =~ x1 + x2 + x3", [{ x1: 1, x2: "abc", x3: 2 }]); return null; }
      catch (e) { return { isInputError: e instanceof window.isrs.IsrsInputError, code: e.code, message: e.message }; }
    })()`)) as unknown;
    expect(r).toEqual({ isInputError: true, code: "E_NOT_NUMERIC", message: 'data[0].x2: "abc" is not a number' });
  });
});
