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

/** The format from --out's extension, else --format. */
export function diagramFormat(out: string | undefined, format: string): DiagramFormat {
  if (out !== undefined) {
    const ext = path.extname(out).toLowerCase();
    if (ext === ".svg") return "svg";
    if (ext === ".dot" || ext === ".gv") return "dot";
    throw new InputError("E_USAGE", `--out ${out}: the file name must end in .svg or .dot`);
  }
  if (format !== "svg" && format !== "dot") throw new InputError("E_USAGE", `--format ${format}: use svg or dot`);
  return format;
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
  addFitOptions(cmd)
    .option("--data <file>", "CSV data: fit the model and label the paths with standardized estimates")
    .option("--format <format>", "svg or dot, when writing to standard output", "svg")
    .option("-o, --out <file>", "write to FILE.svg or FILE.dot instead of standard output")
    .action(async (flags: CliFitFlags & { data?: string; format: string; out?: string }) => {
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
