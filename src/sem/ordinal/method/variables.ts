/**
 * The ordinal variables of a fit: which observed variables are ordered (lavaan's `ordered =`:
 * TRUE for all, or a list of names) and their categories, the distinct whole numbers observed
 * in any group (as R's ordered()); bad input is one line naming the variable.
 */
import type { DataSet } from "../../data/index.js";
import { InputError } from "../../messages.js";
import type { OrdinalVariable } from "../types.js";

/** lavaan refuses more categories than this for an ordered variable (and suggests treating it as continuous) */
const MAX_CATEGORIES = 20;

export function ordinalVariables(
  data: DataSet,
  ov: readonly string[],
  ordered: true | readonly string[],
): OrdinalVariable[] {
  const asked = ordered === true ? new Set(ov) : new Set(ordered);
  if (ordered !== true)
    for (const v of ordered)
      if (!ov.includes(v))
        throw new InputError("E_NO_VARIABLE", `--ordered ${v}: not an observed variable of the model`);
  const col = new Map(data.variables.map((v, i) => [v, i]));
  return ov.map((name) => {
    if (!asked.has(name)) return { name, ordered: false, levels: [] };
    const j = col.get(name)!;
    const p = data.variables.length;
    const seen = new Set<number>();
    for (const g of data.groups)
      for (let r = 0; r < g.n; r++) {
        const x = g.X[r * p + j]!;
        if (Number.isNaN(x)) continue;
        if (!Number.isInteger(x))
          throw new InputError(
            "E_NOT_NUMERIC",
            `${data.file}: row ${g.rowIds[r]}, column ${name}: ${x} is not a whole number (ordered variables ` +
              "hold category codes)",
          );
        seen.add(x);
      }
    const levels = [...seen].sort((a, b) => a - b);
    if (levels.length < 2)
      throw new InputError("E_CONSTANT", `${data.file}: ordered variable ${name} has only one observed category`);
    if (levels.length > MAX_CATEGORIES)
      throw new InputError(
        "E_MODEL",
        `${data.file}: ordered variable ${name} has ${levels.length} categories (more than ${MAX_CATEGORIES}): ` +
          "treat it as continuous",
      );
    return { name, ordered: true, levels };
  });
}
