/**
 * An SVG document made ready to sit inline in an HTML page: the XML declaration, DOCTYPE and
 * comments removed, every id prefixed (two vega charts both define "clip1"; duplicate ids would
 * make one chart clip with the other's rectangle) and references to ids rewritten, and the title
 * given as an accessible label.
 */
import { escapeHtml } from "./escape.js";

export function inlineSvg(svg: string, prefix: string, label: string): string {
  const p = prefix.replace(/[^A-Za-z0-9_-]/g, "_");
  const body = svg
    .replace(/<\?xml[^>]*\?>/g, "")
    .replace(/<!DOCTYPE[^>]*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/\sid="([^"]+)"/g, (_m, id: string) => ` id="${p}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${p}-${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${p}-${id}"`)
    .trim();
  return body.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}" class="figure-svg"`);
}
