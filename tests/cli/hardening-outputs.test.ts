/**
 * What the commands write and print, against hostile targets and values:
 * - `--out` naming a device, a FIFO, a symbolic link or a folder: written through or refused,
 *   never replaced (the devices are copies of /dev/null and /dev/full made with mknod, with the
 *   same device numbers, so that a regression cannot turn the system's own into a file);
 * - `--out` naming an input of the command: refused, the input intact;
 * - a report folder is written all or nothing, and each run leaves one complete, self-consistent
 *   report there (an earlier batch's firm folders removed; foreign ones refuse the run);
 * - data values printed with their control and bidi characters escaped (terminal, JSON, HTML);
 * - text tables whose columns stay apart however wide the numbers.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultReportDir } from "../../src/cli/report-output.js";
import { formatText } from "../../src/sem/format/text.js";
import { readTable } from "../../src/sem/data/read-file.js";
import { fitModel } from "../../src/sem/fit-model.js";
import type { FitResult } from "../../src/sem/results.js";
import { parseModel } from "../../src/sem/syntax/index.js";
import { run } from "./run.js";
import { toFitResult } from "../../src/sem/views.js";

const HS = "datasets/holzinger-swineford-1939";
const FIT = ["fit", `${HS}/data.csv`, "--model", `${HS}/three-factor.lav`];
const BUNDLED = "datasets/isrs-kibs-simulated/data.csv";
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "isrs-outputs-"));

/** mknod needs root (CAP_MKNOD): the device tests are skipped without it. */
function mknod(file: string, minor: number): boolean {
  try {
    execFileSync("mknod", [file, "c", "1", String(minor)], { stdio: "ignore" });
    return fs.statSync(file).isCharacterDevice();
  } catch {
    return false;
  }
}
const canMknod = process.platform === "linux" && mknod(path.join(tmp(), "probe"), 3);

