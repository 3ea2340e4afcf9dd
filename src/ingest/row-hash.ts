/** Duplicate rows found by hash, without keeping the rows (the importer's duplicate check). */
import { normalizeKey } from "./normalize.ts";

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

const FLOAT = new Float64Array(1);
const FLOAT_WORDS = new Uint32Array(FLOAT.buffer);

/**
 * A 53-bit hash built field by field (the same mixing as `rowHash`), for records whose fields are
 * strings and numbers: numbers are hashed by their bits, not turned into strings. Reused: `reset`
 * starts a new record.
 */
export class FieldHash {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193;

  reset(): this {
    this.h1 = 0x811c9dc5;
    this.h2 = 0x01000193;
    return this;
  }

  private mix(c: number): void {
    this.h1 = Math.imul(this.h1 ^ c, 0x01000193);
    this.h2 = Math.imul(this.h2 ^ c, 0x5bd1e995) ^ (this.h2 >>> 13);
  }

  /** Adds a text field (undefined and "" differ from every text but each other). */
  text(t: string | undefined): this {
    if (t !== undefined) for (let i = 0; i < t.length; i++) this.mix(t.charCodeAt(i));
    return this.end();
  }

  /**
   * Adds a text field as `normalizeKey` (normalize.ts) reads it: case, accents, punctuation and
   * spacing ignored, so `Grupo  grande.` and `grupo grande` hash alike. ASCII text, the usual, is
   * folded here without making the key string; text with any other character is decided on before
   * anything is mixed in, so `niños` and `ninos` hash alike too.
   */
  looseText(t: string | undefined): this {
    if (t === undefined) return this.end();
    if (/[\u0080-\uffff]/.test(t)) return this.text(normalizeKey(t));
    let pending = false;
    let any = false;
    for (let i = 0; i < t.length; i++) {
      let c = t.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
      if (!alnum) {
        pending = any;
        continue;
      }
      if (pending) this.mix(95); // "_"
      pending = false;
      any = true;
      this.mix(c);
    }
    return this.end();
  }

  /** Adds a number field (undefined hashed as NaN). */
  number(n: number | undefined): this {
    FLOAT[0] = n ?? NaN;
    this.mix(FLOAT_WORDS[0]!);
    this.mix(FLOAT_WORDS[1]!);
    return this.end();
  }

  private end(): this {
    this.h1 = Math.imul(this.h1 ^ 0x1f, 0x01000193);
    this.h2 = Math.imul(this.h2 ^ 0x1f, 0x5bd1e995);
    return this;
  }

  /** The hash of the fields added since `reset`. */
  get value(): number {
    return (this.h1 >>> 0) * 0x200000 + ((this.h2 >>> 0) & 0x1fffff);
  }
}
