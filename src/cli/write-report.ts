/**
 * Writes a report's files into a folder: the folder (and sub-folders) are created when missing,
 * nothing already there is removed, and each file is written atomically (io.ts: a temporary file
 * next to it, then a rename). The files are all rendered before the first is written, so bad input
 * leaves nothing behind.
 */
import fs from "node:fs";
import path from "node:path";
import { InputError } from "../sem/messages.js";
import type { ReportFile } from "../report/document.js";
import { writeAtomic } from "./io.js";

export function writeReportFiles(dir: string, files: readonly ReportFile[]): string[] {
  const root = path.resolve(dir);
  if (fs.existsSync(root) && !fs.statSync(root).isDirectory())
    throw new InputError("E_FILE", `${dir}: exists and is not a folder`);
  const written: string[] = [];
  for (const f of files) {
    const target = path.resolve(root, f.name);
    // names are made by the report from safe parts; refuse anything that would leave the folder
    if (!target.startsWith(root + path.sep)) throw new Error(`report file name ${f.name} leaves the report folder`);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
    } catch (e) {
      throw new InputError(
        "E_FILE",
        `${path.dirname(target)}: cannot create the folder (${(e as NodeJS.ErrnoException).code ?? "error"})`,
      );
    }
    writeAtomic(target, f.content);
    written.push(path.join(dir, f.name));
  }
  return written;
}
