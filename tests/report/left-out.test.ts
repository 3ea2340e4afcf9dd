/**
 * The situation update says in "Data quality" that rows or sheets of the input files were left
 * out, from the import reports (leftOutOfFiles), in English and Spanish.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { leftOutOfFiles, situationWords } from "../../src/index.ts";
import { capture, tempFile } from "../cli/capture.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout23");
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

describe("rows and sheets left out of the input files", () => {
  it("leftOutOfFiles counts a skipped sheet once, not its rows again, and nothing as undefined", () => {
    const sheet = { code: "sheet_skipped", params: { sheet: "Resumen", dataRows: 4 } };
    const row = { code: "invalid_date" };
    expect(
      leftOutOfFiles([
        { rejected: 7, rejections: [sheet, row, row, row] },
        { rejected: 4, rejections: [row, row, row, row] },
      ]),
    ).toEqual({ rows: 7, sheets: 1 });
    expect(leftOutOfFiles([{ rejected: 0, rejections: [] }])).toBeUndefined();
  });
  it("is said in one sentence in each language", () => {
    expect(situationWords("en").leftOut({ rows: 7, sheets: 1 })).toBe(
      "7 rows rejected and 1 sheet skipped in the input files: the figures leave them out (dtm-flow validate lists each with its line and reason).",
    );
    expect(situationWords("es").leftOut({ rows: 1, sheets: 0 })).toBe(
      "1 fila rechazada en los archivos de entrada: las cifras las dejan fuera (dtm-flow validate las lista con su línea y motivo).",
    );
    expect(situationWords("es").leftOut({ rows: 0, sheets: 2 })).toMatch(/^2 hojas omitidas en/);
  });
  for (const [lang, line] of [
    ["es", "1 fila rechazada en los archivos de entrada"],
    ["en", "1 row rejected in the input files"],
  ] as const)
    it(`report --lang ${lang} with a rejected row says so under Data quality (md and html)`, async () => {
      const rows = `${fixture("avistamientos-golfo.csv").toString("utf8").trimEnd()}\n33/02/2019;Tapachula;Caravana Coahuila;100;prensa;medios\n`;
      const { dir, file } = tempFile("dtm-leftout-", "avistamientos.csv", rows);
      writeFileSync(join(dir, "lugares.csv"), fixture("lugares-golfo.csv"));
      writeFileSync(join(dir, "ruta.geojson"), fixture("ruta-piedras-negras-linea.geojson"));
      const io = capture(dir);
      const args = ["--sightings", file, "--places", "lugares.csv", "--route", "ruta.geojson"];
      await run(
        ["report", ...args, "--as-of", "2019-02-13", "--lang", lang, "--out", "r"],
        io.context,
      );
      const md = readFileSync(join(dir, "r", "situation-update.md"), "utf8");
      const html = readFileSync(join(dir, "r", "situation-update.html"), "utf8");
      const quality = md.slice(md.indexOf(situationWords(lang).dataQualityHeading));
      expect(quality).toContain(`- ${line}`);
      expect(html).toContain(`<p>${line}`);
    });
});
