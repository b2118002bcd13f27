/**
 * Small dense linear algebra for the PLS engine: matrices are arrays of rows (k x k, k the number
 * of constructs or of a block's items), solved by Gaussian elimination with partial pivoting.
 */

export type Mat = number[][];

/** A copy of the rows and columns `idx` of `m`. */
export function sub(m: readonly (readonly number[])[], rows: readonly number[], cols: readonly number[] = rows): Mat {
  return rows.map((i) => cols.map((j) => m[i]![j]!));
}

/** Solves A X = B for the columns of B (A square); null when A is singular. */
export function solveMany(A: readonly (readonly number[])[], B: readonly (readonly number[])[]): Mat | null {
  const n = A.length;
  const m = B[0]?.length ?? 0;
  const a = A.map((r) => r.slice());
  const b = B.map((r) => r.slice());
  let scale = 0;
  for (const r of a) for (const v of r) scale = Math.max(scale, Math.abs(v));
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[piv]![c]!)) piv = r;
    if (!(Math.abs(a[piv]![c]!) > 1e-13 * scale)) return null;
    if (piv !== c) {
      [a[c], a[piv]] = [a[piv]!, a[c]!];
      [b[c], b[piv]] = [b[piv]!, b[c]!];
    }
    const ac = a[c]!;
    const bc = b[c]!;
    for (let r = c + 1; r < n; r++) {
      const ar = a[r]!;
      const f = ar[c]! / ac[c]!;
      if (f === 0) continue;
      for (let k = c; k < n; k++) ar[k]! -= f * ac[k]!;
      const br = b[r]!;
      for (let k = 0; k < m; k++) br[k]! -= f * bc[k]!;
    }
  }
  const x: Mat = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (let r = n - 1; r >= 0; r--) {
    const ar = a[r]!;
    for (let k = 0; k < m; k++) {
      let s = b[r]![k]!;
      for (let j = r + 1; j < n; j++) s -= ar[j]! * x[j]![k]!;
      x[r]![k] = s / ar[r]!;
    }
  }
  return x;
}

/** Solves A x = b; null when A is singular. */
export function solve(A: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const x = solveMany(
    A,
    b.map((v) => [v]),
  );
  return x === null ? null : x.map((r) => r[0]!);
}

/** The inverse of A; null when singular. */
export function inverse(A: readonly (readonly number[])[]): Mat | null {
  const n = A.length;
  return solveMany(
    A,
    Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))),
  );
}

/** Mean and standard deviation (n - 1) of a column. */
export function meanSd(x: ArrayLike<number>): { mean: number; sd: number } {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    ss += d * d;
  }
  return { mean, sd: Math.sqrt(ss / (n - 1)) };
}

/** Pearson correlation of two columns. */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** The correlation matrix of columns. */
export function correlationMatrix(cols: readonly ArrayLike<number>[]): Mat {
  const k = cols.length;
  const out: Mat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    out[i]![i] = 1;
    for (let j = 0; j < i; j++) out[i]![j] = out[j]![i] = correlation(cols[i]!, cols[j]!);
  }
  return out;
}
