/**
 * Import reasons in Spanish (viewer/analyst/issueText.ts): a sightings file with a bad row of each
 * common kind is imported by the library, and every reason the panel shows is said in Spanish
 * from the issue's code and values — not the library's English sentence — while English keeps
 * the library's own sentence.
 */
import { describe, expect, it } from "vitest";
import {
  MAX_GAP_DAYS,
  SPANISH_BASIS,
  SPANISH_CATEGORY,
  SPANISH_DIRECTION,
  STOCK_CATEGORIES,
  STOCK_CATEGORY_CHOICES,
  createGazetteer,
  embedded2018,
  importTable,
} from "../../src/index.ts";
import { issueText } from "../../viewer/analyst/issueText.ts";
import { rejectionRows } from "../../viewer/analyst/fileReport.ts";

const CSV = [
  "fecha,lugar,caravana,cantidad",
  "2018-10-20,Tapachula,Caravana 1,7000",
  ",Tapachula,Caravana 1,7000", // blank date
  "32/10/2018,Tapachula,Caravana 1,7000", // no such day
  "2018-10-21,Tapachulita,Caravana 1,7000", // unknown place
  "2018-10-22,Huixtla,Caravana 1,-5", // negative
  "2018-10-23,Huixtla,Caravana 1,muchos", // not a number
  "2018-10-20,Tapachula,Caravana 1,7000", // the first row again
  "2001-10-24,Huixtla,Caravana 1,7000", // years from the others
].join("\n");

function report() {
  const gazetteer = createGazetteer(embedded2018().places);
  return importTable(CSV, {
    fileName: "avistamientos.csv",
    kind: "sightings",
    gazetteer,
    today: "2019-01-31",
  }).report;
}

