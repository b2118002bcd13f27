/**
 * `isrs report --pls`: the study report's PLS section. Its numbers are those of `isrs pls` run on
 * the same responses (reverse-keyed items recoded by hand here: 1 + 7 - x) with the model the
 * report derives from the instrument (written as model.pls), so every expected number's source is
 * `isrs pls` (itself checked against seminr 2.3.1 in parity.test.ts). The reverse-keyed DET5 and
 * ANA4 get positive weights; fitted on the file as written they get negative ones.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bundledDatasetPath, loadInstrument } from "../../src/instrument/index.js";
import type { IpmaResult } from "../../src/pls/ipma/compute.js";
import { instrumentFinalOutcome, instrumentItemScales, instrumentPlsModel } from "../../src/pls/instrument-model.js";
import { parsePlsModel } from "../../src/pls/syntax.js";
import { fixFirst } from "../../src/report/from-pls.js";
import { expectBadInput, tmpWriter } from "../cli/expect-bad.js";
import { run } from "../cli/run.js";

interface Row {
  lhs: string;
  op: string;
  rhs: string;
  est: number;
}
interface PlsJson {
  parameters: Row[];
  rsquared: Record<string, { r2: number; "adj.r2": number }>;
  reliability: Record<string, Record<string, number>>;
  htmt: { lhs: string; rhs: string; est: number }[];
  ipma: { target: string; constructs: { construct: string; importance: number | null; performance: number }[] };
  iterations: number;
}

const REVERSED = ["DET5", "ANA4"];

/** The bundled responses with the reverse-keyed items recoded on their 1-7 scale (empty cells kept). */
function recodedCsv(): string {
  const [head, ...rows] = fs.readFileSync(bundledDatasetPath(), "utf8").trim().split("\n");
  const cols = head!.split(",");
  const at = REVERSED.map((r) => cols.indexOf(r));
  const out = rows.map((line) => {
    const cells = line.split(",");
    for (const j of at) if (cells[j] !== "" && cells[j] !== "NA") cells[j] = String(8 - Number(cells[j]));
    return cells.join(",");
  });
  return `${[head, ...out].join("\n")}\n`;
}

