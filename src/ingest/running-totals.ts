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

/** Rejected rows kept per key for the Total row's sentence: enough to name them, bounded. */
const REJECTED_KEPT = 1000;

/** Rejected rows above a Total row holding figures of its column: their lines, their sum. */
export interface RejectedHeld {
  lines: number[];
  held: number;
}

/**
 * `(rejected row 5 holds 1,895)`: what the rejected rows above a Total row hold of its column,
 * lines listed up to five.
 * @example
 * rejectedHeldText({ lines: [5], held: 1895 }); // => "(rejected row 5 holds 1,895)"
 */
export function rejectedHeldText(r: RejectedHeld): string {
  const lines = r.lines.length > 5 ? `${r.lines.slice(0, 5).join(", ")}, …` : r.lines.join(", ");
  const held = r.held.toLocaleString("en-US");
  return r.lines.length === 1
    ? `(rejected row ${lines} holds ${held})`
    : `(rejected rows ${lines} hold ${held})`;
}

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
  /**
   * The rejected rows above, by the same key ("" without one), with their cells: a Total row that
   * differs from the accepted rows says which rejected rows hold figures of its column (the
   * difference is often exactly those). At most REJECTED_KEPT per key.
   */
  private readonly rejectedRows = new Map<string, { line: number; cells: readonly string[] }[]>();

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

  /** A rejected row (`cells` as read): kept to say what it holds should a Total row differ. */
  addRejected(cells: readonly string[], line: number): void {
    const key = this.keyAt === undefined ? "" : (cells[this.keyAt] ?? "").trim();
    let rows = this.rejectedRows.get(key);
    if (!rows) this.rejectedRows.set(key, (rows = []));
    if (rows.length < REJECTED_KEPT) rows.push({ line, cells: cells.slice() });
  }

  /** The rejected rows above holding a number in column `i`, and their sum. */
  private rejectedHolding(key: string | undefined, i: number): RejectedHeld | undefined {
    const lines: number[] = [];
    let held = 0;
    for (const r of this.rejectedRows.get(key ?? "") ?? []) {
      const q = parseQuantity(r.cells[i] ?? "");
      if (q.kind !== "number") continue;
      if (!lines.includes(r.line)) lines.push(r.line);
      held += q.value;
    }
    return lines.length ? { lines, held } : undefined;
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
      const rejected = computed !== q.value ? this.rejectedHolding(key, i) : undefined;
      im.report.totals.push({
        line,
        column,
        stated: q.value,
        computed,
        matches: computed === q.value,
        ...(sheet ? { sheet } : {}),
        ...(rejected ? { rejected } : {}),
      });
      if (computed !== q.value) {
        const f = (x: number) => x.toLocaleString("en-US");
        im.warn(
          {
            line,
            column,
            code: "total_row_mismatch",
            message: `the Total row says ${f(q.value)} for ${column}; the accepted rows above add up to ${f(computed)}${rejected ? ` ${rejectedHeldText(rejected)}` : ""}.`,
            params: {
              stated: q.value,
              computed,
              ...(rejected
                ? { rejectedLines: rejected.lines.join(", "), rejectedHeld: rejected.held }
                : {}),
            },
          },
          sheet,
        );
      }
    }
    if (!checked)
      im.warn({ line, code: "total_row", message: "a Total row; skipped (not data)." }, sheet);
  }
}
