import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTableImporter, importTable } from "../../src/ingest/importer.ts";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { testGazetteer } from "./helpers.ts";

/** Cells analysts really put in count sheets, good and bad. */
const messyCell = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "N/A",
    "ND",
    "-",
    "Not available",
    "0",
    "12",
    "1.345",
    "1,345",
    "1 345",
    "-5",
    "12,5",
    "entre 500 y 700",
    "más de 500",
    "+500",
    "aprox. 300",
    "abc",
    "Total",
    "TOTAL",
    "subtotal",
    "#date",
    "#affected+ind",
    "13/10/2018",
    "10/13/2018",
    "2018-10-13",
    "13 de octubre de 2018",
    "13-oct-18",
    "43386",
    "2081-10-13",
    "31/02/2018",
    "norte",
    "sur",
    "entrada",
    "N",
    "de lado",
    "Tecún Umán",
    "TecÃºn UmÃ¡n",
    "Tapachul",
    "14,6349",
    "-92.14",
    "14.6 -92.1 0 5",
    "=SUM(A1:A3)",
    '"',
    '""',
    "a;b",
    "a,b",
    "line\nbreak",
    "\t",
    "GT-TEC",
    "u1",
    "HND",
    "hondureña",
  ),
  fc.string({ maxLength: 8 }),
);
const messyHeader = fc.constantFrom(
  "fecha",
  "Fecha",
  "grp/fecha",
  "punto",
  "Punto de monitoreo",
  "dirección",
  "direction",
  "total",
  "Total personas",
  "hombres",
  "mujeres",
  "niños",
  "niñas",
  "NNA no acompañados",
  "_uuid",
  "lat",
  "lon",
  "ubicacion",
  "sexo",
  "edad",
  "n",
  "observaciones",
  "caravana",
  "tamaño",
  "mínimo",
  "máximo",
  "categoría",
  "valor",
  "base",
  "name",
  "kind",
  "aliases",
  "place_id",
  "Extra",
  "",
  "fecha y hora",
  "lugar",
);

const messyTable = fc.record({
  title: fc.array(fc.array(messyCell, { maxLength: 4 }), { maxLength: 3 }),
  header: fc.array(messyHeader, { minLength: 1, maxLength: 10 }),
  hxl: fc.boolean(),
  rows: fc.array(fc.array(messyCell, { maxLength: 12 }), { maxLength: 40 }),
  delimiter: fc.constantFrom(",", ";", "\t"),
  newline: fc.constantFrom("\n", "\r\n"),
  bom: fc.boolean(),
  encoding: fc.constantFrom("utf-8", "windows-1252"),
  kind: fc.constantFrom(undefined, "counts", "sightings", "stocks", "places"),
  chunk: fc.integer({ min: 1, max: 200 }),
});

function quote(cell: string, d: string): string {
  return /["\r\n]/.test(cell) || cell.includes(d) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function render(
  t: fc.Arbitrary<unknown> extends never
    ? never
    : {
        title: string[][];
        header: string[];
        hxl: boolean;
        rows: string[][];
        delimiter: string;
        newline: string;
        bom: boolean;
        encoding: string;
      },
): Uint8Array {
  const d = t.delimiter;
  const lines = [
    ...t.title,
    t.header,
    ...(t.hxl ? [t.header.map((_, i) => (i % 2 ? "#affected+ind" : "#date"))] : []),
    ...t.rows,
  ];
  const text =
    (t.bom ? "\uFEFF" : "") + lines.map((r) => r.map((c) => quote(c, d)).join(d)).join(t.newline);
  if (t.encoding === "utf-8") return new TextEncoder().encode(text);
  return Uint8Array.from([...text].map((c) => (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f)));
}

describe("importer invariants (property tests)", () => {
  it("accepted + rejected = data rows, always, on generated messy files, however they are chunked", () => {
    const gazetteer = testGazetteer();
    fc.assert(
      fc.property(messyTable, (t) => {
        const bytes = render(t);
        const importer = createTableImporter(t.kind as never, { gazetteer, fileName: "messy.csv" });
        for (let i = 0; i < bytes.length; i += t.chunk)
          importer.push(bytes.subarray(i, i + t.chunk));
        const { report, records } = importer.finish();
        expect(report.accepted + report.rejected).toBe(report.dataRows);
        expect(report.rowsRead).toBe(report.dataRows + report.nonDataRows);
        if (!report.pivoted) expect(records.length).toBe(report.accepted);
        // Each rejected row has at least one reason with its line.
        const lines = new Set(report.rejections.map((r) => r.line));
        expect(lines.size).toBe(report.rejected);
        const whole = importTable(bytes, {
          kind: t.kind as never,
          gazetteer,
          fileName: "messy.csv",
        });
        expect(whole.report).toEqual(report);
      }),
      { numRuns: 300, seed: 20181013 },
    );
  });

  it("accepted + rejected = data rows with a column mapping given by the caller, right or wrong", () => {
    const gazetteer = testGazetteer();
    const target = fc.constantFrom(
      "date",
      "fmp_id",
      "direction",
      "total",
      "observed_at",
      "size",
      "value",
      "name",
      "extra",
      "ignore",
      "no_such_field",
    );
    const key = fc.oneof(
      fc.constantFrom("fecha", "punto", "Extra", "#date", "nada"),
      fc.nat(12).map(String),
    );
    fc.assert(
      fc.property(messyTable, fc.dictionary(key, target, { maxKeys: 4 }), (t, columns) => {
        const bytes = render(t);
        const options = { kind: t.kind as never, gazetteer, fileName: "messy.csv", columns };
        const importer = createTableImporter(t.kind as never, options);
        for (let i = 0; i < bytes.length; i += t.chunk)
          importer.push(bytes.subarray(i, i + t.chunk));
        const { report, records } = importer.finish();
        expect(report.accepted + report.rejected).toBe(report.dataRows);
        expect(report.rowsRead).toBe(report.dataRows + report.nonDataRows);
        if (!report.pivoted) expect(records.length).toBe(report.accepted);
        expect(importTable(bytes, options).report).toEqual(report);
      }),
      { numRuns: 200, seed: 20181020 },
    );
  });

  it("random bytes never throw: they give a report", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.integer({ min: 1, max: 300 }),
        (bytes, chunk) => {
          const importer = createTableImporter(undefined);
          for (let i = 0; i < bytes.length; i += chunk) importer.push(bytes.subarray(i, i + chunk));
          const { report } = importer.finish();
          expect(report.accepted + report.rejected).toBe(report.dataRows);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it("random bytes after a ZIP signature (a broken XLSX) never throw", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (tail) => {
        const bytes = new Uint8Array(4 + tail.length);
        bytes.set([0x50, 0x4b, 0x03, 0x04]);
        bytes.set(tail, 4);
        const { report } = importTable(bytes);
        expect(report.accepted + report.rejected).toBe(report.dataRows);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it("generated workbooks keep the invariant too", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(messyCell, fc.integer({ min: -10, max: 50000 })), { maxLength: 8 }),
          { maxLength: 20 },
        ),
        messyTable,
        (rows, t) => {
          const bytes = writeXlsx([
            { name: "Tecún Umán", rows: [t.header, ...rows] },
            { name: "B", rows },
          ]);
          const { report } = importTable(bytes);
          expect(report.accepted + report.rejected).toBe(report.dataRows);
        },
      ),
      { numRuns: 100, seed: 3 },
    );
  });
});
