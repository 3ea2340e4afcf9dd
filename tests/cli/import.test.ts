import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  copyFileSync,
  existsSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "./capture.ts";
import { emptyColumnsNote } from "../../cli/commands/import.ts";
import { importTable } from "../../src/index.ts";

const SAMPLES = join(process.cwd(), "data/samples");

describe("dtm-flow validate", () => {
  it("dtm-flow validate <file> exits 0 when every row is accepted and prints the mapping", async () => {
    const x = capture();
    expect(await run(["validate", join(SAMPLES, "conteo-por-punto.xlsx")], x.context)).toBe(0);
    const text = x.out.join("\n");
    expect(text).toMatch(
      /counts \(detected\), encoding xlsx, sheets Tecún Umán, Ciudad Hidalgo, Tapachula, Notas/,
    );
    expect(text).toMatch(/7 data rows: 7 accepted, 0 rejected/);
    // Sheet-level warnings name the sheet, not a "row 0".
    expect(text).toMatch(/^ {2}sheet Notas sheet_skipped: /m);
    expect(text).not.toMatch(/row 0\b/);
  });
  it("dtm-flow validate keeps each rejection on one line when a value holds a line break", async () => {
    const x = capture();
    expect(await run(["validate", join(SAMPLES, "malformado.csv")], x.context)).toBe(1);
    const line = x.out.find((l) => l.includes("row 8 [total] invalid_number"));
    expect(line).toBeDefined();
    expect(line).toContain(String.raw`total "7\n2018-10-25,GT-TEC,sur,8" is not a number.`);
    expect(x.out.join("\n")).not.toMatch(/^2018-10-25,GT-TEC,sur,8/m);
  });
  it("dtm-flow validate <file> exits 1 when rows are rejected and lists them with line and reason", async () => {
    const x = capture();
    expect(await run(["validate", join(SAMPLES, "excel-conteo-windows1252.csv")], x.context)).toBe(
      1,
    );
    const text = x.out.join("\n");
    expect(text).toMatch(/encoding windows-1252, delimiter ";"/);
    // No place is within a few letters of "El Carmen": no "did you mean" of far names.
    expect(text).toMatch(
      /row 9 \[Punto de monitoreo\] unknown_place: .*"El Carmen" is not a known place\. /,
    );
  });
  it("dtm-flow validate <file> --json prints the whole report", async () => {
    const x = capture();
    expect(
      await run(["validate", join(SAMPLES, "avistamientos-rangos.csv"), "--json"], x.context),
    ).toBe(1);
    const report = JSON.parse(x.out.join("\n"));
    expect(report).toMatchObject({ kind: "sightings", accepted: 10, rejected: 1, dataRows: 11 });
  });
  it("dtm-flow validate exits 2 with one sentence naming the missing column and the names looked for", async () => {
    const x = capture();
    expect(await run(["validate", join(SAMPLES, "sin-columna-fecha.csv")], x.context)).toBe(2);
    expect(x.err).toHaveLength(1);
    expect(x.err[0]).toMatch(
      /no date column for a counts table in row 1: looked for date \(also fecha, dia/,
    );
    expect(x.err[0]).not.toMatch(/\n\s+at /);
  });
  it("dtm-flow validate exits 2 for a missing file and for a bad --kind", async () => {
    expect(await run(["validate", "nope.csv"], capture().context)).toBe(2);
    const x = capture();
    expect(
      await run(["validate", join(SAMPLES, "cifras-stock.csv"), "--kind", "flows"], x.context),
    ).toBe(2);
    expect(x.err[0]).toMatch(/--kind must be one of counts, sightings, stocks, places/);
  });
});

describe("dtm-flow import", () => {
  it("dtm-flow import <files…> --out <dir> writes tables per kind, rejected.csv and import-report.json", async () => {
    const out = mkdtempSync(join(tmpdir(), "dtm-import-"));
    const x = capture();
    const files = [
      "kobo-conteo-tecun-uman.csv",
      "excel-conteo-windows1252.csv",
      "conteo-por-punto.xlsx",
      "avistamientos-rangos.csv",
    ].map((f) => join(SAMPLES, f));
    expect(await run(["import", ...files, "--out", out], x.context)).toBe(1);
    const counts = readFileSync(join(out, "counts.csv"), "utf8");
    expect(counts.startsWith("\uFEFFdate,fmp_id,fmp_name,")).toBe(true);
    expect(counts.split("\r\n")[1]).toMatch(/^#date\+occurred,/);
    // 10 Kobo + 5 Excel + 7 workbook records, plus header and HXL rows.
    expect(counts.trim().split("\r\n")).toHaveLength(2 + 10 + 5 + 7);
    const rejected = readFileSync(join(out, "rejected.csv"), "utf8").trimEnd().split("\r\n");
    expect(rejected[0]).toBe("\uFEFFfile,sheet,line,column,value,code,message,suggestions");
    expect(rejected).toHaveLength(1 + 2 + 4 + 1);
    expect(rejected.join("\n")).toMatch(
      /avistamientos-rangos.csv,,9,lugar,Tapachul,unknown_place,.*,Tapachula$/m,
    );
    const report = JSON.parse(readFileSync(join(out, "import-report.json"), "utf8"));
    expect(report.files).toHaveLength(4);
    expect(report.outputs.counts.rows).toBe(22);
    expect(report.outputs.sightings.rows).toBe(10);
    for (const f of report.files) expect(f.accepted + f.rejected).toBe(f.dataRows);
    expect(x.err.join("\n")).toMatch(/wrote counts.csv \(22 rows\), sightings.csv \(10 rows\)/);
  });
  it("dtm-flow import keeps unknown codes and extra columns, and suppresses small counts when asked", async () => {
    const out = mkdtempSync(join(tmpdir(), "dtm-import-"));
    expect(
      await run(
        [
          "import",
          join(SAMPLES, "kobo-conteo-tecun-uman.csv"),
          "--out",
          out,
          "--delimiter",
          ";",
          "--suppress-below",
          "5",
          "--no-hxl",
        ],
        capture().context,
      ),
    ).toBe(1);
    const lines = readFileSync(join(out, "counts.csv"), "utf8").trim().split("\r\n");
    const header = lines[0]!.replace("\uFEFF", "").split(";");
    expect(header.slice(-1)).toEqual(["suppressed"]);
    expect(header).toContain("transporte/bus");
    expect(header).toContain("grp_conteo/nacionalidad");
    // Declared (an unknown direction would be kept as written) but empty in every row: left out.
    expect(header).not.toContain("grp_conteo/direccion");
    const rows = lines.slice(1).map((l) => l.split(";"));
    const col = (name: string) => header.indexOf(name);
    expect(
      rows.some(
        (r) => r[col("grp_conteo/nacionalidad")] === "GTM;SLV" || r.join(";").includes('"GTM;SLV"'),
      ),
    ).toBe(true);
    expect(rows.filter((r) => r[col("suppressed")] !== "").length).toBeGreaterThan(0);
    const report = JSON.parse(readFileSync(join(out, "import-report.json"), "utf8"));
    expect(report.suppression.counts).toMatchObject({ applied: true, threshold: 5 });
    // Every point is written as the gazetteer names it: no name kept as written either.
    expect(report.outputs.counts.emptyColumnsLeftOut).toEqual([
      "grp_conteo/direccion",
      "fmp_name_as_written",
      "lat_as_written",
      "lon_as_written",
    ]);
    expect(report.outputs.counts.columns).toEqual(header);
  });
  it("says a mapped column whose every code was read is not lost (Kobo grp/País)", () => {
    const note = emptyColumnsNote({
      file: "sightings.csv",
      empty: new Set(["grp/País", "grp/Tipo de fuente"]),
      keptAsWritten: new Set(["grp/País", "grp/Tipo de fuente"]),
    });
    expect(note).toBe(
      "sightings.csv: every value of grp/País, grp/Tipo de fuente was read, none kept as written.",
    );
    expect(
      emptyColumnsNote({ file: "counts.csv", empty: new Set(["a"]), keptAsWritten: new Set() }),
    ).toBe("counts.csv: left out 1 extra column empty in every row: a.");
  });

  it("names a tally's own columns (Entradas, Salidas), never the importer's Sentido/Total, in validate and import", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-tally-"));
    writeFileSync(
      join(dir, "resumen.csv"),
      "Fecha;Punto de monitoreo;Entradas;Salidas\n25/10/2018;Ciudad Hidalgo;1.200;35\n",
    );
    const v = capture(dir);
    expect(await run(["validate", "resumen.csv", "--lang", "es"], v.context)).toBe(0);
    const said = v.out.join("\n");
    expect(said).toMatch(
      / {2}Entradas, Salidas → dirección \(direction\) \(encabezado de cada columna\)/,
    );
    expect(said).toMatch(
      / {2}Entradas, Salidas → total de personas \(total\) \(celda de cada columna\)/,
    );
    expect(said).toMatch(/fila 2 \[Salidas\] direction_relative: la columna Salidas es relativa/);
    expect(said).not.toMatch(/Sentido →|\[Sentido\]|Total →/);
    const i = capture(dir);
    const args = ["import", "resumen.csv", "--incoming-is", "northbound", "--lang", "es"];
    expect(await run([...args, "--out", "out"], i.context)).toBe(0);
    expect(i.err.join("\n")).toMatch(
      /todos los valores de Entradas, Salidas, Punto de monitoreo se leyeron/,
    );
  });

  it("dtm-flow import leaves out an extra column empty in every row and keeps one filled only in the last row", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-import-"));
    // More rows than one batch of the streaming writer (5,000), so the header is long written.
    const rows = Array.from(
      { length: 6001 },
      (_, i) =>
        `${String((i % 28) + 1).padStart(2, "0")}/10/2018,Tapachula,norte,${i + 1},,${i === 6000 ? '"noche; tarde"' : ""}`,
    );
    writeFileSync(
      join(dir, "conteo.csv"),
      ["fecha,punto,sentido,total,vacía,turno", ...rows].join("\n"),
    );
    const x = capture(dir);
    expect(await run(["import", "conteo.csv", "--out", "out", "--delimiter", ";"], x.context)).toBe(
      0,
    );
    const text = readFileSync(join(dir, "out", "counts.csv"), "utf8");
    const header = text.slice(1, text.indexOf("\r\n")).split(";");
    expect(header).toContain("turno");
    // "vacía" is empty in the file; "sentido" would hold a direction the importer does not know.
    expect(header).not.toContain("vacía");
    expect(header).not.toContain("sentido");
    expect(x.err.join("\n")).toMatch(
      /counts.csv: left out 1 extra column empty in every row: vacía; every value of sentido was read, none kept as written\./,
    );
    // Read back by the importer: every row, and the one value of turno on the last row.
    const back = importTable(text, { kind: "counts" });
    expect(back.report.accepted).toBe(6001);
    expect(back.records.filter((r) => r.extra?.["turno"] !== undefined)).toEqual([
      expect.objectContaining({ total: 6001, extra: { turno: "noche; tarde" } }),
    ]);
    const report = JSON.parse(readFileSync(join(dir, "out", "import-report.json"), "utf8"));
    expect(report.outputs.counts).toMatchObject({
      rows: 6001,
      emptyColumnsLeftOut: ["vacía", "sentido"],
    });
    expect(readdirSync(join(dir, "out")).filter((f) => f.startsWith("."))).toEqual([]);
  });
  it("dtm-flow import exits 2 and writes nothing when one input is unusable", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "dtm-import-")), "out");
    const x = capture();
    expect(
      await run(
        [
          "import",
          join(SAMPLES, "cifras-stock.csv"),
          join(SAMPLES, "sin-columna-fecha.csv"),
          "--out",
          out,
        ],
        x.context,
      ),
    ).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(x.err[0]).toMatch(/sin-columna-fecha.csv: no date column/);
  });
  it("dtm-flow import never overwrites an input file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-import-"));
    copyFileSync(join(SAMPLES, "cifras-stock.csv"), join(dir, "stocks.csv"));
    const before = readFileSync(join(dir, "stocks.csv"));
    const x = capture(dir);
    expect(await run(["import", "stocks.csv", "--out", "."], x.context)).toBe(2);
    expect(x.err[0]).toMatch(/refusing to overwrite the input file stocks.csv/);
    expect(readFileSync(join(dir, "stocks.csv"))).toEqual(before);
  });
  it("dtm-flow import validates GeoJSON routes and writes routes.geojson", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-import-"));
    writeFileSync(
      join(dir, "ruta.geojson"),
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { route_id: "main" },
            geometry: {
              type: "LineString",
              coordinates: [
                [-88.02, 15.5],
                [-92.14, 14.68],
              ],
            },
          },
          {
            type: "Feature",
            properties: { route_id: "bad" },
            geometry: { type: "Point", coordinates: [-88, 15] },
          },
        ],
      }),
    );
    const x = capture(dir);
    expect(await run(["import", "ruta.geojson", "--out", "out"], x.context)).toBe(1);
    const routes = JSON.parse(readFileSync(join(dir, "out/routes.geojson"), "utf8"));
    expect(
      routes.features.map((f: { properties: { route_id: string } }) => f.properties.route_id),
    ).toEqual(["main"]);
  });
});
