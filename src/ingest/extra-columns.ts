/**
 * The order of a table's extra columns, one rule for every writer (`dtm-flow import`'s streamed
 * tables, `formatTableCsv` in the viewer's and notebooks' exports): the file's own columns first,
 * in the order met, then the columns the importer adds for what it read differently from the
 * cell, in the fixed order of `AS_WRITTEN_COLUMNS` (tryout24 LOW-8: the viewer wrote
 * `caravan_label_as_written` before `place_name_as_written`, `import` after).
 */

/** Columns the importer adds to the extra attributes, in the order every table writes them. */
export const AS_WRITTEN_COLUMNS: readonly string[] = [
  "place_name_as_written",
  "reported_at",
  "fmp_name_as_written",
  "caravan_label_as_written",
  "lat_as_written",
  "lon_as_written",
];

const RANK = new Map(AS_WRITTEN_COLUMNS.map((c, i) => [c, i]));

/**
 * The extra columns in writing order: the others as given, then AS_WRITTEN_COLUMNS' members in
 * that list's order. A new array; repeats are dropped.
 * @example orderExtraColumns(["caravan_label_as_written", "start", "place_name_as_written"])
 * // => ["start", "place_name_as_written", "caravan_label_as_written"]
 */
export function orderExtraColumns(columns: readonly string[]): string[] {
  const unique = [...new Set(columns)];
  const own = unique.filter((c) => !RANK.has(c));
  const added = unique.filter((c) => RANK.has(c)).sort((a, b) => RANK.get(a)! - RANK.get(b)!);
  return [...own, ...added];
}
