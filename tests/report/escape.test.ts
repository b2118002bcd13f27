/** Escaping of data values for HTML, Markdown and DOT, and file names made from firm ids. */
import { describe, expect, it } from "vitest";
import {
  escapeDot,
  escapeDotLabel,
  escapeHtml,
  escapeMarkdown,
  escapeMarkdownLine,
  safeFileName,
} from "../../src/report/escape.js";

describe("escaping", () => {
  it("HTML: the five special characters become entities", () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;",
    );
    expect(escapeHtml("plain text 1.5")).toBe("plain text 1.5");
  });

  it("Markdown: tags and entities neutralised, syntax characters backslashed, one line", () => {
    expect(escapeMarkdown("a|b")).toBe("a\\|b");
    expect(escapeMarkdown("*x* _y_ [l](u)")).toBe("\\*x\\* \\_y\\_ \\[l\\](u)");
    expect(escapeMarkdown("<b>\nline")).toBe("&lt;b> line");
    expect(escapeMarkdown("</x> <!-- <?p <http://x>")).toBe("&lt;/x> &lt;!-- &lt;?p &lt;http://x>");
    expect(escapeMarkdown("p < .001, 3<4")).toBe("p < .001, 3<4"); // no tag can start here
    expect(escapeMarkdown("R&D &lt; &#60;")).toBe("R&D &amp;lt; &amp;#60;");
    expect(escapeMarkdown("-0.13")).toBe("-0.13"); // inside a table cell
    expect(escapeMarkdownLine("# title")).toBe("\\# title");
    expect(escapeMarkdownLine("1. first")).toBe("1\\. first");
    expect(escapeMarkdownLine("- item")).toBe("\\- item");
    expect(escapeMarkdownLine("> quote")).toBe("\\> quote");
  });

  it("DOT: backslash and double quote escaped, line breaks as \\n", () => {
    expect(escapeDot('say "hi"')).toBe('say \\"hi\\"');
    expect(escapeDot("a\\nb")).toBe("a\\\\nb");
    expect(escapeDot("two\nlines")).toBe("two\\nlines");
    // labels: & as an entity, since Graphviz passes entities in labels through to SVG
    expect(escapeDotLabel("R&D <x>")).toBe("R&amp;D <x>");
  });

  it("file names from ids: no separators, never . or ..", () => {
    expect(safeFileName("../etc/passwd")).toBe("__etc_passwd");
    expect(safeFileName("..")).toBe("_");
    expect(safeFileName("")).toBe("_");
    expect(safeFileName("Firm 12/ä")).toBe("Firm_12_a");
    expect(safeFileName("F-001.b")).toBe("F-001.b");
  });
});
