/**
 * `isrs report` and `isrs diagram` as a user runs them: the files written into the folder, a
 * folder that is not wiped, atomic writes, and bad input that writes nothing (exit code 2).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeReportFiles } from "../../src/cli/write-report.js";
import { run } from "./run.js";

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "isrs-report-"));
const HS2 = "tests/parity/lavaan-0.6.14/hs-second-order";
const REPORT_FILES = ["diagram.dot", "diagram.svg", "loadings.svg", "report.html", "report.md", "results.json"];
// and the manifest of the files written (write-report.ts)
const IN_FOLDER = [".isrs-report.json", ...REPORT_FILES];

describe("isrs report", () => {
  it("writes the study report of the bundled data into DIR and keeps what was there", async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
    const r = await run("report", "--out", dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([...IN_FOLDER, "notes.txt"].sort());
    expect(fs.readFileSync(path.join(dir, "notes.txt"), "utf8")).toBe("mine");
    const json = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8")) as {
      kind: string;
      sample: { n: number; excluded: unknown[] };
    };
    expect(json.kind).toBe("study");
    // every row of the bundled file is either used or listed as excluded
    const rowsInFile = fs.readFileSync("datasets/isrs-kibs-simulated/data.csv", "utf8").trim().split("\n").length - 1;
    expect(json.sample.n + json.sample.excluded.length).toBe(rowsInFile);
  });

  it("fits a model given with --model on a generic CSV", async () => {
    const dir = tmp();
    const r = await run(
      "report",
      `${HS2}/data.csv`,
      "--model",
      `${HS2}/model.lav`,
      "--out",
      dir,
      "--title",
      "HS <second-order>",
    );
    expect(r.code).toBe(0);
    const html = fs.readFileSync(path.join(dir, "report.html"), "utf8");
    expect(html).toContain("<h1>HS &lt;second-order&gt;</h1>");
  });

  it("bad input: one line, exit 2, and no folder or file written", async () => {
    const dir = path.join(tmp(), "out");
    const missing = await run("report", "no-such.csv", "--model", `${HS2}/model.lav`, "--out", dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/no-such\.csv/);
    const badModel = await run(
      "report",
      `${HS2}/data.csv`,
      "--model",
      "tests/cli/fixtures/../../../datasets/political-democracy/indirect-effect.lav",
      "--out",
      dir,
    );
    expect(badModel.code).toBe(2);
    expect(badModel.stderr).toMatch(/E_NO_VARIABLE|not a column|no column|ind60|x1|y1/);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("an --out that is a file is refused", async () => {
    const file = path.join(tmp(), "taken");
    fs.writeFileSync(file, "x");
    const r = await run("report", `${HS2}/data.csv`, "--model", `${HS2}/model.lav`, "--out", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists and is not a folder/);
    expect(fs.readFileSync(file, "utf8")).toBe("x");
  });
});

describe("atomic writes", () => {
  it("replaces a file whole and leaves no temporary file", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "report.md"), "old ".repeat(10_000));
    writeReportFiles(dir, [
      { name: "report.md", content: "new" },
      { name: "sub/x.txt", content: "y" },
    ]);
    expect(fs.readFileSync(path.join(dir, "report.md"), "utf8")).toBe("new");
    expect(fs.readFileSync(path.join(dir, "sub/x.txt"), "utf8")).toBe("y");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a file that cannot be written fails with E_FILE and leaves no temporary file behind", () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "report.html")); // a folder where the file should go
    expect(() => writeReportFiles(dir, [{ name: "report.html", content: "x" }])).toThrow(
      /report\.html: cannot be written/,
    );
    expect(fs.readdirSync(dir)).toEqual(["report.html"]);
  });

  it("a file name that would leave the folder is refused", () => {
    const dir = tmp();
    expect(() => writeReportFiles(dir, [{ name: "../escape.txt", content: "x" }])).toThrow(/leaves the report folder/);
    expect(fs.existsSync(path.join(dir, "..", "escape.txt"))).toBe(false);
  });
});

describe("isrs diagram", () => {
  it("writes SVG or DOT by the extension of --out", async () => {
    const dir = tmp();
    const svg = await run("diagram", "--model", `${HS2}/model.lav`, "--out", path.join(dir, "d.svg"));
    expect(svg.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "d.svg"), "utf8")).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
    const dot = await run("diagram", "--model", `${HS2}/model.lav`, "--out", path.join(dir, "d.dot"));
    expect(dot.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "d.dot"), "utf8")).toMatch(/^digraph /);
  });

  it("with --data, labels the paths with standardized estimates", async () => {
    const r = await run("diagram", "--model", `${HS2}/model.lav`, "--data", `${HS2}/data.csv`, "--format", "dot");
    expect(r.code).toBe(0);
    // lavaan 0.6.14 (tests/parity/lavaan-0.6.14/hs-second-order/lavaan.json): g =~ textual std.all 0.525, p = .00013
    // a loading measured on the left is laid out from the indicator, its head drawn at it (dir=back)
    expect(r.stdout).toMatch(/"textual" -> "g" \[label="0\.53\*\*\*", class=loading, dir=back\]/);
  });

  it("an --out of another kind is a usage error and writes nothing", async () => {
    const dir = tmp();
    const r = await run("diagram", "--model", `${HS2}/model.lav`, "--out", path.join(dir, "d.png"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must end in \.svg or \.dot/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("firm reports from the command line", () => {
  const BUNDLED = "datasets/isrs-kibs-simulated/data.csv";

  it("isrs report --firm writes that firm's report, with the numbers of isrs score", async () => {
    const dir = tmp();
    const r = await run("report", "--firm", "F002", "--out", dir);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([
      ".isrs-report.json",
      "diagram.dot",
      "diagram.svg",
      "report.html",
      "report.md",
      "results.json",
      "scores.svg",
    ]);
    // the diagram is the model behind the index weights: its second-order loadings are the
    // weights before normalisation (isrs score's weights.loadings)
    const view = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8")) as {
      id: string;
      index: number;
      dimensions: { score: number }[];
    };
    const score = JSON.parse((await run("score", BUNDLED, "--firm", "F002", "--format", "json")).stdout) as {
      firms: { id: string; index: number; dimensions: { score: number }[] }[];
    };
    expect(view.id).toBe("F002");
    expect(view.index).toBe(score.firms[0]!.index);
    expect(view.dimensions.map((d) => d.score)).toEqual(score.firms[0]!.dimensions.map((d) => d.score));
    const dot = fs.readFileSync(path.join(dir, "diagram.dot"), "utf8");
    const weights = (
      JSON.parse((await run("score", BUNDLED, "--firm", "F002", "--format", "json")).stdout) as {
        weights: { loadings: Record<string, number> };
      }
    ).weights.loadings;
    for (const [dim, l] of Object.entries(weights)) expect(dot).toContain(`"${dim}" -> "ISRS" [label="${l.toFixed(2)}`);
  });

  it("an unknown firm: one line, exit 2, nothing written", async () => {
    const dir = path.join(tmp(), "out");
    const r = await run("report", "--firm", "NOPE", "--out", dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/NOPE/);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("--all writes one report per firm and an overview linking to them", async () => {
    const dir = tmp();
    const r = await run("report", BUNDLED, "--all", "--out", dir);
    expect(r.code).toBe(0);
    const firms = fs.readdirSync(path.join(dir, "firms"));
    const ids = fs
      .readFileSync(BUNDLED, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",")[0]);
    expect(firms.sort()).toEqual([...ids].sort());
    const overview = fs.readFileSync(path.join(dir, "report.html"), "utf8");
    expect(overview.match(/<a href="firms\/[^"]+\/report\.html">/g)).toHaveLength(ids.length);
    expect(fs.existsSync(path.join(dir, "diagram.svg"))).toBe(true); // once, at the top
    expect(fs.existsSync(path.join(dir, "firms", ids[0]!, "diagram.svg"))).toBe(false);
    // no progress bar when standard error is not a terminal
    expect(r.stderr).toBe("");
  });

  it("draws a progress bar on standard error when it is a terminal", async () => {
    const { main } = await import("../../src/cli/main.js");
    const three = path.join(tmp(), "three.csv");
    fs.writeFileSync(three, `${fs.readFileSync(BUNDLED, "utf8").trim().split("\n").slice(0, 4).join("\n")}\n`);
    let err = "";
    const code = await main(["node", "isrs", "report", three, "--all", "--out", tmp()], {
      stdout: () => undefined,
      stderr: (s) => (err += s),
      stderrIsTTY: true,
    });
    expect(code).toBe(0);
    // progress.ts: the first step drawn, later ones at most ten times a second, erased at the end
    expect(err.startsWith(`\rfirms [${"#".repeat(10)}${"-".repeat(20)}]  33%  1/3`)).toBe(true);
    expect(err.endsWith("\r\x1b[2K")).toBe(true);
  });

  it("isrs score --report also writes the firm report, and says so on standard error", async () => {
    const dir = tmp();
    const r = await run("score", BUNDLED, "--firm", "F003", "--format", "json", "--report", dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty("firms"); // standard output stays pure JSON
    expect(r.stderr).toMatch(/^wrote .*report\.html/);
    expect(fs.existsSync(path.join(dir, "report.html"))).toBe(true);
  });
});

describe("isrs analyze --report", () => {
  it("writes the study report of the same analysis; standard output keeps the JSON", async () => {
    const dir = tmp();
    const r = await run("analyze", "--format", "json", "--report", dir);
    expect(r.code).toBe(0);
    const analysis = JSON.parse(r.stdout) as {
      hypotheses: { id: string; "std.all": number; supported: boolean }[];
      models: { name: string; fit: Record<string, number> }[];
    };
    expect(r.stderr).toMatch(/^wrote .*report\.html/);
    const view = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8")) as {
      hypotheses: { id: string; std: number; supported: boolean }[];
      models: { name: string; cfi: number }[];
    };
    expect(view.hypotheses.map((h) => [h.id, h.std, h.supported])).toEqual(
      analysis.hypotheses.map((h) => [h.id, h["std.all"], h.supported]),
    );
    expect(view.models.map((m) => m.cfi)).toEqual(analysis.models.map((m) => m.fit.cfi));
    expect(fs.readdirSync(dir).sort()).toEqual(IN_FOLDER);
  });
});
