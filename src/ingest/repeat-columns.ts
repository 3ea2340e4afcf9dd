/**
 * Kobo's flattened ("wide") export of a repeat group: one set of columns per repeat instance,
 * `grupo_nacionalidad[1]/nacionalidad`, `grupo_nacionalidad[1]/total_grupo`, `[2]/…`, `[3]/…`.
 * Each instance is one count (one nationality of the submission), not a choice of a
 * select_multiple question: a submission row is read as one row per instance, with the
 * submission's other cells (date, point, direction) on each. The header becomes the submission's
 * columns followed by one column per repeated field (`grupo_nacionalidad/total_grupo`).
 */
import { incomingWord, outgoingWord, parseCountry } from "./enums.ts";
import { normalizeKey } from "./normalize.ts";
import type { ColumnMapping } from "./report.ts";

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
  /**
   * Per instance, the value of each repeated field that no cell holds (slot −1): the
   * nationality of a one-column-per-nationality sheet, written in its column's header.
   */
  fixed?: string[][];
  /**
   * `nationality`: one column per nationality (`Hondureños;Salvadoreños;…`); `direction`: one
   * column per direction (`Entradas;Salidas`); neither is a Kobo group.
   */
  layout?: "nationality" | "direction";
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
    // A dash in a tally's cell is "none" (`-`, `–`, `—`): no row, as a blank cell.
    if (own.every((c) => /^[\s\-–—]*$/.test(c))) return;
    slot.forEach((i, j) => {
      if (i < 0 && r.fixed?.[k]?.[j] !== undefined) own[j] = r.fixed[k]![j]!;
    });
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

  /** Whether a row of two cells or more was seen (only the first can be a nationality header). */
  private sawRow = false;

  /** The row as read: the header rewritten, a submission's first instance; others held. */
  take(cells: string[], line: number, inHead: boolean): string[] {
    if (this.found) {
      // A Total row too is one row per column: each column's figure is checked against the rows
      // of its own column (running-totals.ts `keyBy`), never the directions summed.
      const rows = instanceRows(this.found.columns, cells);
      if (rows.length > 1) this.more.set(line, rows.slice(1));
      return rows[0]!;
    }
    const first = !this.sawRow;
    if (cells.filter((c) => c.trim() !== "").length >= 2) this.sawRow = true;
    const columns = inHead
      ? (repeatColumns(cells) ??
        (first ? (nationalityColumns(cells) ?? directionColumns(cells)) : undefined))
      : undefined;
    if (!columns) return cells;
    this.found = { columns, line };
    return columns.header;
  }

  /**
   * The columns of an instance's own (the repeated fields: `Sentido`, `Total`; on a tally also the
   * file's columns its messages name, `Entradas`, `Salidas`), which a line's
   * second row and after warn about (the line's other cells were warned about on its first row).
   */
  get own(): ReadonlySet<string> | undefined {
    const c = this.found?.columns;
    // A tally's messages name the file's column (`Salidas`, RowReader.column), so those are own too.
    const named = c?.layout ? (c.fixed ?? []).map((f) => f[0]!) : [];
    return c ? (this.ownSet ??= new Set([...c.header.slice(c.base.length), ...named])) : undefined;
  }
  private ownSet?: ReadonlySet<string>;

  /** The instances after the first of the submission at `line` (once). */
  rest(line: number): string[][] | undefined {
    const rows = this.more.get(line);
    if (rows) this.more.delete(line);
    return rows;
  }
}

/** The header a one-column-per-nationality sheet's row total is read under: an extra column. */
export const NATIONALITY_ROW_TOTAL = "total_de_la_fila";

/**
 * A count sheet with one column per nationality (`Fecha;Punto;Dirección;Hondureños;Salvadoreños;
 * Guatemaltecos;Nicaragüenses[;Total]`, a common hand-made DTM point sheet) as the repeat layout
 * above: each row is read as one count row per nationality column written (`Nacionalidad` = the
 * column's header, read by parseCountry as for any nationality cell; `Total` = its cell), with
 * the row's date, point and direction on each. A `Total` column of the row is kept as the extra
 * column NATIONALITY_ROW_TOTAL (the sum of the rows it became). Only a header naming two
 * countries or more by name or demonym (not a 3-letter code: `NNA` is a count of minors) and no
 * nationality column of its own; undefined otherwise.
 * @example
 * nationalityColumns(["Fecha", "Punto", "Hondureños", "Salvadoreños"])?.header
 * // => ["Fecha", "Punto", "Nacionalidad", "Total"]
 */
