/**
 * Small-count suppression for public release: counts of people below a threshold (but above 0)
 * are blanked so that small groups (for example a few unaccompanied children at one point on one
 * day) cannot be singled out. Every row that lost a value says which in a `suppressed` field, and
 * the result says how many cells were blanked. Zero is not disclosive and is kept. Secondary
 * suppression (a blanked part recoverable as total minus the other parts) is not done; blank the
 * parts of such rows too if that matters for a release.
 */
import type { TableKind } from "../ingest/fields.ts";
import { TABLE_COLUMNS } from "./tables.ts";
import type { TableRecord } from "./tables.ts";

/** What suppression did; `applied` is the flag a report shows. */
export interface SuppressionSummary {
  applied: boolean;
  /** Counts v with 0 < v < threshold were blanked. */
  threshold: number;
  cells: number;
  rows: number;
  /** One sentence for the output (CSV note column, JSON field). */
  note: string;
}

/** A record after suppression, with the names of the blanked fields (output column names). */
export type SuppressedRecord = TableRecord & { suppressed?: string[] };

/**
 * Blanks counts below `threshold` in copies of the records.
 * @param threshold people; counts from 1 to threshold − 1 are blanked. 0 or undefined: nothing done.
 * @example
 * suppressSmallCounts("counts", [{ date: "2018-10-20", direction: "northbound", total: 40, uac: 3 }], 5)
 *   .records[0]; // => { date: "2018-10-20", direction: "northbound", total: 40, suppressed: ["uac"] }
 */
export function suppressSmallCounts(
  kind: TableKind,
  records: readonly TableRecord[],
  threshold: number | undefined,
): { records: SuppressedRecord[]; summary: SuppressionSummary } {
  const t = threshold ?? 0;
  const countColumns = TABLE_COLUMNS[kind].filter((c) => c.count);
  let cells = 0;
  let rows = 0;
  const out = records.map((r) => {
    if (t <= 1) return r;
    let copy: Record<string, unknown> | undefined;
    const blanked: string[] = [];
    for (const c of countColumns) {
      const v = (r as unknown as Record<string, unknown>)[c.key];
      if (typeof v === "number" && v > 0 && v < t) {
        copy ??= { ...r };
        delete copy[c.key];
        blanked.push(c.name);
      }
    }
    if (!copy) return r;
    cells += blanked.length;
    rows++;
    copy["suppressed"] = blanked;
    return copy as unknown as SuppressedRecord;
  });
  const applied = t > 1;
  return {
    records: out,
    summary: {
      applied,
      threshold: t,
      cells,
      rows,
      note: applied
        ? `Counts from 1 to ${t - 1} were suppressed (left blank) for public release: ${cells} cell${cells === 1 ? "" : "s"} in ${rows} row${rows === 1 ? "" : "s"}; the suppressed column names them. Blank does not mean zero.`
        : "No suppression.",
    },
  };
}
