/**
 * `isrs diagram --model MODEL [--data DATA] [--out FILE.svg|.dot] [fit options]`: the path diagram
 * of a model; with data, of the fitted model, with standardized estimates and significance stars.
 */
import path from "node:path";
import type { Command } from "commander";
import { InputError } from "../../sem/messages.js";
import { buildParameterTable } from "../../sem/partable/build.js";
import { parseModel } from "../../sem/syntax/index.js";
import { graphFromFit, graphFromTable, type DiagramGraph } from "../../report/diagram/graph.js";
import { renderDiagram } from "../../report/diagram/render.js";
import { exitCodeFor } from "../exit-codes.js";
import { readModelFile, writeAtomic } from "../io.js";
import { addFitOptions, parseGroupEqual, type CliFitFlags } from "./fit-options.js";
import { loadAndFit, type CommandContext } from "./fit.js";

type DiagramFormat = "svg" | "dot";

/**
 * The format: --out's extension (.svg; .dot or .gv) and --format must agree when both are given;
 * a file name with another extension takes --format; standard output takes --format (svg by default).
 */
export function diagramFormat(out: string | undefined, format: string | undefined): DiagramFormat {
  if (format !== undefined && format !== "svg" && format !== "dot")
    throw new InputError("E_USAGE", `--format ${format}: use svg or dot`);
  if (out === undefined) return format ?? "svg";
  const ext = path.extname(out).toLowerCase();
  const byName: DiagramFormat | undefined =
    ext === ".svg" ? "svg" : ext === ".dot" || ext === ".gv" ? "dot" : undefined;
  if (byName === undefined) {
    if (format !== undefined) return format;
    throw new InputError("E_USAGE", `--out ${out}: the file name must end in .svg or .dot, or give --format svg|dot`);
  }
  if (format !== undefined && format !== byName)
    throw new InputError("E_USAGE", `--format ${format} and --out ${out} disagree: give one, or make them match`);
  return byName;
}

function unfittedGraph(flags: CliFitFlags): DiagramGraph {
  const syntax = parseModel(readModelFile(flags.model), { file: flags.model });
  const table = buildParameterTable({
    syntax,
    groupLabels: ["1"],
    options: {
      stdLv: flags.stdLv === true,
      meanstructure: false,
      growth: flags.growth === true,
      fixedX: flags.fixedX !== false,
      groupEqual: parseGroupEqual(flags.groupEqual),
    },
  });
  return graphFromTable(table);
}

export function registerDiagram(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command("diagram")
    .description("draw the path diagram of a model (with --data: of the fitted model, with standardized estimates)");
  addFitOptions(cmd, { modindices: false })
    .option("--data <file>", "CSV data: fit the model and label the paths with standardized estimates")
    .option("--format <format>", "svg (default) or dot; with --out, it must agree with the file's extension")
    .option(
      "-o, --out <file>",
      "write to FILE.svg or FILE.dot (the extension gives the format) instead of standard output",
    )
    .action(async (flags: CliFitFlags & { data?: string; format?: string; out?: string }) => {
      const format = diagramFormat(flags.out, flags.format);
      let graph: DiagramGraph;
      if (flags.data === undefined) {
        graph = unfittedGraph(flags);
      } else {
        const fit = await loadAndFit(flags.data, flags);
        graph = graphFromFit(fit);
        ctx.setExit(exitCodeFor(fit));
      }
      const d = await renderDiagram(graph, path.basename(flags.model));
      const text = format === "svg" ? d.svg : d.dot;
      if (flags.out !== undefined) writeAtomic(flags.out, text, { "model file": flags.model, "data file": flags.data });
      else ctx.stdout(text);
    });
}
