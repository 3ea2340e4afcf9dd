/**
 * Per-record checks of sightings and stocks: the same report typed twice (`duplicate_record`),
 * caravan labels respelt to the file's first accepted spelling, Excel errors in descriptive
 * columns, and coordinates with a hemisphere letter.
 */
import { describe, expect, it } from "vitest";
import { importTable } from "../../src/ingest/importer.ts";
import { parseDegrees } from "../../src/ingest/values.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { issueText } from "../../viewer/analyst/issueText.ts";
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import { embedded2018 } from "../../src/embedded/index.ts";

const gazetteer = createGazetteer(embedded2018().places);

const sightings = (lines: string[]) =>
  importTable(lines.join("\n") + "\n", { kind: "sightings", gazetteer });
const codes = (r: ReturnType<typeof importTable>) => r.report.rejections.map((x) => x.code);

describe("duplicate_record: only a row typed twice", () => {
  it("two rows that differ only in their notes are two reports: both kept", () => {
    const r = sightings([
      "fecha;lugar;cantidad;fuente;notas",
      "20/10/2018;Tapachula;300;OIM;grupo de hondureños en el parque",
      "20/10/2018;Tapachula;300;OIM;otro grupo, salvadoreños, en la terminal",
    ]);
    expect(codes(r)).toEqual([]);
    expect(r.report.accepted).toBe(2);
  });

  it("two rows that differ only in confidence, or in an extra column, are both kept", () => {
    const r = sightings([
      "fecha;lugar;cantidad;fuente;confianza;equipo",
      "20/10/2018;Tapachula;300;OIM;alta;A",
      "20/10/2018;Tapachula;300;OIM;baja;A",
      "20/10/2018;Tapachula;300;OIM;alta;B",
    ]);
    expect(codes(r)).toEqual([]);
    expect(r.report.accepted).toBe(3);
  });

  it("a row typed again with its notes in another case and spacing is still caught", () => {
    const r = sightings([
      "fecha;lugar;cantidad;fuente;notas",
      "20/10/2018;Tapachula;300;OIM;Grupo en el parque.",
      "2018-10-20;tapachula;300;OIM;grupo  en el PARQUE",
      "20/10/2018;Tapachula;300;OIM;grupo en la terminal",
    ]);
    expect(codes(r)).toEqual(["duplicate_record"]);
    expect(r.report.rejections[0]!.line).toBe(3);
    expect(r.report.rejections[0]!.params).toEqual({ first: 2 });
  });

  it("a row typed again with an accent dropped from its notes is still caught", () => {
    const r = sightings([
      "fecha;lugar;cantidad;fuente;notas",
      "20/10/2018;Tapachula;300;OIM;Grupo de niños.",
      "20/10/2018;Tapachula;300;OIM;grupo de ninos",
      "20/10/2018;Tapachula;300;OIM;niños",
      "20/10/2018;Tapachula;300;OIM;ninos",
    ]);
    expect(codes(r)).toEqual(["duplicate_record", "duplicate_record"]);
    expect(r.report.rejections.map((x) => [x.line, x.params])).toEqual([
      [3, { first: 2 }],
      [5, { first: 4 }],
    ]);
  });

  it("a repeat of a row on another sheet names that sheet, in English and Spanish", () => {
    const head = ["fecha", "lugar", "caravana", "cantidad"];
    const row = ["20/10/2018", "Tapachula", "Caravana 1", "300"];
    const bytes = writeXlsx([
      { name: "Lunes", rows: [head, row] },
      { name: "Martes", rows: [head, ["2018-10-20", "tapachula", "caravana 1", "300"]] },
    ]);
    const r = importTable(bytes, { kind: "sightings", gazetteer });
    const rejection = r.report.rejections.find((x) => x.code === "duplicate_record")!;
    expect(rejection.sheet).toBe("Martes");
    expect(rejection.message).toContain('reads as row 2 of sheet "Lunes"');
    expect(r.report.duplicates).toEqual([
      { line: 2, firstLine: 2, by: "record", sheet: "Martes", firstSheet: "Lunes" },
    ]);
    expect(issueText("es", rejection)).toContain("la fila 2 de la hoja «Lunes»");
  });
});

