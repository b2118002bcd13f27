/**
 * `isrs bench`: the JSON keeps median_ms, min_ms and repeat and adds load_ms; the data file is
 * read once, not once per timed fit; the text format and bad options.
 */
import { describe, expect, it, vi } from "vitest";
import { run } from "./run.js";

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/sem/data/read-file.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/sem/data/read-file.js")>();
  return {
    ...original,
    readTable: (...args: Parameters<typeof original.readTable>) => {
      reads.count++;
      return original.readTable(...args);
    },
  };
});

const HS = "tests/parity/lavaan-0.6.14/hs-cfa-ml";

describe("isrs bench", () => {
  it("prints median_ms, min_ms, repeat and load_ms with --format json, reading the file once", async () => {
    reads.count = 0;
    const r = await run("bench", `${HS}/data.csv`, "--model", `${HS}/model.lav`, "--repeat", "3", "--format", "json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as Record<string, number>;
    expect(Object.keys(out).sort()).toEqual(["load_ms", "median_ms", "min_ms", "repeat"]);
    expect(out.repeat).toBe(3);
    expect(out.load_ms).toBeGreaterThan(0);
    expect(out.min_ms).toBeGreaterThan(0);
    expect(out.median_ms).toBeGreaterThanOrEqual(out.min_ms!);
    expect(reads.count).toBe(1); // the warm-up and the 3 timed fits use the table in memory
  });

  it("prints one line of text with --format text", async () => {
    const r = await run("bench", `${HS}/data.csv`, "--model", `${HS}/model.lav`, "--repeat", "1", "--format", "text");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^fit: median [\d.]+ ms, min [\d.]+ ms over 1 fit; data file read and checked in [\d.]+ ms\n$/,
    );
  });

  it("refuses an unknown format and a bad repeat count with one line and exit 2", async () => {
    const f = await run("bench", `${HS}/data.csv`, "--model", `${HS}/model.lav`, "--format", "csv");
    expect(f.code).toBe(2);
    expect(f.stdout).toBe("");
    expect(f.stderr.trim().split("\n")).toHaveLength(1);
    expect(f.stderr).toContain("--format csv: use json or text");
    const n = await run("bench", `${HS}/data.csv`, "--model", `${HS}/model.lav`, "--repeat", "0");
    expect(n.code).toBe(2);
    expect(n.stderr).toContain("--repeat 0: a positive whole number is needed");
  });
});
