/**
 * XLSX (Office Open XML) reader: every sheet as rows of text cells. Built on fflate (a maintained,
 * dependency-free unzip that runs unchanged in Node, browsers and Web Workers) plus the few parts
 * of SpreadsheetML a data sheet uses: shared strings, inline strings, numbers, booleans, and date
 * number formats (converted to ISO dates). Formulas are read as their cached values.
 */
import { strFromU8, unzipSync } from "fflate";
import { excelSerialToIso, excelTimeOfDay } from "../calendar/index.ts";

/** The ZIP archive is a spreadsheet in a format this reader does not read (see `unsupportedFormat`). */
export class UnsupportedFormatError extends Error {
  readonly format: "ods" | "xlsb";
  constructor(format: "ods" | "xlsb") {
    super(`unsupported workbook format ${format}`);
    this.format = format;
  }
}

export interface XlsxSheet {
  name: string;
  /** Rows as text cells; row i is spreadsheet row i + 1 (blank rows kept so row numbers match). */
  rows: string[][];
  /**
   * The sheet's merged ranges (`<mergeCell ref="A2:A4"/>`), 0-based rows and columns, inclusive;
   * absent when it has none. Excel keeps a merge's value in its top-left cell only.
   */
  merges?: MergedRange[];
}

/** A merged range of cells, 0-based and inclusive; `ref` as the sheet writes it (`A2:A4`). */
export interface MergedRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A cell reference's 0-based row and column (`B3` → row 2, column 1); undefined when not one. */
function cellAt(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]!) } : undefined;
}

/** The `<mergeCell>` ranges of a worksheet part, in the order written. */
function parseMerges(xml: string): MergedRange[] {
  const out: MergedRange[] = [];
  for (const m of xml.matchAll(/<mergeCell\b[^>]*>/g)) {
    const ref = attr(m[0], "ref");
    const [a, b] = (ref ?? "").split(":");
    const from = a !== undefined ? cellAt(a) : undefined;
    const to = b !== undefined ? cellAt(b) : from;
    if (!from || !to) continue;
    out.push({
      ref: ref!,
      top: Math.min(from.row, to.row),
      left: Math.min(from.col, to.col),
      bottom: Math.max(from.row, to.row),
      right: Math.max(from.col, to.col),
    });
  }
  return out;
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
function unescapeXml(text: string): string {
  return text.replace(ENTITY, (_, e: string) => {
    switch (e) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(
          e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
        );
    }
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2]!) : undefined;
}

/**
 * Namespaces whose elements are read here: SpreadsheetML (transitional and strict) and package
 * relationships. Writers may bind them to a prefix (`<x:row>`, `<x:c>`, `<x:si>`) instead of
 * making them the default namespace; the prefix is dropped so the part reads like any other.
 */
const READ_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
  "http://schemas.openxmlformats.org/package/2006/relationships",
]);
/** Namespaces of relationship attributes (`r:id` of a `<sheet>`), transitional and strict. */
const RELATIONSHIP_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);

/** Prefixes the XML binds to one of `namespaces` (`xmlns:x="…"` → `x`). */
function prefixesOf(xml: string, namespaces: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (namespaces.has(m[2] ?? m[3]!)) out.push(m[1]!);
  }
  return out;
}

/** The part with the prefixes of the namespaces read here removed from element names. */
export function unprefixed(xml: string): string {
  const prefixes = prefixesOf(xml, READ_NAMESPACES);
  if (!prefixes.length) return xml;
  const names = prefixes.map((p) => p.replace(/[.-]/g, "\\$&")).join("|");
  return xml.replace(new RegExp(`<(/?)(?:${names}):`, "g"), "<$1");
}

/** Text of all `<t>` runs inside an element (rich text runs joined), phonetic runs skipped. */
function runText(xml: string): string {
  const clean = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clean))) out += unescapeXml(m[1] ?? "");
  return out;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57,
]);

/** Style index → true when its number format shows a date. */
function dateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId"));
    custom.set(id, attr(m[0], "formatCode") ?? "");
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? "";
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId") ?? 0);
    const code = custom.get(id);
    // A custom format is a date when it has d/m/y outside quoted text and brackets.
    const isDate =
      BUILTIN_DATE_FORMATS.has(id) ||
      (code !== undefined &&
        /[dmy]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "")) &&
        !/^[#0.,%\s]*$/.test(code));
    out.push(isDate);
  }
  return out;
}

function dateText(serial: number, date1904: boolean): string {
  const date = excelSerialToIso(serial, date1904);
  const time = excelTimeOfDay(serial, "second");
  return time === undefined ? date : `${date}T${time}`;
}

