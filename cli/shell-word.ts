/**
 * A word as a POSIX shell reads it back: as it is when made of `[\w./:=,@%+-]` only, else in
 * single quotes (a `'` inside written `'\\''`), so a suggested command can be pasted.
 * @example shellWord("a b.csv"); // => "'a b.csv'"
 */
export function shellWord(word: string): string {
  if (/^[\w./:=,@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}
