/**
 * Reference cases: folders holding data.csv, model.lav and lavaan.json (the lavaan 0.6.14
 * output, with the lavaan call's options and its median fit time). This module finds them and
 * translates the lavaan call into fitModel() options, or says why a case cannot be run yet.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ESTIMATORS } from "../../dist/sem/options.js";
import { FitOptionsSchema } from "../../dist/sem/options-schema.js";

/**
 * @typedef {object} ReferenceCase
 * @property {string} name     folder name
 * @property {string} source   "parity" or "extra"
 * @property {string} dir      absolute folder path
 * @property {any} lavaan      parsed lavaan.json
 */

/**
 * @typedef {object} OptionMapping
 * @property {Record<string, unknown>} [options] fitModel() options, when the case can run
 * @property {string} [skip]   why the case is skipped, when it cannot
 */

/**
 * Every case folder under `root` (one level deep) that has all three files, sorted by name.
 * A missing root yields no cases.
 * @param {string} root
 * @param {string} source
 * @returns {ReferenceCase[]}
 */
export function findCases(root, source) {
  if (!existsSync(root)) return [];
  const out = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(root, entry.name);
    const files = ["data.csv", "model.lav", "lavaan.json"];
    if (!files.every((f) => existsSync(join(dir, f)))) continue;
    const lavaan = JSON.parse(readFileSync(join(dir, "lavaan.json"), "utf8"));
    out.push({ name: entry.name, source, dir, lavaan });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * lavaan's options object; jsonlite writes an empty R list as [].
 * @param {any} lavaan
 * @returns {Record<string, unknown>}
 */
function lavaanOptions(lavaan) {
  const o = lavaan.options;
  return o && typeof o === "object" && !Array.isArray(o) ? o : {};
}

/**
 * A value that R may have written as a scalar or as a vector.
 * @param {unknown} v
 * @returns {string[]}
 */
function asList(v) {
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/**
 * Translates the lavaan call of a case (fun and options) into fitModel() options.
 * Estimators the engine does not have, missing-data methods other than listwise deletion
 * (unless the engine's options gain a `missing` entry) and unknown options make the case
 * skipped, with the reason.
 * @param {any} lavaan  parsed lavaan.json
 * @returns {OptionMapping}
 */
export function mapOptions(lavaan) {
  /** @type {Record<string, unknown>} */
  const options = {};
  if (lavaan.fun === "growth") options.growth = true;
  else if (lavaan.fun !== undefined && lavaan.fun !== "cfa" && lavaan.fun !== "sem") {
    return { skip: `lavaan function ${lavaan.fun}() has no counterpart` };
  }
  const engineKeys = new Set(Object.keys(FitOptionsSchema.shape));
  for (const [key, value] of Object.entries(lavaanOptions(lavaan))) {
    switch (key) {
      case "estimator": {
        const est = String(value).toUpperCase();
        if (!(/** @type {readonly string[]} */ (ESTIMATORS).includes(est)))
          return { skip: `estimator ${est} not implemented` };
        options.estimator = est;
        break;
      }
      case "missing": {
        const m = String(value).toLowerCase();
        if (m === "listwise") break;
        if (!engineKeys.has("missing")) return { skip: `missing = "${m}" not implemented` };
        options.missing = m;
        break;
      }
      case "std.lv":
        options.stdLv = Boolean(value);
        break;
      case "group":
        options.group = String(value);
        break;
      case "group.equal":
        options.groupEqual = asList(value);
        break;
      case "meanstructure":
        options.meanstructure = Boolean(value);
        break;
      case "fixed.x":
        options.fixedX = Boolean(value);
        break;
      default:
        return { skip: `lavaan option ${key} not mapped` };
    }
  }
  return { options };
}

/**
 * Relative difference of our chi-square from lavaan's (relative to max(0.1, |lavaan|)),
 * or null when either is missing.
 * @param {number | undefined} ours
 * @param {any} lavaan
 * @returns {number | null}
 */
export function chisqDifference(ours, lavaan) {
  const ref = lavaan?.fit?.chisq;
  if (typeof ours !== "number" || typeof ref !== "number") return null;
  return Math.abs(ours - ref) / Math.max(0.1, Math.abs(ref));
}
