/**
 * A sightings date whose time of day is in a column of its own: Kobo forms ask "Fecha" and "Hora"
 * as two questions, and hand-made sheets do the same. Both headers read as `observed_at`; without
 * this module the second was kept as an extra attribute and every report was read at the
 * estimator's default hour, though a report's hour counts (a day's move is read from 04:00 to
 * 20:00, docs/estimation.md).
 */
import type { HeaderMapping } from "./headers.ts";
import { normalizeKey } from "./normalize.ts";

/** Headers of a time-of-day column (keys as `normalizeKey` gives them, after a Kobo group). */
const TIME_KEYS: ReadonlySet<string> = new Set([
  "hora",
  "time",
  "hora_local",
  "local_time",
  "hora_aproximada",
  "hora_de_observacion",
  "hora_de_la_observacion",
  "hora_del_avistamiento",
  "hora_avistamiento",
  "observation_time",
  "time_of_observation",
  "time_of_sighting",
]);

/** True when a header names a time of day only (`Hora`, `grupo/hora`, `Hora (hh:mm)`, `Time`). */
export function isTimeHeader(header: string): boolean {
  const last = header
    .split("/")
    .pop()!
    .replace(/\s*[([].*$/, "");
  return TIME_KEYS.has(normalizeKey(last));
}

/**
 * Finds, among the columns that both read as `observed_at`, one date column and one time column;
 * when the time column came first (`Hora;Fecha`), the date column is made the one read. Returns
 * the time column's index and the date column's, or undefined when the file has no such pair
 * (or the caller mapped the columns by hand).
 */
export function splitDateTime(mapping: HeaderMapping): { time: number; date: number } | undefined {
  if (mapping.kind !== "sightings") return undefined;
  const held = mapping.fieldIndex.get("observed_at");
  if (held === undefined || mapping.columns[held]!.how === "user") return undefined;
  const others = mapping.duplicateFields.filter((d) => d.field === "observed_at");
  const all = [held, ...others.map((d) => d.other)];
  const times = all.filter((i) => isTimeHeader(mapping.columns[i]!.column));
  const dates = all.filter((i) => !times.includes(i));
  if (times.length !== 1 || dates.length !== 1) return undefined;
  const time = times[0]!;
  const date = dates[0]!;
  if (held === time) {
    // `Hora;Fecha`: the date column holds observed_at, the time column becomes the extra.
    mapping.fieldIndex.set("observed_at", date);
    const dateColumn = mapping.columns[date]!;
    const timeColumn = mapping.columns[time]!;
    dateColumn.field = "observed_at";
    dateColumn.how = timeColumn.how;
    delete timeColumn.field;
    timeColumn.how = "extra";
  }
  mapping.duplicateFields = mapping.duplicateFields.filter(
    (d) => !(d.field === "observed_at" && (d.other === time || d.other === date)),
  );
  return { time, date };
}

/** Excel's day zero as the workbook reader writes a time-only cell (1900 and 1904 systems). */
const EXCEL_TIME = /^(?:1899-12-3[01]|1904-01-01)T(\d{2}:\d{2}(?::\d{2})?)$/;

/**
 * The text of a time cell to put after a date (`05:30`, `2:30 p. m.`), turning an Excel time cell
 * (`1899-12-30T05:30:00`, or a fraction of a day such as `0.2291666`) into `05:30:00`.
 */
export function timeText(cell: string): string {
  const excel = EXCEL_TIME.exec(cell);
  if (excel) return excel[1]!;
  if (/^0?\.\d+$/.test(cell)) {
    const seconds = Math.round(Number(cell) * 86_400);
    const hh = String(Math.floor(seconds / 3600)).padStart(2, "0");
    const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, "0");
    return `${hh}:${mm}`;
  }
  return cell;
}
