/**
 * The PLS model syntax, lavaan-like: `C =~ x1 + x2` (mode A; a common factor under PLSc),
 * `C <~ x1 + x2` (mode B), `Y ~ A + B` (paths A -> Y, B -> Y); a measurement line whose right
 * side names constructs defines a higher-order construct. `#` starts a comment; a line ending in
 * `+` or an operator continues on the next. Errors point at the line and column with a caret
 * (ModelSyntaxError, as for lavaan models).
 */
import { InputError } from "../sem/messages.js";
import { SourceText } from "../sem/syntax/errors.js";
import type { PlsConstructSpec, PlsErrorCode, PlsPathSpec, PlsSpec } from "./types.js";

interface Tok {
  kind: "name" | "op" | "plus";
  text: string;
  line: number;
  column: number;
}

const NAME = /^[A-Za-z_.][A-Za-z0-9_.]*/;

function tokenizeLine(source: SourceText, lineNo: number): Tok[] {
  const line = source.lines[lineNo - 1]!;
  const out: Tok[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === "#") break;
    if (ch === " " || ch === "\t") {
      i++;
      continue;
    }
    const rest = line.slice(i);
    const two = rest.slice(0, 2);
    if (two === "=~" || two === "<~") {
      out.push({ kind: "op", text: two, line: lineNo, column: i + 1 });
      i += 2;
    } else if (ch === "~") {
      if (rest[1] === "~") throw source.error(lineNo, i + 1, "'~~' (covariances) has no meaning in a PLS model");
      out.push({ kind: "op", text: "~", line: lineNo, column: i + 1 });
      i++;
    } else if (ch === "+") {
      out.push({ kind: "plus", text: "+", line: lineNo, column: i + 1 });
      i++;
    } else {
      const m = NAME.exec(rest);
      if (m === null) throw source.error(lineNo, i + 1, `unexpected character '${ch}'`);
      out.push({ kind: "name", text: m[0], line: lineNo, column: i + 1 });
      i += m[0].length;
    }
  }
  return out;
}

/** Statements: the tokens of each line, a line ending in '+' or an operator joined with the next. */
function statements(source: SourceText): Tok[][] {
  const out: Tok[][] = [];
  let current: Tok[] = [];
  for (let l = 1; l <= source.lines.length; l++) {
    const toks = tokenizeLine(source, l);
    if (toks.length === 0) continue;
    current.push(...toks);
    const last = current[current.length - 1]!;
    if (last.kind === "plus" || last.kind === "op") continue;
    out.push(current);
    current = [];
  }
  if (current.length > 0) {
    const last = current[current.length - 1]!;
    throw source.error(last.line, last.column + last.text.length, "the model ends in the middle of a statement");
  }
  return out;
}

interface RawStatement {
  lhs: Tok;
  op: Tok;
  rhs: Tok[];
}

function parseStatement(source: SourceText, toks: Tok[]): RawStatement {
  const lhs = toks[0]!;
  if (lhs.kind !== "name") throw source.error(lhs.line, lhs.column, `expected a construct name, not '${lhs.text}'`);
  const op = toks[1];
  if (op === undefined) throw source.error(lhs.line, lhs.column + lhs.text.length, "expected '=~', '<~' or '~' here");
  if (op.kind !== "op") throw source.error(op.line, op.column, `expected '=~', '<~' or '~', not '${op.text}'`);
  const rhs: Tok[] = [];
  let i = 2;
  for (;;) {
    const t = toks[i];
    if (t === undefined) {
      const prev = toks[i - 1]!;
      throw source.error(prev.line, prev.column + prev.text.length, `'${op.text}' needs a right side`);
    }
    if (t.kind !== "name") throw source.error(t.line, t.column, `expected a name, not '${t.text}'`);
    rhs.push(t);
    const sep = toks[i + 1];
    if (sep === undefined) break;
    if (sep.kind !== "plus")
      throw source.error(sep.line, sep.column, `expected '+' or the end of the line, not '${sep.text}'`);
    i += 2;
  }
  return { lhs, op, rhs };
}

/**
 * Parses a PLS model. `file` names the model in messages. Throws a ModelSyntaxError (E_SYNTAX,
 * with line, column and caret) or an InputError (E_MODEL, E_PLS_CYCLE) for a model that cannot
 * be estimated: a construct in a path without indicators, an indicator in two blocks, a
 * construct defined twice, a path written twice, a cycle.
 */
