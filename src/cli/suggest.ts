/** "Did you mean …": the closest known word to a typo, by edit distance. */

/** Optimal string alignment distance: Levenshtein plus swapping two neighbours (`buidl`). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Farthest a suggestion may be: a third of the word, at least 1 and at most 3 edits. */
const MAX_EDITS = 3;

/**
 * The known word closest to `word` (case-insensitive), or undefined when none is close: a
 * prefix of a known word counts as close (`--form` → `--format`).
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.min(MAX_EDITS, Math.floor(w.length / 3)));
  let best: { word: string; distance: number } | undefined;
  for (const k of known) {
    const distance = w.length >= 3 && k.startsWith(w) ? 1 : editDistance(w, k.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { word: k, distance };
  }
  return best?.word;
}
