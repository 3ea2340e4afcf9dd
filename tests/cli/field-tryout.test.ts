/**
 * A DTM analyst's files as they come from the field, through the command line: each case is a
 * problem met while trying dtm-flow with messy Kobo and Excel exports (docs/import.md, "Known
 * limits and field cases"). Every file is written to a temporary folder and read by `run`, as
 * `npx dtm-flow …` does.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { capture, tempFile } from "./capture.ts";

/** Windows-1252 bytes of `text` (Excel's "CSV" on Spanish Windows); only Latin-1 letters used. */
const cp1252 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe("caravan labels in another case or without accents are one group", () => {
  const sightings = [
    "Fecha;Lugar;Caravana;Cantidad",
    "13/10/2018;San Pedro Sula;Caravana Hondureña 1;1.000",
    "15/10/2018;Agua Caliente;caravana hondureña 1;2.000",
    "17/10/2018;Ciudad de Guatemala;CARAVANA HONDURENA  1;3.000",
    "19/10/2018;Tecún Umán;Caravana Hondureña 1;4.000",
    "21/10/2018;Tapachula;caravana hondureña 1;5.000",
  ].join("\r\n");

  it("import reads them as the first spelling, keeps each as written and warns once per spelling", async () => {
    const { dir, file } = tempFile("dtm-field-", "avistamientos.csv", cp1252(sightings));
    const io = capture(dir);
    expect(await run(["import", file, "--out", join(dir, "out")], io.context)).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "out", "import-report.json"), "utf8"));
    const warnings = report.files[0].warnings.filter(
      (w: { code: string }) => w.code === "caravan_label_spelling",
    );
    expect(warnings.map((w: { line: number }) => w.line)).toEqual([3, 4]);
    expect(warnings[0].message).toContain('read as "Caravana Hondureña 1", as row 2 writes it');
    const csv = readFileSync(join(dir, "out", "sightings.csv"), "utf8");
    const rows = csv.split("\r\n").slice(2, 7);
    for (const row of rows) expect(row).toContain(",Caravana Hondureña 1,");
    expect(csv).toContain("CARAVANA HONDURENA  1");
  });

  it("estimate gives one group, not one per spelling", async () => {
    const { dir, file } = tempFile("dtm-field-", "avistamientos.csv", cp1252(sightings));
    const io = capture(dir);
    expect(
      await run(["estimate", "--sightings", file, "--out", join(dir, "est")], io.context),
    ).toBe(0);
    const tracks = readFileSync(join(dir, "est", "tracks.csv"), "utf8")
      .trim()
      .split(/\r?\n/);
    const groups = new Set(tracks.slice(1).map((l) => l.split(",")[0]));
    expect([...groups]).toEqual(["Caravana Hondureña 1"]);
  });
});

