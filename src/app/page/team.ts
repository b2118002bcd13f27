import type { Instrument } from "../../instrument/schema.js";
import type { NormSummary } from "../../instrument/score.js";
import type { Lang } from "../payload.js";
import type { Respondent } from "./answers.js";
import { h } from "./dom.js";
import type { Strings } from "./strings.js";

export interface TeamContext {
  base: Instrument;
  lang: Lang;
  t: Strings;
  norms: NormSummary;
  version: string;
  mine: Respondent;
}

export function renderTeam(c: TeamContext): HTMLElement {
  return h("div", {}, h("h2", {}, c.t("teamTitle")));
}
