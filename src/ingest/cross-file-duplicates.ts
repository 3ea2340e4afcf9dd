/**
 * The same row in two input files: `dtm-flow import a.csv a-copy.csv` (one sheet exported twice,
 * or a week's file that repeats the last days of the one before). Each file's own duplicates are
 * rejected by the importer (row-duplicates.ts); across files, rows are compared as the tables
 * write them (the normalised record, so `Tecún Umán;Norte` and `GT-TEC,northbound` are one row),
 * by a 53-bit hash without keeping the rows, so memory stays flat for a million-row import.
 */
import { RowHashTable, rowHash } from "./row-hash.ts";

/** A row of a later file that repeats a row of an earlier file (lines are the files' own, 1-based). */
export interface CrossFileDuplicate {
  file: string;
  line: number;
  sheet?: string;
  firstFile: string;
  firstLine: number;
  firstSheet?: string;
}

/**
 * Remembers where each normalised row was first seen and tells when a row of another file repeats
 * it. Rows repeated within one file are not reported here (the importer has said so already).
 * @example
 * const seen = new CrossFileDuplicates();
 * seen.check(["2018-11-01", "GT-TEC", "300"], "a.csv", 2); // => undefined
 * seen.check(["2018-11-01", "GT-TEC", "300"], "b.csv", 2); // => { file: "b.csv", line: 2, firstFile: "a.csv", firstLine: 2 }
 */
export class CrossFileDuplicates {
  private readonly table = new RowHashTable();
  /** Files and sheets seen, and per row remembered the index of its file/sheet and its line. */
  private readonly places: { file: string; sheet?: string }[] = [];
  private readonly placeOf: number[] = [];
  private readonly lineOf: number[] = [];
  /** The last duplicate reported (file, sheet, line, first place, first line). */
  private lastSaid = "";

  /** The earlier file's row this one repeats, or undefined (and the row is remembered). */
  check(
    cells: readonly string[],
    file: string,
    line: number,
    sheet?: string,
  ): CrossFileDuplicate | undefined {
    const at = this.table.getOrAdd(rowHash(cells), this.lineOf.length);
    if (at === undefined) {
      this.placeOf.push(this.placeIndex(file, sheet));
      this.lineOf.push(line);
      return undefined;
    }
    const first = this.places[this.placeOf[at]!]!;
    if (first.file === file) return undefined;
    // A line read as several rows (a tally's two directions) that repeats one line is said once.
    const said = `${file}\u0000${sheet ?? ""}\u0000${line}\u0000${this.placeOf[at]}\u0000${this.lineOf[at]}`;
    if (said === this.lastSaid) return undefined;
    this.lastSaid = said;
    return {
      file,
      line,
      ...(sheet !== undefined ? { sheet } : {}),
      firstFile: first.file,
      firstLine: this.lineOf[at]!,
      ...(first.sheet !== undefined ? { firstSheet: first.sheet } : {}),
    };
  }

  private placeIndex(file: string, sheet: string | undefined): number {
    const last = this.places.length - 1;
    const p = this.places[last];
    if (p && p.file === file && p.sheet === sheet) return last;
    this.places.push({ file, ...(sheet !== undefined ? { sheet } : {}) });
    return last + 1;
  }
}

/**
 * One sentence for a cross-file duplicate, `file:line` on both sides.
 * @example crossFileDuplicateText({ file: "b.csv", line: 2, firstFile: "a.csv", firstLine: 2 })
 * // => "b.csv:2 repeats a.csv:2 (the same row in two files); both are written: if the files are one sheet twice, import one of them."
 */
export function crossFileDuplicateText(d: CrossFileDuplicate, lang: "en" | "es" = "en"): string {
  const at = (f: string, line: number, sheet?: string) =>
    `${f}${sheet !== undefined ? ` (${sheet})` : ""}:${line}`;
  if (lang === "es")
    return `${at(d.file, d.line, d.sheet)} repite ${at(d.firstFile, d.firstLine, d.firstSheet)} (la misma fila en dos archivos); se escriben las dos: si los archivos son dos veces la misma hoja, importe solo uno.`;
  return `${at(d.file, d.line, d.sheet)} repeats ${at(d.firstFile, d.firstLine, d.firstSheet)} (the same row in two files); both are written: if the files are one sheet twice, import one of them.`;
}
