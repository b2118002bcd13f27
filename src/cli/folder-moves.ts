/**
 * Moving a finished report from its temporary folder into an existing folder as one transaction:
 * each step (a file of an earlier run set aside, a folder left empty by that removed, a folder
 * created, a file replaced or put in place) records how to undo it, and on the first failure
 * every step done is undone in reverse order. The files set aside stay in the temporary folder
 * until the caller removes it, so nothing is lost before the whole move has succeeded.
 */
import fs from "node:fs";
import path from "node:path";

export interface Move {
  /** remove: a file of an earlier run, set aside; put: a new file, moved in (replacing one) */
  kind: "remove" | "put";
  /** relative to the folder */
  name: string;
}

/** Moves `from` to `to`, creating `to`'s folder inside the temporary area. */
function moveInto(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.renameSync(from, to);
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Creates the missing folders of `dir` below `root`, recording each for undo. */
function makeDirs(root: string, dir: string, undo: (() => void)[]): void {
  if (dir === root || exists(dir)) return;
  makeDirs(root, path.dirname(dir), undo);
  fs.mkdirSync(dir);
  undo.push(() => fs.rmdirSync(dir));
}

/** Removes the folders left empty below `root` by the removals, deepest first, recording each for undo. */
function removeEmptyDirs(root: string, names: readonly string[], undo: (() => void)[]): void {
  const dirs = new Set<string>();
  for (const n of names) {
    for (let d = path.dirname(path.join(root, n)); d !== root && d.startsWith(root + path.sep); d = path.dirname(d))
      dirs.add(d);
  }
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
    if (fs.readdirSync(d).length > 0) continue;
    fs.rmdirSync(d);
    undo.push(() => fs.mkdirSync(d));
  }
}

export function commitMoves(root: string, staged: string, moves: readonly Move[]): void {
  const aside = path.join(staged, ".replaced");
  const undo: (() => void)[] = [];
  try {
    const removed: string[] = [];
    for (const m of moves.filter((x) => x.kind === "remove")) {
      const target = path.join(root, m.name);
      moveInto(target, path.join(aside, m.name));
      undo.push(() => fs.renameSync(path.join(aside, m.name), target));
      removed.push(m.name);
    }
    removeEmptyDirs(root, removed, undo);
    for (const m of moves.filter((x) => x.kind === "put")) {
      const target = path.join(root, m.name);
      const fresh = path.join(staged, m.name);
      makeDirs(root, path.dirname(target), undo);
      if (exists(target)) {
        moveInto(target, path.join(aside, m.name));
        undo.push(() => fs.renameSync(path.join(aside, m.name), target));
      }
      fs.renameSync(fresh, target);
      undo.push(() => fs.renameSync(target, fresh));
    }
  } catch (e) {
    for (const u of undo.reverse()) {
      try {
        u();
      } catch {
        // keep undoing the rest: each step restores its own file
      }
    }
    throw e;
  }
}
