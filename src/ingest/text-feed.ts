/**
 * Text (CSV, TSV, `;` or `|` separated) fed to one sheet reader through papaparse's incremental
 * parser: line breaks normalised, mojibake detected, the separator sniffed from the first 64 KB,
 * and rows handed on as they complete.
 */
import Papa from "papaparse";
import { hasMojibake } from "./decode.ts";
import { createNewlineNormalizer, sniffDelimiter } from "./delimiter.ts";
import type { ImporterCore } from "./import-core.ts";
import { SheetReader } from "./sheet-reader.ts";

/** Characters of text handed to the CSV parser at a time (see `push`). */
const PARSE_PIECE = 32_768;
/** Text read before the separator is sniffed. */
const SNIFF_CHARS = 65_536;

export class TextFeed {
  private readonly newlines = createNewlineNormalizer();
  /** Text not parsed yet: before the parser exists, or the incomplete last row. */
  private pending = "";
  private parser: Papa.Parser | undefined;
  private sheet: SheetReader | undefined;
  private readonly core: ImporterCore;

  constructor(core: ImporterCore) {
    this.core = core;
  }

  /** Feeds decoded text in file order; `final` for the last piece. */
  push(input: string, final: boolean): void {
    const core = this.core;
    // Every line break as \n, so a file mixing CRLF, LF and CR never merges rows.
    let text = this.newlines.push(input, final);
    // Checked on the new text, and on the character before it with the first new one (a run may
    // straddle two chunks), without joining them into a copy of the chunk.
    if (
      !core.mojibake &&
      text &&
      (hasMojibake(text) ||
        (this.pending !== "" && hasMojibake(this.pending.slice(-1) + text.charAt(0))))
    ) {
      core.mojibake = true;
      core.report.mojibakeRepaired = true;
    }
    if (!this.parser) {
      this.pending += text;
      if (!final && this.pending.length < SNIFF_CHARS) return;
      this.start();
      text = this.pending;
      this.pending = "";
    }
    // Large chunks are parsed a piece at a time (the incomplete last row carried over, as between
    // chunks): a piece's rows are read and dropped while still young, instead of a whole chunk's
    // rows surviving garbage collections (copying them was a large share of the import's time).
    // A piece that completes no row (a long quoted field) ends the splitting: the rest goes in
    // whole, so such a field is not re-scanned once per piece.
    let at = 0;
    while (text.length - at > PARSE_PIECE) {
      this.pending += text.slice(at, at + PARSE_PIECE);
      at += PARSE_PIECE;
      if (!this.parseRows(false)) break;
    }
    this.pending += at ? text.slice(at) : text;
    this.parseRows(final);
  }

  /** Ends the sheet (after the final `push`); its fatal problem, if any, becomes the file's. */
  finish(): void {
    this.sheet ??= new SheetReader(this.core, undefined);
    this.sheet.finish();
    // Rejections of an unusable file carry the same sentence; the report says it once.
    if (this.sheet.fatal) this.core.report.fatal = this.sheet.fatal;
  }

  /** The separator (given or sniffed), the parser and the sheet reader. */
  private start(): void {
    if (this.pending.charCodeAt(0) === 0xfeff) this.pending = this.pending.slice(1);
    const delimiter = this.core.options.delimiter ?? sniffDelimiter(this.pending);
    this.core.report.delimiter = delimiter;
    this.parser = new Papa.Parser({ delimiter, newline: "\n" });
    this.sheet = new SheetReader(this.core, undefined);
  }

  /** Parses the pending text (all of it when final); returns the number of rows read. */
  private parseRows(final: boolean): number {
    if (!this.pending) return 0;
    const result = this.parser!.parse(this.pending, 0, !final) as {
      data: string[][];
      errors: { code: string }[];
      meta: { cursor: number };
    };
    const rows = result.data;
    if (final) {
      // A file that ends with a line break gives one empty last row: not a row of the file.
      const last = rows[rows.length - 1];
      if (last && last.length === 1 && last[0] === "" && /[\r\n]$/.test(this.pending)) rows.pop();
      this.pending = "";
    } else this.pending = this.pending.slice(result.meta.cursor);
    const sheet = this.sheet!;
    for (const row of rows) sheet.push(row);
    // A quote opened and never closed swallows the rest of the file into one cell of the last row.
    if (final && result.errors.some((e) => e.code === "MissingQuotes")) {
      this.core.warn({
        line: sheet.lastLine,
        code: "unclosed_quote",
        message:
          'a quote (") opened in this row is never closed, so everything after it to the end of the file was read as one cell: close the quote or remove it.',
      });
    }
    return rows.length;
  }
}
