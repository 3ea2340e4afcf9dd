/**
 * A Kobo XLSX export of a form with a repeat group: the main sheet holds one row per submission
 * (date, point, direction, `_uuid`, `_index`), the repeat group's sheet one row per instance
 * (a nationality's counts) with `_submission__uuid` / `_parent_index` naming its submission.
 * When the people are only in the repeat sheet, each of its rows is read with its submission's
 * columns put before its own: one count row per instance, at the repeat sheet's line.
 */
import type { XlsxSheet } from "./xlsx.ts";

/** The repeat sheet joined to its submissions, and what was joined through what. */
export interface JoinedRepeat {
  sheet: XlsxSheet;
  /** The main sheet's columns put on each row. */
  columns: string[];
  /** The repeat sheet's column naming the submission (`_submission__uuid` or `_parent_index`). */
  through: string;
  /** Rows of the repeat sheet (1-based lines) whose submission is not in the main sheet. */
  orphans: number[];
}

/**
 * Joins a repeat group's sheet to the main sheet (both with their header in row 1); undefined
 * when they share no submission key. The main sheet's own Kobo columns (`_uuid`, `_index`, …)
 * and the columns the repeat sheet has too are not copied (each instance keeps its own).
 * @example
 * joinRepeatSheet(
 *   { name: "main", rows: [["fecha", "_uuid"], ["2018-11-19", "u1"]] },
 *   { name: "g", rows: [["total", "_submission__uuid"], ["390", "u1"]] },
 * )?.sheet.rows; // => [["fecha", "total", "_submission__uuid"], ["2018-11-19", "390", "u1"]]
 */
export function joinRepeatSheet(main: XlsxSheet, repeat: XlsxSheet): JoinedRepeat | undefined {
  const mainHeader = (main.rows[0] ?? []).map((c) => c.trim());
  const header = (repeat.rows[0] ?? []).map((c) => c.trim());
  const keys: [string, string][] = [
    ["_submission__uuid", "_uuid"],
    ["_parent_index", "_index"],
  ];
  const pair = keys.find(([r, m]) => header.includes(r) && mainHeader.includes(m));
  if (!pair) return undefined;
  const [repeatKey, mainKey] = pair;
  const at = header.indexOf(repeatKey);
  const mainAt = mainHeader.indexOf(mainKey);
  const own = new Set(header);
  const kept = mainHeader
    .map((name, i) => ({ name, i }))
    .filter(({ name }) => name !== "" && !name.startsWith("_") && !own.has(name));
  const parents = new Map<string, string[]>();
  for (const row of main.rows.slice(1)) {
    const key = (row[mainAt] ?? "").trim();
    if (key !== "" && !parents.has(key)) parents.set(key, row);
  }
  const orphans: number[] = [];
  const rows = repeat.rows.map((row, r) => {
    if (r === 0) return [...kept.map((k) => k.name), ...row];
    if (row.every((c) => c.trim() === "")) return kept.map(() => "").concat(row);
    const parent = parents.get((row[at] ?? "").trim());
    if (!parent) orphans.push(r + 1);
    return [...kept.map((k) => parent?.[k.i] ?? ""), ...row];
  });
  return {
    sheet: { name: repeat.name, rows },
    columns: kept.map((k) => k.name),
    through: repeatKey,
    orphans,
  };
}