describe("issueText: import reasons in Spanish", () => {
  it("every rejection of a messy sightings file is said in Spanish, with its column and value", () => {
    const r = report();
    const codes = r.rejections.map((x) => x.code).sort();
    expect(codes).toEqual(
      [
        "date_outside_window",
        "duplicate_row",
        "invalid_date",
        "invalid_number",
        "missing_value",
        "negative_count",
        "unknown_place",
      ].sort(),
    );
    for (const x of r.rejections) {
      const es = issueText("es", x);
      expect(es, x.code).not.toBe(x.message);
      expect(es, x.code).not.toMatch(/\b(is|not|the|a known|blank|required)\b/);
      expect(issueText("en", x)).toBe(x.message);
    }
    const byCode = new Map(r.rejections.map((x) => [x.code, issueText("es", x)]));
    expect(byCode.get("missing_value")).toBe("fecha: celda vacía; se necesita una fecha.");
    expect(byCode.get("invalid_date")).toMatch(/^fecha «32\/10\/2018» no es una fecha utilizable/);
    expect(byCode.get("unknown_place")).toMatch(
      /^lugar «Tapachulita» no es un lugar conocido; ¿quiso decir «Tapachula»/,
    );
    expect(byCode.get("negative_count")).toMatch(/^cantidad: valor negativo \(-5\)/);
    expect(byCode.get("duplicate_row")).toBe("igual que la fila 2; se conserva una vez.");
    // The gap the library allows comes with the issue (MAX_GAP_DAYS), not written again here.
    expect(byCode.get("date_outside_window")).toMatch(
      new RegExp(`^fecha 2001-10-24 está a más de ${MAX_GAP_DAYS} días de las demás fechas`),
    );
    // The panel's table carries the Spanish reason and the code.
    const rows = rejectionRows(r, "es");
    expect(rows.map((row) => row[4]).join("\n")).toContain("no es un lugar conocido");
    // The reason names the suggested place once, and is words only: the code is the row's own field.
    const place = rows.find((row) => row[5] === "unknown_place")!;
    expect(place[4]).toBe(byCode.get("unknown_place"));
    expect(place[4]).not.toMatch(/→|unknown_place/);
  });

  it("a stock category outside the list is said in Spanish with the library's own list", () => {
    const r = importTable(
      "date,category,value,basis,country\n2018-12-13,kits,7208,cumulative,HND\n",
      { fileName: "stocks.csv", kind: "stocks", today: "2019-01-31" },
    ).report;
    const x = r.rejections.find((y) => y.code === "invalid_category")!;
    // Each category with its Spanish word (tryout22 item 13): "asylum_claim (solicitud de asilo), …".
    const choices = STOCK_CATEGORIES.map((c) => `${c} (${SPANISH_CATEGORY[c]})`).join(", ");
    expect(STOCK_CATEGORY_CHOICES.join(", ")).toBe(choices);
    expect(x.params).toEqual({ choices });
    expect(x.message).toContain(`is not one of ${choices}.`);
    expect(issueText("es", x)).toBe(`category «kits» no es una de ${choices}.`);
    // Without the list, the English sentence rather than a Spanish one naming no categories.
    expect(issueText("es", { ...x, params: undefined })).toBe(x.message);
  });

  it("the direction and basis words a reason names are the library's, and the importer accepts them", () => {
    const counts = importTable(
      [
        "date,point_id,direction,total",
        `2018-10-20,Ciudad Hidalgo,${SPANISH_DIRECTION.northbound},100`,
        `2018-10-20,Ciudad Hidalgo,${SPANISH_DIRECTION.southbound},50`,
        "2018-10-20,Ciudad Hidalgo,sideways,10",
      ].join("\n") + "\n",
      {
        fileName: "counts.csv",
        kind: "counts",
        today: "2019-01-31",
        gazetteer: createGazetteer(embedded2018().places),
      },
    );
    expect(counts.records.map((c) => (c as { direction: string }).direction)).toEqual([
      "northbound",
      "southbound",
    ]);
    const x = counts.report.rejections.find((y) => y.code === "invalid_direction")!;
    expect(issueText("es", x)).toBe(
      `direction «sideways» no es una dirección: use ${SPANISH_DIRECTION.northbound}/northbound, ${SPANISH_DIRECTION.southbound}/southbound o unknown.`,
    );
    const stocks = importTable(
      [
        "date,category,value,basis,country",
        `2018-12-13,return,7208,${SPANISH_BASIS.cumulative},HND`,
        `2018-12-13,remaining,700,${SPANISH_BASIS.present},MEX`,
        "2018-12-13,return,7208,,HND",
        "2018-12-13,return,7208,sometimes,HND",
      ].join("\n") + "\n",
      { fileName: "stocks.csv", kind: "stocks", today: "2019-01-31" },
    );
    expect(stocks.records.map((r) => (r as { basis: string }).basis)).toEqual([
      "cumulative",
      "present",
    ]);
    const blank = stocks.report.rejections.find((y) => y.code === "missing_value")!;
    expect(issueText("es", blank)).toContain(
      `indique cumulative (${SPANISH_BASIS.cumulative}) o present (${SPANISH_BASIS.present})`,
    );
    const invalid = stocks.report.rejections.find((y) => y.code === "invalid_basis")!;
    expect(issueText("es", invalid)).toBe(
      `basis «sometimes» no es cumulative (${SPANISH_BASIS.cumulative}) ni present (${SPANISH_BASIS.present}).`,
    );
  });

  it("a missing column is said in Spanish; a code without a Spanish form keeps the English", () => {
    const r = importTable("lugar,caravana\nTapachula,Caravana 1\n", {
      fileName: "x.csv",
      kind: "sightings",
    }).report;
    expect(r.fatal?.code).toBe("missing_column");
    expect(issueText("es", r.fatal!)).toMatch(
      /^no hay columna .* para una tabla de avistamientos en la fila 1/,
    );
    const other = { code: "some_new_code", message: "Something new happened." };
    expect(issueText("es", other)).toBe("Something new happened.");
    // Without the values a form needs, the English sentence, never a half-filled one.
    expect(issueText("es", { code: "duplicate_row", message: "same as row 3; kept once." })).toBe(
      "same as row 3; kept once.",
    );
  });
});

