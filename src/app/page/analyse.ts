/**
 * Analyse a CSV (analysts): a responses CSV, or the norm data embedded in the page, analysed in a
 * Web Worker started from a blob: URL (works from file://; the worker's code is in the page) with
 * the study pipeline of `isrs analyze` (worker.ts); progress is shown step by step. The page shows
 * the results the study report leads with: model fit, hypotheses, reliability and the path diagram
 * (study-view.ts), and offers the JSON of `isrs analyze --format json`. A bad file gets the CLI's
 * one-line message.
 */
import type { Instrument } from "../../instrument/schema.js";
import { WORKER_ID, type Lang } from "../payload.js";
import { download, h } from "./dom.js";
import { renderStudy, type StudyJson } from "./study-view.js";
import type { StringKey, Strings } from "./strings.js";
import type { AnalyseReply, AnalyseRequest } from "./worker.js";

export interface AnalyseContext {
  base: Instrument;
  lang: Lang;
  t: Strings;
  version: string;
  normData: string | null;
}

let worker: Worker | null = null;

function startWorker(): Worker {
  worker?.terminate();
  const code = document.getElementById(WORKER_ID)!.textContent!;
  const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
  worker = new Worker(url);
  URL.revokeObjectURL(url);
  return worker;
}

const STEP: Record<string, StringKey> = { read: "stepRead", check: "stepCheck", fit: "stepFit", report: "stepDone" };

function analyse(name: string, text: string, c: AnalyseContext, out: HTMLElement): void {
  const { t } = c;
  const status = h("p", { role: "status", "data-testid": "analyse-status" }, t("analyseRunning", { file: name }));
  const bar = h("progress", { "aria-label": t("analyseRunning", { file: name }), max: 4, value: 0 });
  out.replaceChildren(h("div", { class: "progress-line" }, bar, status));
  const w = startWorker();
  w.onmessage = (e: MessageEvent<AnalyseReply>) => {
    const m = e.data;
    if (m.type === "progress") {
      (bar as HTMLProgressElement).value = Object.keys(STEP).indexOf(m.step) + 1;
      status.textContent = `${t("analyseRunning", { file: name })} ${t(STEP[m.step]!)}`;
      return;
    }
    w.terminate();
    if (m.type === "error") {
      out.replaceChildren(h("p", { class: "error", role: "alert", "data-testid": "analyse-error" }, m.message));
      return;
    }
    const study = JSON.parse(m.json) as StudyJson;
    out.replaceChildren(
      h(
        "p",
        { role: "status", "data-testid": "analyse-done" },
        t("analyseDone", { file: name, n: study.data.rows, ms: Math.round(m.ms) }),
      ),
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          {
            type: "button",
            "data-testid": "analyse-json",
            onclick: () => download("results.json", m.json, "application/json"),
          },
          t("downloadJson"),
        ),
      ),
      renderStudy(study, c),
    );
  };
  w.onerror = (e) => {
    out.replaceChildren(h("p", { class: "error", role: "alert", "data-testid": "analyse-error" }, e.message));
  };
  const req: AnalyseRequest = { name, text, instrument: c.base, version: c.version };
  w.postMessage(req);
}

export function renderAnalyse(c: AnalyseContext): HTMLElement {
  const { t } = c;
  const out = h("div", { class: "analyse-out", "aria-live": "polite" });
  const input = h("input", {
    id: "analyse-file",
    type: "file",
    accept: ".csv,text/csv",
    "data-testid": "analyse-file",
    onchange: async (e: Event) => {
      const f = (e.target as HTMLInputElement).files?.[0];
      if (f !== undefined) analyse(f.name, await f.text(), c, out);
    },
  });
  return h(
    "div",
    {},
    h("h2", {}, t("analyseTitle")),
    h("p", {}, t("analyseIntro")),
    h("div", { class: "drop" }, h("label", { for: "analyse-file" }, `${t("analyseFile")}: `), input),
    c.normData === null
      ? null
      : h(
          "div",
          { class: "actions" },
          h(
            "button",
            {
              type: "button",
              "data-testid": "analyse-norm-data",
              onclick: () => analyse("norms.csv", c.normData!, c, out),
            },
            t("analyseNormData"),
          ),
        ),
    out,
  );
}