describe("caravan labels: the first spelling is an accepted row's", () => {
  it("a rejected first row does not set the spelling; the warning names an accepted row", () => {
    const r = sightings([
      "fecha;lugar;caravana;cantidad",
      "99/99/2018;Tapachula;CARAVANA 1;500",
      "20/10/2018;Tapachula;Caravana 1;500",
      "21/10/2018;Huixtla;Caravana 1;600",
    ]);
    expect(codes(r)).toEqual(["invalid_date"]);
    const records = r.records as Sighting[];
    expect(records.map((s) => s.caravanLabel)).toEqual(["Caravana 1", "Caravana 1"]);
    expect(records.every((s) => s.extra?.["caravan_label_as_written"] === undefined)).toBe(true);
    expect(r.report.warnings.filter((w) => w.code === "caravan_label_spelling")).toEqual([]);
  });

  it("stocks too: a rejected first row does not set the spelling", () => {
    const r = importTable(
      [
        "date;category;value;basis;caravan_label",
        "2018-10-20;asylum_claim;;cumulative;CARAVANA 1",
        "2018-10-21;asylum_claim;1000;cumulative;Caravana 1",
        "2018-10-22;asylum_claim;1200;cumulative;caravana 1",
      ].join("\n") + "\n",
      { kind: "stocks" },
    );
    expect(codes(r)).toEqual(["missing_value"]);
    const labels = (r.records as { caravanLabel?: string }[]).map((x) => x.caravanLabel);
    expect(labels).toEqual(["Caravana 1", "Caravana 1"]);
    const warned = r.report.warnings.filter((w) => w.code === "caravan_label_spelling");
    expect(warned.map((w) => w.line)).toEqual([4]);
  });

  it("the once-only warning is given on the first accepted row with the new spelling", () => {
    const r = sightings([
      "fecha;lugar;caravana;cantidad",
      "20/10/2018;Tapachula;Caravana 1;500",
      "99/99/2018;Huixtla;caravana 1;600",
      "22/10/2018;Huixtla;caravana 1;600",
    ]);
    const warned = r.report.warnings.filter((w) => w.code === "caravan_label_spelling");
    expect(warned.map((w) => w.line)).toEqual([4]);
    expect(warned[0]!.message).toContain('read as "Caravana 1", as row 2 writes it');
    expect((r.records as Sighting[]).map((s) => s.caravanLabel)).toEqual([
      "Caravana 1",
      "Caravana 1",
    ]);
  });
});

describe("Excel errors in descriptive columns", () => {
  it("#N/A in the notes or the source blanks the cell with a warning; the row is kept", () => {
    const r = sightings([
      "fecha;lugar;caravana;cantidad;fuente;observaciones",
      "20/10/2018;Tapachula;Caravana 1;500;OIM;#N/A",
      "21/10/2018;Huixtla;Caravana 1;600;#N/A;llegada",
    ]);
    expect(codes(r)).toEqual([]);
    const records = r.records as Sighting[];
    expect(records.map((s) => [s.sizeBest, s.sourceOrg, s.notes])).toEqual([
      [500, "OIM", undefined],
      [600, undefined, "llegada"],
    ]);
    const warned = r.report.warnings.filter((w) => w.code === "excel_error");
    expect(warned.map((w) => [w.line, w.column, w.value])).toEqual([
      [2, "observaciones", "#N/A"],
      [3, "fuente", "#N/A"],
    ]);
    expect(issueText("es", warned[0]!)).toContain("se deja vacía y se conserva la fila");
  });

  it("#N/A in the figure or the place still rejects the row", () => {
    const r = sightings([
      "fecha;lugar;caravana;cantidad;observaciones",
      "20/10/2018;Tapachula;Caravana 1;#N/A;nota",
      "20/10/2018;#N/A;Caravana 1;500;#N/A",
    ]);
    expect(codes(r)).toEqual(["excel_error", "excel_error"]);
    expect(r.report.rejections.map((x) => x.column)).toEqual(["cantidad", "lugar"]);
  });

  it("#N/A in a count sheet's nationality keeps the count", () => {
    const r = importTable(
      "fecha;punto;dirección;nacionalidad;total\n20/10/2018;GT-TEC;norte;#N/A;40\n",
      {
        kind: "counts",
      },
    );
    expect(r.report.accepted).toBe(1);
    expect(r.report.warnings.map((w) => w.code)).toContain("excel_error");
  });
});