async function report(...flags: string[]): Promise<{ dir: string; pls: PlsJson }> {
  const dir = path.join(tmpWriter("isrs-pls-report-").dir, "out");
  const r = await run("report", "--pls", ...flags, "--out", dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const json = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8")) as { pls: PlsJson };
  return { dir, pls: json.pls };
}

async function plsCli(data: string, model: string, target: string): Promise<PlsJson> {
  const j = await run(
    "pls",
    data,
    "--model",
    model,
    "--ipma",
    target,
    "--scale-min",
    "1",
    "--scale-max",
    "7",
    "--format",
    "json",
  );
  expect(j.code).toBe(0);
  return JSON.parse(j.stdout) as PlsJson;
}

const est = (p: PlsJson, op: string, lhs: string, rhs: string): number =>
  p.parameters.find((x) => x.op === op && x.lhs === lhs && x.rhs === rhs)!.est;

describe("isrs report --pls", () => {
  it("gives the numbers of isrs pls on the recoded responses and the derived model", async () => {
    const { dir, pls } = await report();
    const { file } = tmpWriter("isrs-pls-report-data-");
    const data = file("recoded.csv", recodedCsv());
    const cli = await plsCli(data, path.join(dir, "model.pls"), "business");
    expect(pls.parameters.map((x) => `${x.lhs} ${x.op} ${x.rhs}`)).toEqual(
      cli.parameters.map((x) => `${x.lhs} ${x.op} ${x.rhs}`),
    );
    pls.parameters.forEach((x, i) => expect(x.est).toBeCloseTo(cli.parameters[i]!.est, 12));
    for (const [c, v] of Object.entries(cli.rsquared)) expect(pls.rsquared[c]!.r2).toBeCloseTo(v.r2, 12);
    for (const [c, v] of Object.entries(cli.reliability))
      for (const k of ["alpha", "rhoC", "rhoA", "AVE"]) expect(pls.reliability[c]![k]).toBeCloseTo(v[k]!, 12);
    expect(pls.htmt.length).toBe(cli.htmt.length);
    pls.htmt.forEach((h, i) => expect(h.est).toBeCloseTo(cli.htmt[i]!.est, 12));
    expect(pls.iterations).toBe(cli.iterations);
    // the IPMA on the instrument's scales (1-7 for every ISRS item) equals --scale-min 1 --scale-max 7
    expect(pls.ipma.target).toBe("business");
    expect(pls.ipma.constructs.length).toBe(cli.ipma.constructs.length);
    pls.ipma.constructs.forEach((c, i) => {
      expect(c.construct).toBe(cli.ipma.constructs[i]!.construct);
      expect(c.performance).toBeCloseTo(cli.ipma.constructs[i]!.performance, 12);
      if (c.importance !== null) expect(c.importance).toBeCloseTo(cli.ipma.constructs[i]!.importance!, 12);
    });
  });

  it("recodes the reverse-keyed items: DET5 and ANA4 weigh positively, negatively on the file as written", async () => {
    const { dir, pls } = await report();
    const raw = await plsCli(bundledDatasetPath(), path.join(dir, "model.pls"), "business");
    for (const [item, block] of [
      ["DET5", "detection"],
      ["ANA4", "analysis"],
    ] as const) {
      expect(est(pls, "<~", block, item)).toBeGreaterThan(0);
      expect(est(pls, "=~", block, item)).toBeGreaterThan(0);
      expect(est(raw, "<~", block, item)).toBeLessThan(0);
      // recoding x -> 8 - x flips the sign of the standardised item and nothing else in its block; the
      // two fits iterate from different starts, so they agree to the stop criterion (1e-7 on the weights)
      expect(est(pls, "<~", block, item)).toBeCloseTo(-est(raw, "<~", block, item), 6);
    }
  });

  it("renders the section with the IPMA chart, and names the dimension to fix first", async () => {
    const { dir, pls } = await report();
    const html = fs.readFileSync(path.join(dir, "report.html"), "utf8");
    const md = fs.readFileSync(path.join(dir, "report.md"), "utf8");
    const svg = fs.readFileSync(path.join(dir, "ipma.svg"), "utf8");
    expect(md).toContain("## PLS path model and importance-performance map");
    expect(html).toContain("PLS path model and importance-performance map");
    expect(svg.startsWith("<svg")).toBe(true);
    // the chart's axis title, drawn by vega into the SVG, is inlined in the HTML as the other charts are
    expect(svg).toContain("importance (total effect on business)");
    expect(html).toContain("importance (total effect on business)");
    expect(md).toContain("](ipma.svg)");
    // the dimension: of detection, analysis, response, those at or below the median performance,
    // the most important (computed here from the JSON's map)
    const dims = pls.ipma.constructs.filter((c) => ["detection", "analysis", "response"].includes(c.construct));
    const med = [...dims.map((c) => c.performance)].sort((a, b) => a - b)[1]!;
    const pick = dims.filter((c) => c.performance <= med).sort((a, b) => b.importance! - a.importance!)[0]!;
    expect(md).toMatch(new RegExp(`What to fix first: [^\\n]*\\(${pick.construct}\\)`));
  });

  it("--pls-bootstrap N --pls-seed S: the intervals of isrs pls --bootstrap N --seed S", async () => {
    const { dir, pls } = await report("--pls-bootstrap", "40", "--pls-seed", "7");
    const { file } = tmpWriter("isrs-pls-report-data-");
    const data = file("recoded.csv", recodedCsv());
    const args = ["pls", data, "--model", path.join(dir, "model.pls"), "--bootstrap", "40", "--seed", "7"];
    const j = await run(...args, "--format", "json");
    expect(j.code).toBe(0);
    type Boot = { parameters: (Row & Record<string, number | null>)[]; htmt: Record<string, number | null>[] };
    const cli = JSON.parse(j.stdout) as Boot;
    const ours = pls as unknown as Boot;
    const paths = ours.parameters.filter((p) => p.op === "~");
    expect(paths.length).toBe(4);
    for (const p of paths) {
      const c = cli.parameters.find((x) => x.op === "~" && x.lhs === p.lhs && x.rhs === p.rhs)!;
      for (const k of ["se", "t", "ci.lower", "ci.upper"]) expect(p[k]).toBeCloseTo(c[k]!, 12);
    }
    ours.htmt.forEach((h, i) => expect(h["ci.upper"]).toBeCloseTo(cli.htmt[i]!["ci.upper"]!, 12));
    const md = fs.readFileSync(path.join(dir, "report.md"), "utf8");
    expect(md).toContain("Bootstrap: 40 of 40 resamples, seed 7");
    expect(md).toContain("| 95% percentile CI |");
  });

  it("takes another target with --ipma", async () => {
    const { pls } = await report("--ipma", "client");
    expect(pls.ipma.target).toBe("client");
    expect(pls.ipma.constructs.map((c) => c.construct)).toContain("detection");
  });

  it("refuses bad combinations and targets in one line, exit 2, nothing written", async () => {
    await expectBadInput(["report", "--all", "--pls"], /--pls adds a section to the study report/);
    await expectBadInput(["report", "--firm", "F001", "--pls"], /--pls adds a section to the study report/);
    await expectBadInput(["report", "--ipma", "business"], /--ipma TARGET is only used with --pls/);
    await expectBadInput(["report", "--pls-bootstrap", "10"], /--pls-bootstrap N is only used with --pls/);
    await expectBadInput(["report", "--pls", "--pls-bootstrap", "0"], /--pls-bootstrap 0: a whole number from 1/);
    await expectBadInput(["report", "--pls", "--pls-seed", "3"], /--pls-seed S is only used with --pls-bootstrap/);
    const { file } = tmpWriter("isrs-pls-report-bad-");
    const model = file("m.lav", "detection =~ DET1 + DET2 + DET3\n");
    await expectBadInput(["report", bundledDatasetPath(), "--model", model, "--pls"], /give --instrument too/);
    const dir = path.join(tmpWriter("isrs-pls-report-").dir, "out");
    await expectBadInput(["report", "--pls", "--ipma", "profit", "--out", dir], /--ipma profit: not a construct/);
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe("the instrument's PLS model", () => {
  const instr = loadInstrument();
  it("is the instrument's constructs as mode A composites, ISRS higher-order, the structural paths", () => {
    const spec = parsePlsModel(instrumentPlsModel(instr), "model.pls");
    const isrs = spec.constructs.find((c) => c.name === "ISRS")!;
    expect(isrs.higherOrder).toBe(true);
    expect(isrs.indicators).toEqual(["detection", "analysis", "response"]);
    const det = spec.constructs.find((c) => c.name === "detection")!;
    expect(det.indicators).toEqual(["DET1", "DET2", "DET3", "DET4", "DET5"]);
    expect(instrumentFinalOutcome(instr)).toBe("business");
    expect(instrumentItemScales(instr).BUS1).toEqual({ min: 1, max: 7 });
  });

  it("fixFirst: the most important among those at or below the median performance", () => {
    // hand-made map: median performance of 40, 50, 60, 70 is 55; of a (40) and b (50), b is more important
    const map: IpmaResult = {
      target: "y",
      constructs: [
        { construct: "a", importance: 0.1, performance: 40 },
        { construct: "b", importance: 0.3, performance: 50 },
        { construct: "c", importance: 0.9, performance: 60 },
        { construct: "d", importance: 0.2, performance: 70 },
        { construct: "y", importance: null, performance: 50 },
      ],
      indicators: [],
      warnings: [],
    };
    expect(fixFirst(map)?.construct).toBe("b");
    expect(fixFirst(map, ["c", "d"])?.construct).toBe("c");
    expect(fixFirst(map, ["y"])).toBeUndefined();
  });
});
