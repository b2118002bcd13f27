/** The text output of `isrs power` in its three modes. */
import type { RmseaPowerResult } from "../../power/rmsea.js";
import type { ParameterPowerResult } from "../../power/satorra-saris.js";
import type { MonteCarloResult } from "../../power/montecarlo-run.js";

type Result = RmseaPowerResult | { mode: "rmsea"; rows: RmseaPowerResult[] } | ParameterPowerResult | MonteCarloResult;

const f = (x: number, d = 3): string => (Number.isFinite(x) ? x.toFixed(d) : "NA");

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)) + 2);
  const line = (cells: string[]): string =>
    cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join("");
  return [line(header), ...rows.map(line)].map((l) => `  ${l.trimEnd()}`).join("\n");
}

function rmseaText(rows: RmseaPowerResult[]): string {
  const r0 = rows[0]!;
  const head =
    `RMSEA power (MacCallum, Browne & Sugawara 1996): test of ${r0.test}, H0 RMSEA ${r0.test === "close fit" ? "<=" : ">="} ` +
    `${r0.rmsea0} against RMSEA = ${r0.rmseaA}, df = ${r0.df}, alpha = ${r0.alpha}`;
  const body = table(
    ["N", "ncp0", "ncpA", "critical", "power"],
    rows.map((r) => [String(r.n), f(r.ncp0), f(r.ncp), f(r.critical), f(r.power, 4)]),
  );
  return `${head}\n\n${body}\n`;
}

export function formatPowerText(res: Result): string {
  if (res.mode === "rmsea") return rmseaText("rows" in res ? res.rows : [res]);
  if (res.mode === "parameter") {
    const head =
      `Power of the test of ${res.test} (Satorra & Saris 1985): 1-df likelihood-ratio test, alpha = ${res.alpha}, ` +
      `critical value ${f(res.critical, 4)}\n` +
      `(chi-square of the model with the parameter free at the population: ${f(res.chisqModel, 6)})`;
    return `${head}\n\n${table(
      ["N", "ncp", "power"],
      res.rows.map((r) => [String(r.n), f(r.ncp, 4), f(r.power, 4)]),
    )}\n`;
  }
  const head =
    `Monte Carlo power: ${res.reps} replications per N, seed ${res.seed}, ${res.data} data, alpha = ${res.alpha}, ` +
    `${res.threads} thread(s)\nestimator ${res.estimator}` +
    (res.missing === null
      ? ", complete data"
      : `, ${f(res.missing.rate * 100, 1)}% of cells missing completely at random (MCAR), fitted by FIML`);
  const body = table(
    ["parameter", "N", "population", "power", "bias", "SE bias", "coverage", "converged", "admissible"],
    res.rows.map((r) => [
      `${r.lhs} ${r.op} ${r.rhs}`,
      String(r.n),
      f(r.population),
      f(r.power),
      f(r.bias, 4),
      f(r.seBias),
      f(r.coverage),
      f(r.converged),
      f(r.admissible),
    ]),
  );
  return (
    `${head}\n\n${body}\n\nThe power curve over N is the vega-lite chart in the JSON output (--format json, "chart"); ` +
    "--chart FILE.svg draws it.\n"
  );
}
