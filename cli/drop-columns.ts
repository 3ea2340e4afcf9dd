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
  /** Projects the complete records of `text`; returns them and where the incomplete rest starts. */
  const scan = (text: string, final: boolean): { out: string; rest: number } => {
    let out = "";
    let record = ""; // the kept cells of the record being read, each followed by the delimiter
    let start = 0; // where the current record starts
    let cellStart = 0;
    let cell = 0;
    let quoted = false;
    const endCell = (end: number) => {
      if (keep[cell] !== false) record += text.slice(cellStart, end) + delimiter;
      cell++;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c !== '"') continue;
        // A record cut by the end of the text is read again, whole, with the next text: a quote
        // that ends this text is never taken for the end of its cell for good.
        if (text[i + 1] === '"') i++;
        else quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === delimiter) {
        endCell(i);
        cellStart = i + 1;
      } else if (c === "\n") {
        endCell(text[i - 1] === "\r" ? i - 1 : i);
        out += record.slice(0, -delimiter.length) + "\r\n";
        record = "";
        cell = 0;
        start = cellStart = i + 1;
      }
    }
    if (final && start < text.length) {
      endCell(text.length);
      out += record.slice(0, -delimiter.length);
      return { out, rest: text.length };
    }
    return { out, rest: start };
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
