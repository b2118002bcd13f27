/** The instrument file: the bundled one is valid and complete; broken ones fail with the zod path in one line. */
import { describe, expect, it } from "vitest";
import {
  BUNDLED_INSTRUMENT,
  constructsOf,
  itemsOf,
  loadInstrument,
  parseInstrument,
  secondOrderOf,
} from "../../../src/instrument/index.js";
import { expectInputError } from "../data/helpers.js";
import { bundledJson, tmpFile } from "./helpers.js";

describe("the bundled instrument", () => {
  const instr = loadInstrument();

  it("is found relative to the package, not the working directory", () => {
    const cwd = process.cwd();
    try {
      process.chdir(tmpFile("x.txt", "").replace(/x\.txt$/, ""));
      expect(loadInstrument().id).toBe("isrs");
    } finally {
      process.chdir(cwd);
    }
    expect(BUNDLED_INSTRUMENT).toMatch(/instruments[/\\]isrs-v1\.json$/);
  });

  it("has the dimensions and outcomes of the design, with the item counts of issue 4", () => {
    const count = (c: string) => itemsOf(instr, c).length;
    expect(constructsOf(instr, "dimension").map((c) => [c.id, count(c.id)])).toEqual([
      ["detection", 5],
      ["analysis", 4],
      ["response", 6],
    ]);
    expect(constructsOf(instr, "outcome").map((c) => [c.id, count(c.id)])).toEqual([
      ["client", 4],
      ["employee", 3],
      ["business", 3],
    ]);
    expect(secondOrderOf(instr).map((c) => [c.id, c.dimensions])).toEqual([
      ["ISRS", ["detection", "analysis", "response"]],
    ]);
  });

  it(
    "uses 7-point scales with a label on every point, has " +
      "reverse-keyed items, and a recommendation for every " +
      "practice",
    () => {
      for (const s of instr.scales) expect(s.anchors.map((a) => a.value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(instr.items.filter((i) => i.reverse).length).toBeGreaterThanOrEqual(1);
      const practices = instr.items.filter((i) => ["detection", "analysis", "response"].includes(i.construct));
      expect(practices.every((i) => (i.recommendation ?? "").length > 20)).toBe(true);
    },
  );

  it("documents its population values as illustrative", () => {
    expect(instr.population.note).toMatch(/illustrative/i);
    expect(instr.population.note).toMatch(/not the estimates/i);
  });
});

describe("a broken instrument file: one line with the file and the zod path", () => {
  const check = (mutate: (j: Record<string, any>) => void, where: string) => {
    const j = bundledJson();
    mutate(j);
    let message = "";
    try {
      parseInstrument(j, "my.json");
    } catch (e) {
      message = (e as Error).message;
      expect((e as { code?: string }).code).toBe("E_INSTRUMENT");
    }
    expect(message.startsWith(`my.json: ${where}: `)).toBe(true);
    expect(message).not.toContain("\n");
    return message;
  };

  it("a wrong type", () => {
    expect(check((j) => (j.items[2].reverse = "yes"), 'items[2].reverse (item "DET3")')).toMatch(/expected boolean/);
  });
  it("a misspelt key", () => {
    expect(check((j) => (j.items[0].revers = true), 'items[0] (item "DET1")')).toMatch(/Unrecognized key: "revers"/);
  });
  it("a practice item without a recommendation", () => {
    check((j) => delete j.items[6].recommendation, 'items[6].recommendation (item "ANA2")');
  });
  it("an item pointing to an unknown construct", () => {
    expect(check((j) => (j.items[0].construct = "detect"), 'items[0].construct (item "DET1")')).toMatch(
      /"detect" is not a first-order construct/,
    );
  });
  it("a construct with an unknown scale", () => {
    check((j) => (j.constructs[0].scale = "likert5"), 'constructs[0].scale (construct "detection")');
  });
  it("an anchor outside its scale", () => {
    check((j) => (j.scales[0].anchors[6].value = 8), 'scales[0].anchors[6].value (scale "agreement7")');
  });
  it("a repeated item id", () => {
    check((j) => (j.items[1].id = "DET1"), 'items[1].id (item "DET1")');
  });
  it("a missing population loading", () => {
    check((j) => delete j.population.loadings.RES4, "population.loadings.RES4");
  });
  it("category probabilities that do not sum to 1", () => {
    check(
      (j) => (j.population.categoryProbabilities.agreement7[0] = 0.2),
      "population.categoryProbabilities.agreement7",
    );
  });
  it("a path without a population value", () => {
    check((j) => j.population.regressions.pop(), "population.regressions");
  });
  it("a second-order factor over a non-dimension", () => {
    check((j) => (j.constructs[3].dimensions[2] = "client"), 'constructs[3].dimensions[2] (construct "ISRS")');
  });
  it("dimensions of one second-order factor on different scales", () => {
    check((j) => (j.constructs[1].scale = "competitors7"), 'constructs[3].dimensions[1] (construct "ISRS")');
  });
  it("a bad version string", () => {
    check((j) => (j.version = "v1"), "version");
  });

  it("a file that is not JSON, and a file that is not there", () => {
    const bad = tmpFile("bad.json", "{ not json");
    expectInputError(
      () => loadInstrument(bad),
      "E_INSTRUMENT",
      `${bad}: not valid JSON (${(() => {
        try {
          JSON.parse("{ not json");
        } catch (e) {
          return (e as Error).message;
        }
        return "";
      })()})`,
    );
    expectInputError(() => loadInstrument("nope.json"), "E_FILE", "nope.json: no such instrument file");
  });
});
