/**
 * The command line's last English sentences under `--lang es` (stop 25): the self-calibration's
 * note and the held-out check's summary (`estimate --check`), the route file's refusals, and the
 * missing column's refusal ending with the command line's `--columns` hint (not the viewer's
 * "asigne la columna abajo"). Each is said from the library's tables; exit statuses unchanged.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { unusableTableText } from "../../cli/read-input.ts";
import { formatPeople, issueText, numberLocale, tooFewText } from "../../src/index.ts";
import { tooFewNote } from "../../src/estimate/calibrate.ts";
import { capture } from "./capture.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout22");
const FILES = [
  "--sightings",
  join(FIXTURES, "avistamientos.csv"),
  "--counts",
  join(FIXTURES, "conteos-kobo.csv"),
  "--stocks",
  join(FIXTURES, "cifras.csv"),
];

describe("the self-calibration's note in both languages", () => {
  it("says the same values; English as report.json writes it", () => {
    expect(tooFewText(5, 4)).toBe(
      "5 reports of positions and 4 figures, fewer than 10 each: too few to judge; intervals not widened",
    );
    expect(tooFewNote(5, 40)).toBe(tooFewText(5, 40, "en"));
    expect(tooFewText(1, 40, "en")).toBe(
      "1 report of positions, fewer than 10: too few to judge; km intervals not widened",
    );
    expect(tooFewText(5, 4, "es")).toBe(
      "5 reportes de posición y 4 cifras, menos de 10 cada uno: demasiado pocos para juzgar; los intervalos no se ensanchan",
    );
    expect(tooFewText(40, 1, "es")).toBe(
      "1 cifra, menos de 10: demasiado pocos para juzgar; los intervalos de tamaño no se ensanchan",
    );
    expect(tooFewText(10, 10, "es")).toBeUndefined();
  });
});

describe("estimate --check --lang es", () => {
  it("prints the check's summary and the self-calibration's note in Spanish, exit 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-es-check-"));
    const io = capture(dir);
    const args = ["estimate", ...FILES, "--check", "--lang", "es", "--out", join(dir, "o")];
    expect(await run(args, io.context)).toBe(0);
    const said = io.err.join("\n");
    expect(said).toContain(
      "verificación con datos retenidos (5 particiones, semilla 1, 5 reportes): posiciones (5) — los intervalos del 90 % cubrieron 80 %",
    );
    expect(said).toContain(
      "error mediano 147.2 km, ancho mediano del 90 % 1199 km (demasiado pocos para juzgar)",
    );
    expect(said).toContain(
      "Demasiado pocos reportes retenidos para juzgar (posiciones 5, tamaños 4; menos de 10): los intervalos de los recorridos no se ensanchan (medido: km × 3.24",
    );
    expect(said).toContain(
      "autocalibración: 5 reportes de posición y 4 cifras, menos de 10 cada uno: demasiado pocos para juzgar; los intervalos no se ensanchan (report.json selfCalibration)",
    );
    for (const english of [
      "held-out check",
      "Too few held-out",
      "self-calibration:",
      "not widened",
      "too few to judge",
      "median error",
      "median 90 % width",
      "high ÷ low",
    ])
      expect(said).not.toContain(english);
  }, 180_000);
});

describe("route files refused under --lang es", () => {
  const dir = mkdtempSync(join(tmpdir(), "dtm-es-route-"));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  const cases: [string, string, RegExp][] = [
    [file("vacia.geojson", ""), "está vacío, no es JSON", /is empty/],
    [
      file("punto.geojson", '{"type":"Point","coordinates":[1,2]}'),
      "no es una FeatureCollection de GeoJSON",
      /is not a GeoJSON/,
    ],
    [file("escenario.json", '{"waves":[]}'), "es un archivo de escenario", /is a scenario/],
    [
      file("correcciones.json", '{"corrections":[]}'),
      "archivo de correcciones",
      /corrections file/,
    ],
    [
      file(
        "corta.geojson",
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,1]]}}]}',
      ),
      "no tiene ninguna ruta LineString utilizable; el elemento 1: la ruta tiene 1 posición",
      /has no usable/,
    ],
    [file("mal.geojson", "nope{"), "el archivo de rutas no es JSON", /is not JSON/],
  ];
  it.each(cases)("%s: Spanish sentence, exit 2 (English unchanged)", async (name, es, en) => {
    const io = capture(dir);
    expect(await run(["validate", name, "--lang", "es"], io.context)).toBe(2);
    const said = io.err.join("\n");
    expect(said).toContain(es);
    expect(said).not.toMatch(/\bgive\b|\bis (empty|not|a)\b|route file holds/);
    const en_ = capture(dir);
    expect(await run(["validate", name], en_.context)).toBe(2);
    expect(en_.err.join("\n")).toMatch(en);
    // As --route of a command that reads data (loadDataset), in Spanish too.
    const est = capture(dir);
    const out = join(dir, `o-${name}`);
    expect(
      await run(["estimate", "--route", name, "--lang", "es", "--out", out], est.context),
    ).toBe(2);
    expect(est.err.join("\n")).toContain(es);
  });
});

describe("a missing column: one table, two front-end endings", () => {
  const fatal = {
    code: "missing_column",
    message: "no date column for a counts table in row 1: looked for date.",
    params: { columns: "date", kind: "counts", row: 1, lookedFor: "date, fecha" },
  };
  it("the viewer says to assign the column below; the command line gives its --columns hint", () => {
    expect(issueText("es", fatal)).toMatch(/revise el encabezado o asigne la columna abajo\.$/);
    const cli = unusableTableText("c.csv", fatal, { mappable: true, lang: "es" });
    expect(cli).toBe(
      "c.csv: no hay columna date para una tabla de conteos en la fila 1 (se buscaron los encabezados date, fecha); revise el encabezado. Indique qué columna lo contiene: --columns <campo>=<columna> (docs/import.md).",
    );
    expect(cli).not.toContain("abajo");
    expect(unusableTableText("c.csv", fatal, { mappable: true })).toBe(
      "c.csv: no date column for a counts table in row 1: looked for date. Say which column holds it: --columns <field>=<column> (docs/import.md).",
    );
  });
});

describe("figures in the language's locale", () => {
  it("formatPeople groups by numberLocale (es-MX in Spanish)", () => {
    expect(numberLocale("es")).toBe("es-MX");
    expect(formatPeople(8583.4, "es")).toBe((8583).toLocaleString("es-MX"));
    expect(formatPeople(8583.4)).toBe("8,583");
  });
});
