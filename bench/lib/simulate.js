/**
 * Simulated correlated-factor CFA data for the large-model benchmarks: a seeded PRNG
 * (mulberry32), standard normals by Box-Muller, and a population with simple structure
 * (every indicator loads on one factor), unit-variance indicators and equal factor
 * correlations. The data are returned as an in-memory DataTable (cells as strings), the
 * same shape readTable() produces from a CSV file.
 */

/** @typedef {import("../../dist/sem/data/index.js").DataTable} DataTable */

/**
 * @typedef {object} CfaDesign
 * @property {number} factors       number of factors
 * @property {number} perFactor     indicators per factor
 * @property {number} n             sample size
 * @property {number} seed          PRNG seed (32-bit integer)
 * @property {number} [loadingMin]  smallest population loading (default 0.5)
 * @property {number} [loadingMax]  largest population loading (default 0.9)
 * @property {number} [factorCorrelation] correlation between every pair of factors (default 0.3)
 */

/**
 * mulberry32: a small 32-bit PRNG, uniform on [0, 1).
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard normal deviates by the Box-Muller transform (both deviates of a pair are used).
 * @param {() => number} uniform  a uniform [0, 1) generator
 * @returns {() => number}
 */
export function normalGenerator(uniform) {
  /** @type {number | null} */
  let spare = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const u1 = 1 - uniform(); // (0, 1]: log(u1) is finite
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
}

/**
 * Lower Cholesky factor of a small dense symmetric positive definite matrix.
 * @param {number[][]} a
 * @returns {number[][]}
 */
function cholesky(a) {
  const n = a.length;
  const l = a.map(() => new Array(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (s <= 0) throw new Error("factor correlation matrix is not positive definite");
        l[i][i] = Math.sqrt(s);
      } else {
        l[i][j] = s / l[j][j];
      }
    }
  }
  return l;
}

/**
 * lavaan syntax for the design: f1 =~ y1 + ... + y10, f2 =~ y11 + ..., one line per factor.
 * @param {CfaDesign} design
 * @returns {string}
 */
export function cfaModelText(design) {
  const lines = [];
  for (let f = 0; f < design.factors; f++) {
    const items = [];
    for (let i = 0; i < design.perFactor; i++) items.push(`y${f * design.perFactor + i + 1}`);
    lines.push(`f${f + 1} =~ ${items.join(" + ")}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * Draws a data set from the design's population:
 *   x = Λ η + ε,  η ~ N(0, Φ),  ε_j ~ N(0, 1 − λ_j²),  so that Var(x_j) = 1.
 * @param {CfaDesign} design
 * @returns {{ table: DataTable, loadings: number[] }}
 */
export function simulateCfa(design) {
  const { factors, perFactor, n } = design;
  const lo = design.loadingMin ?? 0.5;
  const hi = design.loadingMax ?? 0.9;
  const rho = design.factorCorrelation ?? 0.3;
  const uniform = mulberry32(design.seed);
  const normal = normalGenerator(uniform);
  const p = factors * perFactor;
  const loadings = Array.from({ length: p }, () => lo + (hi - lo) * uniform());
  const phi = Array.from({ length: factors }, (_, i) => Array.from({ length: factors }, (_, j) => (i === j ? 1 : rho)));
  const lphi = cholesky(phi);
  const columns = Array.from({ length: p }, (_, j) => `y${j + 1}`);
  /** @type {string[][]} */
  const rows = [];
  const z = new Float64Array(factors);
  const eta = new Float64Array(factors);
  for (let r = 0; r < n; r++) {
    for (let f = 0; f < factors; f++) z[f] = normal();
    for (let f = 0; f < factors; f++) {
      let s = 0;
      for (let k = 0; k <= f; k++) s += lphi[f][k] * z[k];
      eta[f] = s;
    }
    const row = new Array(p);
    for (let j = 0; j < p; j++) {
      const lambda = loadings[j];
      const x = lambda * eta[Math.floor(j / perFactor)] + Math.sqrt(1 - lambda * lambda) * normal();
      row[j] = x.toPrecision(7);
    }
    rows.push(row);
  }
  const lineOf = rows.map((_, i) => i + 2);
  const file = `<simulated ${factors}x${perFactor} CFA, N = ${n}, seed ${design.seed}>`;
  return { table: { file, columns, rows, lineOf, delimiter: ",", decimal: "." }, loadings };
}
