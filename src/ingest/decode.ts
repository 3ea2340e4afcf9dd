/**
 * Bytes → text for files analysts send: UTF-8 with or without a byte-order mark, UTF-16 (LE/BE)
 * with a BOM, and Windows-1252 (what Excel's plain "CSV" save writes on Western Windows). The
 * decision is made on the first chunk and revised once if invalid UTF-8 appears later. Double-encoded
 * text (`MÃ©xico` for `México`) is repaired by `repairMojibake`.
 *
 * Only `TextDecoder` is used, so this runs in Node, browsers and Web Workers alike.
 */

/** Bytes looked at before the encoding is decided. */
const SNIFF_BYTES = 65_536;

/** Encodings the importer reports. */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

/** A push decoder: feed byte chunks in order, get text out. */
export interface StreamDecoder {
  /** Encoding in use (decided on the first non-empty chunk). */
  readonly encoding: TextEncodingName | undefined;
  /**
   * Byte offset where decoding switched from UTF-8 to Windows-1252, when text before it had
   * non-ASCII characters (read as UTF-8); undefined otherwise.
   */
  readonly switchedAt: number | undefined;
  push(chunk: Uint8Array): string;
  finish(): string;
}

// Windows-1252 bytes 0x80–0x9F as Unicode; the rest of 0x80–0xFF is Latin-1.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const CP1252_REVERSE = new Map<string, number>();
for (let i = 0; i < 32; i++) CP1252_REVERSE.set(CP1252_HIGH[i]!, 0x80 + i);

/**
 * Some Node versions decode "windows-1252" as ISO-8859-1 (bytes 0x80–0x9F become C1 controls
 * instead of €, ‚, ƒ, „, …); map those back so every runtime gives the same text.
 */
function fixC1(text: string): string {
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!)
    : text;
}

/** Number of bytes at the end of `bytes` that start an incomplete UTF-8 sequence (0–3). */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
    return 0;
  }
  return 0;
}

/** True when the bytes look like UTF-16 without a BOM (many zero bytes at alternating positions). */
function looksUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.6 && evenZero < half * 0.1) return "utf-16le";
  if (evenZero > half * 0.6 && oddZero < half * 0.1) return "utf-16be";
  return undefined;
}

/**
 * Creates a streaming decoder. The first 64 KB decide: a BOM wins; otherwise valid UTF-8 means
 * UTF-8 and anything else means Windows-1252. If a later chunk is not valid UTF-8 the decoder
 * switches to Windows-1252 from that chunk on (and says where in `switchedAt`).
 * @example
 * const d = createStreamDecoder();
 * d.push(new Uint8Array([0x4e, 0x69, 0xf1, 0x6f, 0x73])) + d.finish(); // => "Niños" (Windows-1252)
 */
