/**
 * The bad input of ordinal fits through `isrs fit --ordered`, as a user meets it: one line on
 * stderr naming the file, row, column or item, exit code 2 and no output file; and the polychoric
 * matrix that is not positive definite, which is a warning naming the most extreme pairs (with
 * pairwise deletion: every row that observes an item is used, even with no complete row). The
 * data are the shared ord-hs-cat3 items (/work/shared/reference) with one defect each.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectBadInput, tmpWriter } from "../cli/expect-bad.js";
import { run } from "../cli/run.js";

const D = "/work/shared/reference/ord-hs-cat3-wlsmv";
const have = fs.existsSync(D);
const MODEL = `${D}/model.lav`;

/** The shared data with `edit(cells, row)` applied to every data row (0-based row index). */
function edited(w: ReturnType<typeof tmpWriter>, name: string, edit: (cells: string[], i: number) => void): string {
  const [header, ...rows] = fs.readFileSync(`${D}/data.csv`, "utf8").trim().split("\n");
  const out = rows.map((l, i) => {
    const cells = l.split(",");
    edit(cells, i);
    return cells.join(",");
  });
  return w.file(name, [header, ...out].join("\n") + "\n");
}

describe.skipIf(!have)("bad ordinal input through the CLI", () => {
  const w = tmpWriter("isrs-ord-bad-");
  const fitArgs = (data: string, out: string) => ["fit", data, "--model", MODEL, "--ordered", "all", "-o", out];

  it("a value that is not a whole number: file, row and column named; nothing written", async () => {
    const data = edited(w, "nonint.csv", (c, i) => {
      if (i === 6) c[4] = "2.5"; // data row 7 (file line 8), column x5
    });
    const out = path.join(w.dir, "nonint.txt");
    await expectBadInput(fitArgs(data, out), /nonint\.csv: row 7, column 'x5': 2\.5 is not a whole number/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("an item with a single observed category: the item named; nothing written", async () => {
    const data = edited(w, "onecat.csv", (c) => {
      c[2] = "2";
    });
    const out = path.join(w.dir, "onecat.txt");
    await expectBadInput(fitArgs(data, out), /onecat\.csv: variable "x3" is constant \(every complete row is 2\)/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("an item with more than 20 categories: treat it as continuous; nothing written", async () => {
    const data = edited(w, "manycat.csv", (c, i) => {
      c[1] = String((i % 25) + 1);
    });
    const out = path.join(w.dir, "manycat.txt");
    await expectBadInput(
      fitArgs(data, out),
      /'x2' has 25 distinct values, more than 20 categories: treat it as continuous/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a polychoric matrix that is not positive definite is a warning naming the pairs, not an error", async () => {
    // pairwise deletion, no complete row: rows 1-120 observe q1 and q2 (q2 = q1), 121-240 q1 and
    // q3 (q3 = q1), 241-360 q2 and q3 (q3 = 4 - q2), 10% noise: r12, r13 near +1 and r23 near -1
    const lines = ["q1,q2,q3"];
    for (let i = 0; i < 360; i++) {
      const c = (i % 3) + 1;
      const noisy = i % 10 === 0 ? (c % 3) + 1 : c;
      lines.push(i < 120 ? `${c},${noisy},` : i < 240 ? `${c},,${noisy}` : `,${c},${4 - noisy}`);
    }
    const data = w.file("notpd.csv", lines.join("\n") + "\n");
    const model = w.file("notpd.lav", "f =~ q1 + q2 + q3\n");
    const r = await run("fit", data, "--model", model, "--ordered", "all", "--missing", "pairwise", "--format", "json");
    expect(r.code).not.toBe(2);
    expect(r.stderr).toBe("");
    const warnings = (JSON.parse(r.stdout) as { warnings: { code: string; message: string }[] }).warnings;
    const w1 = warnings.find((x) => x.code === "W_POLYCHORIC_NOT_PD")!;
    expect(w1.message).toMatch(
      /not positive definite.*the most extreme pairs: q1 ~ q2 0\.99\d, q1 ~ q3 0\.99\d, q2 ~ q3 -0\.99\d/,
    );
  });
});
