/**
 * Writes a report's files into a folder, all or nothing:
 * - every file is first written into a temporary folder beside DIR; every clash is looked for
 *   before DIR is touched (a folder where a file must go, a file where a folder must go, an input
 *   of the command); then the finished files are moved in. On any error the moves are undone and
 *   DIR is as it was; a DIR that did not exist is created by one rename of the finished folder.
 * - DIR holds a manifest, `.isrs-report.json`, listing the files the run wrote. The next run into
 *   DIR removes the files of that list it does not write again (an earlier batch's firm folders),
 *   so DIR is always one run's complete, self-consistent report. A folder of firm reports
 *   (`firms/`) holding anything that is neither this run's nor listed (a folder of another tool,
 *   or of an isrs that wrote no manifest) makes the run refuse with one line: it is never removed.
 * - Files of DIR that are not the report's are left alone.
 */
import fs from "node:fs";
import path from "node:path";
import { InputError } from "../sem/messages.js";
import type { ReportFile } from "../report/document.js";
import { errnoText, refuseInputAsOutput, type InputFiles } from "./io.js";
import { commitMoves, type Move } from "./folder-moves.js";

export const MANIFEST = ".isrs-report.json";

export interface WrittenReport {
  /** the report's files as DIR/name */
  written: string[];
  /** files of an earlier run removed from DIR */
  removed: number;
}

function fileError(where: string, e: unknown, what = "cannot be written"): InputError {
  return e instanceof InputError ? e : new InputError("E_FILE", `${where}: ${what} (${errnoText(e)})`);
}

function lstat(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
}

/** The list of a manifest left in DIR by an earlier run; none when there is no readable one. */
function oldManifest(root: string): Set<string> {
  try {
    const doc = JSON.parse(fs.readFileSync(path.join(root, MANIFEST), "utf8")) as { tool?: unknown; files?: unknown };
    if (doc.tool !== "isrs" || !Array.isArray(doc.files)) return new Set();
    return new Set(doc.files.filter((f): f is string => typeof f === "string" && safeName(f)));
  } catch {
    return new Set();
  }
}

/** A relative name that stays inside the folder. */
function safeName(name: string): boolean {
  const norm = path.normalize(name);
  return norm !== "" && !path.isAbsolute(norm) && norm.split(path.sep).every((p) => p !== ".." && p !== "");
}

/** Files below `dir` (relative to `root`), folders included as "name/". */
function listTree(root: string, rel: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) out.push(`${r}${path.sep}`, ...listTree(root, r));
    else out.push(r);
  }
  return out;
}

/** "a/b/c" -> ["a/", "a/b/"]: the folders holding a file, as listTree names them. */
function ancestors(name: string): string[] {
  const parts = name.split(path.sep);
  return parts.slice(1).map((_, k) => `${parts.slice(0, k + 1).join(path.sep)}${path.sep}`);
}

/** Checks, before DIR is touched, that every new file can take its place. */
function checkTargets(dir: string, root: string, names: readonly string[], inputs: InputFiles): void {
  for (const name of names) {
    const parts = path.normalize(name).split(path.sep);
    for (let k = 1; k < parts.length; k++) {
      const st = lstat(path.join(root, ...parts.slice(0, k)));
      if (st === null) break;
      if (
        !st.isDirectory() &&
        !(st.isSymbolicLink() && fs.statSync(path.join(root, ...parts.slice(0, k))).isDirectory())
      )
        throw new InputError(
          "E_FILE",
          `${path.join(dir, ...parts.slice(0, k))}: cannot be written: ` +
            "a file of that name is where the report's folder must go",
        );
    }
    const target = path.join(root, name);
    const st = lstat(target);
    if (st?.isDirectory() === true)
      throw new InputError("E_FILE", `${path.join(dir, name)}: cannot be written: a folder of that name is in the way`);
    if (st !== null && !st.isFile() && !st.isSymbolicLink())
      throw new InputError("E_FILE", `${path.join(dir, name)}: cannot be written: it is not a regular file`);
    refuseInputAsOutput(target, inputs, "the report file");
  }
}

/**
 * The files of an earlier run to remove: those its manifest lists and this run does not write;
 * any other entry of a folder of firm reports that this run does not write refuses the run.
 */
