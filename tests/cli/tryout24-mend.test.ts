/**
 * Importer findings of the newcomer's tryout of stop 24, through the command line as
 * `npx dtm-flow …` runs them: each test fails without its fix.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";
import { createGazetteer, embedded2018, formatTableCsv, importTable } from "../../src/index.ts";
import type { TableRecord } from "../../src/index.ts";

const ENTRADA_SALIDA = [
  "Fecha;Punto de monitoreo;Sentido;Total",
  "20/10/2018;Tecún Umán;Entrada;1000",
  "21/10/2018;Tecún Umán;Salida;50",
  "22/10/2018;Tecún Umán;Entrada;500",
].join("\n");

describe("--incoming-is and --date-order wherever a count sheet is read (tryout24 MED-B)", () => {
  it("ledger reads entrada as northbound when told, and says which rows it cannot count", async () => {
    const { dir, file } = tempFile("dtm-t24-", "conteo.csv", ENTRADA_SALIDA);
    const plain = capture(dir);
    expect(await run(["ledger", "--counts", file, "--out", join(dir, "a")], plain.context)).toBe(0);
    // Without the option, every row is warned on stderr with its line and what to give.
    expect(plain.err.join("\n")).toMatch(/row 2 .*direction_relative.*--incoming-is/);
    const told = capture(dir);
    const code = await run(
      ["ledger", "--counts", file, "--incoming-is", "northbound", "--out", join(dir, "b")],
      told.context,
    );
    expect(code).toBe(0);
    expect(told.out.concat(told.err).join("\n")).toContain("1,500 people left");
  });

  it("estimate, report and forecast take both options (a bad value is named, not unknown)", async () => {
    const { dir, file } = tempFile("dtm-t24-", "conteo.csv", ENTRADA_SALIDA);
    for (const command of ["estimate", "report", "forecast", "ledger", "validate", "import"]) {
      for (const [flag, bad] of [
        ["--incoming-is", "north"],
        ["--date-order", "ymd"],
      ]) {
        const io = capture(dir);
        const args =
          command === "validate" || command === "import"
            ? [command, file, flag!, bad!, "--out", join(dir, "x")]
            : [
                command,
                "--counts",
                file,
                flag!,
                bad!,
                "--as-of",
                "2018-10-22",
                "--out",
                join(dir, "x"),
              ];
        if (command === "validate") args.splice(args.indexOf("--out"), 2);
        if (command === "estimate" || command === "import" || command === "ledger")
          args.splice(args.indexOf("--as-of"), args.includes("--as-of") ? 2 : 0);
        expect(await run(args, io.context), `${command} ${flag}`).toBe(2);
        expect(io.err.join("\n"), `${command} ${flag}`).toContain(`${flag} must be`);
      }
    }
  });

  it("ledger --date-order mdy reads 10/07/2018 as 7 October (read as 10 July without it)", async () => {
    const body = ENTRADA_SALIDA.replace("20/10/2018", "10/05/2018")
      .replace("21/10/2018", "10/06/2018")
      .replace("22/10/2018", "10/07/2018");
    const { dir, file } = tempFile("dtm-t24-", "conteo.csv", body);
    const io = capture(dir);
    const out = join(dir, "r");
    const code = await run(
      [
        "ledger",
        "--counts",
        file,
        "--date-order",
        "mdy",
        "--incoming-is",
        "northbound",
        "--out",
        out,
      ],
      io.context,
    );
    expect(code).toBe(0);
    expect(readFileSync(join(out, "split.csv"), "utf8")).toContain("2018-10-07");
  });
});

describe("import takes --places as validate and estimate do (tryout24 LOW-1)", () => {
  it("reads the places file first, so the stock figures' place resolves", async () => {
    const stocks = [
      "Fecha;Categoría;Valor;Base;País;Lugar",
      "26/03/2021;Personas en albergue;600;presente;México;Albergue La 72 bis",
    ].join("\n");
    const { dir, file } = tempFile("dtm-t24-", "cifras.csv", stocks);
    const places = join(dir, "lugares.csv");
    writeFileSync(
      places,
      "name;lat;lon;country;kind\nAlbergue La 72 bis;17,47;-91,42;MEX;shelter\n",
    );
    const io = capture(dir);
    const out = join(dir, "i");
    expect(await run(["import", file, "--places", places, "--out", out], io.context)).toBe(0);
    const table = readFileSync(join(out, "stocks.csv"), "utf8");
    expect(table).toContain("Albergue La 72 bis");
    expect(readFileSync(join(out, "places.csv"), "utf8")).toContain("Albergue La 72 bis");
    expect(JSON.parse(readFileSync(join(out, "import-report.json"), "utf8")).files[0].kind).toBe(
      "places",
    );
  });
});

describe("one column order for the viewer's export and dtm-flow import (tryout24 LOW-8)", () => {
  it("formatTableCsv writes the extra columns in the order import writes them", async () => {
    const body = [
      "Fecha;Lugar;Caravana;Personas;Notas",
      "20/10/2018;Tapachula, Chiapas;Caravana Sur;1000;a",
      "21/10/2018;Huixtla;caravana sur;900;b",
    ].join("\n");
    const { dir, file } = tempFile("dtm-t24-", "avistamientos.csv", body);
    const io = capture(dir);
    const out = join(dir, "i");
    await run(["import", file, "--kind", "sightings", "--out", out], io.context);
    const header = (text: string) => text.replace(/^\uFEFF/, "").split(/\r?\n/)[0];
    const imported = header(readFileSync(join(out, "sightings.csv"), "utf8"));
    const gazetteer = createGazetteer(embedded2018().places);
    const { records } = importTable(body, { kind: "sightings", gazetteer, fileName: "x.csv" });
    const viewer = header(formatTableCsv("sightings", records as TableRecord[]).text);
    expect(imported).toContain("caravan_label_as_written");
    expect(imported).toContain("place_name_as_written");
    expect(viewer).toBe(imported);
  });
});

describe("a forgotten --route for one's own corridor (tryout24 MED-H)", () => {
  const fixture = (name: string) =>
    readFileSync(join(import.meta.dirname, "..", "fixtures", "tryout23", name));
  const files = () => {
    const { dir, file } = tempFile(
      "dtm-t24-",
      "avistamientos.csv",
      fixture("avistamientos-golfo.csv"),
    );
    const places = join(dir, "lugares.csv");
    writeFileSync(places, fixture("lugares-golfo.csv"));
    return { dir, file, places };
  };

  it("without --route, most reports far from the 2018 routes: refused in one sentence (exit 2)", async () => {
    const { dir, file, places } = files();
    const io = capture(dir);
    const code = await run(
      ["estimate", "--sightings", file, "--places", places, "--out", join(dir, "o")],
      io.context,
    );
    expect(code).toBe(2);
    const said = io.err.join("\n");
    expect(said).toMatch(/\d+ of \d+ reports lie .* from the routes in use \(the 2018 corridor\)/);
    expect(said).toContain("most reports lie far from the routes: give your route with --route");
  });

  it("with the analyst's own --route: no such sentence", async () => {
    const { dir, file, places } = files();
    const route = join(dir, "ruta.geojson");
    writeFileSync(route, fixture("ruta-al-reves.geojson"));
    const io = capture(dir);
    const code = await run(
      [
        "estimate",
        "--sightings",
        file,
        "--places",
        places,
        "--route",
        route,
        "--out",
        join(dir, "o"),
      ],
      io.context,
    );
    expect(code).not.toBe(2);
    expect(io.err.join("\n")).not.toContain("far from the routes");
  });
});