/** Every file under `dir` with its content (folders as "name/"): a folder's state, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) {
        out[`${r}/`] = "";
        walk(r);
      } else out[r] = fs.readFileSync(path.join(dir, r), "utf8");
    }
  };
  walk("");
  return out;
}

/** The bundled response file's header and first `n` firms, ids replaced by `ids` when given. */
function firmsFile(dir: string, name: string, n: number, ids?: readonly string[]): string {
  const lines = fs.readFileSync(BUNDLED, "utf8").trimEnd().split("\n");
  const rows = lines.slice(1, n + 1).map((l, i) => (ids === undefined ? l : `"${ids[i]}"${l.slice(l.indexOf(","))}`));
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines[0]}\n${rows.join("\n")}\n`);
  return file;
}

function expectOneLine(r: { code: number; stderr: string }, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
}

describe("--out names a target that is not a regular file", () => {
  it.skipIf(!canMknod)("a device (a copy of /dev/null) is written through and stays a device", async () => {
    const dev = path.join(tmp(), "null");
    mknod(dev, 3);
    const r = await run(...FIT, "--out", dev);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fs.statSync(dev).isCharacterDevice()).toBe(true);
  });

  it.skipIf(!canMknod)("a full device (a copy of /dev/full): ENOSPC in one line, exit 2, still a device", async () => {
    const dev = path.join(tmp(), "full");
    mknod(dev, 7);
    const r = await run(...FIT, "--out", dev);
    expectOneLine(r, /full: cannot be written \(ENOSPC: no space left on the device\)/);
    expect(fs.statSync(dev).isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(path.dirname(dev))).toEqual(["full"]); // no temporary file left
  });

  it.skipIf(process.platform === "win32")("a FIFO is written through to its reader and stays a FIFO", async () => {
    const dir = tmp();
    const fifo = path.join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const got = path.join(dir, "got.txt");
    const reader = spawn("sh", ["-c", 'cat "$1" > "$2"', "sh", fifo, got]);
    const done = new Promise<void>((resolve) => reader.on("exit", () => resolve()));
    const r = await run(...FIT, "--out", fifo);
    // a FIFO replaced by a file would leave the reader waiting: it is stopped after 10 s
    const timer = setTimeout(() => reader.kill(), 10_000);
    await done;
    clearTimeout(timer);
    expect(r.code).toBe(0);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect(fs.readFileSync(got, "utf8")).toBe((await run(...FIT)).stdout);
  });

  it("a symbolic link is followed: its target is replaced whole, the link stays a link", async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "real"));
    const target = path.join(dir, "real", "out.txt");
    fs.writeFileSync(target, "old");
    fs.chmodSync(target, 0o640);
    const link = path.join(dir, "link.txt");
    fs.symlinkSync(path.join("real", "out.txt"), link);
    const r = await run(...FIT, "--out", link);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, "utf8")).toBe((await run(...FIT)).stdout);
    expect(fs.statSync(target).mode & 0o777).toBe(0o640); // the file keeps its mode
    expect(fs.readdirSync(path.join(dir, "real"))).toEqual(["out.txt"]);
  });

  it("a dangling symbolic link gets its target created", async () => {
    const dir = tmp();
    const link = path.join(dir, "link.txt");
    fs.symlinkSync("new.txt", link);
    expect((await run(...FIT, "--out", link)).code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, "new.txt"), "utf8")).toMatch(/^isrs .* ended normally/);
  });

  it("a folder is refused with one line and left as it was", async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "keep.txt"), "mine");
    expectOneLine(await run(...FIT, "--out", dir), /is a folder; give the name of a file/);
    expect(snapshot(dir)).toEqual({ "keep.txt": "mine" });
  });
});

describe("--out names an input of the command", () => {
  it("the data or model file, by another spelling, a symbolic or a hard link: refused, input intact", async () => {
    const dir = tmp();
    const data = path.join(dir, "data.csv");
    const model = path.join(dir, "model.lav");
    fs.copyFileSync(`${HS}/data.csv`, data);
    fs.copyFileSync(`${HS}/three-factor.lav`, model);
    fs.symlinkSync("data.csv", path.join(dir, "alias.csv"));
    fs.linkSync(model, path.join(dir, "hard.lav"));
    const before = snapshot(dir);
    const cases: [string, RegExp][] = [
      [data, /is the data file/],
      [path.join(dir, ".", "..", path.basename(dir), "model.lav"), /is the model file/],
      [path.join(dir, "alias.csv"), /is the data file/],
      [path.join(dir, "hard.lav"), /is the model file/],
    ];
    for (const [out, message] of cases) {
      const r = await run("fit", data, "--model", model, "--out", out);
      expectOneLine(r, message);
      expect(r.stdout).toBe("");
    }
    const diagram = await run("diagram", "--model", model, "--out", path.join(dir, "hard.lav").replace(/lav$/, "dot"));
    expect(diagram.code).toBe(0); // another file: fine
    fs.rmSync(path.join(dir, "hard.dot"));
    expect(snapshot(dir)).toEqual(before);
  });

  it("the instrument file of isrs model, the norms file of isrs score: refused", async () => {
    const dir = tmp();
    const instrument = path.join(dir, "instrument.json");
    fs.copyFileSync("instruments/isrs-v1.json", instrument);
    const norms = firmsFile(dir, "norms.csv", 40);
    const data = firmsFile(dir, "data.csv", 3);
    const before = snapshot(dir);
    expectOneLine(await run("model", "--instrument", instrument, "--out", instrument), /is the instrument file/);
    const score = await run("score", data, "--all", "--norms", norms, "--out", norms);
    expectOneLine(score, /is the norms file/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("a report folder is written all or nothing", () => {
  afterEach(() => vi.restoreAllMocks());

  it("a folder named loadings.svg in DIR: refused, DIR as it was (no report.html beside it)", async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "loadings.svg"));
    fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
    const before = snapshot(dir);
    const r = await run("report", "--out", dir);
    expectOneLine(r, /loadings\.svg: cannot be written: a folder of that name is in the way/);
    expect(snapshot(dir)).toEqual(before);
    expect(fs.readdirSync(path.dirname(dir)).filter((f) => f.startsWith(`.${path.basename(dir)}.isrs-`))).toEqual([]);
  });

  it("a file where firms/F002/ must go: refused, no firm folder and no overview written", async () => {
    const dir = tmp();
    const data = firmsFile(dir, "three.csv", 3);
    const out = path.join(dir, "R");
    fs.mkdirSync(path.join(out, "firms"), { recursive: true });
    fs.writeFileSync(path.join(out, "firms", "F002"), "a file");
    const before = snapshot(out);
    expectOneLine(await run("report", data, "--all", "--out", out), /F002: cannot be written: a file of that name/);
    expect(snapshot(out)).toEqual(before);
  });

  it("a move that fails half-way is undone: the earlier report is back, whole", async () => {
    const dir = tmp();
    const out = path.join(dir, "R");
    expect((await run("report", firmsFile(dir, "three.csv", 3), "--all", "--out", out)).code).toBe(0);
    const before = snapshot(out);
    const rename = fs.renameSync.bind(fs);
    let calls = 0;
    vi.spyOn(fs, "renameSync").mockImplementation((from, to) => {
      if (++calls === 12) throw Object.assign(new Error("EIO"), { code: "EIO" });
      rename(from, to);
    });
    const r = await run("report", firmsFile(dir, "two.csv", 2), "--all", "--out", out);
    expectOneLine(r, /cannot be written \(EIO/);
    vi.restoreAllMocks();
    expect(snapshot(out)).toEqual(before);
  });
});

describe("each batch of firm reports is one complete, self-consistent folder", () => {
  it("a second run with fewer firms removes the first run's other firm folders", async () => {
    const dir = tmp();
    const out = path.join(dir, "R");
    expect((await run("report", firmsFile(dir, "three.csv", 3), "--all", "--out", out)).code).toBe(0);
    const r = await run("score", firmsFile(dir, "two.csv", 2), "--all", "--report", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/removed 4 files of an earlier report there/);
    expect(fs.readdirSync(path.join(out, "firms")).sort()).toEqual(["F001", "F002"]);
    const overview = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8")) as { firms: { id: string }[] };
    expect(overview.firms.map((f) => f.id)).toEqual(["F001", "F002"]);
  });

  it("a folder in firms/ that isrs did not list refuses the run with one line; nothing is removed", async () => {
    const dir = tmp();
    const out = path.join(dir, "R");
    fs.mkdirSync(path.join(out, "firms", "F999"), { recursive: true });
    fs.writeFileSync(path.join(out, "firms", "F999", "report.html"), "another client's report");
    const before = snapshot(out);
    const r = await run("report", firmsFile(dir, "two.csv", 2), "--all", "--out", out);
    expectOneLine(r, /firms\/F999\/report\.html: not written by this run and not listed/);
    expect(snapshot(out)).toEqual(before);
  });

  it("the default folder of a batch is named after its data file", () => {
    expect(defaultReportDir("all", undefined, "clients/acme.csv")).toBe(path.join("reports", "firms-acme"));
    expect(defaultReportDir("all", undefined, "clients/globex.csv")).toBe(path.join("reports", "firms-globex"));
    expect(defaultReportDir("all", undefined, BUNDLED)).toBe(path.join("reports", "firms-isrs-kibs-simulated"));
  });
});

describe("data values printed to the terminal", () => {
  const ids = ["F\u001b[2J1", "F\u001b]0;pwned\u0007", "F\u202eevil", "F\u009b31m"];
  // eslint-disable-next-line no-control-regex
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it("firm ids with ESC, OSC, C1 and bidi controls are shown escaped in text, JSON and HTML", async () => {
    const dir = tmp();
    const data = firmsFile(dir, "hostile.csv", 4, ids);
    const text = await run("score", data, "--all");
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(RAW);
    expect(text.stdout).toContain("F\\x1b[2J1");
    expect(text.stdout).toContain("F\\x1b]0;pwned\\x07");
    expect(text.stdout).toContain("F\\u202eevil");
    const one = await run("score", data, "--firm", ids[0]!);
    expect(one.stdout).not.toMatch(RAW);
    const json = await run("score", data, "--all", "--format", "json");
    expect(json.stdout).not.toMatch(RAW);
    expect((JSON.parse(json.stdout) as { firms: { id: string }[] }).firms.map((f) => f.id)).toEqual(ids);
    const out = path.join(dir, "R");
    expect((await run("report", data, "--firm", ids[2]!, "--out", out)).code).toBe(0);
    for (const f of ["report.html", "report.md", "scores.svg"]) {
      const content = fs.readFileSync(path.join(out, f), "utf8");
      expect(content, f).not.toMatch(RAW);
      expect(content, f).toContain("u202eevil");
    }
  });

  it("an error message quoting a value shows it escaped", async () => {
    const dir = tmp();
    const data = firmsFile(dir, "hostile.csv", 4, ids);
    const r = await run("score", data, "--firm", "G\u001b[2J");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("G\\x1b[2J");
    expect(r.stderr).not.toMatch(RAW);
  });

  it("group labels of isrs fit are shown escaped", async () => {
    const dir = tmp();
    const lines = fs.readFileSync(`${HS}/data.csv`, "utf8").trimEnd().split("\n");
    const header = lines[0]!.split(",");
    const school = header.indexOf('"school"');
    const rows = lines.slice(1).map((l) => {
      const c = l.split(",");
      c[school] = c[school]!.includes("Pasteur") ? '"P\u001b[31m"' : '"G\u202e"';
      return c.join(",");
    });
    const data = path.join(dir, "groups.csv");
    fs.writeFileSync(data, `${lines[0]}\n${rows.join("\n")}\n`);
    const r = await run("fit", data, "--model", `${HS}/three-factor.lav`, "--group", "school");
    expect(r.stdout).toContain("[P\\x1b[31m]");
    expect(r.stdout).toContain("[G\\u202e]");
    expect(r.stdout).not.toMatch(RAW);
  });
});

describe("text tables with huge numbers", () => {
  /** Every number of the result multiplied by `k`: the widths a 50 MB file or data in euros give. */
  function scaled(res: FitResult, k: number): FitResult {
    const fit = Object.fromEntries(Object.entries(res.fit).map(([n, v]) => [n, n.startsWith("df") ? v : v * k]));
    const num = (x: number | null): number | null => (x === null ? null : x * k);
    const parameters = res.parameters.map((r) => ({
      ...r,
      est: num(r.est),
      se: num(r.se),
      z: num(r.z),
      "std.lv": num(r["std.lv"]),
      "std.all": num(r["std.all"]),
    }));
    return { ...res, fit, parameters } as FitResult;
  }
  // a number of text.ts's (toFixed(3)) directly followed by another number's digit or sign
  const JOINED = /\.\d{3}[-\d]/;

  for (const estimator of ["ML", "MLR"]) {
    it(`${estimator}: no two columns run together, and the number columns stay aligned`, async () => {
      const data = readTable(`${HS}/data.csv`);
      const syntax = parseModel(fs.readFileSync(`${HS}/three-factor.lav`, "utf8"));
      const res = toFitResult(await fitModel({ syntax, data, options: { estimator } }));
      const text = formatText(scaled(res, -1e7), "test");
      expect(text).toMatch(/-\d{8,}\.\d{3}/); // the numbers are that wide
      for (const line of text.split("\n")) expect(line).not.toMatch(JOINED);
      // every row of the parameter tables ends at the same column
      const rows = text.split("\n").filter((l) => /^\s+\.?x\d/.test(l));
      expect(new Set(rows.map((l) => l.length)).size).toBe(1);
    });
  }
});
