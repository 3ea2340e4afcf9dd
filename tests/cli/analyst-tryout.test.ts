/**
 * A DTM analyst's emergency-night tryout (docs/tryout-analyst.md): Excel and Kobo sheets as the
 * field sends them, through `dtm-flow validate`, `import` and `estimate`. Each case is a problem
 * met in the tryout; each test fails without its fix.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { capture, tempFile } from "./capture.ts";

const BOM = "\uFEFF";

describe("a count sheet whose Latitud column is filled on some rows, without a Longitud", () => {
  // Excel on Spanish Windows: BOM, ';', decimal commas; the enumerator wrote the point's latitude
  // on some rows and the sheet has no longitude column at all.
  const sheet =
    BOM +
    [
      "Fecha;Punto de monitoreo;Dirección;Total personas;Latitud",
      "23/10/2018;Tecún Umán;Norte;2.270;14,6774",
      "24/10/2018;Ciudad Hidalgo;Norte;170;",
      "25/10/2018;;Norte;30;14,9",
    ].join("\r\n") +
    "\r\n";

  it("keeps a row that names its point, placed at the point, with a warning; rejects one without", async () => {
    const { dir, file } = tempFile("dtm-analyst-", "conteo.csv", sheet);
    const io = capture(dir);
    expect(await run(["import", file, "--out", join(dir, "out")], io.context)).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, "out", "import-report.json"), "utf8"));
    const f = report.files[0];
    expect([f.accepted, f.rejected]).toEqual([2, 1]);
    expect(
      f.warnings.filter((w: { code: string }) => w.code === "half_coordinate_ignored"),
    ).toEqual([
      expect.objectContaining({
        line: 2,
        column: "Latitud",
        message:
          'only the latitude is given (14,6774), not the longitude: it is left out, and the row is placed by Punto de monitoreo "Tecún Umán".',
        params: { given: "lat", place: "Tecún Umán", placeColumn: "Punto de monitoreo" },
      }),
    ]);
    // The row without a point has no position: rejected with its line and reason, as before.
    expect(f.rejections.map((x: { line: number; code: string }) => [x.line, x.code])).toEqual([
      [4, "half_coordinate"],
      [4, "missing_place"],
    ]);
    const counts = readFileSync(join(dir, "out", "counts.csv"), "utf8").split("\r\n");
    expect(counts[2]).toMatch(
      /^2018-10-23,GT-TEC,Tecún Umán,GTM,14\.67737,-92\.14039,northbound,2270,/,
    );
  });
});

describe("numbers as Excel and enumerators write them", () => {
  const sheet =
    BOM +
    [
      "Fecha;Punto de monitoreo;Dirección;Hombres;Mujeres;Total",
      "23/10/2018;Tecún Umán;Norte;1.200;800;2.000 aprox.",
      "24/10/2018;Tecún Umán;Norte;1.000;500;1500 personas aprox",
      "25/10/2018;Tecún Umán;Sur;(20);10;30",
      "26/10/2018;Tecún Umán;Norte;1200;800;=SUMA(D5:E5)",
    ].join("\r\n") +
    "\r\n";

  it("reads an approximation written after the number, and says why the others are refused", async () => {
    const { dir, file } = tempFile("dtm-analyst-", "conteo.csv", sheet);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(1);
    const out = io.out.join("\n");
    expect(out).toContain("4 data rows: 2 accepted, 2 rejected");
    expect(out).toContain(
      'row 2 [Total] approximate: Total "2.000 aprox." is approximate; read as 2000.',
    );
    expect(out).toContain(
      'row 3 [Total] approximate: Total "1500 personas aprox" is approximate; read as 1500.',
    );
    expect(out).toContain(
      `row 4 [Hombres] negative_count: Hombres "(20)" is negative (-20 in Excel's accounting format); counts are people, 0 or more.`,
    );
    expect(out).toContain(
      'row 5 [Total] formula_text: Total "=SUMA(D5:E5)" is a formula written as text, not its value:',
    );
  });

  it("estimate gets the approximate counts (exit 1 for the two rows refused, never a stack trace)", async () => {
    const { dir, file } = tempFile("dtm-analyst-", "conteo.csv", sheet);
    const io = capture(dir);
    expect(await run(["estimate", "--counts", file, "--out", join(dir, "est")], io.context)).toBe(
      1,
    );
    const err = io.err.join("\n");
    expect(err).toContain("conteo.csv: counts, 4 data rows, 2 accepted, 2 rejected");
    // --counts alone switches off the embedded sightings: stderr says why no count was used.
    expect(err).toContain(
      "2 counts left out: no sightings were given, so the counts have no group to attach to",
    );
    expect(err).toContain("give --sightings too");
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe("a sighting's time of day in a column of its own (Kobo 'Fecha' and 'Hora')", () => {
  it("import adds the time to the date, keeps the column as written, and warns an unreadable time", async () => {
    const csv = [
      "Fecha;Hora;Lugar;Caravana;Cantidad",
      "13/10/2018;05:30;San Pedro Sula;Caravana 1;1.000",
      "14/10/2018;2:30 p. m.;Agua Caliente;Caravana 1;1.300",
      "15/10/2018;;Esquipulas;Caravana 1;1.500",
      "16/10/2018;de madrugada;Chiquimula;Caravana 1;2.000",
    ].join("\r\n");
    const { dir, file } = tempFile("dtm-analyst-", "avistamientos.csv", csv);
    const io = capture(dir);
    expect(await run(["import", file, "--out", join(dir, "out")], io.context)).toBe(0);
    const rows = readFileSync(join(dir, "out", "sightings.csv"), "utf8").split("\r\n");
    expect(rows.slice(2, 6).map((l) => l.split(",")[1])).toEqual([
      "2018-10-13T05:30:00",
      "2018-10-14T14:30:00",
      "2018-10-15",
      "2018-10-16",
    ]);
    expect(rows[0]).toContain(",Hora,");
    const report = JSON.parse(readFileSync(join(dir, "out", "import-report.json"), "utf8"));
    const codes = report.files[0].warnings.map((w: { code: string; line: number }) => [
      w.line,
      w.code,
    ]);
    expect(codes).toEqual([
      [0, "time_from_column"],
      [5, "invalid_time"],
    ]);
  });

  it("a workbook with the time first and Excel time cells (Hora, Fecha): the same instants", async () => {
    const day = (d: number) => new Date(Date.UTC(2018, 9, d));
    const time = (h: number, m: number) => new Date(Date.UTC(1899, 11, 30, h, m));
    const book = writeXlsx([
      {
        name: "Avistamientos",
        rows: [
          ["Hora", "Fecha", "Lugar", "Caravana", "Cantidad"],
          [time(5, 30), day(13), "San Pedro Sula", "Caravana 1", 1000],
          [time(18, 45), day(16), "Chiquimula", "Caravana 1", 2000],
        ],
      },
    ]);
    const { dir, file } = tempFile("dtm-analyst-", "avistamientos.xlsx", book);
    const io = capture(dir);
    expect(await run(["import", file, "--out", join(dir, "out")], io.context)).toBe(0);
    const rows = readFileSync(join(dir, "out", "sightings.csv"), "utf8").split("\r\n");
    expect(rows.slice(2, 4).map((l) => l.split(",")[1])).toEqual([
      "2018-10-13T05:30:00",
      "2018-10-16T18:45:00",
    ]);
    const report = JSON.parse(readFileSync(join(dir, "out", "import-report.json"), "utf8"));
    const fecha = report.files[0].columns.find((c: { column: string }) => c.column === "Fecha");
    expect(fecha.field).toBe("observed_at");
  });
});

describe("a file option given twice", () => {
  it("is refused in one sentence naming both files, not read as the last one alone", async () => {
    const a = tempFile(
      "dtm-analyst-",
      "a.csv",
      "Fecha;Lugar;Caravana;Cantidad\n13/10/2018;Tapachula;C1;100\n",
    );
    const b = tempFile(
      "dtm-analyst-",
      "b.csv",
      "Fecha;Lugar;Caravana;Cantidad\n14/10/2018;Huixtla;C1;100\n",
    );
    const io = capture(a.dir);
    const out = join(a.dir, "est");
    expect(
      await run(
        ["estimate", "--sightings", a.file, "--sightings", b.file, "--out", out],
        io.context,
      ),
    ).toBe(2);
    const err = io.err.join("\n");
    expect(err).toContain(
      `--sightings is given twice (${a.file} and ${b.file}), but only one would be read`,
    );
    expect(err).toContain(`dtm-flow import ${a.file} ${b.file} --out <dir>`);
    expect(existsSync(out)).toBe(false);
  });
});

describe("an option given twice: a suggestion that can be pasted", () => {
  it("quotes a path with a space, and joins two --columns into one", async () => {
    const { dir } = tempFile("dtm-analyst-", "x.csv", "a\n");
    const io = capture(dir);
    expect(
      await run(
        ["estimate", "--sightings", "a b.csv", "--sightings=c.csv", "--out", join(dir, "o")],
        io.context,
      ),
    ).toBe(2);
    expect(io.err.join("\n")).toContain("dtm-flow import 'a b.csv' c.csv --out <dir>");
    const io2 = capture(dir);
    expect(
      await run(
        ["validate", "x.csv", "--columns", "observed_at=Fecha", "--columns", "place_name=Lugar"],
        io2.context,
      ),
    ).toBe(2);
    expect(io2.err.join("\n")).toContain("--columns observed_at=Fecha,place_name=Lugar");
  });
});

describe("a sheet saved by Excel on a code page without the accents, with tally words", () => {
  // Windows-1252 bytes; "Tec?n Um?n" and "Tec_n Um_n" are how Excel writes letters the file's
  // code page lost; "Ingresos"/"Egresos" head tallies; "Hondureños/as" writes both genders.
  const sheet = [
    "Fecha;Punto de monitoreo;Dirección;Nacionalidad;Total",
    "23/10/2018;Tec?n Um?n;Ingresos;Hondureños/as;100",
    "24/10/2018;Tec_n Um_n;Egresos;salvadoreño(a);50",
    "25/10/2018;Ciudad Hidalgo;Ingreso;HND;20",
  ].join("\r\n");

  it("reads the place, the relative direction in the plural and the country, each with its warning", async () => {
    const { dir, file } = tempFile(
      "dtm-analyst-",
      "conteo.csv",
      Uint8Array.from(sheet, (c) => c.charCodeAt(0)),
    );
    const io = capture(dir);
    expect(
      await run(
        ["import", file, "--incoming-is", "northbound", "--out", join(dir, "out")],
        io.context,
      ),
    ).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "out", "import-report.json"), "utf8"));
    const replaced = report.files[0].warnings.filter(
      (w: { code: string }) => w.code === "place_name_replaced_characters",
    );
    expect(replaced.map((w: { line: number }) => w.line)).toEqual([2, 3]);
    expect(replaced[0].message).toBe(
      'Punto de monitoreo "Tec?n Um?n" read as Tecún Umán (each ?, _ or \uFFFD read as a letter the file\'s encoding lost: save the sheet as "CSV UTF-8" to keep them).',
    );
    const rows = readFileSync(join(dir, "out", "counts.csv"), "utf8")
      .split("\r\n")
      .slice(2, 5);
    expect(rows.map((l) => l.split(",").slice(0, 7).join(","))).toEqual([
      "2018-10-23,GT-TEC,Tecún Umán,GTM,14.67737,-92.14039,northbound",
      "2018-10-24,GT-TEC,Tecún Umán,GTM,14.67737,-92.14039,southbound",
      "2018-10-25,MX-CHI,Ciudad Hidalgo,MEX,14.68148,-92.15217,northbound",
    ]);
    expect(rows.map((l) => l.split(",")[13])).toEqual(["HND", "SLV", "HND"]);
    // One point however it is spelt, as written kept beside it.
    const header = readFileSync(join(dir, "out", "counts.csv"), "utf8").split("\r\n")[0]!;
    const asWritten = header
      .replace(/^\uFEFF/, "")
      .split(",")
      .indexOf("fmp_name_as_written");
    expect(rows.map((l) => l.split(",")[asWritten])).toEqual(["Tec?n Um?n", "Tec_n Um_n", ""]);
  });
});

describe("a Kobo XLSX export with a repeat group's sheet", () => {
  it("validate says the sheet is a repeat group, not that it has no header", async () => {
    const book = writeXlsx([
      {
        name: "Conteo de flujos",
        rows: [
          ["Fecha", "Punto de monitoreo", "Dirección", "Total", "_uuid", "_index"],
          ["2018-10-21", "Tecún Umán", "Norte", 810, "a1", 1],
        ],
      },
      {
        name: "grupo_nacionalidades",
        rows: [
          ["Nacionalidad", "Cantidad", "_parent_index", "_parent_table_name", "_submission__uuid"],
          ["Honduras", 700, 1, "Conteo de flujos", "a1"],
        ],
      },
    ]);
    const { dir, file } = tempFile("dtm-analyst-", "kobo.xlsx", book);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    expect(io.out.join("\n")).toContain(
      'sheet grupo_nacionalidades sheet_skipped: sheet "grupo_nacionalidades" skipped: a Kobo repeat group (its rows belong to the submissions of the main sheet through _parent_index), not a table of its own.',
    );
  });
});

describe("an approximate size in a sightings file", () => {
  const sheet = [
    "Fecha;Lugar;Caravana;Cantidad",
    "13/10/2018;San Pedro Sula;Caravana 1;aprox. 1000",
    "19/10/2018;Tecún Umán;Caravana 1;entre 4.000 y 7.000",
    "23/10/2018;Huixtla;Caravana 1;~6000",
  ].join("\r\n");

  it("is kept in the record (size_approximate) and said as counts say it (approximate), and reads back", async () => {
    const { dir, file } = tempFile("dtm-analyst-", "avistamientos.csv", BOM + sheet + "\r\n");
    const io = capture(dir);
    expect(await run(["import", file, "--out", join(dir, "out")], io.context)).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "out", "import-report.json"), "utf8"));
    const approximate = report.files[0].warnings.filter(
      (w: { code: string }) => w.code === "approximate",
    );
    expect(approximate.map((w: { line: number; message: string }) => [w.line, w.message])).toEqual([
      [2, 'Cantidad "aprox. 1000" is approximate; read as 1000.'],
      [4, 'Cantidad "~6000" is approximate; read as 6000.'],
    ]);
    const out = join(dir, "out", "sightings.csv");
    const lines = readFileSync(out, "utf8").replace(BOM, "").split("\r\n");
    const header = lines[0]!.split(",");
    const at = header.indexOf("size_approximate");
    expect(header.slice(at - 3, at + 1)).toEqual([
      "size_best",
      "size_min",
      "size_max",
      "size_approximate",
    ]);
    const rows = lines.slice(2, 5).map((l) => l.split(","));
    expect(rows.map((r) => [r[header.indexOf("size_best")], r[at]])).toEqual([
      ["1000", "true"],
      ["", ""],
      ["6000", "true"],
    ]);
    // The table written reads back with the flag: import → export → import keeps it.
    const again = join(dir, "again");
    expect(await run(["import", out, "--out", again], capture(dir).context)).toBe(0);
    expect(readFileSync(join(again, "sightings.csv"), "utf8").split("\r\n").slice(2, 5)).toEqual(
      lines.slice(2, 5),
    );
  });
});

describe("the second tryout's messy files (docs/tryout-analyst.md, branch analystleft2)", () => {
  it("a Kobo row without a total says which parts give no number, with their cells, in both languages", async () => {
    const sheet = [
      "Fecha;Punto de monitoreo;Dirección;Hombres adultos;Mujeres adultas;Niños;Niñas",
      "21/10/2018;Tecún Umán;Norte;2 mil 731;1.204;NS/NR;312",
      "22/10/2018;Ciudad Hidalgo;Norte;Not available;-;15;",
    ].join("\n");
    const { dir, file } = tempFile("dtm-analyst-", "kobo.csv", sheet);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(1);
    const text = io.out.join("\n");
    expect(text).toContain(
      'row 2 [total] missing_total: total is blank and Niños "NS/NR" gives no number, so the total is unknown (the parts given add up to 4247).',
    );
    expect(text).toContain(
      'row 3 [total] missing_total: total is blank and Hombres adultos "Not available", Mujeres adultas "-" and Niñas blank give no number, so the total is unknown (the parts given add up to 15).',
    );
    const { importTable, issueText } = await import("../../src/index.ts");
    const r = importTable(sheet, { fileName: "kobo.csv" });
    expect(issueText("es", r.report.rejections[1]!)).toBe(
      "total: celda vacía, y Hombres adultos «Not available», Mujeres adultas «-» y Niñas (vacía) no dan un número, así que el total se desconoce (las partes dadas suman 15).",
    );
  });

  it("a point's name under `Punto` (the fmp_id column) is written as its fmp_name: one key however spelt", async () => {
    const sheet = [
      "Fecha;Punto;Sentido;Total",
      "21/10/2018;TECUN UMAN;Norte;1200",
      "22/10/2018;Tecún Umán;Norte;900",
      "22/10/2018;GT1217;Norte;50",
    ].join("\n");
    const { dir, file } = tempFile("dtm-analyst-", "conteo.csv", sheet);
    const io = capture(dir);
    expect(await run(["import", file, "--out", join(dir, "out")], io.context)).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "out", "import-report.json"), "utf8"));
    const said = report.files[0].warnings.filter(
      (w: { code: string }) => w.code === "point_name_in_id_column",
    );
    // Once per name as written, on its first row.
    expect(said.map((w: { line: number; value: string }) => [w.line, w.value])).toEqual([
      [2, "TECUN UMAN"],
      [3, "Tecún Umán"],
    ]);
    const rows = readFileSync(join(dir, "out", "counts.csv"), "utf8")
      .split("\r\n")
      .slice(2, 5)
      .map((l) => l.split(",").slice(0, 3).join(","));
    // A P-code stays a code (the point's id column), the names become the point's one name; the
    // blank id or name is filled from the gazetteer place (tryout21 item 2).
    expect(rows).toEqual([
      "2018-10-21,GT-TEC,Tecún Umán",
      "2018-10-22,GT-TEC,Tecún Umán",
      "2018-10-22,GT1217,Tecún Umán",
    ]);
    const { createGazetteer, embedded2018, importTable, issueText } =
      await import("../../src/index.ts");
    const gazetteer = createGazetteer(embedded2018().places);
    const w = importTable(sheet, { fileName: "conteo.csv", gazetteer }).report.warnings.find(
      (x) => x.code === "point_name_in_id_column",
    )!;
    expect(issueText("es", w)).toMatch(
      /^Punto «TECUN UMAN» no es un código de punto sino el nombre de Tecún Umán: se escribe como fmp_name «Tecún Umán»/,
    );
  });

  it("a nationality cell naming two countries (Kobo select_multiple) is said as such, not as unknown", async () => {
    const sheet = [
      "Fecha;Punto de monitoreo;Dirección;Total;Nacionalidades",
      "21/10/2018;Tecún Umán;Norte;100;hondurena guatemalteca",
      "21/10/2018;Tecún Umán;Norte;40;Honduras, Guatemala",
      "22/10/2018;Tecún Umán;Sur;5;Honduras El Salvador",
    ].join("\n");
    const { dir, file } = tempFile("dtm-analyst-", "nac.csv", sheet);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    const text = io.out.join("\n");
    expect(text).toContain(
      'row 2 [Nacionalidades] several_countries: Nacionalidades "hondurena guatemalteca" names several countries (HND, GTM), and a row holds one: kept as written in the extra attributes (give one row per country to count each).',
    );
    expect(text).toContain("row 3 [Nacionalidades] several_countries:");
    // A piece that is no country ("El") leaves the cell unknown, as before.
    expect(text).toContain("row 4 [Nacionalidades] unknown_country:");
    const { importTable, issueText } = await import("../../src/index.ts");
    const { severalCountries } = await import("../../src/ingest/read-codes.ts");
    expect(severalCountries("HND/GTM")).toEqual(["HND", "GTM"]);
    expect(severalCountries("Honduras y Guatemala")).toEqual(["HND", "GTM"]);
    expect(severalCountries("GT/O")).toBeUndefined();
    expect(severalCountries("Honduras Honduras")).toBeUndefined();
    const w = importTable(sheet, { fileName: "nac.csv" }).report.warnings[0]!;
    expect(issueText("es", w)).toBe(
      "Nacionalidades «hondurena guatemalteca» nombra varios países (HND, GTM), y una fila lleva uno: se conserva tal como está escrito en los atributos extra (dé una fila por país para contar cada uno).",
    );
  });
});
