/**
 * `isrs app [--instrument FILE] [--norms NORMS.csv] [--lang en|es] [--embed-norm-data] [--out FILE.html]`:
 * the self-assessment page (src/app): one offline HTML file with the questionnaire, the diagnostic
 * computed in the page as `isrs score` computes it, exports, a consultant's mode and a CSV analysis.
 */
import path from "node:path";
import type { Command } from "commander";
import { appHtml } from "../../app/build.js";
import { LANGS, type Lang } from "../../app/payload.js";
import { bundledDatasetPath } from "../../instrument/index.js";
import { InputError } from "../../sem/messages.js";
import type { CommandContext } from "./fit.js";
import { addInstrumentOption, emit } from "./instrument-options.js";

interface AppFlags {
  instrument?: string;
  norms?: string;
  lang: string;
  embedNormData?: boolean;
  out?: string;
}

export function registerApp(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command("app")
    .description(
      "write the self-assessment page: one offline HTML file (questionnaire, diagnostic against the norms, " +
        "exports, consultant's mode, CSV analysis), computed in the browser",
    );
  addInstrumentOption(cmd)
    .option("--norms <file>", "norm sample (default: the bundled simulated 151-firm dataset)")
    .option("--lang <lang>", `language the page opens in: ${LANGS.join(" or ")}`, "en")
    .option("--embed-norm-data", "embed the norm data themselves, not only their summary (scores and weights)")
    .option("-o, --out <file>", "write the page to a file instead of standard output")
    .action(async (flags: AppFlags) => {
      if (!(LANGS as readonly string[]).includes(flags.lang))
        throw new InputError("E_USAGE", `--lang ${flags.lang}: use ${LANGS.join(" or ")}`);
      const html = await appHtml({
        ...(flags.instrument !== undefined ? { instrument: flags.instrument } : {}),
        norms: flags.norms ?? shownPath(bundledDatasetPath()),
        lang: flags.lang as Lang,
        embedNormData: flags.embedNormData === true,
        version: ctx.version,
      });
      emit(html, flags.out, ctx.stdout, { "instrument file": flags.instrument, "norms file": flags.norms });
    });
}

/** The bundled file relative to the working directory when it lies under it (as `isrs score` names it). */
function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}
