/** Shared pieces of the invariance tests: the HS-by-school data and model, and a tolerance check. */
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { readTable } from "../../src/sem/data/read-file.js";
import { parseModel, type ModelSyntax } from "../../src/sem/syntax/index.js";
import type { FitInput } from "../../src/sem/fit-model.js";

export const FIXTURES = path.resolve(__dirname, "../fixtures/invariance");
export const HS_DATA = path.join(FIXTURES, "hs-school/data.csv");
export const HS_MODEL = path.join(FIXTURES, "hs-school/model.lav");

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8")) as T;
}

export function hsInput(model: string | ModelSyntax, options: Record<string, unknown> = {}): FitInput {
  const syntax = typeof model === "string" ? parseModel(model, { file: "model.lav" }) : model;
  return { syntax, data: readTable(HS_DATA), options: { group: "school", ...options } };
}

export function hsModel(): string {
  return fs.readFileSync(HS_MODEL, "utf8");
}

/** |actual − expected| ≤ rel·|expected| + abs; null expects null. */
export function near(
  actual: number | null | undefined,
  expected: number | null,
  what: string,
  rel = 1e-3,
  abs = 1e-6,
): void {
  if (expected === null) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(actual, what).not.toBeUndefined();
  const tol = rel * Math.abs(expected) + abs;
  if (!(Math.abs(actual! - expected) <= tol)) expect.fail(`${what}: ${actual} is not within ${tol} of ${expected}`);
}