describe("issueText: the reasons the analyst's tryout added (docs/tryout-analyst.md)", () => {
  const gazetteer = createGazetteer(embedded2018().places);
  const counts = importTable(
    [
      "Fecha;Punto de monitoreo;Dirección;Hombres;Total;Latitud",
      "23/10/2018;Tecún Umán;Norte;10;20;14,6774",
      "24/10/2018;Tecún Umán;Norte;(20);30;",
      "25/10/2018;Tecún Umán;Norte;10;=SUMA(D2:D3);",
    ].join("\n") + "\n",
    { fileName: "conteo.csv", kind: "counts", today: "2019-01-31", gazetteer },
  ).report;
  const byCode = (code: string) =>
    [...counts.rejections, ...counts.warnings].find((x) => x.code === code)!;

  it("a lone latitude left out, a negative in accounting format, a formula as text: in Spanish", () => {
    expect(issueText("es", byCode("half_coordinate_ignored"))).toBe(
      "solo se da la latitud (14,6774), no la longitud: se deja de lado y la fila se ubica por Punto de monitoreo «Tecún Umán».",
    );
    expect(issueText("es", byCode("negative_count"))).toBe(
      "Hombres «(20)» es negativo (-20 en el formato contable de Excel); un conteo es de personas, 0 o más.",
    );
    expect(issueText("es", byCode("formula_text"))).toMatch(
      /^Total «=SUMA\(D2:D3\)» es una fórmula escrita como texto, no su valor/,
    );
  });
});

describe("issueText: a time of day in its own column", () => {
  it("the column's note and an unreadable time are said in Spanish", () => {
    const r = importTable(
      "Fecha;Hora;Lugar;Caravana;Cantidad\n13/10/2018;05:30;Tapachula;C1;100\n14/10/2018;tarde;Tapachula;C1;100\n",
      { fileName: "a.csv", kind: "sightings", today: "2019-01-31" },
    ).report;
    const byCode = new Map(r.warnings.map((w) => [w.code, issueText("es", w)]));
    expect(byCode.get("time_from_column")).toBe(
      "la hora de cada observación se lee de la columna «Hora» y se añade a la fecha de la columna «Fecha»; «Hora» también se conserva tal como está escrita.",
    );
    expect(byCode.get("invalid_time")).toBe(
      "Hora «tarde» no es una hora del día (p. ej. 06:30 o 2:30 p. m.); la fila se lee solo con su fecha.",
    );
  });
});

