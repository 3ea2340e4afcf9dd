/**
 * Rows that are not data: blank rows, copies of the header, Total and sub-total rows; and cells an
 * export neutralised as formulas. Each check runs on every row, so none allocates on the common
 * path.
 */
import { normalizeKey } from "./normalize.ts";

const TOTAL_WORDS = /^(total|totales|total_general|gran_total|grand_total|suma|sum|sum_total)$/;
const SUBTOTAL_WORDS = /^(sub_?total|subtotales|total_parcial|total_\w+|subtotal_\w+)$/;
const FORMULA_QUOTED = /^'[=+\-@\t\r]/;

/** True when every cell is empty or white space (checked without allocating). */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) {
    for (let i = 0; i < c.length; i++) {
      const code = c.charCodeAt(i);
      if (code > 32 && code !== 0xa0 && code !== 0xfeff) return false;
    }
  }
  return true;
}

/**
 * The cells with the leading apostrophe removed where an export neutralised a formula ('=…, '-…):
 * read back as written. The same array when no cell has one.
 */
export function unquoteFormulas(raw: string[]): string[] {
  let cells = raw;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i]!.charCodeAt(0) === 39 && FORMULA_QUOTED.test(cells[i]!)) {
      if (cells === raw) cells = raw.slice();
      cells[i] = cells[i]!.slice(1);
    }
  }
  return cells;
}

/** Recognises copies of a header row further down a sheet (an export pasted twice). */
export class RepeatedHeader {
  private readonly key: string;
  private readonly first: string;

  constructor(header: readonly string[] | undefined) {
    this.first = header?.[0] ?? "";
    this.key = (header ?? []).map((c) => normalizeKey(c)).join("\u0001");
  }

  matches(cells: readonly string[]): boolean {
    if (!this.key) return false;
    // Cheap test first: the first cell must be the header's first cell as written.
    if ((cells[0] ?? "") !== this.first) return false;
    return cells.map((c) => normalizeKey(c)).join("\u0001") === this.key;
  }
}

/** `total` or `subtotal` when one of the first text cells says so. */
export function totalWord(cells: readonly string[]): "total" | "subtotal" | undefined {
  let seen = 0;
  for (const c of cells) {
    if (!c) continue;
    // Only cells starting with t/s/g (after spaces) can say total, subtotal, suma, gran total.
    const lead = c.charCodeAt(0) | 0x20;
    if (lead !== 0x74 && lead !== 0x73 && lead !== 0x67 && lead !== 0x20) {
      if (++seen > 3) break;
      continue;
    }
    if (lead !== 0x20) {
      // Starts with a letter, so not blank: rule out most words by their next two letters
      // before trimming and lower-casing a copy (exactly the `head` test below, for ASCII).
      if (++seen > 3) break;
      const l1 = c.charCodeAt(1) | 0x20;
      const l2 = c.charCodeAt(2) | 0x20;
      if (
        !(lead === 0x74 && l1 === 0x6f && l2 === 0x74) && // tot
        !(lead === 0x73 && l1 === 0x75 && (l2 === 0x62 || l2 === 0x6d)) && // sub, sum
        !(lead === 0x67 && l1 === 0x72 && l2 === 0x61) // gra
      )
        continue;
      --seen; // counted again below
    }
    const t = c.trim();
    if (!t) continue;
    if (++seen > 3) break;
    const head = t.slice(0, 3).toLowerCase();
    if (head !== "tot" && head !== "sub" && head !== "sum" && head !== "gra") continue;
    // Only words starting with t/s/g can be total, subtotal, suma, gran total.
    const first = t.charCodeAt(0) | 0x20;
    if (t.length > 24 || (first !== 0x74 && first !== 0x73 && first !== 0x67)) continue;
    const k = normalizeKey(t);
    if (TOTAL_WORDS.test(k)) return "total";
    if (SUBTOTAL_WORDS.test(k)) return "subtotal";
  }
  return undefined;
}

/**
 * Excel's error values, as an XLSX error cell or an Excel-saved CSV writes them: a formula that
 * failed (a VLOOKUP of a P-code that found nothing gives `#N/A`), not a value of the row.
 */
const EXCEL_ERROR =
  /^#(?:N\/A|REF!|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;

/**
 * The first of `columns` whose cell holds an Excel error value (see EXCEL_ERROR), or undefined.
 * @example excelErrorColumn(["2018-10-20", "#N/A", "12"], [0, 1, 2]) // => 1
 */
export function excelErrorColumn(
  cells: readonly string[],
  columns: readonly number[],
): number | undefined {
  for (const i of columns) {
    const c = cells[i];
    if (c === undefined) continue;
    // Cheap test first: every error value starts with "#" (after spaces, seldom).
    const first = c.charCodeAt(0);
    if (first !== 35 && (first !== 32 || c.trim().charCodeAt(0) !== 35)) continue;
    if (EXCEL_ERROR.test(c.trim())) return i;
  }
  return undefined;
}

/** A Kobo select_one answer "other": the text of its "specify" companion column is the answer. */
const OTHER_ANSWER = /^(otro|otra|otros|otras|other|others|otro_a|other_specify)$/;

/** Header tails of a question's "other (specify)" column: `punto_otro`, `otro_punto`, `punto_other`. */
function companionNames(tail: string): string[] {
  return ["otro", "otra", "other", "especifique", "specify", "cual", "otro_especifique"].flatMap(
    (w) => [`${tail}_${w}`, `${w}_${tail}`],
  );
}

/**
 * Pairs of columns `[read, companion]`: a column the converter reads and the Kobo "other
 * (specify)" column of the same question (`grupo/punto` and `grupo/punto_otro`), found by their
 * header names after the group prefix.
 */
export function otherCompanions(
  columnNames: readonly string[],
  readColumns: readonly number[],
): [number, number][] {
  const tails = columnNames.map((c) => normalizeKey(c.slice(c.lastIndexOf("/") + 1)));
  const byTail = new Map<string, number>();
  tails.forEach((t, i) => byTail.set(t, i));
  const pairs: [number, number][] = [];
  for (const i of readColumns) {
    const companion = companionNames(tails[i]!)
      .map((n) => byTail.get(n))
      .find((j) => j !== undefined && j !== i && !readColumns.includes(j));
    if (companion !== undefined) pairs.push([i, companion]);
  }
  return pairs;
}

/**
 * The cells with each "other" answer replaced by the text of its "specify" column (see
 * `otherCompanions`); the same array when no answer is "other".
 * @example withOtherAnswers(["otro", "Ciudad Hidalgo"], [[0, 1]]) // => ["Ciudad Hidalgo", "Ciudad Hidalgo"]
 */
export function withOtherAnswers(
  cells: readonly string[],
  pairs: readonly (readonly [number, number])[],
): readonly string[] {
  let out = cells;
  for (const [i, j] of pairs) {
    const said = cells[j]?.trim();
    if (!said || !OTHER_ANSWER.test(normalizeKey(cells[i] ?? ""))) continue;
    if (out === cells) out = cells.slice();
    (out as string[])[i] = said;
  }
  return out;
}
