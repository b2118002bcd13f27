/**
 * The team view's tables: the agreement among the respondents per practice area (r_wg), and the
 * practices they disagree on most, with every respondent's answer.
 */
import type { Instrument } from "../../instrument/schema.js";
import { agreement, type ItemSpread } from "../agreement.js";
import { h } from "./dom.js";
import { formatNumber } from "./strings.js";
import type { TeamContext } from "./team.js";

export function agreementTable(instr: Instrument, spreads: ItemSpread[], c: TeamContext): HTMLElement {
  const { t, lang } = c;
  const rows = agreement(instr, spreads);
  return h(
    "table",
    { "data-testid": "agreement" },
    h("caption", { class: "sr-only" }, t("teamAgreement")),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, t("colTopic")),
        h("th", { scope: "col", class: "num" }, t("colRwg")),
        h("th", { scope: "col", class: "num" }, t("colSpread")),
      ),
    ),
    h(
      "tbody",
      {},
      rows.map((a) => {
        const label = instr.constructs.find((x) => x.id === a.construct)!.label;
        const sds = spreads.filter((s) => s.construct === a.construct && s.sd !== null).map((s) => s.sd!);
        const spread = sds.length > 0 ? sds.reduce((x, y) => x + y, 0) / sds.length : null;
        return h(
          "tr",
          {},
          h("th", { scope: "row" }, label),
          h(
            "td",
            { class: "num", "data-testid": `rwg-${a.construct}`, "data-value": a.rwg === null ? null : String(a.rwg) },
            a.rwg === null ? "–" : formatNumber(lang, a.rwg, 2),
            a.rwg !== null && a.rwg < 0.7 ? h("span", { class: "weak" }, ` (${t("weakAgreement")})`) : null,
          ),
          h("td", { class: "num" }, spread === null ? "–" : formatNumber(lang, spread, 2)),
        );
      }),
    ),
  );
}

export function disagreementTable(instr: Instrument, spreads: ItemSpread[], c: TeamContext): HTMLElement {
  const { t, lang } = c;
  const top = spreads
    .filter((s) => s.sd !== null)
    .sort(
      (a, b) =>
        b.sd! - a.sd! || instr.items.findIndex((i) => i.id === a.item) - instr.items.findIndex((i) => i.id === b.item),
    )
    .slice(0, 8);
  return h(
    "table",
    { "data-testid": "disagreement" },
    h("caption", { class: "sr-only" }, t("teamDisagree")),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, t("colStatement")),
        h("th", { scope: "col" }, t("colAnswers")),
        h("th", { scope: "col", class: "num" }, t("colMean")),
        h("th", { scope: "col", class: "num" }, t("colSd")),
      ),
    ),
    h(
      "tbody",
      {},
      top.map((s) =>
        h(
          "tr",
          {},
          h("td", {}, h("span", { class: "iid" }, s.item), " ", instr.items.find((i) => i.id === s.item)!.text),
          h(
            "td",
            {},
            h(
              "span",
              { class: "dots" },
              s.answers.map((a) => h("span", { class: "dot" }, a === null ? "·" : String(a))),
            ),
          ),
          h("td", { class: "num" }, formatNumber(lang, s.mean!, 2)),
          h("td", { class: "num" }, formatNumber(lang, s.sd!, 2)),
        ),
      ),
    ),
  );
}
