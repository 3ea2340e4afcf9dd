/**
 * Running sums of the accepted records of a sheet, and the check of a Total row against them:
 * a stated total that differs from the rows above is reported (`total_row_mismatch`).
 */
import type { ConvertContext } from "./convert.ts";
import type { TableKind } from "./fields.ts";
import type { ImporterCore } from "./import-core.ts";
import type { ImportedRecord } from "./import-options.ts";
import { parseQuantity } from "./values.ts";

/** Fields a Total row can state, per kind. */
const SUMMABLE: Record<TableKind, string[]> = {
  counts: ["total", "men", "women", "boys", "girls", "uac"],
  sightings: ["size_best"],
  stocks: ["value"],
  places: [],
};
/** Record property of each summable field. */
const SUM_KEYS: Record<string, string> = {
  total: "total",
  men: "men",
  women: "women",
  boys: "boys",
  girls: "girls",
  uac: "uac",
  size_best: "sizeBest",
  size: "sizeBest",
  value: "value",
};

export class RunningTotals {
  /** Summable fields of this kind that the file has, their record properties and running sums. */
  private readonly fields: string[];
  private readonly props: string[];
  private readonly sums: number[];
  private readonly kind: TableKind;
  /**
   * Column of the cell that names a row's own column on a one-column-per-direction or -nationality
   * sheet (`Sentido` = "Entradas"), when there is one: sums are then also kept per name, and a
   * Total row's figure of a column is checked against the rows of that column only.
   */
  private keyAt?: number;
  private readonly byKey = new Map<string, number[]>();

  /** `pivoted`: a long layout, whose `n` column becomes each record's total. */
  constructor(kind: TableKind, fieldIndex: Map<string, number>, pivoted: boolean) {
    this.kind = kind;
    this.fields = SUMMABLE[kind].filter((f) => fieldIndex.has(f) || (f === "total" && pivoted));
    this.props = this.fields.map((f) => SUM_KEYS[f]!);
    this.sums = this.fields.map(() => 0);
  }

  /** Keeps sums per name of the cell at `at` too (see `keyAt`). */
  keyBy(at: number): void {
    this.keyAt = at;
  }

  /** Adds an accepted record (`cells`: its row as read, for the per-column sums). */
  add(record: ImportedRecord, cells?: readonly string[]): void {
    this.addTo(this.sums, record);
    if (this.keyAt === undefined || !cells) return;
    const key = (cells[this.keyAt] ?? "").trim();
    let sums = this.byKey.get(key);
    if (!sums) this.byKey.set(key, (sums = this.fields.map(() => 0)));
    this.addTo(sums, record);
  }

  private addTo(sums: number[], record: ImportedRecord): void {
    // Plain arrays, not a Map of numbers: a Map would box a new number on every update.
    const rec = record as unknown as Record<string, unknown>;
    const props = this.props;
    for (let k = 0; k < props.length; k++) {
      const v = rec[props[k]!];
      if (typeof v === "number") sums[k]! += v;
    }
  }

  /** Records a Total (or sub-total) row: its stated figures checked against the sums so far. */
  check(
    im: ImporterCore,
    sheet: string | undefined,
    ctx: ConvertContext | undefined,
    cells: readonly string[],
    line: number,
    word: "total" | "subtotal",
  ): void {
    if (word === "subtotal") {
      im.warn(
        { line, code: "subtotal_row", message: "a sub-total row; skipped (not data)." },
        sheet,
      );
      return;
    }
    const fi = ctx?.fieldIndex;
    const key = this.keyAt === undefined ? undefined : (cells[this.keyAt] ?? "").trim();
    const sums = key === undefined ? this.sums : this.byKey.get(key);
    let checked = 0;
    for (const f of SUMMABLE[this.kind]) {
      const i = fi?.get(f);
      if (i === undefined) continue;
      const q = parseQuantity(cells[i] ?? "");
      if (q.kind !== "number") continue;
      checked++;
      const k = this.fields.indexOf(f);
      const computed = k >= 0 && sums ? sums[k]! : 0;
      // Per column, the figure is named by its column's header ("Entradas"), as the sheet writes it.
      const column = key && f === "total" ? key : ctx!.columnNames[i]!;
      im.report.totals.push({
        line,
        column,
        stated: q.value,
        computed,
        matches: computed === q.value,
        ...(sheet ? { sheet } : {}),
      });
      if (computed !== q.value) {
        im.warn(
          {
            line,
            column,
            code: "total_row_mismatch",
            message: `the Total row says ${q.value} for ${column}; the accepted rows above add up to ${computed}.`,
            params: { stated: q.value, computed },
          },
          sheet,
        );
      }
    }
    if (!checked)
      im.warn({ line, code: "total_row", message: "a Total row; skipped (not data)." }, sheet);
  }
}
