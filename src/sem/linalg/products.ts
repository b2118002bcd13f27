/**
 * Dense products on row-major Float64Array matrices: A B, A Bᵀ (register-blocked), dot products,
 * tr(A B), Xᵀ A X and the transpose. The hot path of the estimator, with the factorisations of
 * dense.ts.
 */

/** C = A B for row-major A (r×k) and B (k×c). */
export function matmul(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    const ri = i * k;
    const ro = i * c;
    for (let t = 0; t < k; t++) {
      const v = a[ri + t]!;
      if (v === 0) continue;
      const rt = t * c;
      for (let j = 0; j < c; j++) out[ro + j] += v * b[rt + j]!;
    }
  }
  return out;
}

/**
 * The 2×4 block of dot products of rows a0, a1 of `a` with the four rows b0, b0 + stride, … of `b`
 * over positions [from, to), written to out[o0..o0+3] and out[o1..o1+3]: eight running sums, so
 * that every value loaded is used in two or four multiply-adds.
 */
export function block24(
  a: Float64Array,
  a0: number,
  a1: number,
  b: Float64Array,
  b0: number,
  stride: number,
  from: number,
  to: number,
  out: Float64Array,
  o0: number,
  o1: number,
): void {
  const b1 = b0 + stride,
    b2 = b1 + stride,
    b3 = b2 + stride;
  let c00 = 0,
    c01 = 0,
    c02 = 0,
    c03 = 0,
    c10 = 0,
    c11 = 0,
    c12 = 0,
    c13 = 0;
  for (let t = from; t < to; t++) {
    const x0 = a[a0 + t]!,
      x1 = a[a1 + t]!;
    const y0 = b[b0 + t]!,
      y1 = b[b1 + t]!,
      y2 = b[b2 + t]!,
      y3 = b[b3 + t]!;
    c00 += x0 * y0;
    c01 += x0 * y1;
    c02 += x0 * y2;
    c03 += x0 * y3;
    c10 += x1 * y0;
    c11 += x1 * y1;
    c12 += x1 * y2;
    c13 += x1 * y3;
  }
  out[o0] = c00;
  out[o0 + 1] = c01;
  out[o0 + 2] = c02;
  out[o0 + 3] = c03;
  out[o1] = c10;
  out[o1 + 1] = c11;
  out[o1 + 2] = c12;
  out[o1 + 3] = c13;
}

/**
 * C = A Bᵀ for row-major A (m×k) and B (n×k): every entry a dot product of two contiguous rows.
 * Register-blocked: each pass over k computes a 2×4 block of C with eight running sums, so that
 * every value loaded is used in two or four multiply-adds (about twice the speed of one dot
 * product at a time on this machine; bench/README.md, "FIML profile, third pass").
 */
export function gemmNT(
  a: Float64Array,
  b: Float64Array,
  m: number,
  n: number,
  k: number,
  out = new Float64Array(m * n),
): Float64Array {
  let u = 0;
  for (; u + 1 < m; u += 2) {
    const a0 = u * k,
      a1 = a0 + k;
    const r0 = u * n,
      r1 = r0 + n;
    let v = 0;
    for (; v + 3 < n; v += 4) block24(a, a0, a1, b, v * k, k, 0, k, out, r0 + v, r1 + v);
    for (; v < n; v++) {
      out[r0 + v] = dot(a, a0, b, v * k, k);
      out[r1 + v] = dot(a, a1, b, v * k, k);
    }
  }
  for (; u < m; u++) for (let v = 0; v < n; v++) out[u * n + v] = dot(a, u * k, b, v * k, k);
  return out;
}

/** Σ_{t<len} x[xo+t]·y[yo+t] with four partial sums (shorter dependency chains). */
export function dot(x: Float64Array, xo: number, y: Float64Array, yo: number, len: number): number {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  let t = 0;
  for (; t + 3 < len; t += 4) {
    s0 += x[xo + t]! * y[yo + t]!;
    s1 += x[xo + t + 1]! * y[yo + t + 1]!;
    s2 += x[xo + t + 2]! * y[yo + t + 2]!;
    s3 += x[xo + t + 3]! * y[yo + t + 3]!;
  }
  for (; t < len; t++) s0 += x[xo + t]! * y[yo + t]!;
  return s0 + s1 + (s2 + s3);
}

/** tr(A B) = Σ_ij A_ij B_ji for square n×n A and B (row-major), without forming the product. */
export function traceProduct(A: Float64Array, B: Float64Array, n: number): number {
  let tr = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) tr += A[i * n + j]! * B[j * n + i]!;
  return tr;
}

/**
 * Xᵀ A X for X (n×q, typically sparse: a Jacobian) and symmetric A (n×n), row-major. Both
 * products skip the zeros of X: Xᵀ A costs nnz(X)·n and (XᵀA) X costs q·nnz(X), instead of the
 * q·n² of a dense second product.
 */
export function congruence(A: Float64Array, X: Float64Array, n: number, q: number): Float64Array {
  const XtA = matmul(transpose(X, n, q), A, q, n, n); // skips the zeros of Xᵀ
  const out = new Float64Array(q * q);
  for (let r = 0; r < n; r++) {
    const xr = r * q;
    for (let b = 0; b < q; b++) {
      const x = X[xr + b]!;
      if (x === 0) continue;
      for (let a = 0; a < q; a++) out[a * q + b] += XtA[a * n + r]! * x;
    }
  }
  return out;
}

/** Transpose of a row-major r×c matrix. */
export function transpose(a: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j]!;
  return out;
}
