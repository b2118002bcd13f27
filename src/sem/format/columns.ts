/**
 * Column layout of the text tables: a column is as wide as its usual width or as its widest cell
 * plus one space, whichever is more, so that neighbouring columns never run together however
 * wide the numbers get (a log-likelihood of -9105127.038 in a 12-wide column), and the rows of a
 * table stay aligned.
 */

/** The width of a right-aligned column of `cells`: at least `min`, always one more than the widest. */
export function columnWidth(cells: Iterable<string>, min: number): number {
  let w = min;
  for (const c of cells) w = Math.max(w, c.length + 1);
  return w;
}

/** Widths of the columns of `rows` (each row an array of cells), each at least `min`. */
export function columnWidths(rows: readonly (readonly string[])[], min: readonly number[]): number[] {
  return min.map((m, j) =>
    columnWidth(
      rows.map((r) => r[j] ?? ""),
      m,
    ),
  );
}

/** Cells right-aligned in their widths, joined; a cell wider than its width still gets a space before it. */
export function rightCells(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, j) => c.padStart(Math.max(widths[j] ?? 0, c.length + 1))).join("");
}

/** A label padded to `width`, with at least one space after it when it is longer. */
export function leftCell(label: string, width: number): string {
  return label.padEnd(Math.max(width, label.length + 1));
}
