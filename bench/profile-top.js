/**
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time,
 * and the share of time under each function (inclusive "total" time), with file and line.
 *   node bench/profile-top.js PROFILE.cpuprofile [rows=25]
 */
import { readFileSync } from "node:fs";

/**
 * @typedef {object} ProfileNode
 * @property {number} id
 * @property {{ functionName: string, url: string, lineNumber: number }} callFrame
 * @property {number[]} [children]
 */

/**
 * @typedef {object} FunctionTime
 * @property {string} key    "name (file:line)"
 * @property {number} selfMs
 * @property {number} totalMs
 */

/**
 * Self and inclusive time per function (a function that recurses counts once per stack).
 * @param {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} profile
 * @returns {FunctionTime[]}
 */
export function functionTimes(profile) {
  /** @type {Map<number, ProfileNode>} */
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** @type {Map<number, number>} node id -> sampled ms */
  const nodeMs = new Map();
  profile.samples.forEach((id, i) => nodeMs.set(id, (nodeMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  /** @param {ProfileNode} n */
  const keyOf = (n) => {
    const f = n.callFrame;
    const file = f.url.replace(/^.*\/(dist|node_modules|bench)\//, "$1/");
    return `${f.functionName || "(anonymous)"} (${file || "native"}:${f.lineNumber + 1})`;
  };
  /** @type {Map<string, FunctionTime>} */
  const out = new Map();
  const entry = (/** @type {string} */ key) => {
    let e = out.get(key);
    if (e === undefined) out.set(key, (e = { key, selfMs: 0, totalMs: 0 }));
    return e;
  };
  for (const [id, ms] of nodeMs) {
    const node = byId.get(id);
    if (node === undefined) continue;
    entry(keyOf(node)).selfMs += ms;
    const seen = new Set();
    for (let cur = /** @type {number | undefined} */ (id); cur !== undefined; cur = parent.get(cur)) {
      const key = keyOf(/** @type {ProfileNode} */ (byId.get(cur)));
      if (seen.has(key)) continue;
      seen.add(key);
      entry(key).totalMs += ms;
    }
  }
  return [...out.values()];
}

if (process.argv[2] !== undefined) {
  const profile = JSON.parse(readFileSync(process.argv[2], "utf8"));
  const rows = Number(process.argv[3] ?? 25);
  const times = functionTimes(profile);
  const all = times.reduce((a, t) => a + t.selfMs, 0);
  const pct = (/** @type {number} */ ms) => `${((100 * ms) / all).toFixed(1).padStart(5)}%`;
  const show = (/** @type {string} */ title, /** @type {(t: FunctionTime) => number} */ by) => {
    console.log(`\n${title} (of ${all.toFixed(0)} ms sampled)`);
    for (const t of [...times].sort((a, b) => by(b) - by(a)).slice(0, rows)) {
      console.log(`${by(t).toFixed(1).padStart(10)} ms ${pct(by(t))}  ${t.key}`);
    }
  };
  show("self time", (t) => t.selfMs);
  show("total time (self + callees)", (t) => t.totalMs);
}
