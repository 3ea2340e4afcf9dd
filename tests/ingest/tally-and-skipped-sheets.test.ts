/**
 * A daily tally with one column per direction (`Entradas;Salidas`) read as two count rows per
 * line, and a workbook sheet holding data that is not read counted as rejected rows.
 */
import { describe, expect, it } from "vitest";
import { importTable } from "../../src/ingest/importer.ts";
import type { CountRecord } from "../../src/model/count.ts";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { issueText, totalCheckText } from "../../src/ingest/issue-text.ts";
import { directionColumns } from "../../src/ingest/repeat-columns.ts";
import { sheetDataRows } from "../../src/ingest/skipped-sheet.ts";
import { columnShown, createGazetteer, embedded2018, madeFromText } from "../../src/index.ts";

const gazetteer = createGazetteer(embedded2018().places);
const testGazetteer = () => gazetteer;

const TALLY =
  "Fecha;Punto de monitoreo;Entradas;Salidas\n25/10/2018;Ciudad Hidalgo;1.200;35\n26/10/2018;Ciudad Hidalgo;800;-\n";
const brief = (r: ReturnType<typeof importTable>) =>
  (r.records as CountRecord[]).map((x) => [x.date, x.fmpName, x.direction, x.total]);

describe("a tally with one column per direction", () => {
  it("is read as counts, two rows per line, mapped by incomingIs; a dash is no row", () => {
    const r = importTable(TALLY, { gazetteer: testGazetteer(), incomingIs: "northbound" });
    expect(r.report.kind).toBe("counts");
    expect(r.report.rejections).toEqual([]);
    expect(brief(r)).toEqual([
      ["2018-10-25", "Ciudad Hidalgo", "northbound", 1200],
      ["2018-10-25", "Ciudad Hidalgo", "southbound", 35],
      ["2018-10-26", "Ciudad Hidalgo", "northbound", 800],
    ]);
    const note = r.report.warnings.find((w) => w.code === "repeat_group_rows")!;
    expect(note.params).toMatchObject({ variant: "direction", columns: "Entradas, Salidas" });
    expect(issueText("es", note)).toMatch(
      /^las columnas Entradas, Salidas son una columna por sentido/,
    );
  });
  it("rejects a not-known cell (N/D, s/d) once, under its own column, as not a number", () => {
    const sheet =
      "Fecha;Punto de monitoreo;Ingresos;Egresos\n27/10/2018;Ciudad Hidalgo;N/D;5\n28/10/2018;Ciudad Hidalgo;N/D;s/d\n29/10/2018;Ciudad Hidalgo;7;-\n30/10/2018;Ciudad Hidalgo;;2\n";
    const r = importTable(sheet, { gazetteer: testGazetteer(), incomingIs: "northbound" });
    const seen = r.report.rejections.map((x) => [x.line, x.column, x.code, x.value]);
    expect(seen).toEqual([
      [2, "Ingresos", "invalid_number", "N/D"],
      [3, "Ingresos", "invalid_number", "N/D"],
      [3, "Egresos", "invalid_number", "s/d"],
    ]);
    expect(issueText("es", r.report.rejections[2]!)).toBe("Egresos «s/d» no es un número.");
    // A blank or dash cell gives no row, as docs/import.md says: nothing to reject.
    expect(brief(r)).toEqual([
      ["2018-10-27", "Ciudad Hidalgo", "southbound", 5],
      ["2018-10-29", "Ciudad Hidalgo", "northbound", 7],
      ["2018-10-30", "Ciudad Hidalgo", "southbound", 2],
    ]);
  });
  it("without incomingIs, reads each row's direction as unknown and says why, naming the file's column", () => {
    const r = importTable(TALLY, { gazetteer: testGazetteer() });
    expect(brief(r).map((x) => x[2])).toEqual(["unknown", "unknown", "unknown"]);
    const relative = r.report.warnings.filter((w) => w.code === "direction_relative");
    expect(relative.map((w) => [w.line, w.column])).toEqual([
      [2, "Entradas"],
      [2, "Salidas"],
      [3, "Entradas"],
    ]);
    expect(relative[1]!.message).toMatch(/^column Salidas is relative to the point/);
    expect(issueText("es", relative[1]!)).toMatch(/^la columna Salidas es relativa al punto/);
  });
  it("says which rejected row holds a Total row's difference, with thousands separators", () => {
    const sheet =
      "Fecha;Punto de monitoreo;Entradas;Salidas\n25/10/2018;Ciudad Hidalgo;1.200;35\n25/10/2018;Puente Nowhere;1.895;-\n26/10/2018;Ciudad Hidalgo;1.400;32\nTotal;;4.495;67\n";
    const r = importTable(sheet, { gazetteer: testGazetteer(), incomingIs: "northbound" });
    expect(r.report.rejections.map((x) => x.line)).toEqual([3]);
    const mismatch = r.report.warnings.find((w) => w.code === "total_row_mismatch")!;
    expect(mismatch.message).toBe(
      "the Total row says 4,495 for Entradas; the accepted rows above add up to 2,600 (rejected row 3 holds 1,895).",
    );
    expect(issueText("es", mismatch)).toBe(
      "la fila de Total dice 4,495 en Entradas; las filas aceptadas de arriba suman 2,600 (la fila rechazada 3 tiene 1,895).",
    );
    const check = r.report.totals.find((t) => !t.matches)!;
    expect(check.rejected).toEqual({ lines: [3], held: 1895 });
    expect(totalCheckText("en", check)).toBe(
      "Total row 5: Entradas says 4,495; the accepted rows add up to 2,600 — they differ (rejected row 3 holds 1,895).",
    );
    expect(totalCheckText("es", check)).toMatch(
      /— no coinciden \(la fila rechazada 3 tiene 1,895\)\.$/,
    );
    // Salidas: the rejected row holds none of it (a dash), and its Total matches.
    expect(r.report.totals.find((t) => t.column === "Salidas")).toMatchObject({ matches: true });
  });
  it("names the file's columns, not the importer's Sentido/Total, in the column mapping", () => {
    const r = importTable(TALLY, { gazetteer: testGazetteer(), incomingIs: "northbound" });
    const shown = r.report.columns.map((c) => [columnShown(c), c.field, madeFromText("es", c)]);
    expect(shown).toEqual([
      ["Fecha", "date", undefined],
      ["Punto de monitoreo", "fmp_name", undefined],
      ["Entradas, Salidas", "direction", "encabezado de cada columna"],
      ["Entradas, Salidas", "total", "celda de cada columna"],
    ]);
    // A plain count sheet's Sentido and Total are its own columns.
    const plain = importTable("Fecha;Punto;Sentido;Total\n25/10/2018;Tapachula;norte;10\n", {
      gazetteer: testGazetteer(),
    });
    expect(plain.report.columns.map((c) => c.madeFrom)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
  it("takes Ingresos/Egresos and Entran/Salen, and leaves a sheet with its own direction column alone", () => {
    expect(directionColumns(["Fecha", "Punto", "Ingresos", "Egresos"])?.header).toEqual([
      "Fecha",
      "Punto",
      "Sentido",
      "Total",
    ]);
    const r = importTable("Fecha;Punto;Entran;Salen\n25/10/2018;Tapachula;10;4\n", {
      gazetteer: testGazetteer(),
      incomingIs: "southbound",
    });
    expect(brief(r).map((x) => [x[2], x[3]])).toEqual([
      ["southbound", 10],
      ["northbound", 4],
    ]);
    expect(directionColumns(["Fecha", "Punto", "Sentido", "Entradas", "Salidas"])).toBeUndefined();
    expect(directionColumns(["Fecha", "Punto", "Entradas"])).toBeUndefined();
  });
  it("is read from a workbook sheet beside a count sheet, with its title row above the header", () => {
    const bytes = writeXlsx([
      {
        name: "Tecún Umán",
        rows: [
          ["Fecha", "Punto", "Sentido", "Total"],
          [new Date("2018-10-19T00:00:00Z"), "Tecún Umán", "norte", 1345],
        ],
      },
      {
        name: "Resumen diario",
        rows: [
          ["Resumen diario por punto (DTM)"],
          ["Fecha", "Punto de monitoreo", "Entradas", "Salidas", "Observaciones"],
          [new Date("2018-10-25T00:00:00Z"), "Ciudad Hidalgo", "1.200", "35"],
          [new Date("2018-10-26T00:00:00Z"), "Ciudad Hidalgo", "800", "20", "lluvia"],
          ["Total", "", "2.000", "55"],
        ],
      },
    ]);
    const r = importTable(bytes, { gazetteer: testGazetteer(), incomingIs: "northbound" });
    expect(r.report.rejections).toEqual([]);
    expect(r.report.warnings.filter((w) => w.code === "sheet_skipped")).toEqual([]);
    expect(brief(r).map((x) => `${x[1]} ${x[2]} ${x[3]}`)).toEqual([
      "Tecún Umán northbound 1345",
      "Ciudad Hidalgo northbound 1200",
      "Ciudad Hidalgo southbound 35",
      "Ciudad Hidalgo northbound 800",
      "Ciudad Hidalgo southbound 20",
    ]);
    // The Total row is checked per column, each against the rows of its own column:
    // never the two directions summed, a number no cell holds).
    expect(r.report.totals).toMatchObject([
      { sheet: "Resumen diario", column: "Entradas", stated: 2000, computed: 2000, matches: true },
      { sheet: "Resumen diario", column: "Salidas", stated: 55, computed: 55, matches: true },
    ]);
  });
  it("sees a Total row's errors that cancel across the two directions", () => {
    const bytes = writeXlsx([
      {
        name: "Resumen diario",
        rows: [
          ["Fecha", "Punto de monitoreo", "Entradas", "Salidas"],
          [new Date("2018-10-25T00:00:00Z"), "Ciudad Hidalgo", "1.200", "35"],
          [new Date("2018-10-26T00:00:00Z"), "Cd Hidalgo", "800", "20"],
          // +10 incoming, −10 outgoing: the sum of both columns (2,055) would still match.
          ["Total", "", "2.010", "45"],
        ],
      },
    ]);
    const r = importTable(bytes, { gazetteer: testGazetteer(), incomingIs: "northbound" });
    expect(r.report.totals).toMatchObject([
      { column: "Entradas", stated: 2010, computed: 2000, matches: false },
      { column: "Salidas", stated: 45, computed: 55, matches: false },
    ]);
    const mismatch = r.report.warnings.filter((w) => w.code === "total_row_mismatch");
    expect(mismatch.map((w) => w.message)).toEqual([
      "the Total row says 2,010 for Entradas; the accepted rows above add up to 2,000.",
      "the Total row says 45 for Salidas; the accepted rows above add up to 55.",
    ]);
    // One line, one cell: its place name is warned about once, not once per direction;
    // the Total line is one non-data row.
    const abbreviated = r.report.warnings.filter((w) => w.code === "place_name_abbreviated");
    expect(abbreviated.map((w) => w.line)).toEqual([3]);
    expect(r.report.nonDataRows).toBe(1);
  });
});

describe("a workbook sheet with data rows that is not read", () => {
  const bytes = writeXlsx([
    {
      name: "Conteo",
      rows: [
        ["Fecha", "Punto", "Sentido", "Total"],
        [new Date("2018-10-19T00:00:00Z"), "Tecún Umán", "norte", 1345],
      ],
    },
    {
      name: "Avistamientos",
      rows: [
        ["Fecha y hora", "Lugar", "Caravana", "Tamaño estimado"],
        ["2018-10-20 10:00", "Tapachula", "Caravana 1", 3000],
        ["2018-10-21 10:00", "Huixtla", "Caravana 1", 3200],
        ["Total", "", "", 6200],
      ],
    },
    { name: "Notas", rows: [["Notas del equipo"], ["Conteos por turno."]] },
  ]);
  it("counts its data rows as rejected, with the probe's own reason in en and es", () => {
    const r = importTable(bytes, { gazetteer: testGazetteer() });
    expect((r.records as CountRecord[]).map((x) => x.total)).toEqual([1345]);
    expect(r.report.rejected).toBe(2);
    expect(r.report.dataRows).toBe(3);
    const rej = r.report.rejections.find((x) => x.code === "sheet_skipped")!;
    expect(rej).toMatchObject({ sheet: "Avistamientos", line: 0 });
    expect(rej.message).toMatch(
      /^sheet "Avistamientos" not read: .*; its 2 data rows are counted as rejected\.$/,
    );
    expect(rej.message).not.toMatch(/no usable header/);
    expect(issueText("es", rej)).toMatch(
      /^la hoja «Avistamientos» no se lee: .*; sus 2 filas de datos cuentan como rechazadas\.$/,
    );
    // A sheet of notes holds no table: a warning, as before.
    const notes = r.report.warnings.find((w) => w.code === "sheet_skipped")!;
    expect(notes.message).toBe('sheet "Notas" skipped: no usable header in its first 25 rows.');
  });
  it("sheetDataRows counts the rows below the first row of two cells, Total rows left out", () => {
    expect(sheetDataRows({ name: "n", rows: [["Notas"], ["una línea"]] })).toBe(0);
    expect(
      sheetDataRows({
        name: "r",
        rows: [["Título"], ["a", "b"], ["1", "2"], [""], ["TOTAL", "3"]],
      }),
    ).toBe(1);
  });
});

describe("names a few letters from a known place", () => {
  it("a count point's typo gets the 'did you mean' a sighting's place gets (en, es)", () => {
    const r = importTable("Fecha;Punto;Sentido;Total\n25/10/2018;Tapachual;norte;700\n", {
      gazetteer,
    });
    const w = r.report.warnings.find((x) => x.code === "point_without_position")!;
    expect(w.message).toMatch(/known place \(did you mean "Tapachula"\?\), and the row/);
    expect(issueText("es", w)).toMatch(/conocido \(¿quiso decir «Tapachula»\?\), y la fila/);
  });
  it("a name far from every place gets no suggestion; a close one gets only close names", () => {
    const far = importTable("Fecha;Lugar;Tamaño\n2018-10-25 10:00;Macondo;500\n", {
      gazetteer,
      kind: "sightings",
    });
    const rej = far.report.rejections.find((x) => x.code === "unknown_place")!;
    expect(rej.suggestions).toEqual([]);
    expect(rej.message).not.toMatch(/did you mean/);
    const near = importTable("Fecha;Lugar;Tamaño\n2018-10-25 10:00;Tapachla;500\n", {
      gazetteer,
      kind: "sightings",
    });
    expect(near.report.rejections[0]!.suggestions).toEqual(["Tapachula"]);
  });
});
