/** `isrs fit --bootstrap`: the flags' bad values (one line, exit 2) and the text and JSON output. */
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const HS = "tests/parity/lavaan-0.6.14/hs-cfa-ml";
const PD = "datasets/political-democracy";
const fit = (...extra: string[]): Promise<Awaited<ReturnType<typeof run>>> =>
  run("fit", `${HS}/data.csv`, "--model", `${HS}/model.lav`, ...extra);

const BAD: [string, string[], RegExp][] = [
  [
    "zero draws",
    ["--bootstrap", "0"],
    /--bootstrap 0: the number of bootstrap draws must be a whole number from 1 to 100000/,
  ],
  [
    "negative draws",
    ["--bootstrap", "-5"],
    /--bootstrap -5: the number of bootstrap draws must be a whole number from 1 to 100000/,
  ],
  ["a fraction of draws", ["--bootstrap", "2.5"], /--bootstrap 2\.5: .*whole number/],
  ["draws that are not a number", ["--bootstrap", "many"], /--bootstrap many: .*whole number/],
  ["an absurd number of draws", ["--bootstrap", "1000000"], /--bootstrap 1000000: .*from 1 to 100000/],
  [
    "a seed that is not an integer",
    ["--bootstrap", "10", "--seed", "1.5"],
    /--seed 1\.5: the seed must be a whole number from 0 to 9007199254740991/,
  ],
  ["a seed that is text", ["--bootstrap", "10", "--seed", "abc"], /--seed abc: the seed must be a whole number/],
  ["a negative seed", ["--bootstrap", "10", "--seed", "-3"], /--seed -3: the seed must be a whole number from 0/],
  ["Bollen-Stine without --bootstrap", ["--test", "bollen-stine"], /--test bollen-stine needs --bootstrap N/],
  ["an unknown test", ["--bootstrap", "10", "--test", "satorra"], /--test satorra: use standard or bollen-stine/],
  ["a seed without --bootstrap", ["--seed", "4"], /--seed 4 is only used with --bootstrap N/],
  [
    "zero workers",
    ["--bootstrap", "10", "--workers", "0"],
    /--workers 0: the number of worker threads must be a whole number from 1 to 256/,
  ],
];

describe("bootstrap flags: bad values", () => {
  it.each(BAD)("%s: one line, exit 2, nothing on stdout", async (_, extra, message) => {
    const r = await fit(...extra);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("bootstrap output", () => {
  it("text: lavaan's standard-error header, the draws, the interval table, the Bollen-Stine test", async () => {
    const r = await fit("--bootstrap", "30", "--seed", "5", "--test", "bollen-stine", "--workers", "1");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(""); // no progress bar when stderr is not a terminal
    expect(r.stdout).toMatch(
      new RegExp(
        String.raw`Standard errors\s+Bootstrap\n\s+Number of requested bootstrap draws\s+30\n` +
          String.raw`\s+Number of successful bootstrap draws\s+30`,
      ),
    );
    expect(r.stdout).toMatch(/Seed\s+5\n/);
    expect(r.stdout).toMatch(/Bootstrap Confidence Intervals \(95%\):/);
    expect(r.stdout).toMatch(/visual =~ x2\s+0\.554\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s+bca/);
    expect(r.stdout).toMatch(/P-value \(Bollen-Stine bootstrap\)\s+0\.000/);
  });

  it(
    "JSON: bootstrap section with counts, seed, interval " +
      "types; estimates carry the bootstrap se and " +
      "percentile interval",
    async () => {
      const r = await run(
        "fit",
        `${PD}/data.csv`,
        "--model",
        `${PD}/indirect-effect.lav`,
        "--bootstrap",
        "40",
        "--seed",
        "9",
        "--format",
        "json",
        "--workers",
        "1",
      );
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout) as {
        parameters: { lhs: string; op: string; se: number; "ci.lower": number; "ci.upper": number }[];
        bootstrap: {
          seed: number;
          seedSource: string;
          draws: { requested: number; successful: number; failed: number };
          ciType: string;
          parameters: {
            lhs: string;
            op: string;
            se: number;
            "ci.perc.lower": number;
            "ci.perc.upper": number;
            "bca.type": string | null;
          }[];
        };
      };
      expect(j.bootstrap.seed).toBe(9);
      expect(j.bootstrap.seedSource).toBe("given");
      expect(j.bootstrap.draws.requested).toBe(40);
      expect(j.bootstrap.draws.successful + j.bootstrap.draws.failed).toBe(40);
      expect(j.bootstrap.ciType).toBe("perc");
      const ind = j.parameters.find((p) => p.lhs === "indirect")!;
      const bind = j.bootstrap.parameters.find((p) => p.lhs === "indirect")!;
      expect(bind.op).toBe(":=");
      expect(ind.se).toBe(bind.se);
      expect([ind["ci.lower"], ind["ci.upper"]]).toEqual([bind["ci.perc.lower"], bind["ci.perc.upper"]]);
      expect(bind["bca.type"]).toBe("bca");
    },
  );

  it("--no-jackknife: no leave-one-out refits, BCa columns are bca.simple and say why", async () => {
    const r = await fit("--bootstrap", "20", "--seed", "3", "--no-jackknife", "--format", "json", "--workers", "1");
    const j = JSON.parse(r.stdout) as {
      bootstrap: {
        jackknife: { rows: number; used: boolean; note: string };
        parameters: { "bca.type": string | null }[];
      };
    };
    expect(j.bootstrap.jackknife).toMatchObject({ rows: 0, used: false });
    expect(j.bootstrap.jackknife.note).toMatch(/bca\.simple/);
    expect(new Set(j.bootstrap.parameters.map((p) => p["bca.type"]))).toEqual(new Set([null, "bca.simple"]));
  });

  it("without --seed a seed is drawn, reported, and repeats the run when given back", async () => {
    const first = await fit("--bootstrap", "20", "--format", "json", "--workers", "1");
    const j1 = JSON.parse(first.stdout) as { bootstrap: { seed: number; seedSource: string; parameters: unknown[] } };
    expect(j1.bootstrap.seedSource).toBe("random");
    const again = await fit(
      "--bootstrap",
      "20",
      "--format",
      "json",
      "--workers",
      "1",
      "--seed",
      String(j1.bootstrap.seed),
    );
    const j2 = JSON.parse(again.stdout) as { bootstrap: { parameters: unknown[] } };
    expect(j2.bootstrap.parameters).toEqual(j1.bootstrap.parameters);
  });
});
