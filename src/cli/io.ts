/**
 * File input and output for the commands: one-line errors, and writes that never leave half a file
 * nor destroy what `--out` names.
 *
 * How `--out FILE` is written, as coreutils' tools do (`sort -o`, `tee`, a shell redirection):
 * - FILE missing, or a regular file: the text goes to a temporary file in the same folder, which is
 *   then renamed over FILE (readers never see half a file; an existing file keeps its mode).
 * - FILE a symbolic link: it is followed (a chain of them too) and its target is written as above;
 *   the link stays a link. A dangling link gets its target created.
 * - FILE a device, a FIFO or another file that is not a regular one (`/dev/null`, `/dev/stdout`, a
 *   named pipe): it is opened and written through, never replaced. A FIFO blocks until a reader
 *   opens it, as with `tee`. A write error (`/dev/full`: ENOSPC) is one line, exit code 2.
 * - FILE a folder: refused with one line.
 * - FILE one of the command's inputs (the same file by device and inode, whatever the spelling, a
 *   symbolic or a hard link): refused with one line, before anything is written.
 */
import fs from "node:fs";
import path from "node:path";
import { InputError } from "../sem/messages.js";

/** A command's input files by their role ("data file", "model file", ...); undefined: not given. */
export type InputFiles = Readonly<Record<string, string | undefined>>;

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
    throw new InputError("E_FILE", `${file}: cannot be read (${errnoText(e)})`);
  }
}

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOSPC: "no space left on the device",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  EPIPE: "the reader closed the pipe",
  ENXIO: "nothing is reading it",
  EISDIR: "is a folder",
  ENOTDIR: "a part of the path is not a folder",
  ELOOP: "too many symbolic links",
  EXDEV: "another file system",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large",
  EIO: "input/output error",
};

/** "ENOSPC: no space left on the device", or the bare code. */
export function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? "error";
  const text = ERRNO_TEXT[code];
  return text === undefined ? code : `${code}: ${text}`;
}

function writeError(file: string, e: unknown): InputError {
  return e instanceof InputError ? e : new InputError("E_FILE", `${file}: cannot be written (${errnoText(e)})`);
}

function statOrNull(file: string, follow: boolean): fs.Stats | null {
  try {
    return follow ? fs.statSync(file) : fs.lstatSync(file);
  } catch {
    return null;
  }
}

/**
 * Refuses an output path that is one of the inputs: the same regular file by device and inode
 * (another spelling, a symbolic link or a hard link of it is caught). Nothing there: no clash.
 */
export function refuseInputAsOutput(out: string, inputs: InputFiles, what = "--out"): void {
  const o = statOrNull(out, true);
  if (o === null || !o.isFile()) return;
  for (const [role, input] of Object.entries(inputs)) {
    if (input === undefined) continue;
    const s = statOrNull(input, true);
    if (s !== null && s.dev === o.dev && s.ino === o.ino)
      throw new InputError(
        "E_FILE",
        `${what} ${out}: is the ${role} ${input}; writing there would destroy it: choose another file`,
      );
  }
}

/** The file a chain of symbolic links ends at, existing or not (a dangling link's target). */
function linkTarget(file: string): string {
  let p = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    const st = statOrNull(p, false);
    if (st === null || !st.isSymbolicLink()) {
      const dir = statOrNull(path.dirname(p), true);
      // the folder's own links resolved, so that the temporary file lands beside the real file
      return dir?.isDirectory() === true ? path.join(fs.realpathSync(path.dirname(p)), path.basename(p)) : p;
    }
    p = path.resolve(path.dirname(p), fs.readlinkSync(p));
  }
  throw new InputError("E_FILE", `${file}: cannot be written (${errnoText({ code: "ELOOP" })})`);
}

/**
 * Opens and writes a device, a FIFO or any other file that must not be replaced; `append` for a
 * regular file reached through /dev/stdout and the like, whose earlier content is not ours.
 */
function writeThrough(file: string, text: string, append = false): void {
  let fd: number;
  try {
    fd = fs.openSync(file, append ? "a" : "w");
  } catch (e) {
    throw new InputError("E_FILE", `${file}: cannot be opened for writing (${errnoText(e)})`);
  }
  try {
    fs.writeFileSync(fd, text);
  } catch (e) {
    throw writeError(file, e);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // the write itself has been reported or has succeeded; a failing close adds nothing to say
    }
  }
}

/** A temporary file created beside `target` (O_EXCL: never through a link planted there), renamed over it. */
function replaceAtomically(shown: string, target: string, text: string, mode: number | undefined): void {
  const dir = path.dirname(target);
  const st = statOrNull(dir, true);
  if (st === null) throw new InputError("E_FILE", `${shown}: the folder ${dir} does not exist`);
  if (!st.isDirectory()) throw new InputError("E_FILE", `${shown}: ${dir} is not a folder`);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { flag: "wx" });
    if (mode !== undefined) fs.chmodSync(tmp, mode & 0o7777);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw writeError(shown, e);
  }
}

/**
 * Writes `text` to `file` by the rules at the top of this file; `inputs` are the command's input
 * files, which `file` must not be.
 */
export function writeAtomic(file: string, text: string, inputs: InputFiles = {}): void {
  checkOutput(file, inputs);
  const own = statOrNull(file, false);
  const st = own?.isSymbolicLink() === true ? statOrNull(file, true) : own;
  if (st !== null && !st.isFile()) return writeThrough(file, text);
  if (own?.isSymbolicLink() === true && isProcessLink(file)) return writeThrough(file, text, true);
  const target = own?.isSymbolicLink() === true ? linkTarget(file) : path.resolve(file);
  replaceAtomically(file, target, text, st?.mode);
}

/**
 * The refusals of writeAtomic, without writing: a folder, an input of the command. A command
 * writing more than one output calls it first, so that a refused one leaves the others unwritten.
 */
export function checkOutput(file: string, inputs: InputFiles = {}): void {
  refuseInputAsOutput(file, inputs);
  if (statOrNull(file, true)?.isDirectory() === true)
    throw new InputError("E_FILE", `${file}: is a folder; give the name of a file to write`);
}

/** /dev/stdout, /dev/fd/N, /proc/self/fd/N: an open file of this process, written where it points. */
function isProcessLink(file: string): boolean {
  return /^\/(dev\/(stdout|stderr|fd\/\d+)|proc\/(self|\d+)\/fd\/\d+)$/.test(path.resolve(file));
}
