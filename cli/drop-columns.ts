/**
 * Leaves columns out of a CSV file the CLI wrote itself, streaming, so that a table of 1,000,000
 * rows is rewritten in flat memory. `dtm-flow import` writes its tables before it has read every
 * row, so it declares every extra column a file may fill; the ones that stayed empty in every row
 * are left out afterwards with this (docs/import.md, "Extra columns").
 *
 * The text is the CLI's own CSV (`formatCsv`, src/export/csv.ts): cells separated by one
 * delimiter, a quoted cell starts with `"` and doubles its quotes, records end in CRLF; a line
 * break inside quotes belongs to the cell. Cells beyond `keep` are kept, so nothing is lost if a
 * record is longer than the header.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { OutputFile } from "./output.ts";

/** A parser fed with text in pieces; each call returns the complete records, projected. */
export interface ColumnDropper {
  /** Feeds more text; returns the records completed by it, without the dropped cells. */
  push(text: string): string;
  /** The rest (a last record without a line end), once the text is over. */
  end(): string;
}

/**
 * @param keep per column index, false to leave the column out (true or missing: keep).
 * @param delimiter the file's cell separator (`,`, `;` or tab).
 * @example
 * const d = createColumnDropper([true, false, true], ",");
 * d.push('a,b,c\r\n1,"x\r\ny",3\r\n') + d.end(); // => "a,c\r\n1,3\r\n"
 */
export function createColumnDropper(keep: readonly boolean[], delimiter: string): ColumnDropper {
  let carry = "";
  const dropPlain = plainDropper(keep, delimiter);
  /** Projects the complete records of `text`; returns them and where the incomplete rest starts. */
  const scan = (text: string, final: boolean): { out: string; rest: number } => {
    const out: string[] = [];
    let pos = 0;
    while (pos < text.length) {
      const quote = text.indexOf('"', pos);
      // Whole lines up to the one holding the next quote have no quoted cell: done in bulk.
      const plainEnd = text.lastIndexOf("\n", quote === -1 ? text.length : quote) + 1;
      if (plainEnd > pos) {
        out.push(dropPlain(text.slice(pos, plainEnd)));
        pos = plainEnd;
        continue;
      }
      // The record at pos holds a quote (its line end may be inside a quoted cell), or no line
      // end; cut by the end of the text, it is read again, whole, with the next text.
      const record = readRecord(text, pos, delimiter, final);
      if (!record) break;
      const kept = record.cells.filter((_, i) => keep[i] !== false).join(delimiter);
      out.push(record.end < text.length ? kept + "\r\n" : kept);
      pos = record.end + 1;
    }
    return { out: out.join(""), rest: Math.min(pos, text.length) };
  };
  return {
    push(text) {
      const all = carry + text;
      const { out, rest } = scan(all, false);
      carry = all.slice(rest);
      return out;
    },
    end() {
      const { out } = scan(carry, true);
      carry = "";
      return out;
    },
  };
}

/**
 * Leaves the columns out of whole lines without quotes, each ending in a line feed, with one
 * regular expression per column left out (last first, so the indexes hold): native, and 2.6 times
 * faster than reading each line character by character. A line with fewer cells is left whole.
 */
function plainDropper(keep: readonly boolean[], delimiter: string): (lines: string) => string {
  const d = delimiter === "\t" ? "\\t" : delimiter;
  const cell = `[^${d}\\r\\n]*`;
  // A line start: the text's start or after a line feed. Not the "m" flag, whose ^ also matches
  // after U+2028 and U+2029, which an unquoted cell may hold.
  const start = "(?<![^\\n])";
  const dropped = keep.flatMap((k, i) => (k === false ? [i] : [])).reverse();
  const patterns = dropped.map((i) =>
    i === 0
      ? { re: new RegExp(`${start}${cell}${d}?`, "g"), by: "" }
      : { re: new RegExp(`${start}((?:${cell}${d}){${i - 1}}${cell})${d}${cell}`, "g"), by: "$1" },
  );
  return (lines) => patterns.reduce((text, p) => text.replace(p.re, p.by), lines);
}

/**
 * The cells of the record starting at `from` (quoted cells kept as written, quotes and all) and
 * the index of the line feed that ends it, outside quotes; at the end of the text, the rest when
 * `final`, else undefined (the record may go on in the next text: a quote that ends this text
 * may be the first of a doubled pair).
 */
function readRecord(
  text: string,
  from: number,
  delimiter: string,
  final: boolean,
): { cells: string[]; end: number } | undefined {
  const cells: string[] = [];
  let start = from;
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') continue;
      if (text[i + 1] === '"') i++;
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(text.slice(start, i));
      start = i + 1;
    } else if (c === "\n") {
      cells.push(text.slice(start, text[i - 1] === "\r" ? i - 1 : i));
      return { cells, end: i };
    }
  }
  if (!final) return undefined;
  cells.push(text.slice(start));
  return { cells, end: text.length };
}

/**
 * Copies the CSV file at `path` into `to`, leaving out the columns whose `keep` is false; reads
 * 1 MB at a time. The byte-order mark, if any, is kept (it belongs to the first cell).
 */
export function copyWithoutColumns(
  path: string,
  to: OutputFile,
  keep: readonly boolean[],
  delimiter: string,
): void {
  const dropper = createColumnDropper(keep, delimiter);
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const buffer = new Uint8Array(1 << 20);
  const fd = openSync(path, "r");
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      to.append(dropper.push(decoder.decode(buffer.subarray(0, n), { stream: true })));
    }
    to.append(dropper.push(decoder.decode()) + dropper.end());
  } finally {
    closeSync(fd);
  }
}