function staleFiles(dir: string, root: string, names: readonly string[], inputs: InputFiles): string[] {
  const listed = oldManifest(root);
  const now = new Set(names.map((n) => path.normalize(n)));
  const stale = [...listed]
    .map((n) => path.normalize(n))
    .filter((n) => !now.has(n) && lstat(path.join(root, n))?.isFile());
  // folders holding one folder per item (firms/<id>/...): everything in them must be accounted for
  // a folder of one folder per item (firms/<id>/...): each entry is this run's, or wholly the last run's
  const items = new Set(
    names
      .map((n) => n.split("/"))
      .filter((p) => p.length >= 3)
      .map((p) => `${p[0]}/${p[1]}`),
  );
  const collections = new Set([...items].map((i) => i.split("/")[0]!));
  const known = new Set([...listed].flatMap((n) => ancestors(n)));
  for (const c of collections) {
    if (lstat(path.join(root, c))?.isDirectory() !== true) continue;
    for (const e of fs.readdirSync(path.join(root, c), { withFileTypes: true })) {
      const entry = path.join(c, e.name);
      if (items.has(entry)) continue;
      const tree = e.isDirectory() ? listTree(root, entry) : [entry];
      const foreign = tree.find((x) => !listed.has(x) && !known.has(x));
      if (foreign === undefined && (listed.has(entry) || known.has(`${entry}${path.sep}`))) continue;
      throw new InputError(
        "E_FILE",
        `${path.join(dir, foreign ?? entry)}: not written by this run and not listed in ${path.join(dir, MANIFEST)} ` +
          "(left by another program or an older isrs): remove it, or write the report elsewhere with --out",
      );
    }
  }
  for (const s of stale) refuseInputAsOutput(path.join(root, s), inputs, "a stale report file");
  return stale;
}

/** Writes the report, the manifest last, into a fresh temporary folder beside the target. */
function stage(parent: string, base: string, files: readonly ReportFile[]): string {
  const tmp = fs.mkdtempSync(path.join(parent, `.${base}.isrs-`));
  try {
    for (const f of files) {
      const target = path.join(tmp, f.name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, f.content);
    }
    const manifest = { tool: "isrs", note: "files written by isrs; the next run into this folder replaces them" };
    const doc = { ...manifest, files: files.map((f) => f.name) };
    fs.writeFileSync(path.join(tmp, MANIFEST), `${JSON.stringify(doc, null, 2)}\n`);
    return tmp;
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

function checkNames(root: string, files: readonly ReportFile[]): void {
  for (const f of files) {
    // names are made by the report from safe parts; refuse anything that would leave the folder
    if (!safeName(f.name) || f.name === MANIFEST || !path.resolve(root, f.name).startsWith(root + path.sep))
      throw new Error(`report file name ${f.name} leaves the report folder`);
  }
}

export function writeReportFiles(dir: string, files: readonly ReportFile[], inputs: InputFiles = {}): WrittenReport {
  let root = path.resolve(dir);
  const own = lstat(root);
  if (own?.isSymbolicLink() === true && statDir(root)) root = fs.realpathSync(root);
  else if (own !== null && !own.isDirectory()) throw new InputError("E_FILE", `${dir}: exists and is not a folder`);
  checkNames(root, files);
  const names = files.map((f) => f.name);
  const exists = own !== null;
  const stale = exists ? staleFiles(dir, root, names, inputs) : [];
  if (exists) checkTargets(dir, root, [...names, MANIFEST], inputs);
  const parent = path.dirname(root);
  let created: string | undefined;
  try {
    created = fs.mkdirSync(parent, { recursive: true });
  } catch (e) {
    throw fileError(parent, e, "cannot create the folder");
  }
  let tmp: string | undefined;
  try {
    tmp = stage(parent, path.basename(root), files);
    if (!exists) fs.renameSync(tmp, root);
    else commitMoves(root, tmp, plan(names, stale));
  } catch (e) {
    if (tmp !== undefined) fs.rmSync(tmp, { recursive: true, force: true });
    if (created !== undefined) fs.rmSync(created, { recursive: true, force: true });
    throw fileError(dir, e);
  }
  // the report is in place; the temporary folder holds only the replaced files now
  if (exists) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 2 });
  return { written: names.map((n) => path.join(dir, n)), removed: stale.length };
}

function statDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function plan(names: readonly string[], stale: readonly string[]): Move[] {
  return [
    ...stale.map((n): Move => ({ kind: "remove", name: n })),
    ...[...names, MANIFEST].map((n): Move => ({ kind: "put", name: n })),
  ];
}
