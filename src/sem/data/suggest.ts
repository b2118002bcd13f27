/**
 * Close-name suggestions for names that are not found ("did you mean ...?").
 */

/** Levenshtein edit distance (insertions, deletions, substitutions each cost 1). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

interface Scored {
  name: string;
  rank: number;
  distance: number;
  prefix: number;
  order: number;
}

/**
 * Up to `max` candidates close to `name`: a case-insensitive match, an edit distance of
 * at most 2 (and less than the longer name's length), or one name a prefix of the other
 * (ignoring case, the shorter at least 2 characters long). Best first: case-insensitive
 * matches, then by edit distance, prefixes before others, then in the candidates' order.
 */
export function suggestNames(name: string, candidates: readonly string[], max = 3): string[] {
  const lower = name.toLowerCase();
  const scored: Scored[] = [];
  candidates.forEach((candidate, order) => {
    if (candidate === name) return;
    const other = candidate.toLowerCase();
    const distance = levenshtein(name, candidate);
    const sameIgnoringCase = other === lower;
    const shorter = Math.min(lower.length, other.length);
    const prefix = shorter >= 2 && (other.startsWith(lower) || lower.startsWith(other));
    const close = distance <= 2 && distance < Math.max(name.length, candidate.length);
    if (sameIgnoringCase || prefix || close) {
      scored.push({ name: candidate, rank: sameIgnoringCase ? 0 : 1, distance, prefix: prefix ? 0 : 1, order });
    }
  });
  scored.sort((x, y) => x.rank - y.rank || x.distance - y.distance || x.prefix - y.prefix || x.order - y.order);
  return scored.slice(0, max).map((s) => s.name);
}

/** `; did you mean "x1", "x0"?` or "" when nothing is close. */
export function didYouMean(name: string, candidates: readonly string[], max = 3): string {
  const names = suggestNames(name, candidates, max);
  return names.length === 0 ? "" : `; did you mean ${names.map((n) => `"${n}"`).join(", ")}?`;
}
