import { describe, expect, it } from "vitest";
import { createTableImporter, importChunks, importTable } from "../../src/ingest/importer.ts";
import type { CountRecord } from "../../src/model/count.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import type { StockFigure } from "../../src/model/stock.ts";
import type { Place } from "../../src/model/place.ts";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { formatTableCsv } from "../../src/export/formatTable.ts";
import { chunks, testGazetteer } from "./helpers.ts";
import { northboundFloor } from "../../src/ledger/departures.ts";
import { dayNumber } from "../../src/calendar/iso.ts";
import { toLocalTime } from "../../src/calendar/local-time.ts";
import { issueText } from "../../src/ingest/issue-text.ts";

const HEADER = "fecha;punto;dirección;total;hombres;mujeres;niños;niñas;nna no acompañados\n";
const counts = (rows: string[], options = {}) =>
  importTable(HEADER + rows.join("\n") + "\n", { kind: "counts", ...options });
const codes = (r: ReturnType<typeof importTable>) => r.report.rejections.map((x) => x.code);

describe("importTable: counts", () => {
  it("importTable(counts) maps Spanish headers and reads values as analysts write them", () => {
    const r = counts([
      "13/10/2018;GT-TEC;norte;1.345;700;400;125;120;N/A",
      "14/10/2018;GT-TEC;sur;40;-;;;;",
    ]);
    expect(r.report.accepted).toBe(2);
    expect(r.records.map((x) => (x as CountRecord).origin)).toEqual(["row:2", "row:3"]);
    expect(r.records.map((x) => ({ ...x, origin: undefined }))).toEqual([
      {
        date: "2018-10-13",
        fmpId: "GT-TEC",
        direction: "northbound",
        total: 1345,
        men: 700,
        women: 400,
        boys: 125,
        girls: 120,
      },
      { date: "2018-10-14", fmpId: "GT-TEC", direction: "southbound", total: 40 },
    ]);
  });
  it("importTable(counts) keeps blank apart from zero", () => {
    const r = counts(["13/10/2018;GT-TEC;norte;10;0;;;;"]);
    const rec = r.records[0] as CountRecord;
    expect(rec.men).toBe(0);
    expect(rec.women).toBeUndefined();
    expect("women" in rec).toBe(false);
  });
  it("importTable(counts) rejects parts larger than the total", () => {
    expect(codes(counts(["13/10/2018;GT-TEC;norte;10;8;5;;;"]))).toEqual(["parts_exceed_total"]);
  });
  it("importTable(counts) rejects more unaccompanied children than children", () => {
    expect(codes(counts(["13/10/2018;GT-TEC;norte;100;40;40;10;10;25"]))).toEqual([
      "uac_exceeds_children",
    ]);
  });
  it("importTable(counts) rejects negative counts, non-integers and ranges in a count", () => {
    expect(codes(counts(["13/10/2018;GT-TEC;norte;-5;;;;;"]))).toEqual(["negative_count"]);
    expect(codes(counts(["13/10/2018;GT-TEC;norte;12,5;;;;;"]))).toEqual(["not_integer"]);
    expect(codes(counts(["13/10/2018;GT-TEC;norte;entre 10 y 20;;;;;"]))).toEqual(["not_a_count"]);
  });
  it("importTable(counts) sums the parts when the total is blank and all four parts are given", () => {
    const r = counts(["13/10/2018;GT-TEC;norte;;1;2;3;4;"]);
    expect((r.records[0] as CountRecord).total).toBe(10);
    expect(r.report.warnings.map((w) => w.code)).toContain("total_from_parts");
    const named = counts(["13/10/2018;GT-TEC;norte;;1;2;3;4;"], { fileName: "conteos.csv" });
    // A DtmWarning: where it came from, as the file's own row number.
    expect(named.report.warnings.find((w) => w.code === "total_from_parts")).toMatchObject({
      line: 2,
      source: { module: "ingest", file: "conteos.csv", line: 2 },
    });
    expect(codes(counts(["13/10/2018;GT-TEC;norte;;1;2;;;"]))).toEqual(["missing_total"]);
  });
  it("importTable(counts) rejects dates outside the file's window (a mistyped year)", () => {
    const rows = ["13/10/2018", "14/10/2018", "15/10/2018", "16/10/2081"].map(
      (d) => `${d};GT-TEC;norte;5;;;;;`,
    );
    const r = counts(rows);
    expect(r.report.rejections).toMatchObject([
      { line: 5, code: "date_outside_window", value: "16/10/2081" },
    ]);
  });
  it("importTable(counts) decides dd/mm vs mm/dd from the data, per file", () => {
    const dmy = counts(["05/11/2018;A;norte;1;;;;;", "25/10/2018;A;norte;2;;;;;"]);
    expect((dmy.records[0] as CountRecord).date).toBe("2018-11-05");
    expect(dmy.report.dateOrder).toMatchObject({ order: "dmy", decidedBy: "data" });
    const mdy = counts(["05/11/2018;A;norte;1;;;;;", "10/25/2018;A;norte;2;;;;;"]);
    expect((mdy.records[0] as CountRecord).date).toBe("2018-05-11");
    expect(mdy.report.dateOrder).toMatchObject({ order: "mdy", decidedBy: "data" });
  });
  it("importTable(counts) warns when the day-month order cannot be decided, and reads dd/mm", () => {
    const r = counts(["05/11/2018;A;norte;1;;;;;", "06/11/2018;A;norte;2;;;;;"]);
    expect((r.records[0] as CountRecord).date).toBe("2018-11-05");
    expect(r.report.warnings.map((w) => w.code)).toContain("date_order_undecided");
    expect(r.report.dateOrder?.decidedBy).toBe("default");
    expect(counts(["05/11/2018;A;norte;1;;;;;"], { dateOrder: "mdy" }).records[0]).toMatchObject({
      date: "2018-05-11",
    });
  });
  it("importTable(counts) rejects duplicate rows and Kobo resubmissions (same _uuid)", () => {
    const text =
      "fecha;punto;direccion;total;_uuid\n2018-10-13;A;norte;5;u1\n2018-10-13;A;norte;5;u1\n2018-10-14;A;norte;6;u2\n2018-10-14;A;norte;7;u2\n";
    const r = importTable(text);
    expect(r.report.duplicates).toEqual([
      { line: 3, firstLine: 2, by: "row" },
      { line: 5, firstLine: 4, by: "uuid" },
    ]);
    expect(codes(r)).toEqual(["duplicate_row", "resubmission"]);
    expect(r.report.accepted).toBe(2);
  });
  it("importTable(counts) checks a Total row at the bottom against the accepted rows and does not count it as data", () => {
    const ok = counts([
      "13/10/2018;A;norte;5;;;;;",
      "14/10/2018;A;norte;7;;;;;",
      "Total;;;12;;;;;",
    ]);
    expect(ok.report.totals).toEqual([
      { line: 4, column: "total", stated: 12, computed: 12, matches: true },
    ]);
    expect(ok.report.dataRows).toBe(2);
    expect(ok.report.nonDataRows).toBe(1);
    const bad = counts(["13/10/2018;A;norte;5;;;;;", "TOTAL;;;13;;;;;"]);
    expect(bad.report.totals[0]).toMatchObject({ stated: 13, computed: 5, matches: false });
    expect(bad.report.warnings.map((w) => w.code)).toContain("total_row_mismatch");
  });
  it("importTable(counts) rejects unknown places with the closest known names", () => {
    const text =
      "fecha;punto de monitoreo;direccion;total\n2018-10-13;Tapachul;norte;5\n2018-10-14;tecun uman;norte;6\n";
    const r = importTable(text, { gazetteer: testGazetteer() });
    expect(r.report.rejections).toMatchObject([
      {
        line: 2,
        code: "unknown_place",
        value: "Tapachul",
        suggestions: expect.arrayContaining(["Tapachula"]),
      },
    ]);
    // The point under its gazetteer name (one point however it is spelt), as written in extra.
    expect(r.records[0]).toMatchObject({
      fmpName: "Tecún Umán",
      extra: { fmp_name_as_written: "tecun uman" },
      lat: 14.6773,
      lon: -92.1404,
      country: "GTM",
    });
  });
  it("importTable(counts) keeps points in one town apart: only a department or country after the name folds", () => {
    const text =
      "fecha;punto de monitoreo;direccion;total\n" +
      "23/10/2018;Tecún Umán (puente);norte;1000\n" +
      "23/10/2018;Tecún Umán (albergue);norte;800\n" +
      "23/10/2018;Tecún Umán, San Marcos;norte;700\n" +
      "23/10/2018;Tecun Uman (Guatemala);norte;600\n";
    const r = importTable(text, { gazetteer: testGazetteer() });
    const recs = r.records as CountRecord[];
    expect(recs.map((x) => x.fmpName)).toEqual([
      "Tecún Umán (puente)",
      "Tecún Umán (albergue)",
      "Tecún Umán",
      "Tecún Umán",
    ]);
    // Every row is placed at the town either way.
    expect(recs.every((x) => x.lat === 14.6773)).toBe(true);
    expect(recs[0]!.extra?.fmp_name_as_written).toBeUndefined();
    expect(recs[2]!.extra?.fmp_name_as_written).toBe("Tecún Umán, San Marcos");
    // The bridge and the shelter are two points: the floor is the larger, not their sum.
    const day = dayNumber("2018-10-23")!;
    expect(northboundFloor(recs.slice(0, 2))(day)).toBe(1000);
    const said = r.report.warnings.filter((w) => w.code === "place_name_qualified");
    expect(said[0]!.params).toMatchObject({ qualifier: "puente", qualifierIs: "point_name" });
    expect(said[2]!.params).toMatchObject({ qualifier: "San Marcos", qualifierIs: "region" });
  });
  it("importTable(counts) leaves a lone coordinate out only when the point resolves, keeping it as an extra", () => {
    const text =
      "fecha;punto;punto de monitoreo;direccion;total;latitud\n" +
      "23/10/2018;XX-999;;norte;10;14,6774\n" +
      "23/10/2018;;Tecún Umán;norte;20;32,5\n" +
      "23/10/2018;;tecun uman;norte;30;14,6774\n";
    const r = importTable(text, { gazetteer: testGazetteer() });
    const warned = r.report.warnings.map((w) => [w.line, w.code]);
    expect(warned).not.toContainEqual([2, "half_coordinate_ignored"]);
    expect(r.report.rejections.map((x) => [x.line, x.code])).toEqual([[2, "half_coordinate"]]);
    expect(warned).toContainEqual([3, "half_coordinate_far"]);
    expect(warned).toContainEqual([4, "half_coordinate_ignored"]);
    const recs = r.records as CountRecord[];
    expect(recs.map((x) => x.extra?.["lat_as_written"])).toEqual(["32,5", "14,6774"]);
    expect(recs.map((x) => x.extra?.["latitud"])).toEqual([undefined, undefined]);
    const ignored = r.report.warnings.find((w) => w.code === "half_coordinate_ignored")!;
    expect(ignored.params).toMatchObject({ place: "Tecún Umán" });
  });
  it("a lone coordinate kept as lat_as_written survives import → CSV → import without duplicate_column", () => {
    const text =
      "fecha;punto de monitoreo;direccion;total;latitud\n23/10/2018;Tecún Umán;norte;20;32,5\n";
    const first = importTable(text, { gazetteer: testGazetteer() });
    const { text: csv } = formatTableCsv("counts", first.records as CountRecord[]);
    const again = importTable(csv, { gazetteer: testGazetteer(), kind: "counts" });
    expect(again.report.warnings.map((w) => w.code)).not.toContain("duplicate_column");
    expect((again.records[0] as CountRecord).extra?.["lat_as_written"]).toBe("32,5");
    expect((again.records[0] as CountRecord).lat).toBe(14.6773);
  });
  it("importTable(counts) writes a point with coordinates under its gazetteer name when it is there", () => {
    const text =
      "fecha;punto de monitoreo;direccion;total;latitud;longitud\n" +
      "23/10/2018;Tecun Uman;norte;1000;14,6774;-92,1404\n" +
      "24/10/2018;Tecun Uman;norte;800;;\n" +
      "24/10/2018;Tecun Uman;norte;50;16,75;-93,11\n" +
      "24/10/2018;Xyz;norte;50;16,75;-93,11\n";
    const r = importTable(text, { gazetteer: testGazetteer() });
    const recs = r.records as CountRecord[];
    // Row 4's coordinates are ~250 km from Tecún Umán: the name wins (place_coordinates_far), the
    // coordinates kept as written (tryout21 item 5).
    expect(recs.map((x) => x.fmpName)).toEqual(["Tecún Umán", "Tecún Umán", "Tecún Umán", "Xyz"]);
    expect(recs[0]!.lat).toBe(14.6774);
    expect(recs[0]!.extra?.fmp_name_as_written).toBe("Tecun Uman");
    expect(recs[2]!.lat).toBe(14.6773);
    expect(recs[2]!.extra?.["lat_as_written"]).toBe("16.75");
    expect(
      r.report.warnings.filter((w) => w.code === "place_coordinates_far").map((w) => w.line),
    ).toEqual([4]);
    expect(r.report.rejections).toEqual([]);
    // One point: the floor grows with both days' counts.
    expect(northboundFloor(recs.slice(0, 2))(dayNumber("2018-10-24")!)).toBe(1800);
  });
  it("importTable(counts) reads incoming/entrada as unknown with a warning, or as told by incomingIs", () => {
    const text = "fecha;punto;direccion;total\n2018-10-13;A;entrada;5\n2018-10-13;A;salida;6\n";
    const r = importTable(text);
    expect(r.records.map((x) => (x as CountRecord).direction)).toEqual(["unknown", "unknown"]);
    expect(r.report.warnings.map((w) => w.code)).toEqual([
      "direction_relative",
      "direction_relative",
    ]);
    const told = importTable(text, { incomingIs: "northbound" });
    expect(told.records.map((x) => (x as CountRecord).direction)).toEqual([
      "northbound",
      "southbound",
    ]);
  });
  it("importTable(counts) pivots the long layout (sex, age, n) to wide records", () => {
    const text = [
      "t\tfmp\tdirection\tsex\tage\tn",
      "2018-10-13\tGT-TEC\tnorthbound\tmale\t18+\t700",
      "2018-10-13\tGT-TEC\tnorthbound\tfemale\t18+\t400",
      "2018-10-13\tGT-TEC\tnorthbound\tmale\tunder 18\t130",
      "2018-10-13\tGT-TEC\tnorthbound\tfemale\tchildren unaccompanied\t9",
      "2018-10-14\tGT-TEC\tnorthbound\tfemale\t18+\t10",
    ].join("\n");
    const r = importTable(text);
    expect(r.report.pivoted).toBe(true);
    expect(r.report.accepted).toBe(5);
    expect(r.report.recordsOut).toBe(2);
    expect({ ...r.records[0], origin: undefined }).toEqual({
      date: "2018-10-13",
      fmpId: "GT-TEC",
      direction: "northbound",
      total: 1239,
      men: 700,
      women: 400,
      boys: 130,
      girls: 9,
      uac: 9,
    });
    expect({ ...r.records[1], origin: undefined }).toEqual({
      date: "2018-10-14",
      fmpId: "GT-TEC",
      direction: "northbound",
      total: 10,
      women: 10,
    });
  });
  it("importTable keeps unknown columns as extra attributes and lists them in the report", () => {
    const r = importTable(
      "fecha;punto;direccion;total;turno;color\n2018-10-13;A;norte;5;mañana;\n",
    );
    expect(r.records[0]).toMatchObject({ extra: { turno: "mañana" } });
    expect(r.report.extraColumns).toEqual(["turno", "color"]);
  });
  it("importTable repairs double-encoded UTF-8 and says so", () => {
    const r = importTable(
      "fecha;punto de monitoreo;direccion;total\n2018-10-13;TecÃºn UmÃ¡n;norte;5\n",
    );
    expect(r.report.mojibakeRepaired).toBe(true);
    expect(r.records[0]).toMatchObject({ fmpName: "Tecún Umán" });
  });
  it("importTable reads a Kobo geopoint when there are no split coordinates, and warns on swapped ones", () => {
    const r = importTable(
      "fecha;punto;direccion;total;ubicacion;lat;lon\n2018-10-13;A;norte;5;14.6773 -92.1404 0 5;;\n2018-10-13;B;norte;5;;-92.14;14.67\n",
    );
    expect(r.records[0]).toMatchObject({ lat: 14.6773, lon: -92.1404 });
    expect(r.records[1]).toMatchObject({ lat: 14.67, lon: -92.14 });
    expect(r.report.warnings.map((w) => w.code)).toEqual(["coordinates_swapped"]);
  });
  it("importTable warns about coordinates outside the region but accepts them", () => {
    const r = importTable("fecha;punto;direccion;total;lat;lon\n2018-10-13;A;norte;5;40.4;-3.7\n");
    expect(r.report.accepted).toBe(1);
    expect(r.report.warnings.map((w) => w.code)).toEqual(["outside_region"]);
  });
});

