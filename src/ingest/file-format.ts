/**
 * What kind of file the bytes are, from their first bytes (never from the file name): a ZIP
 * archive (XLSX, or an OpenDocument spreadsheet), an OLE2 compound file (Excel 97–2003 `.xls`),
 * or anything else (read as text). Formats the importer does not read get one sentence saying
 * what to do instead.
 */

/** Formats recognised by their first bytes. */
export type SniffedFormat = "zip" | "ods" | "ole2" | "text";

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
    return "text";
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

/** Code and sentence for a file format the importer does not read. */
export function unsupportedFormat(format: "ods" | "ole2" | "xlsb"): {
  code: string;
  message: string;
} {
  const what = {
    ole2: "an Excel 97–2003 workbook (.xls)",
    ods: "an OpenDocument spreadsheet (.ods)",
    xlsb: "an Excel binary workbook (.xlsb)",
  }[format];
  return {
    code: "unsupported_format",
    message: `the file is ${what}, which the importer does not read: save it as .xlsx or CSV and import that.`,
  };
}
