/**
 * Findings of the newcomer's tryout of stop 23 (a route drawn backwards, Kobo repeat groups, HXL
 * P-code tags), through the command line as `npx dtm-flow …` runs them: each test fails without
 * its fix.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout23");
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

describe("an explicit HXL tag beats a loose header match (tryout23 item 3)", () => {
  it("Cód. municipio [#adm2+code] is the P-code, and the row with only MX02004 is Tijuana", async () => {
    const { dir, file } = tempFile("dtm-t23-", "hxl.csv", fixture("hxl-cod-municipio.csv"));
    const io = capture(dir);
    await run(["import", file, "--out", join(dir, "i")], io.context);
    const said = io.out.concat(io.err).join("\n");
    const report = JSON.parse(readFileSync(join(dir, "i", "import-report.json"), "utf8"));
    const cols = report.files[0].columns.map((c: { column: string; field?: string }) => [
      c.column,
      c.field,
    ]);
    expect(cols).toContainEqual(["Cód. municipio", "place_pcode"]);
    expect(said).not.toContain("duplicate_column");
    const rows = readFileSync(join(dir, "i", "sightings.csv"), "utf8").split(/\r?\n/);
    const header = rows[0]!.replace(/^\uFEFF/, "").split(",");
    const row = rows.find((r) => r.includes("hxl.csv:3"))!.split(",");
    expect(row[header.indexOf("place_name")]).toBe("Tijuana");
  });

  it("a sighting placed only by its #adm1+code (a state) is size evidence, and says so", async () => {
    const body = [
      "Fecha,Municipio,Cód. estado,Grupo,Personas",
      "#date,#loc+name,#adm1+code,#group+name,#affected+ind",
      "2018-11-15,,MX02,Caravana Sur,2000",
    ].join("\n");
    const { dir, file } = tempFile("dtm-t23-", "s.csv", body);
    const io = capture(dir);
    await run(["validate", file], io.context);
    const said = io.out.concat(io.err).join("\n");
    expect(said).toContain("size_only");
  });
});

describe("a route drawn from the destination back to the start (tryout23 item 1)", () => {
  const files = (route: string) => {
    const { dir, file: sightings } = tempFile(
      "dtm-t23-",
      "avistamientos.csv",
      fixture("avistamientos-golfo.csv"),
    );
    const places = join(dir, "lugares.csv");
    const routeFile = join(dir, "ruta.geojson");
    writeFileSync(places, fixture("lugares-golfo.csv"));
    writeFileSync(routeFile, fixture(route));
    return { dir, args: ["--sightings", sightings, "--places", places, "--route", routeFile] };
  };

  it("estimate names the route, says what to do, and report.json carries the warning", async () => {
    const { dir, args } = files("ruta-al-reves.geojson");
    const io = capture(dir);
    await run(["estimate", ...args, "--out", join(dir, "e")], io.context);
    const said = io.err.join("\n");
    expect(said).toContain('route "piedras" seems drawn against the direction of travel');
    expect(said).toContain("reverse the order of the line's coordinates");
    const report = JSON.parse(readFileSync(join(dir, "e", "report.json"), "utf8"));
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain("route_backwards");
  });

  for (const command of [["ledger"], ["report", "--as-of", "2019-02-10"]])
    it(`${command[0]} says it on stderr too, as estimate does (one place for every command)`, async () => {
      const { dir, args } = files("ruta-al-reves.geojson");
      const io = capture(dir);
      await run([...command, ...args, "--out", join(dir, "o")], io.context);
      expect(io.err.join("\n")).toContain(
        'warning: route "piedras" seems drawn against the direction of travel',
      );
    });

  it("the same reports on the line drawn the right way round: no such warning", async () => {
    const { dir, args } = files("ruta-piedras-negras.geojson");
    const io = capture(dir);
    await run(["estimate", ...args, "--out", join(dir, "e")], io.context);
    expect(io.err.join("\n")).not.toContain("drawn against");
  });
});

describe("a Kobo repeat group flattened into name[n]/field columns (tryout23 item 2a)", () => {
  for (const name of ["kobo-plano-total.csv", "kobo-repeat-plano.csv"]) {
    it(`${name}: one count row per instance, 930 people left, nothing kept as a choice`, async () => {
      const { dir, file } = tempFile("dtm-t23-", name, fixture(name));
      const io = capture(dir);
      await run(["validate", file], io.context);
      const said = io.out.concat(io.err).join("\n");
      expect(said).toContain("4 accepted, 0 rejected");
      expect(said).toContain("repeat_group_rows");
      expect(said).not.toContain("select_multiple_choice");
      expect(said).not.toContain("duplicate_column");
      const led = capture(dir);
      await run(["ledger", "--counts", file, "--out", join(dir, "l")], led.context);
      expect(led.err.join("\n")).toContain("930 people left by then");
    });
  }
});

describe("a Kobo XLSX export whose people are in the repeat group's sheet (tryout23 item 2b)", () => {
  it("the repeat rows are joined to their submission's date, point and direction: 930 people", async () => {
    const { dir, file } = tempFile("dtm-t23-", "k.xlsx", fixture("kobo-repeticiones.xlsx"));
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    const said = io.out.concat(io.err).join("\n");
    expect(said).toContain("4 accepted, 0 rejected");
    expect(said).toContain('sheet "grupo_nacionalidad" is a Kobo repeat group');
    const led = capture(dir);
    await run(["ledger", "--counts", file, "--out", join(dir, "l")], led.context);
    expect(led.err.join("\n")).toContain("930 people left by then");
  });
});

describe("COMAR's words for asylum claims (tryout23 item 10)", () => {
  for (const category of [
    "Solicitudes de refugio (COMAR)",
    "Solicitantes de la condición de refugiado",
    "solicitudes de refugio",
  ]) {
    it(`"${category}" is an asylum claim`, async () => {
      const body = `Fecha;Categoría;Cifra;Base;País\n15 de febrero de 2019;${category};400;acumulado;MEX\n`;
      const { dir, file } = tempFile("dtm-t23-", "cifras.csv", body);
      const io = capture(dir);
      await run(["validate", file, "--kind", "stocks"], io.context);
      const said = io.out.concat(io.err).join("\n");
      expect(said).toContain("1 accepted, 0 rejected");
    });
  }
});

describe("a sightings file whose only date is #date+reported (tryout23 item 7)", () => {
  it("the refusal says the report date was read as reported_at and how to map it", async () => {
    const { dir, file } = tempFile("dtm-t23-", "a.csv", fixture("avistamientos-hxl.csv"));
    const io = capture(dir);
    expect(await run(["validate", file, "--kind", "sightings"], io.context)).toBe(2);
    expect(io.err.join("\n")).toContain(
      'Fecha reporte [#date+reported] was read as reported_at (when the source published); if it is the day the group was seen, map it: --columns observed_at="Fecha reporte"',
    );
    const ok = capture(dir);
    const args = [
      "validate",
      file,
      "--kind",
      "sightings",
      "--columns",
      "observed_at=Fecha reporte",
    ];
    await run(args, ok.context);
    expect(ok.out.concat(ok.err).join("\n")).toMatch(/\d accepted/);
  });
});

describe("Mexican spellings (tryout23 item 15)", () => {
  it("reads 1º de diciembre, 1ero. de diciembre and más o menos 700", async () => {
    const body = [
      "fecha;lugar;caravana;cantidad",
      "1º de diciembre de 2018;Tijuana;C1;más o menos 700",
      "1ero. de diciembre de 2018;Tijuana;C1;800",
    ].join("\n");
    const { dir, file } = tempFile("dtm-t23-", "s.csv", body);
    const io = capture(dir);
    await run(["import", file, "--out", join(dir, "i")], io.context);
    const rows = readFileSync(join(dir, "i", "sightings.csv"), "utf8").split(/\r?\n/);
    const header = rows[0]!.replace(/^\uFEFF/, "").split(",");
    const data = rows
      .slice(2)
      .filter(Boolean)
      .map((r) => r.split(","));
    expect(
      data.map((r) => [r[header.indexOf("observed_at")], r[header.indexOf("size_best")]]),
    ).toEqual([
      ["2018-12-01", "700"],
      ["2018-12-01", "800"],
    ]);
  });
});