describe("importTable: unusable files", () => {
  it("importTable says which column is missing and the names it looked for", () => {
    const r = importTable("punto;direccion;total\nA;norte;5\n", { kind: "counts" });
    expect(r.report.fatal?.code).toBe("missing_column");
    expect(r.report.fatal?.message).toMatch(
      /no date column for a counts table in row 1: looked for date \(also fecha, dia/,
    );
    expect(r.report.accepted + r.report.rejected).toBe(r.report.dataRows);
    expect(r.report.rejected).toBe(1);
  });
  it("importTable reads a count sheet without a direction column as direction unknown, warned once (tryout20 #2)", () => {
    const r = importTable(
      "Punto;Fecha;Hombres;Mujeres;Total\nTecún Umán;19/10/2018;10;5;15\nTecún Umán;20/10/2018;3;4;7\n",
      { kind: "counts" },
    );
    expect(r.report.fatal).toBeUndefined();
    expect([r.report.accepted, r.report.rejected]).toEqual([2, 0]);
    expect((r.records as { direction: string }[]).map((c) => c.direction)).toEqual([
      "unknown",
      "unknown",
    ]);
    expect(r.report.warnings.map((w) => w.code)).toEqual(["direction_column_missing"]);
    expect(r.report.warnings[0]!.message).toMatch(
      /^no direction column; every row is read as direction unknown/,
    );
    expect(issueText("es", r.report.warnings[0]!)).toMatch(
      /^no hay columna de dirección; todas las filas/,
    );
  });
  it("importTable reads Niños as children of either sex without a Niñas column, as boys beside one (tryout20 #4)", () => {
    const alone = importTable(
      "Punto;Fecha;Dirección;Hombres;Mujeres;Niños;Total\nGT-TEC;19/10/2018;norte;10;5;500;515\n",
      { kind: "counts" },
    );
    const rec = (alone.records as CountRecord[])[0]!;
    expect(rec.boys).toBeUndefined();
    expect(rec.extra).toEqual({ Niños: "500" });
    expect(alone.report.columns.find((c) => c.column === "Niños")?.field).toBeUndefined();
    expect(alone.report.warnings.map((w) => w.code)).toEqual(["children_sex_unknown"]);
    expect(issueText("es", alone.report.warnings[0]!)).toMatch(
      /^la columna 6 \(F\) «Niños» cuenta niños y niñas/,
    );
    const both = importTable(
      "Punto;Fecha;Dirección;Hombres;Mujeres;Niños;Niñas;Total\nGT-TEC;19/10/2018;norte;10;5;3;2;20\n",
      { kind: "counts" },
    );
    expect(both.records[0]).toMatchObject({ boys: 3, girls: 2 });
    expect(both.report.warnings).toEqual([]);
    // The caller's mapping is kept as asked.
    const asked = importTable(
      "Punto;Fecha;Dirección;Hombres;Mujeres;Niños;Total\nGT-TEC;19/10/2018;norte;10;5;500;515\n",
      { kind: "counts", columns: { Niños: "boys" } },
    );
    expect(asked.records[0]).toMatchObject({ boys: 500 });
  });
  it("importTable's reason for a blank total names only the parts the sheet has a column for (tryout20 #6)", () => {
    const r = importTable(
      "Punto;Fecha;Dirección;Hombres;Mujeres;Total\nGT-TEC;19/10/2018;norte;10;;\n",
      { kind: "counts" },
    );
    const x = r.report.rejections.find((j) => j.code === "missing_total")!;
    expect(x.message).toBe(
      "Total is blank and Mujeres blank gives no number, so the total is unknown (the parts given add up to 10).",
    );
    expect(issueText("es", x)).toBe(
      "Total: celda vacía, y Mujeres (vacía) no da un número, así que el total se desconoce (las partes dadas suman 10).",
    );
    const none = importTable("Punto;Fecha;Dirección;Total\nGT-TEC;19/10/2018;norte;\n", {
      kind: "counts",
    });
    const y = none.report.rejections.find((j) => j.code === "missing_total")!;
    expect(y.message).toBe(
      "Total is blank and the sheet has no men, women, boys or girls column, so the total is unknown.",
    );
    expect(issueText("es", y)).toMatch(
      /^Total: celda vacía, y la hoja no tiene columna de hombres, mujeres, niños varones o niñas, así/,
    );
    // Every part the sheet has is given: the reason names the parts it has no column for.
    const given = importTable(
      "Punto;Fecha;Dirección;Hombres;Mujeres;Total\nGT-TEC;20/10/2018;norte;300;200;\n",
      { kind: "counts" },
    );
    const z = given.report.rejections.find((j) => j.code === "missing_total")!;
    expect(z.message).toBe(
      "Total is blank and the sheet has no boys or girls column, so the total is unknown (the parts given add up to 500).",
    );
    expect(issueText("es", z)).toBe(
      "Total: celda vacía, y la hoja no tiene columna de niños varones o niñas, así que el total se desconoce (las partes dadas suman 500).",
    );
  });
  it("importTable of an empty file gives a report, not an exception", () => {
    for (const input of ["", "\n\n", new Uint8Array(0)]) {
      const r = importTable(input);
      expect(r.report.fatal?.code).toBe("empty_file");
      expect(r.report.dataRows).toBe(0);
    }
  });
});

describe("importTable: sightings, stocks, places", () => {
  it("importTable(sightings) rejects a negative figure in a bound or range, and a formula, as counts do", () => {
    const rows = [
      "hasta (500)",
      "entre (20) y 30",
      "(700)+",
      "hasta -500",
      "(700)",
      "=SUMA(E2:E3)",
    ];
    const text = [
      "fecha,lugar,caravana,cantidad",
      ...rows.map((x) => `2018-10-20,Tapachula,C1,"${x}"`),
    ].join("\n");
    const r = importTable(text, { kind: "sightings", gazetteer: testGazetteer() });
    expect(r.records).toEqual([]);
    expect(r.report.rejections.map((x) => [x.line, x.code])).toEqual([
      [2, "negative_count"],
      [3, "negative_count"],
      [4, "negative_count"],
      [5, "negative_count"],
      [6, "negative_count"],
      [7, "formula_text"],
    ]);
    // The same sentence as a count's, accounting format and all.
    expect(r.report.rejections[4]!.message).toBe(
      'cantidad "(700)" is negative (-700 in Excel\'s accounting format); counts are people, 0 or more.',
    );
  });
  it("importTable(sightings) reads the time from any time header beside a date column, an extra either way", () => {
    for (const h of [
      "Fecha;Time",
      "Fecha;Hora local",
      "Fecha;Hora de observación",
      "Fecha;hora_aproximada",
      "grupo/fecha;grupo/hora",
      "grupo/hora;grupo/fecha",
    ]) {
      const cells = h.startsWith("grupo/hora") ? "05:30;13/10/2018" : "13/10/2018;05:30";
      const r = importTable(`${h};lugar;caravana;cantidad\n${cells};Tapachula;C1;100\n`, {
        kind: "sightings",
      });
      expect((r.records[0] as Sighting).observedAt, h).toBe("2018-10-13T05:30:00");
      expect(
        r.report.warnings.map((w) => w.code),
        h,
      ).toEqual(["time_from_column"]);
      const time = r.report.columns.find((c) => /hora|time/i.test(c.column))!;
      expect(time.how, h).toBe("extra");
      expect(time.field, h).toBeUndefined();
    }
  });
  it("importTable(sightings) reads Kobo/ODK and Excel time answers in the time column", () => {
    const cases: [string, string, string][] = [
      ["13/10/2018", "05:30:00.000-06:00", "2018-10-13T05:30:00"],
      ["13/10/2018", "05:30:00.000", "2018-10-13T05:30:00"],
      ["13/10/2018", "1899-12-30T05:30:00.000", "2018-10-13T05:30:00"],
      ["13/10/2018", "0", "2018-10-13T00:00:00"],
      ["13/10/2018", "5:30 AM", "2018-10-13T05:30:00"],
      ["13/10/2018", "0.5", "2018-10-13T12:00:00"],
    ];
    const text = [
      "Fecha;Hora;lugar;caravana;cantidad",
      ...cases.map(([d, t], i) => `${d};${t};Tapachula;C1;${100 + i}`),
    ].join("\n");
    const r = importTable(text, { kind: "sightings" });
    expect(r.records.map((x) => (x as Sighting).observedAt)).toEqual(cases.map((c) => c[2]));
    expect(r.report.warnings.map((w) => w.code)).toEqual(["time_from_column"]);
  });
  it("importTable(sightings) warns when the date cell's time differs from the time column's", () => {
    const text = "Fecha;Hora;lugar;caravana;cantidad\n13/10/2018 07:00;09:00;Tapachula;C1;100\n";
    const r = importTable(text, { kind: "sightings" });
    expect((r.records[0] as Sighting).observedAt).toBe("2018-10-13T07:00:00");
    expect(r.report.warnings.map((w) => [w.line, w.code])).toEqual([
      [0, "time_from_column"],
      [2, "time_conflict"],
    ]);
  });
  it("importTable(sightings) keeps a Kobo time's wall clock on the date question's local day (offset not applied)", () => {
    const text = [
      "Fecha;Hora;lugar;caravana;cantidad",
      "13/10/2018;23:30:00.000-06:00;Tapachula;C1;100",
      "13/10/2018;05:30:00.000Z;Tapachula;C1;101",
    ].join("\n");
    const r = importTable(text, { kind: "sightings" });
    const at = r.records.map((x) => (x as Sighting).observedAt);
    expect(at).toEqual(["2018-10-13T23:30:00", "2018-10-13T05:30:00"]);
    for (const a of at) {
      const t = toLocalTime(a, "America/Mexico_City")!.t;
      expect(Math.floor(t)).toBe(dayNumber("2018-10-13"));
    }
  });
  it("importTable(sightings) reads a date cell at 00:00 as a date alone: the time column's time, no conflict", () => {
    const text = [
      "Fecha;Hora;lugar;caravana;cantidad",
      "13/10/2018 00:00;09:00;Tapachula;C1;100",
      "2018-10-14 00:00:00;10:15;Tapachula;C1;101",
      "15/10/2018 07:00;09:00;Tapachula;C1;102",
    ].join("\n");
    const r = importTable(text, { kind: "sightings" });
    expect(r.records.map((x) => (x as Sighting).observedAt)).toEqual([
      "2018-10-13T09:00:00",
      "2018-10-14T10:15:00",
      "2018-10-15T07:00:00",
    ]);
    expect(r.report.warnings.map((w) => [w.line, w.code])).toEqual([
      [0, "time_from_column"],
      [4, "time_conflict"],
    ]);
  });
  it("importTable(sightings) reads ranges, bounds and Spanish dates into size_min/size_max/size_best", () => {
    const text = [
      "fecha y hora,lugar,caravana,cantidad,método,tipo de fuente,confianza",
      '"13 de octubre de 2018 06:00",San Pedro Sula,C1,"entre 1.000 y 1.500",conteo,dtm,alta',
      "19-oct-18,Tecún Umán,C1,4.000–10.000,densidad,onu,media",
      "21/10/2018,Tapachula,C1,más de 7.000,medios,medios,baja",
      "22/10/2018,Huixtla,C1,aprox. 7.000,registro,gobierno,",
    ].join("\n");
    const r = importTable(text, { gazetteer: testGazetteer(), fileName: "s.csv" });
    expect(r.kind).toBe("sightings");
    const s = r.records as Sighting[];
    expect(s[0]).toMatchObject({
      id: "s.csv:2",
      observedAt: "2018-10-13T06:00:00",
      placeName: "San Pedro Sula",
      sizeMin: 1000,
      sizeMax: 1500,
      estimateMethod: "headcount",
      sourceType: "dtm",
      confidence: "high",
      lat: 15.5042,
    });
    expect(s[1]).toMatchObject({
      observedAt: "2018-10-19",
      sizeMin: 4000,
      sizeMax: 10000,
      estimateMethod: "crowd_density",
      sourceType: "un",
    });
    expect(s[2]).toMatchObject({ sizeMin: 7000, estimateMethod: "media_report" });
    expect(s[2]!.sizeMax).toBeUndefined();
    expect(s[3]).toMatchObject({
      sizeBest: 7000,
      estimateMethod: "registration",
      sourceType: "government",
    });
  });
  it("importTable(sightings) keeps a row whose size is a bound written after the number (stop 20 leftover)", () => {
    const text = [
      "fecha,lugar,caravana,cantidad,tipo de fuente",
      "23/10/2018,Huixtla,C1,7.000 o más,medios",
      "24/10/2018,Huixtla,C1,300 o menos,medios",
    ].join("\n");
    const r = importTable(text, { gazetteer: testGazetteer(), fileName: "s.csv" });
    expect(r.report.rejected).toBe(0);
    expect(r.report.accepted).toBe(2);
    const s = r.records as Sighting[];
    expect(s[0]).toMatchObject({ sizeMin: 7000, caravanLabel: "C1" });
    expect(s[0]!.sizeBest).toBeUndefined();
    expect(s[1]).toMatchObject({ sizeMax: 300 });
  });
  it("importTable(sightings) accepts a size-only report (label and size, no place) with a warning", () => {
    const r = importTable(
      "observed_at,place_name,caravan_label,size_best\n2018-10-25,,C1,7233\n2018-10-25,,,7233\n",
    );
    expect(r.report.accepted).toBe(1);
    expect(r.report.warnings.map((w) => w.code)).toEqual(["size_only"]);
    expect(codes(r)).toEqual(["missing_place"]);
  });
  it("importTable(sightings) rejects an inverted range and keeps an unknown method as written", () => {
    const r = importTable(
      "observed_at,place_name,size_min,size_max,estimate_method\n2018-10-25,Tapachula,900,700,x\n2018-10-26,Tapachula,700,900,adivinanza\n",
    );
    expect(codes(r)).toEqual(["range_inverted"]);
    expect(r.records[0]).toMatchObject({
      sizeMin: 700,
      sizeMax: 900,
      extra: { estimate_method: "adivinanza" },
    });
  });
  it("importTable(stocks) reads categories and bases in Spanish", () => {
    const r = importTable(
      "fecha;categoría;valor;base;país\n2018-11-13;solicitud de asilo;2.697;acumulado;México\n2018-11-25;permanecen;5.800;presente;MEX\n2018-11-25;otra;5;raro;MEX\n",
    );
    expect(r.kind).toBe("stocks");
    expect(r.records as StockFigure[]).toEqual([
      {
        date: "2018-11-13",
        category: "asylum_claim",
        value: 2697,
        basis: "cumulative",
        country: "MEX",
      },
      { date: "2018-11-25", category: "remaining", value: 5800, basis: "present", country: "MEX" },
    ]);
    expect(codes(r)).toEqual(["invalid_category", "invalid_basis"]);
  });
  it("importTable(places) reads aliases split by | and generates missing ids", () => {
    const r = importTable(
      "place_id,name,aliases,country,lat,lon,kind,capacity\nGT-TEC,Tecún Umán,Ciudad Tecún Umán|Ayutla,GTM,14.6773,-92.1404,frontera,\n,El Carmen,,GTM,14.7,-92.15,punto de monitoreo,\n,Albergue,,MEX,32.5,-117.0,albergue,3000\n",
    );
    const p = r.records as Place[];
    expect(p[0]).toMatchObject({
      placeId: "GT-TEC",
      aliases: ["Ciudad Tecún Umán", "Ayutla"],
      kind: "border_crossing",
    });
    expect(p[1]).toMatchObject({ placeId: "GTM-EL-CARMEN", kind: "fmp" });
    expect(p[2]).toMatchObject({ kind: "shelter", capacity: 3000 });
    // No Spanish-name column: none is set.
    expect(p.every((x) => !("nameEs" in x))).toBe(true);
  });
  it("importTable(places) reads an optional Spanish name (name_es / nombre_es); blank leaves it unset", () => {
    for (const col of ["name_es", "nombre_es"]) {
      const r = importTable(
        `place_id,name,${col},lat,lon,kind\nMX-CMX,Mexico City,Ciudad de México,19.43,-99.13,city\nMX-TAP,Tapachula,,14.9,-92.26,city\n`,
      );
      const p = r.records as Place[];
      expect(p, col).toHaveLength(2);
      expect(p[0]!.nameEs, col).toBe("Ciudad de México");
      expect(p[0]!.extra, col).toBeUndefined();
      expect("nameEs" in p[1]!, col).toBe(false);
    }
  });
});

describe("streaming", () => {
  it("createTableImporter gives the same records and report for any chunking of the bytes", () => {
    const text =
      "\uFEFFTítulo del archivo\nfecha;punto de monitoreo;direccion;total;notas\n" +
      Array.from(
        { length: 300 },
        (_, i) =>
          `${(i % 28) + 1}/10/2018;Tecún Umán;${i % 2 ? "norte" : "sur"};${i};"nota ""${i}""\nsegunda línea"`,
      ).join("\r\n") +
      "\r\n";
    const bytes = new TextEncoder().encode(text);
    const whole = importTable(bytes);
    for (const size of [1, 7, 64, 1000]) {
      const importer = createTableImporter(undefined);
      for (const c of chunks(bytes, size)) importer.push(c);
      const r = importer.finish();
      expect(r.records).toEqual(whole.records);
      expect(r.report).toEqual(whole.report);
    }
    expect(whole.report.accepted).toBe(300);
    expect(whole.records[1]).toMatchObject({ notes: 'nota "1"\nsegunda línea' });
  });
  it("createTableImporter with onRecord keeps no records and still counts every row", async () => {
    const text =
      "fecha,punto,direccion,total\n" +
      Array.from({ length: 50 }, (_, i) => `2018-10-13,P${i},norte,${i}`).join("\n");
    const seen: number[] = [];
    const r = await importChunks(chunks(text, 17), { onRecord: (_rec, line) => seen.push(line) });
    expect(r.records).toEqual([]);
    expect(seen).toHaveLength(50);
    expect(seen[0]).toBe(2);
    expect(r.report.recordsOut).toBe(50);
  });
});

describe("XLSX", () => {
  it("importTable reads every sheet of a workbook, Excel dates as ISO, and the sheet name as the point", () => {
    const bytes = writeXlsx([
      {
        name: "Tecún Umán",
        rows: [
          ["Conteo"],
          [],
          ["Fecha", "Dirección", "Total"],
          [new Date("2018-10-19T00:00:00Z"), "norte", 1200],
          [43393, "sur", 40],
          ["Total", "", 1240],
        ],
      },
      { name: "Notas", rows: [["nada que ver"]] },
      {
        name: "Tapachula",
        rows: [
          ["Fecha", "Dirección", "Total"],
          [new Date("2018-10-21T00:00:00Z"), "norte", 3000],
        ],
      },
    ]);
    const r = importTable(bytes, { gazetteer: testGazetteer() });
    expect(r.report.encoding).toBe("xlsx");
    expect(r.report.sheets).toEqual(["Tecún Umán", "Notas", "Tapachula"]);
    expect(r.records.map((x) => (x as CountRecord).origin)).toEqual([
      "row#Tecún Umán:4",
      "row#Tecún Umán:5",
      "row#Tapachula:2",
    ]);
    expect(r.records.map((x) => ({ ...x, origin: undefined }))).toEqual([
      {
        date: "2018-10-19",
        fmpId: "GT-TEC",
        fmpName: "Tecún Umán",
        direction: "northbound",
        total: 1200,
        lat: 14.6773,
        lon: -92.1404,
        country: "GTM",
      },
      {
        date: "2018-10-20",
        fmpId: "GT-TEC",
        fmpName: "Tecún Umán",
        direction: "southbound",
        total: 40,
        lat: 14.6773,
        lon: -92.1404,
        country: "GTM",
      },
      {
        date: "2018-10-21",
        fmpId: "MX-TAP",
        fmpName: "Tapachula",
        direction: "northbound",
        total: 3000,
        lat: 14.9075,
        lon: -92.2635,
        country: "MEX",
      },
    ]);
    expect(r.report.totals).toMatchObject([
      { sheet: "Tecún Umán", stated: 1240, computed: 1240, matches: true },
    ]);
    expect(r.report.warnings.map((w) => w.code)).toContain("sheet_skipped");
    expect(r.report.dataRows).toBe(3);
  });
  it("importTable skips a Kobo repeat group's sheet even when its header is usable", () => {
    const head = ["Fecha", "Punto de monitoreo", "Dirección", "Total", "_index"];
    const bytes = writeXlsx([
      {
        name: "conteo",
        rows: [head, [new Date("2018-10-21T00:00:00Z"), "Tecún Umán", "norte", 810, 1]],
      },
      {
        name: "grupo_turnos",
        rows: [
          [
            "Fecha",
            "Punto de monitoreo",
            "Dirección",
            "Total",
            "_parent_index",
            "_submission__uuid",
          ],
          [new Date("2018-10-21T00:00:00Z"), "Tecún Umán", "norte", 500, 1, "u1"],
          [new Date("2018-10-21T00:00:00Z"), "Tecún Umán", "norte", 310, 1, "u1"],
        ],
      },
    ]);
    const r = importTable(bytes, { gazetteer: testGazetteer() });
    expect((r.records as CountRecord[]).map((x) => x.total)).toEqual([810]);
    const skipped = r.report.warnings.filter((w) => w.code === "sheet_skipped");
    expect(skipped.map((w) => w.params)).toEqual([{ sheet: "grupo_turnos", rows: 25, repeat: 1 }]);
  });
  it("importTable reads a Kobo repeat sheet when the main sheet has no count columns", () => {
    const bytes = writeXlsx([
      {
        name: "Conteo diario",
        rows: [
          ["start", "end", "Encuestador", "_uuid", "_index"],
          ["2018-10-21T08:00", "2018-10-21T09:00", "Ana", "u1", 1],
        ],
      },
      {
        name: "conteos",
        rows: [
          [
            "Fecha",
            "Punto de monitoreo",
            "Dirección",
            "Total",
            "_parent_index",
            "_submission__uuid",
          ],
          [new Date("2018-10-21T00:00:00Z"), "Tecún Umán", "norte", 500, 1, "u1"],
          [new Date("2018-10-21T00:00:00Z"), "Tecún Umán", "sur", 40, 1, "u1"],
        ],
      },
    ]);
    for (const kind of ["counts", undefined] as const) {
      const r = importTable(bytes, { gazetteer: testGazetteer(), ...(kind ? { kind } : {}) });
      expect(r.report.fatal).toBeUndefined();
      expect((r.records as CountRecord[]).map((x) => x.total)).toEqual([500, 40]);
      // The repeat rows are read with their submission's columns (kobo-repeat-join.ts), so the
      // main sheet is not skipped: it is read through them, and a warning says so.
      expect(r.report.warnings.filter((w) => w.code === "sheet_skipped")).toEqual([]);
      const joined = r.report.warnings.filter((w) => w.code === "repeat_group_rows");
      expect(joined.map((w) => [w.params?.["main"], w.params?.["through"]])).toEqual([
        ["Conteo diario", "_submission__uuid"],
      ]);
    }
  });
  it("importTable of a broken workbook gives a report, not an exception", () => {
    const bytes = writeXlsx([{ name: "A", rows: [["x"]] }]).slice(0, 60);
    const r = importTable(bytes);
    expect(r.report.fatal?.code).toBe("unreadable_xlsx");
  });
});
