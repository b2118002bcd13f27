#!/usr/bin/env node
/**
 * Lists the functions longer than MIN lines in the given folders (the TypeScript compiler parses
 * them), longest first, to find the ones to split: node scripts/long-functions.mjs 60 src/sem src/cli
 * (folders or files)
 */
import ts from "typescript";
import fs from "node:fs";
import path from "node:path";
const [min, ...dirs] = process.argv.slice(2);
const files = [];
const walk = (d) => {
  if (fs.statSync(d).isFile()) return void files.push(d);
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith(".ts")) files.push(p);
  }
};
dirs.forEach(walk);
const out = [];
for (const f of files) {
  const src = ts.createSourceFile(f, fs.readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true);
  const visit = (n) => {
    if (
      ts.isFunctionDeclaration(n) ||
      ts.isMethodDeclaration(n) ||
      ts.isArrowFunction(n) ||
      ts.isFunctionExpression(n)
    ) {
      const a = src.getLineAndCharacterOfPosition(n.getStart()).line,
        b = src.getLineAndCharacterOfPosition(n.getEnd()).line;
      let name = n.name?.getText?.() ?? (ts.isVariableDeclaration(n.parent) ? n.parent.name.getText() : "(anon)");
      if (b - a + 1 >= +min) out.push([b - a + 1, `${f}:${a + 1} ${name}`]);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
}
out.sort((x, y) => y[0] - x[0]).forEach(([n, s]) => console.log(n, s));
