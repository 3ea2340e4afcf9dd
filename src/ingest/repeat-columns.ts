/**
 * Kobo's flattened ("wide") export of a repeat group: one set of columns per repeat instance,
 * `grupo_nacionalidad[1]/nacionalidad`, `grupo_nacionalidad[1]/total_grupo`, `[2]/…`, `[3]/…`.
 * Each instance is one count (one nationality of the submission), not a choice of a
 * select_multiple question: a submission row is read as one row per instance, with the
 * submission's other cells (date, point, direction) on each. The header becomes the submission's
 * columns followed by one column per repeated field (`grupo_nacionalidad/total_grupo`).
 */

/** A header's repeat group: which columns are its instances' fields. */
export interface RepeatColumns {
  /** The repeat group's name (`grupo_nacionalidad`). */
  group: string;
  /** Number of instances the header has columns for. */
  instances: number;
  /** The header read: the submission's columns, then `group/field` per repeated field. */
  header: string[];
  /** Columns of the submission (not of the group), in order. */
  base: number[];
  /** Per instance (0-based), the column of each repeated field, −1 when the header lacks it. */
  slots: number[][];
  /** Column of `_uuid` in the input, when there is one (made unique per instance). */
  uuid?: number;
}

const INSTANCE = /^(.+)\[(\d+)\]\/(.+)$/;

/**
 * The repeat group of a header row with `name[n]/field` columns for two instances or more;
 * undefined otherwise (one group per sheet: the first one named).
 * @example
 * repeatColumns(["fecha", "g[1]/total", "g[2]/total"])?.header; // => ["fecha", "g/total"]
 */
export function repeatColumns(header: readonly string[]): RepeatColumns | undefined {
  let group: string | undefined;
  const fields: string[] = [];
  const at = new Map<string, number>(); // "n field" → column
  let instances = 0;
  const base: number[] = [];
  header.forEach((cell, i) => {
    const m = INSTANCE.exec(cell.trim());
    if (m && (group === undefined || m[1] === group)) {
      group = m[1]!;
      const n = Number(m[2]);
      if (!fields.includes(m[3]!)) fields.push(m[3]!);
      at.set(`${n} ${m[3]}`, i);
      instances = Math.max(instances, n);
      return;
    }
    base.push(i);
  });
  if (group === undefined || instances < 2) return undefined;
  const slots: number[][] = [];
  for (let n = 1; n <= instances; n++) slots.push(fields.map((f) => at.get(`${n} ${f}`) ?? -1));
  const uuid = header.findIndex((c) => c.trim() === "_uuid");
  return {
    group,
    instances,
    header: [...base.map((i) => header[i]!), ...fields.map((f) => `${group}/${f}`)],
    base,
    slots,
    ...(uuid >= 0 ? { uuid } : {}),
  };
}

/**
 * A submission row as one row per repeat instance that has a cell written (the submission's
 * cells, then the instance's); a row with no instance written stays one row (read as the form
 * says, with blank counts). The `_uuid` of instance n > 1 gets `#n`, so that the instances are
 * not taken for resubmissions of one form.
 * @example
 * instanceRows(repeatColumns(["fecha", "g[1]/total", "g[2]/total"])!, ["2018-11-19", "390", "180"]);
 * // => [["2018-11-19", "390"], ["2018-11-19", "180"]]
 */
export function instanceRows(r: RepeatColumns, cells: readonly string[]): string[][] {
  const base = r.base.map((i) => cells[i] ?? "");
  const uuidAt = r.uuid === undefined ? -1 : r.base.indexOf(r.uuid);
  const rows: string[][] = [];
  r.slots.forEach((slot, k) => {
    const own = slot.map((i) => (i < 0 ? "" : (cells[i] ?? "")));
    if (own.every((c) => c.trim() === "")) return;
    const row = [...base, ...own];
    if (k > 0 && uuidAt >= 0 && row[uuidAt]) row[uuidAt] = `${row[uuidAt]}#${k + 1}`;
    rows.push(row);
  });
  return rows.length ? rows : [[...base, ...r.slots[0]!.map(() => "")]];
}

/**
 * A sheet's flattened repeat group as its rows arrive: finds the header (a row of the sheet's
 * head with `name[n]/field` columns), then gives each submission row's first instance and holds
 * the others back by line until the reader asks for them.
 */
export class RepeatInstances {
  /** The repeat group and the line of its header, once found. */
  found?: { columns: RepeatColumns; line: number };
  private readonly more = new Map<number, string[][]>();

  /** The row as read: the header rewritten, a submission's first instance; others held. */
  take(cells: string[], line: number, inHead: boolean): string[] {
    if (this.found) {
      const rows = instanceRows(this.found.columns, cells);
      if (rows.length > 1) this.more.set(line, rows.slice(1));
      return rows[0]!;
    }
    const columns = inHead ? repeatColumns(cells) : undefined;
    if (!columns) return cells;
    this.found = { columns, line };
    return columns.header;
  }

  /** The instances after the first of the submission at `line` (once). */
  rest(line: number): string[][] | undefined {
    const rows = this.more.get(line);
    if (rows) this.more.delete(line);
    return rows;
  }
}