describe("coordinates with a hemisphere letter: the letter's axis and sign are checked", () => {
  const points = (lat: string, lon: string) =>
    sightings(["fecha;latitud;longitud;cantidad", `20/10/2018;${lat};${lon};500`]);

  it("parseDegrees gives the letter's axis and flags a sign against its letter", () => {
    expect(parseDegrees("14.6773 N")).toEqual({ value: 14.6773, axis: "lat" });
    expect(parseDegrees("92.1404 O")).toEqual({ value: -92.1404, axis: "lon" });
    expect(parseDegrees("-14.6 N")).toEqual({ value: -14.6, axis: "lat", signAgainstLetter: true });
    expect(parseDegrees("+92.1 W")?.signAgainstLetter).toBe(true);
    expect(parseDegrees("-92.1 W")).toEqual({ value: -92.1, axis: "lon" });
    expect(parseDegrees("N 14.6 S")).toBeUndefined();
  });

  it("14.6773 N / 92.1404 W are read as 14.6773, -92.1404", () => {
    const r = points("14.6773 N", "92.1404 W");
    expect(codes(r)).toEqual([]);
    const s = (r.records as Sighting[])[0]!;
    expect([s.lat, s.lon]).toEqual([14.6773, -92.1404]);
  });

  const coordinateRejection = (r: ReturnType<typeof importTable>) => {
    expect(r.report.accepted).toBe(0);
    return r.report.rejections.find((x) => x.code === "invalid_coordinate");
  };

  it("a longitude letter in the latitude column (or the reverse) is rejected", () => {
    expect(coordinateRejection(points("14.6773 W", "-92.1404"))?.column).toBe("latitud");
    expect(coordinateRejection(points("14.6773", "92.1404 N"))?.column).toBe("longitud");
  });

  it("a minus sign with N is rejected, not read as south", () => {
    const rejection = coordinateRejection(points("-14.6773 N", "92.1404 W"));
    expect(rejection?.message).toContain("the sign says one hemisphere");
  });

  it("both cells with the other axis's letter: read swapped with coordinates_swapped", () => {
    const r = points("92.1404 W", "14.6773 N");
    expect(codes(r)).toEqual([]);
    const s = (r.records as Sighting[])[0]!;
    expect([s.lat, s.lon]).toEqual([14.6773, -92.1404]);
    expect(r.report.warnings.map((w) => w.code)).toContain("coordinates_swapped");
  });
});

describe("unlikely_count names the column the figure came from", () => {
  it("size_best blank and size_max 500000: the warning names size_max", () => {
    const r = sightings([
      "observed_at;place_name;caravan_label;size_best;size_max",
      "2018-10-20;Tapachula;Caravana 1;;500000",
      "2018-10-21;Tapachula;Caravana 1;400000;",
    ]);
    const warned = r.report.warnings.filter((w) => w.code === "unlikely_count");
    expect(warned.map((w) => [w.line, w.column])).toEqual([
      [2, "size_max"],
      [3, "size_best"],
    ]);
  });
});