export function parsePlsModel(text: string, file = "model"): PlsSpec {
  const source = new SourceText(text, file);
  const constructs: PlsConstructSpec[] = [];
  const paths: PlsPathSpec[] = [];
  const defined = new Map<string, RawStatement>();
  const raws = statements(source).map((toks) => parseStatement(source, toks));
  for (const s of raws) {
    if (s.op.text === "~") continue;
    const prev = defined.get(s.lhs.text);
    if (prev !== undefined)
      throw source.error(
        s.lhs.line,
        s.lhs.column,
        `construct ${s.lhs.text} is already defined on line ${prev.lhs.line}`,
      );
    defined.set(s.lhs.text, s);
  }
  const seenItem = new Map<string, { construct: string; line: number }>();
  for (const s of raws) {
    if (s.op.text === "~") continue;
    const names = s.rhs.map((t) => t.text);
    const isConstruct = names.map((nm) => defined.has(nm));
    const higherOrder = isConstruct.every(Boolean);
    if (!higherOrder && isConstruct.some(Boolean)) {
      const t = s.rhs[isConstruct.indexOf(true)]!;
      throw source.error(
        t.line,
        t.column,
        `${t.text} is a construct: a block is either indicators or (for a higher-order construct) constructs`,
      );
    }
    for (const t of s.rhs) {
      if (t.text === s.lhs.text) throw source.error(t.line, t.column, `${t.text} cannot measure itself`);
      const key = higherOrder ? `construct ${t.text}` : t.text;
      const other = seenItem.get(key);
      if (other !== undefined)
        throw source.error(
          t.line,
          t.column,
          other.construct === s.lhs.text
            ? `${t.text} is listed twice in ${s.lhs.text}`
            : `${t.text} is already in the block of ${other.construct} (line ${other.line}): ` +
                "an indicator belongs to one block",
        );
      seenItem.set(key, { construct: s.lhs.text, line: s.lhs.line });
    }
    constructs.push({
      name: s.lhs.text,
      mode: s.op.text === "<~" ? "B" : "A",
      indicators: names,
      higherOrder,
      line: s.lhs.line,
    });
  }
  for (const s of raws) {
    if (s.op.text !== "~") continue;
    const check = (t: Tok): void => {
      if (!defined.has(t.text))
        throw source.error(t.line, t.column, `construct ${t.text} has no indicators: define it with '=~' or '<~'`);
    };
    check(s.lhs);
    for (const t of s.rhs) {
      check(t);
      if (t.text === s.lhs.text) throw source.error(t.line, t.column, `${t.text} cannot predict itself`);
      if (paths.some((p) => p.from === t.text && p.to === s.lhs.text))
        throw source.error(t.line, t.column, `the path ${t.text} -> ${s.lhs.text} is written twice`);
      paths.push({ from: t.text, to: s.lhs.text, line: s.lhs.line });
    }
  }
  const spec: PlsSpec = { file, constructs, paths };
  checkStructure(spec);
  return spec;
}

function modelError(code: PlsErrorCode, message: string): InputError<PlsErrorCode> {
  return new InputError<PlsErrorCode>(code, message);
}

/** The structural checks: some path, every construct used, higher-order constructs in paths, no cycle. */
export function checkStructure(spec: PlsSpec): void {
  if (spec.paths.length === 0)
    throw modelError("E_MODEL", `${spec.file}: the model has no structural path ('Outcome ~ Predictor')`);
  const inPaths = new Set(spec.paths.flatMap((p) => [p.from, p.to]));
  const lower = new Set(spec.constructs.filter((c) => c.higherOrder).flatMap((c) => c.indicators));
  for (const c of spec.constructs) {
    if (c.higherOrder && !inPaths.has(c.name))
      throw modelError("E_MODEL", `${spec.file}:${c.line}: higher-order construct ${c.name} is in no structural path`);
    if (c.higherOrder && c.indicators.length < 2)
      throw modelError("E_MODEL", `${spec.file}:${c.line}: higher-order construct ${c.name} needs two dimensions`);
    if (lower.has(c.name) && inPaths.has(c.name))
      throw modelError(
        "E_MODEL",
        `${spec.file}:${c.line}: ${c.name} is a dimension of a higher-order construct and cannot be in a path too`,
      );
    if (!lower.has(c.name) && !inPaths.has(c.name))
      throw modelError("E_MODEL", `${spec.file}:${c.line}: construct ${c.name} is in no structural path`);
    if (c.higherOrder && c.indicators.some((d) => spec.constructs.find((x) => x.name === d)?.higherOrder))
      throw modelError("E_MODEL", `${spec.file}:${c.line}: ${c.name}: a higher-order construct of higher-order ones`);
  }
  const cycle = findCycle(spec.paths);
  if (cycle !== null) {
    const line = spec.paths.find((p) => p.from === cycle[cycle.length - 2] && p.to === cycle[cycle.length - 1])!.line;
    throw modelError(
      "E_PLS_CYCLE",
      `${spec.file}:${line}: the structural model has a cycle ${cycle.join(" -> ")}; PLS needs a recursive model`,
    );
  }
}

/** A cycle of the paths as a list of constructs ending where it starts, or null. */
export function findCycle(paths: readonly PlsPathSpec[]): string[] | null {
  const succ = new Map<string, string[]>();
  for (const p of paths) succ.set(p.from, [...(succ.get(p.from) ?? []), p.to]);
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (v: string): string[] | null => {
    state.set(v, 1);
    stack.push(v);
    for (const w of succ.get(v) ?? []) {
      const s = state.get(w);
      if (s === 1) return [...stack.slice(stack.indexOf(w)), w];
      if (s === undefined) {
        const c = visit(w);
        if (c !== null) return c;
      }
    }
    stack.pop();
    state.set(v, 2);
    return null;
  };
  for (const p of paths) {
    if (state.has(p.from)) continue;
    const c = visit(p.from);
    if (c !== null) return c;
  }
  return null;
}
