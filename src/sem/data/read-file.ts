/**
 * Reading a data file from disk (Node only): the file's problems (missing, a directory, unreadable,
 * empty) as one InputError line naming it, then `tableFromText` for its contents.
 */
import { readFileSync, statSync } from "node:fs";
import { InputError } from "../messages.js";
import { tableFromText, type DataTable, type ReadTableOptions } from "./csv.js";

export function readTable(path: string, options: ReadTableOptions = {}): DataTable {
  return tableFromText(readText(path), path, options);
}

function readText(path: string): string {
  let buffer: Buffer;
  try {
    if (statSync(path).isDirectory()) {
      throw new InputError("E_FILE", `${path}: is a directory, not a data file`);
    }
    buffer = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fileError(path, error);
  }
  if (buffer.length === 0) throw new InputError("E_EMPTY", `${path}: the file is empty (0 bytes)`);
  return buffer.toString("utf8");
}

function fileError(path: string, error: unknown): InputError {
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  if (code === "ENOENT") return new InputError("E_FILE", `${path}: no such file`);
  if (code === "ENOTDIR")
    return new InputError("E_FILE", `${path}: no such file (a part of the path is not a directory)`);
  if (code === "EACCES" || code === "EPERM") {
    return new InputError("E_FILE", `${path}: cannot be read (permission denied)`);
  }
  const reason = code !== "" ? code : error instanceof Error ? error.message : String(error);
  return new InputError("E_FILE", `${path}: cannot be read (${reason})`);
}