describe("issueText: the warnings a field sheet gives are said in Spanish too", () => {
  it("every warning of a messy count sheet and workbook has a Spanish form, made of its values", async () => {
    const { writeXlsx } = await import("../../src/export/xlsx.ts");
    const gazetteer = createGazetteer(embedded2018().places);
    const csv = [
      "Fecha;Punto;Punto de monitoreo;Dirección;Nacionalidad;Hombres;Mujeres;Niños;Niñas;Total;Total",
      "20/10/2018;;Tecún Umán, San Marcos;Entrada;Hondureña;1;1;1;1;;",
      "21/10/2018;;GT1217;;Marciana;1;1;1;1;aprox. 4;",
      "22/10/2018;Tapachla;;Norte;HND;1;1;1;1;4;",
      "Total;;;;;;;;;99;",
    ].join("\n");
    const counts = importTable(csv + "\n", {
      fileName: "conteo.csv",
      kind: "counts",
      today: "2019-01-31",
      gazetteer,
    }).report;
    const book = importTable(
      writeXlsx([
        { name: "Notas", rows: [["Conteo de la semana"], ["revisado"]] },
        {
          name: "Tapachula",
          rows: [
            ["Fecha", "Dirección", "Total"],
            ["2018-10-20", "Norte", 5],
          ],
        },
      ]),
      { fileName: "libro.xlsx", kind: "counts", today: "2019-01-31", gazetteer },
    ).report;
    const warnings = [...counts.warnings, ...book.warnings];
    expect(new Set(warnings.map((w) => w.code))).toEqual(
      new Set([
        "duplicate_column",
        "total_from_parts",
        "direction_relative",
        "place_name_qualified",
        "place_from_code",
        "direction_blank",
        "unknown_country",
        "approximate",
        "point_without_position",
        "total_row_mismatch",
        "sheet_skipped",
        "point_from_sheet_name",
      ]),
    );
    for (const w of warnings) {
      const es = issueText("es", w);
      expect(es, w.code).not.toBe(w.message);
      expect(es, w.code).not.toMatch(/ is |\b(the|read as|skipped|blank|known)\b/);
    }
    const byCode = new Map(warnings.map((w) => [w.code, issueText("es", w)]));
    expect(byCode.get("total_row_mismatch")).toBe(
      "la fila de Total dice 99 en Total; las filas aceptadas de arriba suman 12.",
    );
    expect(byCode.get("approximate")).toBe("Total «aprox. 4» es aproximado; se lee como 4.");
    expect(byCode.get("sheet_skipped")).toBe(
      "la hoja «Notas» se omite: no tiene un encabezado utilizable en sus primeras 25 filas.",
    );
  });
  it("says in Spanish that words after a point's town are kept in its name", () => {
    const r = importTable(
      "fecha;punto de monitoreo;direccion;total\n23/10/2018;Tecún Umán (puente);norte;5\n",
      {
        gazetteer: createGazetteer(embedded2018().places),
      },
    );
    const w = r.report.warnings.find((x) => x.code === "place_name_qualified")!;
    expect(issueText("es", w)).toBe(
      "punto de monitoreo «Tecún Umán (puente)» se ubica en Tecún Umán («puente» queda como parte del nombre del punto).",
    );
  });
  it("says in Spanish that the date cell's time wins over the time column's", () => {
    const r = importTable(
      "Fecha;Hora;lugar;caravana;cantidad\n13/10/2018 07:00;09:00;Tapachula;C1;100\n",
      { kind: "sightings" },
    );
    const w = r.report.warnings.find((x) => x.code === "time_conflict")!;
    expect(issueText("es", w)).toBe(
      "Fecha tiene la hora 07:00 y Hora dice «09:00»; se lee a las 07:00.",
    );
  });
  it("says in Spanish that a lone coordinate is far from its point", () => {
    const r = importTable(
      "fecha;punto de monitoreo;direccion;total;latitud\n23/10/2018;Tecún Umán;norte;20;32,5\n",
      { gazetteer: createGazetteer(embedded2018().places) },
    );
    const w = r.report.warnings.find((x) => x.code === "half_coordinate_far")!;
    expect(issueText("es", w)).toMatch(
      /^solo se da la latitud \(32,5\), no la longitud, y está a más de 0,5° de la de Tecún Umán \(14[.,]\d+\): se deja de lado y la fila se ubica en Tecún Umán; revise la celda\.$/,
    );
  });
});

describe("review19b: an unusable file's rows in Spanish", () => {
  it("each rejected row of a file without a date column says in Spanish that the file is unusable, and why", async () => {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync("data/samples/sin-columna-fecha.csv", "utf8");
    const r = importTable(text, { kind: "counts", fileName: "sin-columna-fecha.csv" }).report;
    expect(r.fatal?.code).toBe("missing_column");
    const rows = rejectionRows(r, "es");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row[4]).toMatch(/^archivo inutilizable: no hay columna date/);
    for (const row of rejectionRows(r, "en")) expect(row[4]).toMatch(/^file unusable: /);
    // The headers looked for, as the English says them (review19b #5).
    expect(issueText("es", r.fatal!)).toBe(
      "no hay columna date para una tabla de conteos en la fila 1 (se buscaron los encabezados date, fecha, dia, day, fecha_de_conteo, #date); revise el encabezado o asigne la columna abajo.",
    );
  });
  it("a code named like an Object.prototype member gives the message back", () => {
    for (const code of ["constructor", "toString", "__proto__"])
      expect(issueText("es", { code, message: "m" })).toBe("m");
  });
});
