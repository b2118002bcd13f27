/**
 * The questionnaire: firm name and respondent role, then every item of the instrument grouped by
 * construct (practice areas, then outcomes), each construct with its question and the scale's
 * anchor labels. Each item is a fieldset (its statement is the legend) of radio buttons named by
 * the item id with the scale points as values; each button's accessible name is the point and its
 * anchor label. Answers change `state` through `onChange`.
 */
import { constructsOf, itemsOf } from "../../instrument/constructs.js";
import type { Instrument, Scale } from "../../instrument/schema.js";
import type { Respondent } from "./answers.js";
import { h } from "./dom.js";
import type { Strings } from "./strings.js";

function points(scale: Scale): number[] {
  return Array.from({ length: scale.max - scale.min + 1 }, (_, k) => scale.min + k);
}

function anchorOf(scale: Scale, p: number): string {
  return scale.anchors.find((a) => a.value === p)?.label ?? "";
}

function itemField(id: string, text: string, scale: Scale, state: Respondent, onChange: () => void): HTMLElement {
  return h(
    "fieldset",
    { class: "item", id: `q-${id}` },
    h("legend", {}, h("span", { class: "iid" }, id), " ", text),
    h(
      "div",
      { class: "points" },
      points(scale).map((p) =>
        h(
          "label",
          { class: "point" },
          h("input", {
            type: "radio",
            name: id,
            value: p,
            checked: state.answers[id] === p,
            onchange: () => {
              state.answers[id] = p;
              onChange();
            },
          }),
          h("span", { class: "pt", "aria-hidden": "true" }, String(p)),
          h("span", { class: "sr-only" }, `${p}: ${anchorOf(scale, p)}`),
          h("span", { class: "anchor-inline", "aria-hidden": "true" }, anchorOf(scale, p)),
        ),
      ),
    ),
  );
}

function anchorsRow(scale: Scale): HTMLElement {
  return h(
    "div",
    { class: "anchors", "aria-hidden": "true" },
    h("span", { class: "anchors-spacer" }),
    points(scale).map((p) => h("span", { class: "anchor" }, h("b", {}, String(p)), anchorOf(scale, p))),
  );
}

export function renderQuestionnaire(
  instr: Instrument,
  state: Respondent,
  t: Strings,
  onChange: () => void,
): HTMLElement[] {
  const firm = h("input", {
    id: "firm-name",
    type: "text",
    autocomplete: "organization",
    value: state.firm,
    oninput: (e: Event) => {
      state.firm = (e.target as HTMLInputElement).value;
      onChange();
    },
  });
  const role = h("input", {
    id: "role",
    type: "text",
    autocomplete: "organization-title",
    placeholder: t("rolePlaceholder"),
    value: state.role,
    oninput: (e: Event) => {
      state.role = (e.target as HTMLInputElement).value;
      onChange();
    },
  });
  const who = h(
    "div",
    { class: "who" },
    h("div", { class: "field" }, h("label", { for: "firm-name" }, t("firmName")), firm),
    h("div", { class: "field" }, h("label", { for: "role" }, t("role")), role),
  );
  const constructs = [...constructsOf(instr, "dimension"), ...constructsOf(instr, "outcome")];
  const sections = constructs.map((c, k) => {
    const scale = instr.scales.find((x) => x.id === c.scale)!;
    return h(
      "section",
      { class: "construct", "aria-labelledby": `c-${c.id}` },
      h("h2", { id: `c-${c.id}` }, `${k + 1}. ${c.label}`),
      h("p", { class: "stem" }, c.stem),
      h(
        "p",
        { class: "scale-note" },
        `${t("scaleOf")}: ${scale.anchors.map((a) => `${a.value} = ${a.label}`).join("; ")}`,
      ),
      anchorsRow(scale),
      itemsOf(instr, c.id).map((it) => itemField(it.id, it.text, scale, state, onChange)),
    );
  });
  return [who, ...sections];
}