export function createStreamDecoder(): StreamDecoder {
  let encoding: TextEncodingName | undefined;
  let decoder: TextDecoder | undefined;
  let switchedAt: number | undefined;
  let offset = 0;
  let sawNonAscii = false;
  let tail = new Uint8Array(0);
  let headParts: Uint8Array[] = []; // bytes held until there are enough to decide
  let headLength = 0;
  function joinHead(): Uint8Array {
    const joined = new Uint8Array(headLength);
    let at = 0;
    for (const part of headParts) {
      joined.set(part, at);
      at += part.length;
    }
    headParts = [];
    return joined;
  }

  function start(bytes: Uint8Array): Uint8Array {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      encoding = "utf-8-bom";
      decoder = new TextDecoder("utf-8", { fatal: true });
      return bytes.subarray(3);
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      encoding = "utf-16le";
      decoder = new TextDecoder("utf-16le");
      return bytes.subarray(2);
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      encoding = "utf-16be";
      decoder = new TextDecoder("utf-16be");
      return bytes.subarray(2);
    }
    const wide = looksUtf16(bytes);
    if (wide) {
      encoding = wide;
      decoder = new TextDecoder(wide);
      return bytes;
    }
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
      encoding = "utf-8";
      decoder = new TextDecoder("utf-8", { fatal: true });
    } catch {
      encoding = "windows-1252";
      decoder = new TextDecoder("windows-1252");
    }
    return bytes;
  }

  function decode(bytes: Uint8Array, stream: boolean): string {
    if (!decoder) return "";
    if (encoding === "utf-8" || encoding === "utf-8-bom") {
      try {
        const text = decoder.decode(bytes, { stream });
        const keep = stream ? incompleteUtf8Tail(bytes) : 0;
        if (!sawNonAscii) {
          // Bytes held back (an incomplete sequence at the end) are not decoded yet.
          for (let i = 0; i < bytes.length - keep; i++) {
            if (bytes[i]! >= 0x80) {
              sawNonAscii = true;
              break;
            }
          }
        }
        tail = keep ? bytes.slice(bytes.length - keep) : new Uint8Array(0);
        return text;
      } catch {
        // Invalid UTF-8 after a valid start: the file is Windows-1252 (or mixed). Re-decode the
        // bytes held back from the previous chunk together with this one.
        // Before any non-ASCII byte, UTF-8 and Windows-1252 read the same: nothing to report.
        if (sawNonAscii) switchedAt = offset - tail.length;
        encoding = "windows-1252";
        decoder = new TextDecoder("windows-1252");
        const joined = new Uint8Array(tail.length + bytes.length);
        joined.set(tail);
        joined.set(bytes, tail.length);
        tail = new Uint8Array(0);
        return fixC1(decoder.decode(joined, { stream }));
      }
    }
    const text = decoder.decode(bytes, { stream });
    return encoding === "windows-1252" ? fixC1(text) : text;
  }

  return {
    get encoding() {
      return encoding;
    },
    get switchedAt() {
      return switchedAt;
    },
    push(chunk) {
      let bytes = chunk;
      if (!decoder) {
        // Decide on the first 64 KB (or the whole file when smaller), however it is chunked.
        headParts.push(chunk);
        headLength += chunk.length;
        if (headLength < SNIFF_BYTES) return "";
        bytes = joinHead();
        offset = 0;
        const text = decode(start(bytes), true);
        offset = headLength;
        return text;
      }
      const text = decode(bytes, true);
      offset += chunk.length;
      return text;
    },
    finish() {
      if (!decoder) {
        if (headLength === 0) return "";
        const bytes = joinHead();
        offset = headLength;
        return decode(start(bytes), false);
      }
      return decode(new Uint8Array(0), false);
    },
  };
}

/**
 * Decodes a whole file at once (see `createStreamDecoder`).
 * @example
 * decodeBytes(new TextEncoder().encode("\uFEFFfecha")); // => { text: "fecha", encoding: "utf-8-bom" }
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const decoder = createStreamDecoder();
  const text = decoder.push(bytes) + decoder.finish();
  return { text, encoding: decoder.encoding ?? "utf-8" };
}

/** Two or more characters that are what UTF-8 bytes of one accented letter look like in Windows-1252. */
const MOJIBAKE_RUN =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]+/g;

/** Quick test: does the text contain double-encoded UTF-8 such as `Ã©`, `Ã±`, `Â¿`? */
export function hasMojibake(text: string): boolean {
  MOJIBAKE_RUN.lastIndex = 0;
  return MOJIBAKE_RUN.test(text);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Repairs text that was UTF-8, decoded as Windows-1252 and saved again (`TecÃºn UmÃ¡n`).
 * Only runs that decode cleanly as UTF-8 are replaced, so correct accents are left alone.
 * @example
 * repairMojibake("TecÃºn UmÃ¡n"); // => "Tecún Umán"
 */
export function repairMojibake(text: string): string {
  MOJIBAKE_RUN.lastIndex = 0;
  return text.replace(MOJIBAKE_RUN, (run) => {
    const bytes = new Uint8Array(run.length);
    for (let i = 0; i < run.length; i++) {
      const ch = run[i]!;
      const code = ch.charCodeAt(0);
      const byte = code <= 0xff ? code : CP1252_REVERSE.get(ch);
      if (byte === undefined) return run;
      bytes[i] = byte;
    }
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return run;
    }
  });
}
