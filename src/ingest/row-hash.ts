/** Duplicate rows found by hash, without keeping the rows (the importer's duplicate check). */

/**
 * Set of 53-bit row hashes → first line, in typed arrays with open addressing: a million rows take
 * 24 MB and no per-row objects (a Map of doubles would box every key).
 */
export class RowHashTable {
  private keys = new Float64Array(1024);
  private lines = new Int32Array(1024);
  private size = 0;

  /** The line stored for `hash`, or stores `line` and returns undefined. */
  getOrAdd(hash: number, line: number): number | undefined {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const key = hash + 1; // 0 marks an empty slot
    const mask = this.keys.length - 1;
    let i = (hash >>> 0) & mask;
    for (;;) {
      const k = this.keys[i]!;
      if (k === 0) {
        this.keys[i] = key;
        this.lines[i] = line;
        this.size++;
        return undefined;
      }
      if (k === key) return this.lines[i];
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldLines = this.lines;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.lines = new Int32Array(oldKeys.length * 2);
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i]) this.getOrAdd(oldKeys[i]! - 1, oldLines[i]!);
    }
  }
}

/** 53-bit hash of a row, for duplicate detection without keeping the rows. */
export function rowHash(cells: readonly string[]): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const t of cells) {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
    h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}
