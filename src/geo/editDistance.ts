/** Levenshtein edit distance, for "did you mean" suggestions. */

/**
 * Levenshtein distance: the least number of single-character insertions, deletions and
 * substitutions turning `a` into `b`. Runs in `O(|a|·|b|)` time and `O(|b|)` memory (two rows).
 * Compares UTF-16 code units; callers pass {@link normalizeName}d names, which are accent-free.
 *
 * @example
 * editDistance("tapachula", "tapachla"); // => 1
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