/**
 * A number cell as Excel shows it: to 15 significant digits, so a formula's binary rounding
 * (`=0.1*3*10` stored as `3.0000000000000004`) reads as the 3 the analyst sees, not as a count
 * that is not a whole number. Whole numbers written without a point or exponent stay as written
 * (a number beyond 2^53 must still be seen as one).
 * @example shownNumber("3.0000000000000004") // => "3"
 */
function shownNumber(v: string): string {
  if (v.length <= 15 || !/[.eE]/.test(v)) return v;
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  const shown = Number(n.toPrecision(15));
  return shown === n ? v : String(shown);
}

function parseSheet(
  xml: string,
  shared: string[],
  dates: boolean[],
  date1904: boolean,
): string[][] {
  const rows: string[][] = [];
  const data = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml)?.[1] ?? "";
  let nextRow = 0;
  for (const rm of data.matchAll(/<row\b([^>]*)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = attr(rm[0].slice(0, rm[0].indexOf(">") + 1), "r");
    const rowIndex = r ? Number(r) - 1 : nextRow;
    nextRow = rowIndex + 1;
    const cells: string[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const open = `<c${cm[1]}>`;
      const ref = attr(open, "r");
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const type = attr(open, "t") ?? "n";
      const style = Number(attr(open, "s") ?? 0);
      const body = cm[2] ?? "";
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = "";
      if (type === "s") text = v !== undefined ? (shared[Number(v)] ?? "") : "";
      else if (type === "inlineStr") text = runText(body);
      else if (type === "str" || type === "e") text = v !== undefined ? unescapeXml(v) : "";
      else if (type === "b") text = v === "1" ? "TRUE" : v === "0" ? "FALSE" : "";
      else if (type === "d") text = v !== undefined ? unescapeXml(v) : "";
      else if (v !== undefined) {
        const num = Number(v);
        text = dates[style] && Number.isFinite(num) ? dateText(num, date1904) : shownNumber(v);
      }
      while (cells.length < col) cells.push("");
      cells[col] = text;
    }
    while (rows.length < rowIndex) rows.push([]);
    rows[rowIndex] = cells;
  }
  return rows;
}

/**
 * Reads every worksheet of an XLSX workbook, in workbook order.
 * @throws Error when the bytes are not a readable workbook (the importer turns it into a report).
 * @example
 * readXlsx(bytes).map((s) => s.name); // => ["Tecún Umán", "El Carmen"]
 */
export function readXlsx(bytes: Uint8Array): XlsxSheet[] {
  const files = unzipSync(bytes, {
    filter: (f) =>
      (f.name.startsWith("xl/") && f.name.endsWith(".xml")) ||
      f.name.endsWith(".rels") ||
      f.name === "mimetype" ||
      f.name === "xl/workbook.bin",
  });
  const text = (name: string) => (files[name] ? unprefixed(strFromU8(files[name])) : undefined);
  const workbook = text("xl/workbook.xml");
  if (!workbook) {
    if (files["xl/workbook.bin"]) throw new UnsupportedFormatError("xlsb");
    if (/opendocument\.spreadsheet/.test(text("mimetype") ?? ""))
      throw new UnsupportedFormatError("ods");
    throw new Error("not an XLSX workbook (xl/workbook.xml is missing)");
  }
  // Serial day numbers count from 1904-01-01 in workbooks saved with the 1904 date system.
  const pr = /<workbookPr\b[^>]*>/.exec(workbook)?.[0];
  const date1904 = pr !== undefined && /^(1|true)$/i.test(attr(pr, "date1904") ?? "");
  const relPrefix = prefixesOf(workbook, RELATIONSHIP_NAMESPACES)[0] ?? "r";
  const rels = new Map<string, string>();
  for (const m of (text("xl/_rels/workbook.xml.rels") ?? "").matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) rels.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const shared: string[] = [];
  const sst = text("xl/sharedStrings.xml");
  if (sst)
    for (const m of sst.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\s*\/>/g))
      shared.push(runText(m[1] ?? ""));
  const dates = dateStyles(text("xl/styles.xml"));
  const sheets: XlsxSheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name") ?? `Sheet${sheets.length + 1}`;
    const rid = attr(m[0], `${relPrefix}:id`);
    const path = (rid && rels.get(rid)) ?? `xl/worksheets/sheet${sheets.length + 1}.xml`;
    const xml = text(path);
    if (xml === undefined) continue;
    const merges = parseMerges(xml);
    sheets.push({
      name,
      rows: parseSheet(xml, shared, dates, date1904),
      ...(merges.length ? { merges } : {}),
    });
  }
  return sheets;
}
