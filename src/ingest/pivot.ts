/**
 * Long layout (`date, fmp_id, direction, sex, age, n`: one row per sex × age class, as in DTM's
 * public FMR data) pivoted to one wide count record per date × point × direction × nationality.
 */
import type { CountRecord } from "../model/count.ts";
import { normalizeKey } from "./normalize.ts";

export type SexClass = "m" | "f" | "total";
export type AgeClass = "adult" | "child" | "uac" | "total";

/** Sex of a long-layout row: `m`, `f`, or `total` (blank, "todos", "ambos", …). */
export function sexClass(text: string | undefined): SexClass {
  const k = normalizeKey(text ?? "");
  if (/^(m|h|male|males|men|man|hombres?|masculino|varon(es)?|boys?)$/.test(k)) return "m";
  if (/^(f|female|females|women|woman|mujer(es)?|femenino|girls?)$/.test(k)) return "f";
  return "total";
}

/** Age class of a long-layout row; unaccompanied children are children too. */
export function ageClass(text: string | undefined): AgeClass {
  const k = normalizeKey(text ?? "");
  if (!k || /^(total|todos|todas|all|ambos|all_ages|todas_las_edades)$/.test(k)) return "total";
  if (/no_acompa|unaccomp|^uac$|^uasc$|^uam$/.test(k)) return "uac";
  if (
    /under|menor|nin|child|nna|^0_1[0-7]$|^\d{1,2}_1[0-7]$|below|less|infant|lactant|bebe|adolesc|^lt_?18/.test(
      k,
    )
  )
    return "child";
  if (/adult|18|mayor|over|^a$/.test(k)) return "adult";
  return "total";
}

interface Cell {
  record: CountRecord;
  line: number;
  parts: { men?: number; women?: number; boys?: number; girls?: number; uac?: number };
  sum: number;
  stated?: number;
}

/** A wide record of the long layout, with the warning of a Total that its parts do not match. */
interface PivotedRecord {
  record: CountRecord;
  line: number;
  warning?: string;
  /** The stated total and the parts' sum, when `warning` is set. */
  params?: { stated: number; sum: number };
}

/** Accumulates long rows; `records()` gives the wide records in first-seen order. */
export class LongPivot {
  private cells = new Map<string, Cell>();

  /** Adds `n` people of one sex × age class to the record keyed by the row's other fields. */
  add(base: CountRecord, line: number, sex: SexClass, age: AgeClass, n: number): void {
    const key = [
      base.date,
      base.fmpId,
      base.fmpName,
      base.direction,
      base.nationality,
      base.country,
      base.sourceOrg,
    ].join("\u0001");
    let cell = this.cells.get(key);
    if (!cell) {
      const record: CountRecord = { ...base };
      delete record.total;
      cell = { record, line, parts: {}, sum: 0 };
      this.cells.set(key, cell);
    }
    if (sex === "total" && age === "total") {
      cell.stated = (cell.stated ?? 0) + n;
      return;
    }
    cell.sum += n;
    const add = (k: keyof Cell["parts"]) => (cell.parts[k] = (cell.parts[k] ?? 0) + n);
    if (age === "uac") add("uac");
    if (sex === "m" && age === "adult") add("men");
    else if (sex === "f" && age === "adult") add("women");
    else if (sex === "m" && (age === "child" || age === "uac")) add("boys");
    else if (sex === "f" && (age === "child" || age === "uac")) add("girls");
  }

  /** The wide records, with `total` = the stated total row when given, else the sum of the rows. */
  records(): PivotedRecord[] {
    const out: PivotedRecord[] = [];
    for (const cell of this.cells.values()) {
      const record: CountRecord = { ...cell.record, ...cell.parts, total: cell.stated ?? cell.sum };
      const warning =
        cell.stated !== undefined && cell.sum > 0 && cell.sum !== cell.stated
          ? `the total row says ${cell.stated} but the sex × age rows add up to ${cell.sum}.`
          : undefined;
      const params = warning ? { stated: cell.stated!, sum: cell.sum } : undefined;
      out.push({ record, line: cell.line, ...(warning ? { warning, params } : {}) });
    }
    return out;
  }
}
