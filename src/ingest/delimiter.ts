/**
 * Delimiter sniffing on the first lines of a text file, ignoring characters inside
 * quoted fields (Kobo quotes every field and uses `;`; Briefcase uses `,`; Excel in Spanish
 * locales writes `;`), and line breaks made uniform (any mix of CRLF, LF and CR reads as LF).
 */

const CANDIDATES = [",", ";", "\t", "|"] as const;

/** Counts of each candidate per line, outside quotes, for up to `maxLines` lines. */
function counts(text: string, maxLines: number): number[][] {
  const lines: number[][] = [];
  let current = [0, 0, 0, 0];
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < maxLines; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      if (current.some((n) => n > 0)) lines.push(current);
      current = [0, 0, 0, 0];
    } else if (!quoted) {
      const k = CANDIDATES.indexOf(ch as (typeof CANDIDATES)[number]);
      if (k >= 0) current[k]!++;
    }
  }
  if (current.some((n) => n > 0) && lines.length < maxLines) lines.push(current);
  return lines;
}

/**
 * The most consistent delimiter of the first 30 lines: the candidate that appears the same number
 * of times (more than zero) on the most lines; ties go to `;`, then `,`, tab, `|`. Default `,`.
 * @example
 * sniffDelimiter('"fecha";"punto"\n"13/10/2018";"14,6349"\n'); // => ";"
 */
export function sniffDelimiter(text: string): string {
  const table = counts(text, 30);
  let best = { d: ",", score: 0 };
  const order = [1, 0, 2, 3];
  for (const k of order) {
    const per = table.map((line) => line[k]!);
    const freq = new Map<number, number>();
    for (const n of per) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let modeCount = 0;
    for (const [n, c] of freq)
      if (c > modeCount || (c === modeCount && n > mode)) [mode, modeCount] = [n, c];
    if (modeCount > best.score) {
      best = { d: CANDIDATES[k]!, score: modeCount };
    }
  }
  return best.d;
}

/** Turns every line break into `\n`; text is pushed in pieces and may split a `\r\n` pair. */
export interface NewlineNormalizer {
  /** The piece with `\r\n` and lone `\r` as `\n` (a `\r` at its end is held for the next piece). */
  push(text: string, final: boolean): string;
}

const CR_BREAKS = /\r\n?/g;

/**
 * A streaming line-break normaliser: CRLF (Windows), LF (Unix) and lone CR (old Mac) in any mix,
 * even within one file, all become LF, so the CSV parser never merges two rows. A CR at the end of
 * a piece is held back until the next piece shows whether an LF follows it. Line breaks inside
 * quoted cells are normalised the same way.
 * @example
 * const n = createNewlineNormalizer();
 * n.push("a\r", false) + n.push("\nb\rc", true); // => "a\nb\nc"
 */
export function createNewlineNormalizer(): NewlineNormalizer {
  let heldCr = false;
  return {
    push(input, final) {
      let text = input;
      if (heldCr) {
        heldCr = false;
        // The held CR ends a line: with this piece's leading LF (a split CRLF) or alone.
        text = "\n" + (text.charCodeAt(0) === 10 ? text.slice(1) : text);
      }
      if (text.indexOf("\r") < 0) return text;
      if (!final && text.charCodeAt(text.length - 1) === 13) {
        heldCr = true;
        text = text.slice(0, -1);
      }
      return text.replace(CR_BREAKS, "\n");
    },
  };
}