export function nationalityColumns(header: readonly string[]): RepeatColumns | undefined {
  const key = (c: string) => normalizeKey(c);
  // A header names; a row with a digit in it is data (a date, a count), never this header.
  if (header.some((c) => /\d/.test(c))) return undefined;
  if (
    header.some((c) => /^(nacionalidad(es)?|nationality|nationalities|pais|country)$/.test(key(c)))
  )
    return undefined;
  const columns: number[] = [];
  const countries = new Set<string>();
  header.forEach((cell, i) => {
    const text = cell.trim();
    if (key(text).replace(/_/g, "").length <= 3 || !/\p{Ll}/u.test(text)) return;
    const country = parseCountry(text);
    if (country === undefined) return;
    columns.push(i);
    countries.add(country);
  });
  if (countries.size < 2) return undefined;
  const base = header.map((_, i) => i).filter((i) => !columns.includes(i));
  const baseHeader = base.map((i) =>
    /^(total|totales|total_general|suma)$/.test(key(header[i]!))
      ? NATIONALITY_ROW_TOTAL
      : header[i]!,
  );
  return {
    group: "nacionalidad",
    instances: columns.length,
    header: [...baseHeader, "Nacionalidad", "Total"],
    base,
    slots: columns.map((i) => [-1, i]),
    fixed: columns.map((i) => [header[i]!.trim(), ""]),
    layout: "nationality",
  };
}

/** A direction column of the sheet's own: then the two columns are not its directions. */
const DIRECTION_COLUMN = /^(sentido|direccion|direction|flujo|flow|movimiento|rumbo)(_|$)/;

/**
 * A daily tally with one column per direction (`Fecha;Punto de monitoreo;Entradas;Salidas`, the
 * common DTM point tally; also Ingresos/Egresos, Entran/Salen, Incoming/Outgoing, In/Out: the
 * words of enums.ts `incomingWord`/`outgoingWord`) as the repeat
 * layout above: each row is read as two count rows, `Sentido` = the column's header (a direction
 * relative to the point, mapped by `incomingIs` as a `Sentido` cell of `Entradas` is), `Total` =
 * its cell. Only a header with exactly one incoming and one outgoing column, no direction column
 * of its own and no digit; undefined otherwise. A `Total` column of the row is kept as the extra
 * column NATIONALITY_ROW_TOTAL, as for one column per nationality.
 * @example
 * directionColumns(["Fecha", "Punto", "Entradas", "Salidas"])?.header
 * // => ["Fecha", "Punto", "Sentido", "Total"]
 */
export function directionColumns(header: readonly string[]): RepeatColumns | undefined {
  if (header.some((c) => /\d/.test(c))) return undefined;
  const keys = header.map((c) => normalizeKey(c));
  if (keys.some((k) => DIRECTION_COLUMN.test(k))) return undefined;
  const incoming = keys.flatMap((k, i) => (incomingWord(k) ? [i] : []));
  const outgoing = keys.flatMap((k, i) => (outgoingWord(k) ? [i] : []));
  if (incoming.length !== 1 || outgoing.length !== 1) return undefined;
  const columns = [incoming[0]!, outgoing[0]!];
  const base = header.map((_, i) => i).filter((i) => !columns.includes(i));
  const baseHeader = base.map((i) =>
    /^(total|totales|total_general|suma)$/.test(keys[i]!) ? NATIONALITY_ROW_TOTAL : header[i]!,
  );
  return {
    group: "sentido",
    instances: 2,
    header: [...baseHeader, "Sentido", "Total"],
    base,
    slots: columns.map((i) => [-1, i]),
    fixed: columns.map((i) => [header[i]!.trim(), ""]),
    layout: "direction",
  };
}

/**
 * Marks the report's columns the importer made for a tally (one column per direction or
 * nationality: `Sentido`/`Nacionalidad` from each column's header, `Total` from its cell) with the
 * file's columns they come from (`Entradas`, `Salidas`), so that front ends name those and offer
 * no remap of a column the file does not have. The mapping is changed in place.
 * @example
 * // Fecha;Punto;Entradas;Salidas -> the report's "Sentido" and "Total" columns:
 * // madeFrom { columns: ["Entradas", "Salidas"], part: "header" } and { …, part: "cell" }
 */
export function markMadeColumns(mapping: ColumnMapping[], r: RepeatColumns): void {
  if (!r.layout || !r.fixed) return;
  const columns = r.fixed.map((f) => f[0]!);
  const at = r.base.length;
  for (const c of mapping) {
    if (c.column !== r.header[c.index]) continue;
    if (c.index === at) c.madeFrom = { columns, part: "header" };
    else if (c.index === at + 1) c.madeFrom = { columns, part: "cell" };
  }
}
