/**
 * Which observed variables are ordered (lavaan's `ordered =`: TRUE for all, or a list of names);
 * a listed name that is not an observed variable of the model is one line.
 */
import { InputError } from "../../messages.js";

export function orderedSpecs(
  ov: readonly string[],
  ordered: true | readonly string[],
): { name: string; ordered: boolean }[] {
  if (ordered !== true)
    for (const v of ordered)
      if (!ov.includes(v))
        throw new InputError(
          "E_NO_VARIABLE",
          `ordered variable '${v}' is not an observed variable of the model (${ov.join(", ")})`,
        );
  const asked = new Set(ordered === true ? ov : ordered);
  return ov.map((name) => ({ name, ordered: asked.has(name) }));
}
