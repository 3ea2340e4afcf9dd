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
 * Finds, among the columns that both read as `observed_at` (else among the extra columns, for
 * the time), one date column and one time column;
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
  let times = all.filter((i) => isTimeHeader(mapping.columns[i]!.column));
  const dates = all.filter((i) => !times.includes(i));
  // A time header that is no alias of observed_at (`Time`, `Hora local`, `grupo/hora` read as a
  // select_multiple choice) is an extra column beside the one date column: the time column too.
  if (times.length === 0 && dates.length === 1) times = extraTimeColumns(mapping);
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
  }
  mapping.columns[time]!.how = "extra";
  // The column map says it is the time column (validate, import-report.json), not a bare extra.
  mapping.columns[time]!.timeOf = mapping.columns[date]!.column;
  mapping.duplicateFields = mapping.duplicateFields.filter(
    (d) => !(d.field === "observed_at" && (d.other === time || d.other === date)),
  );
  return { time, date };
}

/** The columns no field holds whose header names a time of day. */
function extraTimeColumns(mapping: HeaderMapping): number[] {
  const out: number[] = [];
  mapping.columns.forEach((c, i) => {
    if (c.field === undefined && isTimeHeader(c.column)) out.push(i);
  });
  return out;
}

/** Excel's day zero as the workbook reader writes a time-only cell (1900 and 1904 systems). */
const EXCEL_TIME = /^(?:1899-12-3[01]|1904-01-01)T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?$/;

/** A Kobo/ODK `time` answer (`05:30:00.000-06:00`) or a plain `05:30`, `5:30:15`. */
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A time cell read by itself: a clock time with or without seconds, fraction and offset (Kobo and
 * ODK write `05:30:00.000-06:00`), an Excel time cell (`1899-12-30T05:30:00`) or a fraction of a
 * day (`0.5` is noon, `0` midnight). `time` is `hh:mm:ss`; undefined for anything else (`5:30 AM`,
 * `2:30 p. m.` are read with the date by the caller).
 * @example
 * clockTime("05:30:00.000-06:00"); // => { time: "05:30:00", offset: "-06:00" }
 */
export function clockTime(cell: string): { time: string; offset?: string } | undefined {
  const excel = EXCEL_TIME.exec(cell);
  if (excel) return { time: withSeconds(excel[1]!) };
  if (/^(?:0|0?\.\d+)$/.test(cell)) {
    const seconds = Math.round(Number(cell) * 86_400);
    const two = (n: number) => String(n).padStart(2, "0");
    const hh = two(Math.floor(seconds / 3600));
    return { time: `${hh}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}` };
  }
  const m = CLOCK.exec(cell);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return undefined;
  const time = `${m[1]!.padStart(2, "0")}:${m[2]}:${m[3] ?? "00"}`;
  const z = m[4];
  if (z === undefined) return { time };
  return { time, offset: z === "Z" ? "Z" : `${z.slice(0, 3)}:${z.slice(-2)}` };
}

/** `05:30` → `05:30:00`; a time with seconds as it is. */
export function withSeconds(t: string): string {
  return t.length === 5 ? `${t}:00` : t;
}
