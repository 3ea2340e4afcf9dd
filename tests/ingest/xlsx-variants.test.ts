// Workbooks as other programs save them: the 1904 date system (old Mac Excel), XML parts with a
// namespace prefix (`<x:row>`), and formats the importer does not read (.xls, .ods, .xlsb).
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importTable } from "../../src/ingest/importer.ts";
import { excelSerialToIso } from "../../src/ingest/dates.ts";
import { sniffFormat } from "../../src/ingest/file-format.ts";
import { readXlsx } from "../../src/ingest/xlsx.ts";
import { writeXlsx } from "../../src/export/xlsx.ts";
import type { CountRecord } from "../../src/model/count.ts";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook with every XML part passed through `edit` (name, text) → text. */
function editXlsx(bytes: Uint8Array, edit: (name: string, xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files))
    out[name] = /\.(xml|rels)$/.test(name) ? strToU8(edit(name, strFromU8(data))) : data;
  return zipSync(out);
}

const sheet = (rows: (string | number | Date)[][]) => writeXlsx([{ name: "Tecún Umán", rows }]);

describe("XLSX: the 1904 date system", () => {
  it("excelSerialToIso counts from 1904-01-01 for 1904 workbooks", () => {
    expect(excelSerialToIso(43386)).toBe("2018-10-13");
    expect(excelSerialToIso(43386 - 1462, true)).toBe("2018-10-13");
    expect(excelSerialToIso(0, true)).toBe("1904-01-01");
  });
  it("importTable reads date cells of a workbook saved with date1904 as the same days", () => {
    const plain = sheet([
      ["fecha", "punto", "sentido", "total"],
      [new Date("2018-10-13T00:00:00Z"), "GT-TEC", "norte", 10],
      [new Date("2018-10-14T00:00:00Z"), "GT-TEC", "norte", 12],
    ]);
    // What Excel writes when the workbook uses the 1904 system: the flag, and serials 1,462 lower.
    const mac = editXlsx(plain, (name, xml) =>
      name === "xl/workbook.xml"
        ? xml.replace("<sheets>", '<workbookPr date1904="1"/><sheets>')
        : name.startsWith("xl/worksheets/")
          ? xml.replace(
              /(<c [^>]*s="1"[^>]*><v>)(\d+)/g,
              (_, a: string, v: string) => a + (Number(v) - 1462),
            )
          : xml,
    );
    const a = importTable(plain, { kind: "counts" });
    const b = importTable(mac, { kind: "counts" });
    expect((a.records as CountRecord[]).map((r) => r.date)).toEqual(["2018-10-13", "2018-10-14"]);
    expect((b.records as CountRecord[]).map((r) => r.date)).toEqual(["2018-10-13", "2018-10-14"]);
    // date1904="true" is the same flag.
    const macTrue = editXlsx(mac, (_name, xml) => xml.replace('date1904="1"', "date1904='true'"));
    expect((importTable(macTrue, { kind: "counts" }).records[0] as CountRecord).date).toBe(
      "2018-10-13",
    );
  });
});

/** A hand-written workbook whose parts bind every namespace to a prefix, with shared strings. */
function prefixedWorkbook(): Uint8Array {
  const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;
  const strings = ["fecha", "punto", "sentido", "total", "GT-TEC", "norte"];
  const s = (i: number, ref: string) => `<x:c r="${ref}" t="s"><x:v>${i}</x:v></x:c>`;
  const rows = [
    `<x:row r="1">${s(0, "A1")}${s(1, "B1")}${s(2, "C1")}${s(3, "D1")}</x:row>`,
    `<x:row r="2"><x:c r="A2" s="1"><x:v>43386</x:v></x:c>${s(4, "B2")}${s(5, "C2")}<x:c r="D2"><x:v>25</x:v></x:c></x:row>`,
    `<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>14/10/2018</x:t></x:is></x:c>${s(4, "B3")}${s(5, "C3")}<x:c r="D3"><x:v>30</x:v></x:c></x:row>`,
  ];
  return zipSync({
    "_rels/.rels": strToU8(
      xml(
        `<pr:Relationships xmlns:pr="${RELS}"><pr:Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/></pr:Relationships>`,
      ),
    ),
    "xl/workbook.xml": strToU8(
      xml(
        `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${OFFICE_RELS}"><x:sheets><x:sheet name="Conteo" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`,
      ),
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      xml(
        `<pr:Relationships xmlns:pr="${RELS}"><pr:Relationship Id="rId1" Type="${OFFICE_RELS}/worksheet" Target="worksheets/data.xml"/><pr:Relationship Id="rId2" Type="${OFFICE_RELS}/styles" Target="styles.xml"/></pr:Relationships>`,
      ),
    ),
    "xl/styles.xml": strToU8(
      xml(
        `<x:styleSheet xmlns:x="${MAIN}"><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="14" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>`,
      ),
    ),
    "xl/sharedStrings.xml": strToU8(
      xml(
        `<x:sst xmlns:x="${MAIN}" count="${strings.length}">${strings.map((t) => `<x:si><x:t>${t}</x:t></x:si>`).join("")}</x:sst>`,
      ),
    ),
    "xl/worksheets/data.xml": strToU8(
      xml(
        `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${rows.join("")}</x:sheetData></x:worksheet>`,
      ),
    ),
  });
}

