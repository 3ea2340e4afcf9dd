/**
 * What kind of file the bytes are, from their first bytes (never from the file name): a ZIP
 * archive (XLSX, or an OpenDocument spreadsheet), an OLE2 compound file (Excel 97–2003 `.xls`),
 * or anything else (read as text). Formats the importer does not read get one sentence saying
 * what to do instead.
 */
import type { ImportIssueCode } from "./issue-codes.ts";

/** Formats recognised by their first bytes. */
export type SniffedFormat = "zip" | "ods" | "ole2" | "binary" | "text";

/** OLE2 compound file signature (Excel 97–2003 `.xls`, also old `.doc`). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";
/** Bytes needed to tell the formats apart (ZIP local header + `mimetype` entry of an ODS file). */
export const SNIFF_FORMAT_BYTES = 30 + 8 + ODS_MIMETYPE.length + 64;

/**
 * The format of a file from its first bytes (at least `SNIFF_FORMAT_BYTES` of them when the file
 * is that long). OpenDocument files are ZIP archives whose first entry is an uncompressed
 * `mimetype` holding `application/vnd.oasis.opendocument.spreadsheet` (OpenDocument 1.2, part 3, section 3.3).
 * @example sniffFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) // => "ole2"
 */
export function sniffFormat(head: Uint8Array): SniffedFormat {
  if (OLE2.every((b, i) => head[i] === b)) return "ole2";
  if (!(head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04))
    return looksBinary(head) ? "binary" : "text";
  const nameLength = head[26]! | (head[27]! << 8);
  const extraLength = head[28]! | (head[29]! << 8);
  const method = head[8]! | (head[9]! << 8);
  const name = String.fromCharCode(...head.subarray(30, 30 + nameLength));
  if (name === "mimetype" && method === 0) {
    const at = 30 + nameLength + extraLength;
    const body = String.fromCharCode(...head.subarray(at, at + ODS_MIMETYPE.length));
    if (body === ODS_MIMETYPE) return "ods";
  }
  return "zip";
}

/**
 * Bytes that are no text table: a zero byte or a control character other than tab, line feed,
 * carriage return, form feed and Ctrl-Z in more than 2 % of the first 1,024 bytes (a PDF, an
 * image, a compressed or damaged file). UTF-16 text, whose every other byte is zero, has a BOM or
 * the zeros at alternating positions, and is text.
 * @example looksBinary(new TextEncoder().encode("fecha,punto\n")) // => false
 */
export function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 1024);
  if (n === 0) return false;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    return false;
  let evenZero = 0;
  let oddZero = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) {
      if (i % 2 === 0) evenZero++;
      else oddZero++;
    }
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control++;
  }
  // UTF-16 without a BOM: zeros at one parity only (ASCII text in two-byte units).
  const half = n / 2;
  if (
    (oddZero > half * 0.6 && evenZero < half * 0.1) ||
    (evenZero > half * 0.6 && oddZero < half * 0.1)
  )
    return false;
  return control > n * 0.02;
}

/** A file name that says it is an Excel workbook (`.xlsx`, `.xlsm`, `.xls`): its extension. */
const WORKBOOK_NAME = /\.(xlsx|xlsm|xls)$/i;

/** Whether the file's name (ImportOptions.fileName) says it is an Excel workbook. */
export function namedWorkbook(options: { fileName?: string }): boolean {
  return WORKBOOK_NAME.test(options.fileName ?? "");
}

/**
 * Code, sentence and params (`format`; `variant: "named_workbook"` with `ext`) for a file format
 * the importer does not read. Bytes that are no workbook under a workbook's name (a damaged file,
 * another file renamed) are said as such: "save it as .xlsx" would not help a file already named so.
 * @param fileName the file's name, when known (ImportOptions.fileName).
 * @example unsupportedFormat("binary", "roto.xlsx").params // => { format: "binary", variant: "named_workbook", ext: ".xlsx" }
 */
export function unsupportedFormat(
  format: "ods" | "ole2" | "xlsb" | "binary",
  fileName?: string,
): {
  code: ImportIssueCode;
  message: string;
  params: { format: string; variant?: string; ext?: string };
} {
  const named = format === "binary" ? WORKBOOK_NAME.exec(fileName ?? "") : null;
  if (named) {
    const ext = `.${named[1]!.toLowerCase()}`;
    return {
      code: "unsupported_format",
      message: `the file is named ${ext} but is not a readable workbook (damaged, or another kind of file renamed): re-save it from Excel (File > Save As > Excel Workbook) or export the sheet as CSV, and import that.`,
      params: { format, variant: "named_workbook", ext },
    };
  }
  if (format === "binary")
    return {
      code: "unsupported_format",
      message:
        "the file holds binary data, not a table written as text (a PDF, an image, a compressed or damaged file?): export the sheet as CSV or .xlsx and import that.",
      params: { format },
    };
  const what = {
    ole2: "an Excel 97–2003 workbook (.xls)",
    ods: "an OpenDocument spreadsheet (.ods)",
    xlsb: "an Excel binary workbook (.xlsb)",
  }[format];
  return {
    code: "unsupported_format",
    message: `the file is ${what}, which the importer does not read: save it as .xlsx or CSV and import that.`,
    params: { format },
  };
}
