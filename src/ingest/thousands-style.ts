/**
 * The thousands separator a file writes its figures of people with, decided by its first grouped
 * figure (`1.250` or `1,250`, in any sheet), and a warning on each figure grouped the other way.
 * A figure of people is whole, so `1,250` is read as 1,250 whatever the file's style (as
 * values.ts reads it), but in a file that writes `1.250` a `1,250` is a decimal comma to the eye
 * of its author (1.25): a cell typed by another hand, or pasted from another sheet. It is warned
 * (`thousands_separator_mismatch`) with its line and column and the row that decided the style,
 * never silently read (docs/import.md, Values).
 */
import type { RowReader } from "./row-reader.ts";

/** A dot or a comma followed by exactly three digits and no more: a thousands separator. */
const GROUPED = /\d([.,])\d{3}(?!\d)/;

/** The style of one file: its first grouped figure (mark, row, sheet and cell as written). */
export class ThousandsStyle {
  private first: { mark: "." | ","; line: number; sheet?: string; text: string } | undefined;

  /**
   * Notes the thousands separator of cell `t` of `field`, a figure already read as whole people
   * (`read`: `1250`, or `4000–10000` for a range): the first such cell of the file decides the
   * style; a later one grouped with the other mark is warned on the row.
   */
  check(r: RowReader, field: string, t: string, read: number | string): void {
    const m = GROUPED.exec(t);
    if (!m) return;
    const mark = m[1] as "." | ",";
    const first = this.first;
    if (!first) {
      const sheet = r.ctx.sheet;
      this.first = { mark, line: r.ctx.line, text: t, ...(sheet !== undefined ? { sheet } : {}) };
      return;
    }
    if (first.mark === mark) return;
    const other = first.sheet !== undefined && first.sheet !== r.ctx.sheet;
    const where = other ? `row ${first.line} of sheet "${first.sheet}"` : `row ${first.line}`;
    r.warn(
      field,
      "thousands_separator_mismatch",
      `${r.column(field)} "${t}" groups thousands with "${mark}", but this file writes them with "${first.mark}" (first at ${where}: "${first.text}"); read as ${read} people, as a figure of people is whole, but where "${first.mark}" groups thousands "${mark}" is the decimal mark: check the cell.`,
      t,
      {
        mark,
        fileMark: first.mark,
        first: first.line,
        firstValue: first.text,
        read,
        ...(other ? { firstSheet: first.sheet! } : {}),
      },
    );
  }
}