describe("XLSX: namespace-prefixed parts", () => {
  it("readXlsx reads <x:row>, <x:c>, <x:si> and a relationship prefix other than r:", () => {
    expect(readXlsx(prefixedWorkbook())).toEqual([
      {
        name: "Conteo",
        rows: [
          ["fecha", "punto", "sentido", "total"],
          ["2018-10-13", "GT-TEC", "norte", "25"],
          ["14/10/2018", "GT-TEC", "norte", "30"],
        ],
      },
    ]);
  });
  it("importTable imports a prefixed workbook like any other", () => {
    const r = importTable(prefixedWorkbook(), { kind: "counts" });
    expect(r.report.fatal).toBeUndefined();
    expect(r.report).toMatchObject({ dataRows: 2, accepted: 2, rejected: 0 });
    expect((r.records as CountRecord[]).map((x) => [x.date, x.total])).toEqual([
      ["2018-10-13", 25],
      ["2018-10-14", 30],
    ]);
  });
  it("importTable reads a writer's workbook with its main namespace moved to a prefix", () => {
    const plain = sheet([
      ["fecha", "punto", "sentido", "total"],
      [new Date("2018-10-13T00:00:00Z"), "GT-TEC", "norte", 10],
    ]);
    const prefixed = editXlsx(plain, (name, xml) =>
      name.startsWith("xl/") && !name.endsWith(".rels")
        ? xml
            .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`)
            .replace(/<(\/?)([A-Za-z]+)([\s>/])/g, "<$1x:$2$3")
        : xml,
    );
    expect(strFromU8(unzipSync(prefixed)["xl/worksheets/sheet1.xml"]!)).toContain("<x:row");
    expect(importTable(prefixed, { kind: "counts" }).records).toEqual(
      importTable(plain, { kind: "counts" }).records,
    );
  });
});

const SAVE_AS = /save it as \.xlsx or CSV/;

describe("formats the importer does not read", () => {
  /** The first bytes of a real OLE2 compound file (an .xls), then padding. */
  const xls = new Uint8Array(4096);
  xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0, 0x3e, 0, 3, 0]);
  /** An OpenDocument spreadsheet: `mimetype` first and stored (uncompressed), as the standard says. */
  const ods = zipSync(
    {
      mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
      "content.xml": strToU8("<office:document-content/>"),
    },
    {},
  );

  it("sniffFormat tells them apart by content", () => {
    expect(sniffFormat(xls)).toBe("ole2");
    expect(sniffFormat(ods)).toBe("ods");
    expect(sniffFormat(sheet([["a"]]))).toBe("zip");
    expect(sniffFormat(strToU8("fecha,total\n"))).toBe("text");
  });
  it("an Excel 97–2003 .xls gets one sentence to save it as .xlsx or CSV, whatever its name", () => {
    for (const fileName of ["conteo.xls", "conteo.csv", "conteo"]) {
      const r = importTable(xls, { fileName });
      expect(r.report.fatal?.code).toBe("unsupported_format");
      expect(r.report.fatal?.message).toMatch(/Excel 97–2003 workbook \(\.xls\)/);
      expect(r.report.fatal?.message).toMatch(SAVE_AS);
      expect(r.report.fatal?.message).not.toMatch(/column/);
    }
  });
  it("an OpenDocument .ods gets the same advice, also when mimetype is not its first entry", () => {
    const r = importTable(ods, { fileName: "conteo.ods" });
    expect(r.report.fatal).toMatchObject({ code: "unsupported_format" });
    expect(r.report.fatal?.message).toMatch(/OpenDocument spreadsheet \(\.ods\)/);
    expect(r.report.fatal?.message).toMatch(SAVE_AS);
    const late = zipSync({
      "content.xml": strToU8("<office:document-content/>"),
      mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
    });
    expect(importTable(late).report.fatal?.message).toMatch(/\.ods\).*save it as \.xlsx or CSV/);
  });
  it("an Excel binary workbook (.xlsb) is named too", () => {
    const xlsb = zipSync({ "xl/workbook.bin": new Uint8Array([1, 2, 3]) });
    expect(importTable(xlsb).report.fatal?.message).toMatch(/\.xlsb\).*save it as \.xlsx or CSV/);
  });
  it("the .xls is recognised when streamed in small chunks", () => {
    const r = importTable(xls.slice(0, 8));
    expect(r.report.fatal?.code).toBe("unsupported_format");
  });
});