describe("a file with only its header", () => {
  it("validate and estimate refuse it in one sentence (exit 2), as an empty file", async () => {
    const header = "Fecha;Punto de monitoreo;Dirección;Total personas\r\n;;;\r\n;;;\r\n";
    const { dir, file } = tempFile("dtm-field-", "plantilla.csv", cp1252(header));
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(2);
    expect(io.err.join("\n")).toContain(
      "plantilla.csv: the file has a header (row 1) but no data rows under it.",
    );
    const est = capture(dir);
    expect(await run(["estimate", "--counts", file, "--out", join(dir, "e")], est.context)).toBe(2);
    expect(est.err.join("\n")).toContain("but no data rows under it");
    expect(est.err.join("\n")).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe("an Excel template's header over two rows with merged cells", () => {
  // Saved as CSV from a sheet whose single columns are merged down over both header rows and
  // whose groups ("Adultos", "Niños (0-17)") are merged across their two columns.
  const sheet = [
    "REGISTRO DE FLUJOS - OIM;;;;;;;",
    "Fecha (dd/mm/aaaa);Punto de monitoreo;Dirección;Adultos;;Niños (0-17);;Total personas",
    ";;;Hombres;Mujeres;Hombres;Mujeres;",
    "19/10/2018;Tecún Umán;Norte;120;80;30;25;255",
    "20/10/2018;Tecún Umán;Norte;1.200;800;300;250;2.550",
    "TOTAL;;;1.320;880;330;275;2.805",
  ].join("\r\n");

  it("validate reads both rows as one header: every column mapped, no row rejected (exit 0)", async () => {
    const { dir, file } = tempFile("dtm-field-", "plantilla-conteo.csv", cp1252(sheet));
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    const text = io.out.join("\n");
    expect(text).toContain("2 data rows: 2 accepted, 0 rejected");
    expect(text).toContain("Fecha (dd/mm/aaaa) → date");
    expect(text).toMatch(/Hombres → men \(two_level_header\)/);
    expect(text).toMatch(/Mujeres → women \(two_level_header\)/);
    expect(text).toMatch(/Hombres_2 → boys \(two_level_header\)/);
    expect(text).toMatch(/Mujeres_2 → girls \(two_level_header\)/);
    expect(text).not.toContain("MISMATCH");
  });

  it("a header over one row with a data row under it is not read as two header rows", async () => {
    const plain = "Fecha;Punto de monitoreo;Dirección;Total\r\n19/10/2018;;Norte;12\r\n";
    const { dir, file } = tempFile("dtm-field-", "una-fila.csv", cp1252(plain));
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(1);
    expect(io.out.join("\n")).toContain("header row 1,");
    expect(io.out.join("\n")).toContain("row 2 [fmp_id] missing_place");
  });
});

describe("Excel's error values and a formula's rounding", () => {
  const rows = [
    ["Fecha", "Punto de monitoreo", "Dirección", "Hombres", "Mujeres", "Total"],
    [new Date("2018-10-19T12:00:00Z"), "Tecún Umán", "Norte", 0.1 * 3 * 10, 5, 8.000000000000002],
    [new Date("2018-10-20T12:00:00Z"), "#N/A", "Norte", 5, 5, 10],
    [new Date("2018-10-21T12:00:00Z"), "Tecún Umán", "Norte", "#DIV/0!", 5, 10],
    [new Date("2018-10-22T12:00:00Z"), "Tecún Umán", "Norte", 2, 2, 4],
  ];

  it("a cell holding #N/A or #DIV/0! rejects its row saying so; 3.0000000000000004 reads as 3", async () => {
    const { dir, file } = tempFile(
      "dtm-field-",
      "conteo.xlsx",
      writeXlsx([{ name: "Conteo", rows }]),
    );
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(1);
    const text = io.out.join("\n");
    expect(text).toContain("4 data rows: 2 accepted, 2 rejected");
    expect(text).toContain(
      "Conteo row 3 [Punto de monitoreo] excel_error: Punto de monitoreo holds the Excel error #N/A (a formula that failed), not a value",
    );
    expect(text).toContain(
      "Conteo row 4 [Hombres] excel_error: Hombres holds the Excel error #DIV/0!",
    );
    expect(text).not.toContain("not_integer");
  });

  it("the same in an Excel-saved CSV: the error is named, not taken for a place", async () => {
    const csv =
      "Fecha;Punto de monitoreo;Dirección;Total\r\n20/10/2018;#N/A;Norte;10\r\n21/10/2018;Tecún Umán;Norte;12\r\n";
    const { dir, file } = tempFile("dtm-field-", "conteo.csv", cp1252(csv));
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(1);
    expect(io.out.join("\n")).toContain("row 2 [Punto de monitoreo] excel_error");
    expect(io.out.join("\n")).not.toContain("unknown_place");
  });
});

describe("place names with their abbreviation (Cd. Hidalgo, S. Pedro Sula)", () => {
  it("are read as the known place with a warning, in a point column and in a place column", async () => {
    const counts =
      "Fecha;Punto;Dirección;Total\r\n20/10/2018;Cd. Hidalgo;Norte;5\r\n21/10/2018;Cdad;Norte;3\r\n";
    const { dir, file } = tempFile("dtm-field-", "conteo.csv", cp1252(counts));
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    const text = io.out.join("\n");
    expect(text).toContain(
      'row 2 [Punto] place_name_abbreviated: Punto "Cd. Hidalgo" read as Ciudad Hidalgo',
    );
    // Not an abbreviation followed by a name: no guess.
    expect(text).toContain('row 3 [Punto] point_without_position: Punto "Cdad"');
    const sightings = "Fecha;Lugar;Caravana;Cantidad\r\n20/10/2018;S. Pedro Sula;C1;500\r\n";
    const s = tempFile("dtm-field-", "avist.csv", cp1252(sightings));
    const io2 = capture(s.dir);
    expect(await run(["validate", s.file], io2.context)).toBe(0);
    expect(io2.out.join("\n")).toContain('Lugar "S. Pedro Sula" read as San Pedro Sula');
  });
});

describe("dates written year first with slashes", () => {
  it("2018/10/19 is 19 Oct 2018 (was: not a usable date)", async () => {
    const csv =
      "fecha;punto;sentido;total\r\n2018/10/19;Tecún Umán;norte;10\r\n2018.10.20;Tecún Umán;norte;12\r\n";
    const { dir, file } = tempFile("dtm-field-", "conteo.csv", cp1252(csv));
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    expect(io.out.join("\n")).toContain("dates 2018-10-19 to 2018-10-20 accepted");
  });
});

describe("a count or size with a stray digit", () => {
  it("500000 at one point is kept with the warning unlikely_count; 5000 is not flagged", async () => {
    const csv =
      "fecha;punto;sentido;total\r\n20/10/2018;Tapachula;norte;500000\r\n21/10/2018;Tapachula;norte;5000\r\n";
    const { dir, file } = tempFile("dtm-field-", "conteo.csv", cp1252(csv));
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    const text = io.out.join("\n");
    expect(text).toContain(
      "row 2 [total] unlikely_count: total: 500,000 people in one row is more than ten times the largest 2018 caravan",
    );
    expect(text).not.toContain("row 3 [total] unlikely_count");
  });
});

describe("a sighting typed twice, written otherwise", () => {
  it("Huixtla 7.000 and huixtla 7000 on the same day and group: kept once, the repeat listed", async () => {
    const csv = [
      "fecha;lugar;caravana;cantidad",
      "22/10/2018;Huixtla;Caravana 1;7.000",
      "22/10/2018;huixtla;caravana 1;7000",
      "22/10/2018;Huixtla;Caravana 1;6.500",
    ].join("\r\n");
    const { dir, file } = tempFile("dtm-field-", "avist.csv", cp1252(csv));
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(1);
    const text = io.out.join("\n");
    expect(text).toContain("3 data rows: 2 accepted, 1 rejected");
    expect(text).toContain("row 3 duplicate_record: reads as row 2");
  });

  it("two reports the file itself gives two ids (a Kobo _uuid each) are both kept", async () => {
    const csv = [
      "_uuid;fecha;lugar;caravana;cantidad",
      "u1;22/10/2018;Huixtla;Caravana 1;7.000",
      "u2;22/10/2018;huixtla;Caravana 1;7000",
    ].join("\r\n");
    const { dir, file } = tempFile("dtm-field-", "avist.csv", cp1252(csv));
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    expect(io.out.join("\n")).toContain("2 data rows: 2 accepted, 0 rejected");
  });
});

describe("coordinates in degrees, minutes and seconds, or with a hemisphere letter", () => {
  it(`14°40'38"N / 92°08'25"W and 14.6773 N / 92.1404 O are read (were: not a decimal number)`, async () => {
    const csv = [
      "fecha;lugar;latitud;longitud;caravana;cantidad",
      `21/10/2018;Punto X;14°40'38"N;92°08'25"W;C1;500`,
      "22/10/2018;Punto Y;14.6773 N;92.1404 O;C1;500",
    ].join("\r\n");
    const { dir, file } = tempFile("dtm-field-", "coords.csv", new TextEncoder().encode(csv));
    const io = capture(dir);
    expect(await run(["import", file, "--out", join(dir, "out")], io.context)).toBe(0);
    const rows = readFileSync(join(dir, "out", "sightings.csv"), "utf8").split("\r\n");
    expect(rows[2]).toContain(",Punto X,14.677222222222222,-92.14027777777778,");
    expect(rows[3]).toContain(",Punto Y,14.6773,-92.1404,");
  });
});

describe("directions written from-to, returnees, plural demonyms", () => {
  it("Norte-Sur, S-N, retornados and Venezolanos are read (were rejected or left blank)", async () => {
    const csv = [
      "fecha;punto;sentido;total;nacionalidad",
      "20/10/2018;Tecún Umán;Norte-Sur;5;Hondureños",
      "20/10/2018;Tecún Umán;S-N;6;Venezolanos",
      "20/10/2018;Tecún Umán;retornados;7;Nicaragüenses",
    ].join("\r\n");
    const { dir, file } = tempFile("dtm-field-", "conteo.csv", new TextEncoder().encode(csv));
    const io = capture(dir);
    expect(await run(["import", file, "--out", join(dir, "out")], io.context)).toBe(0);
    const rows = readFileSync(join(dir, "out", "counts.csv"), "utf8")
      .split("\r\n")
      .slice(2, 5);
    expect(rows.map((r) => r.split(",")[6])).toEqual(["southbound", "northbound", "southbound"]);
    expect(rows.map((r) => r.split(",")[13])).toEqual(["HND", "VEN", "NIC"]);
  });
});

describe("a Kobo question answered 'other' with the place in its 'specify' column", () => {
  it("grupo/punto = otro and grupo/punto_otro = Ciudad Hidalgo is the point Ciudad Hidalgo", async () => {
    const csv = [
      '"grupo/fecha";"grupo/punto";"grupo/punto_otro";"grupo/direccion";"grupo/total";"_uuid"',
      '"2018-10-20";"tecun_uman";"";"norte";"12";"u1"',
      '"2018-10-21";"otro";"Ciudad Hidalgo";"norte";"15";"u2"',
    ].join("\r\n");
    const { dir, file } = tempFile("dtm-field-", "kobo.csv", new TextEncoder().encode(csv));
    const io = capture(dir);
    expect(await run(["import", file, "--out", join(dir, "out")], io.context)).toBe(0);
    expect(io.err.join("\n")).not.toContain("point_without_position");
    const rows = readFileSync(join(dir, "out", "counts.csv"), "utf8").split("\r\n");
    // A point's name in the id column is written as its name (point_name_in_id_column).
    expect(rows[3]).toMatch(/^2018-10-21,MX-CHI,Ciudad Hidalgo,/);
    // The answer as written stays in its own column.
    expect(rows[0]).toContain("grupo/punto_otro");
  });
});

describe("Spanish long dates as Excel and people write them", () => {
  it("'19 de octubre del 2018' and 'vie., 19 de oct. de 2018' are 19 Oct 2018 (were not usable dates)", async () => {
    const csv =
      "fecha;punto;sentido;total\r\n19 de octubre del 2018;Tecún Umán;norte;10\r\nvie., 19 de oct. de 2018;Tecún Umán;sur;12\r\n";
    const { dir, file } = tempFile("dtm-field-", "conteo.csv", cp1252(csv));
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    expect(io.out.join("\n")).toContain("2 data rows: 2 accepted, 0 rejected");
    expect(io.out.join("\n")).toContain("dates 2018-10-19 to 2018-10-19 accepted");
  });
});
