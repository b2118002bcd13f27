/**
 * Checks of one group's incomplete data (full-information ML): every variance and covariance of
 * the unrestricted model must be estimable from the rows that observe it. lavaan only warns when
 * a pair of variables is never observed together ("0% coverage") and then fails later or returns
 * an arbitrary covariance; here the input is refused with the variables named:
 * - a variable observed in fewer than 2 rows of a group (no variance);
 * - a variable whose observed values are all equal (E_CONSTANT);
 * - two variables never observed in the same row (their covariance is not identified).
 */
import { InputError } from "../messages.js";
import type { Bucket, DataSetGroup } from "./dataset.js";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function checkedIncompleteGroup(
  file: string,
  bucket: Bucket,
  variables: string[],
  grouped: boolean,
): DataSetGroup {
  const n = bucket.rowIds.length;
  const X = Float64Array.from(bucket.values);
  const where = { file, variables, inGroup: grouped ? ` in group "${bucket.label}"` : "", grouped };
  const c = coverage(X, n, variables.length);
  checkVariables(c, where);
  checkPairs(c, where);
  return { label: bucket.label, n, X, rowIds: bucket.rowIds };
}

interface Coverage {
  p: number;
  /** rows observing both i and j (lower triangle, i ≥ j; the diagonal: rows observing i) */
  count: Int32Array;
  /** each variable's first observed value, and whether another value differs from it */
  first: Float64Array;
  varies: Uint8Array;
}

/** What the messages name: the data file, the variables, and the group (" in group ..." or ""). */
interface Where {
  file: string;
  variables: readonly string[];
  inGroup: string;
  grouped: boolean;
}

function coverage(X: Float64Array, n: number, p: number): Coverage {
  const count = new Int32Array(p * p);
  const first = new Float64Array(p).fill(NaN);
  const varies = new Uint8Array(p);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < p; i++) {
      const x = X[r * p + i]!;
      if (Number.isNaN(x)) continue;
      if (Number.isNaN(first[i]!)) first[i] = x;
      else if (x !== first[i]) varies[i] = 1;
      for (let j = 0; j <= i; j++) if (!Number.isNaN(X[r * p + j]!)) count[i * p + j]++;
    }
  }
  return { p, count, first, varies };
}

/** Every variable observed in at least 2 rows, with at least two different values. */
function checkVariables({ p, count, first, varies }: Coverage, { file, variables, inGroup, grouped }: Where): void {
  for (let i = 0; i < p; i++) {
    const c = count[i * p + i]!;
    if (c === 0) {
      throw new InputError(
        "E_ALL_MISSING",
        `${file}: model variable "${variables[i]}" is ` +
          `missing in every row${inGroup}; drop it from the ` +
          `model${grouped ? " or the group" : ""}`,
      );
    }
    if (c < 2) {
      throw new InputError(
        "E_COVERAGE",
        `${file}: model variable "${variables[i]}" is ` +
          `observed in only ${plural(c, "row")}${inGroup}: its ` +
          `variance cannot be estimated; at least 2 are needed`,
      );
    }
    if (varies[i] === 0) {
      throw new InputError(
        "E_CONSTANT",
        `${file}: variable "${variables[i]}" is constant (every observed value is ${first[i]})${inGroup}`,
      );
    }
  }
}

/** Every pair of variables observed together in some row. */
function checkPairs({ p, count }: Coverage, { file, variables, inGroup }: Where): void {
  for (let i = 0; i < p; i++)
    for (let j = 0; j < i; j++) {
      if (count[i * p + j] === 0) {
        throw new InputError(
          "E_COVERAGE",
          `${file}: variables "${variables[j]}" and ` +
            `"${variables[i]}" are never observed in the same ` +
            `row${inGroup}: their covariance cannot be estimated with --missing fiml`,
        );
      }
    }
}
