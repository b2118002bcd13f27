/**
 * Parsing helpers for the report tests: HTML (and inline SVG) with parse5, XML well-formedness with fast-xml-parser.
 */
import { parse, parseFragment } from "parse5";
import { XMLValidator } from "fast-xml-parser";

export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

interface P5Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  value?: string;
  content?: P5Node;
}

function convert(n: P5Node): El {
  const kids = [...(n.childNodes ?? []), ...(n.content?.childNodes ?? [])];
  const children: El[] = [];
  let text = "";
  for (const c of kids) {
    if (c.nodeName === "#text") text += c.value ?? "";
    else if (c.tagName !== undefined) {
      const el = convert(c);
      children.push(el);
      text += el.text;
    }
  }
  return {
    tag: n.tagName ?? n.nodeName,
    attrs: Object.fromEntries((n.attrs ?? []).map((a) => [a.name, a.value])),
    children,
    text,
  };
}

export function parseHtml(html: string): El {
  return convert(parse(html) as unknown as P5Node);
}

/** An SVG document as a tree (the XML prolog is dropped; parse5 parses SVG as foreign content). */
export function parseSvg(svg: string): El {
  const body = svg.replace(/<\?xml[^>]*\?>/, "").replace(/<!DOCTYPE[^>]*>/i, "");
  return convert(parseFragment(body) as unknown as P5Node);
}

export function isWellFormedXml(s: string): true | string {
  const r = XMLValidator.validate(s);
  return r === true ? true : `${r.err.msg} at line ${r.err.line}`;
}

export function all(root: El, pred: (e: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (e: El): void => {
    if (pred(e)) out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

export const byTag = (root: El, tag: string): El[] => all(root, (e) => e.tag === tag);
export const byClass = (root: El, cls: string): El[] =>
  all(root, (e) => (e.attrs.class ?? "").split(/\s+/).includes(cls));
export const titleOf = (e: El): string => e.children.find((c) => c.tag === "title")?.text ?? "";
