import type { Instrument } from "../../instrument/schema.js";
import type { Lang } from "../payload.js";
import { h } from "./dom.js";
import type { Strings } from "./strings.js";

export interface AnalyseContext {
  base: Instrument;
  lang: Lang;
  t: Strings;
  version: string;
  normData: string | null;
}

export function renderAnalyse(c: AnalyseContext): HTMLElement {
  return h("div", {}, h("h2", {}, c.t("analyseTitle")));
}
