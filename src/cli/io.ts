/** File input and output for the commands: one-line errors, and writes that never leave half a file. */
import fs from "node:fs";
import path from "node:path";
import { InputError } from "../sem/messages.js";

export function readModelFile(file: string): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new InputError("E_FILE", `${file}: no such model file`);
  }
  if (st.isDirectory()) throw new InputError("E_FILE", `${file}: is a directory, not a model file`);
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new InputError("E_FILE", `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** Writes to a temporary file next to the target, then renames: readers never see a partial file. */
export function writeAtomic(file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new InputError("E_FILE", `${file}: the folder ${dir} does not exist`);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new InputError("E_FILE", `${file}: cannot be written (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}
