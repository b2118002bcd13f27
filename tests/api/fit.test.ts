/**
 * The library API from the sources: fit() on records, columns and CSV tables gives lavaan's
 * numbers and exactly the text and JSON of `isrs fit`; bad data throws IsrsInputError lines
 * naming the record and the variable.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvTable, fit, IsrsInputError, ML_MEASURES, VERSION, type FitMeasureName } from "../../src/index.js";
import { fit as nodeFit, readCsv } from "../../src/node.js";
import { run } from "../cli/run.js";
import { close, HS_CSV, HS_MODEL, hsRecords, lavaanRef, ROOT } from "./hs.js";

const MODEL_FILE = path.join(ROOT, "datasets/holzinger-swineford-1939/three-factor.lav");

async function inputError(p: Promise<unknown>): Promise<IsrsInputError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(IsrsInputError);
  return e as IsrsInputError;
}

describe("fit() on Holzinger-Swineford", () => {
  it("gives lavaan's fit measures and estimates from records", async () => {
    const fitted = await fit(HS_MODEL, hsRecords());
    // lavaan 0.6.14: fitMeasures / parameterEstimates of cfa(HS.model, HolzingerSwineford1939)
    const ref = lavaanRef();
    const fm = fitted.fitMeasures();
    for (const k of ["chisq", "df", "cfi", "tli", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "srmr", "aic", "bic"]) {
      expect(close(fm[k as FitMeasureName]!, ref.fit[k]!, 1e-3), k).toBe(true);
    }
    const rows = fitted.parameterEstimates();
    for (const r of ref.parameters) {
      const mine = rows.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs)!;
      expect(close(mine.est!, r.est, 1e-4), `${r.lhs}${r.op}${r.rhs} est`).toBe(true);
      expect(close(mine.se!, r.se, 1e-3), `${r.lhs}${r.op}${r.rhs} se`).toBe(true);
    }
    expect(fitted.converged).toBe(true);
    expect(Object.keys(fm)).toEqual([...ML_MEASURES]);
  });

  it("summary() and toJSON() are the text and JSON of `isrs fit` (with modification indices)", async () => {
    const fitted = await fit(HS_MODEL, hsRecords(), { modindices: true });
    const text = await run("fit", HS_CSV, "--model", MODEL_FILE, "--modindices");
    const json = await run("fit", HS_CSV, "--model", MODEL_FILE, "--modindices", "--format", "json");
    expect(fitted.summary()).toBe(text.stdout);
    expect(`${JSON.stringify(fitted.toJSON(), null, 2)}\n`).toBe(json.stdout);
    expect(fitted.modindices()).toEqual(JSON.parse(json.stdout).modindices);
    expect(fitted.parameterEstimates()).toEqual(JSON.parse(json.stdout).parameters);
  });

  it("gives identical results from records, columns, Float64Array columns, csvTable and readCsv", async () => {
    const records = hsRecords();
    const names = Object.keys(records[0]!);
    const columns = Object.fromEntries(names.map((n) => [n, records.map((r) => r[n]!)])) as Record<
      string,
      (number | string)[]
    >;
    const typed = Object.fromEntries(
      ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"].map((n) => [n, Float64Array.from(columns[n] as number[])]),
    );
    const base = JSON.stringify((await fit(HS_MODEL, records)).toJSON());
    expect(JSON.stringify((await fit(HS_MODEL, columns)).toJSON())).toBe(base);
    expect(JSON.stringify((await fit(HS_MODEL, typed)).toJSON())).toBe(base);
    expect(JSON.stringify((await fit(HS_MODEL, csvTable(fs.readFileSync(HS_CSV, "utf8")))).toJSON())).toBe(base);
    expect(JSON.stringify((await nodeFit(HS_MODEL, readCsv(HS_CSV))).toJSON())).toBe(base);
  });

  it("groups by a string column of records", async () => {
    const fitted = await fit(HS_MODEL, hsRecords(), { group: "school", groupEqual: ["loadings"] });
    const cli = await run("fit", HS_CSV, "--model", MODEL_FILE, "--group", "school", "--group-equal", "loadings");
    expect(fitted.summary()).toBe(cli.stdout);
    expect(fitted.nobs).toEqual([156, 145]); // lavaan: 156 Pasteur, 145 Grant-White
  });
});

describe("missing values in records and columns", () => {
  it("null, undefined, NaN, '', 'NA' and na codes are missing, as blank CSV cells", async () => {
    const records: Record<string, unknown>[] = hsRecords();
    const codes: unknown[] = [null, undefined, NaN, "", "NA", -999, " NA "];
    codes.forEach((v, k) => (records[10 * k + 3]!.x2 = v));
    delete records[100]!.x5;
    const fitted = await fit(HS_MODEL, records, { na: [-999] });
    const lines = fs.readFileSync(HS_CSV, "utf8").split("\n");
    const header = lines[0]!.split(",");
    const blank = (i: number, col: string): void => {
      const cells = lines[i + 1]!.split(",");
      cells[header.indexOf(`"${col}"`)] = "";
      lines[i + 1] = cells.join(",");
    };
    codes.forEach((_, k) => blank(10 * k + 3, "x2"));
    blank(100, "x5");
    const viaCsv = await fit(HS_MODEL, csvTable(lines.join("\n")));
    const a = fitted.toJSON();
    const b = viaCsv.toJSON();
    expect(a.excluded.count).toBe(8);
    // rows are numbered alike; a CSV row's line is one more (the header)
    expect(a.excluded.rows.map((r) => r.row)).toEqual(b.excluded.rows.map((r) => r.row));
    expect(a.excluded.rows.map((r) => r.line)).toEqual(b.excluded.rows.map((r) => r.line - 1));
    expect({ ...a, excluded: null }).toEqual({ ...b, excluded: null });
  });
});

describe("csvTable keeps its na codes", () => {
  it("a code given to csvTable is missing in the fit too", async () => {
    const lines = fs.readFileSync(HS_CSV, "utf8").split("\n");
    lines[5] = lines[5]!.replace(/,[^,]*$/, ",-999"); // x9 of data row 5 (file line 6)
    const fitted = await fit(HS_MODEL, csvTable(lines.join("\n"), { na: ["-999"] }));
    expect(fitted.toJSON().excluded.rows).toEqual([{ row: 5, line: 6, missing: ["x9"] }]);
  });
});

describe("bad data: one line naming the record, column and variable", () => {
  const cases: [string, () => unknown, string, string][] = [
    [
      "a text cell",
      () => hsRecords().map((r, i) => (i === 4 ? { ...r, x1: "abc" } : r)),
      "E_NOT_NUMERIC",
      'data[4].x1: "abc" is not a number',
    ],
    [
      "Infinity",
      () => hsRecords().map((r, i) => (i === 7 ? { ...r, x9: Infinity } : r)),
      "E_NOT_NUMERIC",
      "data[7].x9: Infinity is not a finite number",
    ],
    [
      "a boolean",
      () => hsRecords().map((r, i) => (i === 2 ? { ...r, x3: true } : r)),
      "E_NOT_NUMERIC",
      "data[2].x3: true (a boolean) is not a number",
    ],
    ["a record that is not an object", () => [...hsRecords(), 5], "E_USAGE", "data[301]: a record must be an object"],
    ["no records", () => [], "E_EMPTY", "data: the array of records is empty"],
    [
      "a misspelt variable",
      () => hsRecords().map(({ x4, ...r }) => ({ ...r, x_4: x4 })),
      "E_NO_VARIABLE",
      'data: model variable "x4" is not a column of the data; did you mean',
    ],
    [
      "columns of unequal length",
      () => ({ x1: [1, 2, 3], x2: [1, 2] }),
      "E_USAGE",
      "data.x2 has 2 values but data.x1 has 3: columns must have equal lengths",
    ],
    [
      "a text cell in a column",
      () => {
        const cols: Record<string, (number | string)[]> = {};
        hsRecords().forEach((r) => Object.entries(r).forEach(([k, v]) => (cols[k] ??= []).push(v)));
        cols.x8![12] = "1,5";
        return cols;
      },
      "E_NOT_NUMERIC",
      'data.x8[12]: "1,5" is not a number',
    ],
  ];
  for (const [what, data, code, message] of cases) {
    it(what, async () => {
      const e = await inputError(fit(HS_MODEL, data() as never));
      expect(e.code).toBe(code);
      expect(e.message).toContain(message);
      expect(e.message).not.toContain("\n");
    });
  }

  it("a constant variable is the engine's E_CONSTANT, named", async () => {
    const e = await inputError(
      fit(
        HS_MODEL,
        hsRecords().map((r) => ({ ...r, x6: 2 })),
        { dataName: "hs" },
      ),
    );
    expect(e.code).toBe("E_CONSTANT");
    expect(e.message).toBe('hs: variable "x6" is constant (every complete row is 2)');
  });

  it("a model syntax error is a ModelSyntaxError (an IsrsInputError) with line and column", async () => {
    const e = await inputError(fit("visual =~ x1 +\nspeed ~= x7", hsRecords()));
    expect(e.code).toBe("E_SYNTAX");
    expect(e.message).toMatch(/^<model>:2:\d+: /);
  });
});

describe("options", () => {
  it("an unknown option is E_USAGE with a suggestion", async () => {
    const e = await inputError(fit(HS_MODEL, hsRecords(), { estimater: "MLR" } as never));
    expect(e.code).toBe("E_USAGE");
    expect(e.message).toBe('option estimater: not a fit option; did you mean "estimator"?');
  });

  it("a bad option value is the engine's E_USAGE", async () => {
    const e = await inputError(fit(HS_MODEL, hsRecords(), { estimator: "WLS" } as never));
    expect(e.code).toBe("E_USAGE");
    expect(e.message).toMatch(/^option estimator: /);
  });

  it("the bootstrap is refused by the browser-safe entry and runs in the Node entry", async () => {
    const e = await inputError(fit(HS_MODEL, hsRecords(), { bootstrap: { draws: 10 } } as never));
    expect(e.message).toContain("Node only");
    const bad = await inputError(nodeFit(HS_MODEL, hsRecords(), { bootstrap: { draws: 0 } }));
    expect(bad.message).toMatch(/^bootstrap option draws: /);
    const boot = await nodeFit(HS_MODEL, hsRecords(), {
      bootstrap: { draws: 20, seed: 3, workers: 1, jackknife: false },
    });
    const cli = await run(
      "fit",
      HS_CSV,
      "--model",
      MODEL_FILE,
      "--bootstrap",
      "20",
      "--seed",
      "3",
      "--workers",
      "1",
      "--no-jackknife",
      "--format",
      "json",
    );
    expect(`${JSON.stringify(boot.toJSON(), null, 2)}\n`).toBe(cli.stdout);
  });

  it("modindices() without the option says how to get them", async () => {
    const e = await inputError(Promise.resolve().then(async () => (await fit(HS_MODEL, hsRecords())).modindices()));
    expect(e.message).toContain("modindices: true");
  });

  it("VERSION is package.json's", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
