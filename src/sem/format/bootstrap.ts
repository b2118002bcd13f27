/**
 * The bootstrap parts of the text output: the standard-error lines of the parameter header
 * (lavaan's summary(): "Standard errors  Bootstrap", "Number of requested / successful
 * bootstrap draws"), and a section with the draws used and not used, every interval type of
 * each free and defined parameter, and the Bollen-Stine test.
 */
import type { BootstrapParameter, BootstrapResult, DrawCounts } from "../bootstrap/types.js";
import { columnWidths, rightCells } from "./columns.js";
import { terminalSafe } from "./terminal.js";
import { line, num } from "./text.js";

export function bootstrapSeLines(b: BootstrapResult): string[] {
  return [
    line("Standard errors", "Bootstrap"),
    line("Number of requested bootstrap draws", String(b.draws.requested)),
    line("Number of successful bootstrap draws", String(b.draws.successful)),
  ];
}

function drawLines(d: DrawCounts): string[] {
  const out = [
    line("Number of requested bootstrap draws", String(d.requested)),
    line("Number of successful bootstrap draws", String(d.successful)),
  ];
  if (d.failed > 0) {
    out.push(line("Failed or not converged (not used)", String(d.failed)));
    for (const r of d.reasons) out.push(`    ${r.count} x ${terminalSafe(r.reason)}`);
  }
  return out;
}

function name(p: BootstrapParameter, multi: boolean): string {
  const base = p.op === ":=" ? `${p.lhs} :=` : p.op === "~1" ? `${p.lhs} ~1` : `${p.lhs} ${p.op} ${p.rhs}`;
  return multi && p.op !== ":=" ? `${base} [g${p.group}]` : base;
}

function intervalTable(b: BootstrapResult, multi: boolean): string[] {
  const cols = ["Estimate", "Std.Err", "perc.lo", "perc.up", "bca.lo", "bca.up"];
  const pct = Math.round(b.level * 1000) / 10;
  // fixed rows are left out
  const shown = b.parameters.filter((p) => !(p["bca.type"] === null && p.se === 0));
  const values = shown.map((p) =>
    [p.est, p.se, p["ci.perc.lower"], p["ci.perc.upper"], p["ci.bca.lower"], p["ci.bca.upper"]].map((x) => num(x)),
  );
  const widths = columnWidths([cols, ...values], [9, 9, 9, 9, 9, 9]);
  const out = [
    "",
    `Bootstrap Confidence Intervals (${pct}%):`,
    "",
    `${"".padEnd(26)}${rightCells(cols, widths)}  BCa type`,
  ];
  shown.forEach((p, k) => {
    const label = terminalSafe(name(p, multi));
    const type = `${p["bca.type"] ?? "n/a"}${p.extreme ? " (extreme)" : ""}`;
    out.push(
      `  ${(label.length > 24 ? `${label.slice(0, 23)}~` : label).padEnd(24)}` +
        `${rightCells(values[k]!, widths)}  ${type}`,
    );
  });
  out.push(
    "",
    "  Std.Err: standard deviation of the draws. perc: percentile interval (the ci.lower/ci.upper",
    "  of the estimates, lavaan's default boot.ci.type). bca: bias-corrected and accelerated",
    "  (jackknife acceleration); bca.simple: bias-corrected without acceleration; (extreme): an",
    "  endpoint is the smallest or largest draw, more draws are needed.",
  );
  return out;
}

export function bootstrapSection(b: BootstrapResult, multi: boolean): string[] {
  const seed = b.seedSource === "given" ? `${b.seed}` : `${b.seed} (random; --seed ${b.seed} repeats this run)`;
  const out = [
    "",
    "Bootstrap:",
    "",
    line("Type", "ordinary (rows resampled within groups)"),
    line("Seed", seed),
    ...drawLines(b.draws),
    line("Nonadmissible draws (negative variance), used", String(b.nonadmissible)),
    line("Jackknife (BCa acceleration)", b.jackknife.used ? `${b.jackknife.rows} refits` : "not used"),
  ];
  if (!b.jackknife.used) out.push(`    ${b.jackknife.note}`);
  out.push(line("Worker threads", String(b.threads)));
  if (b.threadNote !== "") out.push(`    ${b.threadNote}`);
  out.push(...intervalTable(b, multi));
  if (b.test !== undefined) {
    const t = b.test;
    out.push(
      "",
      "Bollen-Stine Bootstrap Test:",
      "",
      line("Test statistic", num(t.stat)),
      line("Degrees of freedom", String(t.df)),
      line("P-value (Bollen-Stine bootstrap)", num(t.pvalue)),
      line("Draws with a larger statistic", `${t["boot.larger"]} of ${t["boot.length"]}`),
      ...drawLines(t.draws),
    );
  }
  return out;
}
