/**
 * `--lang es` says every refusal of an option or argument in Spanish, from one table
 * (cli/option-refusals.ts), even one met before --lang is parsed; English is unchanged. A
 * scenario "file" that is a CSV table is named as such, without the JSON parser's words.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "./capture.ts";

const dir = mkdtempSync(join(tmpdir(), "dtm-es26-refusals-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit code and stderr of one run. */
async function refused(args: string[]): Promise<{ code: number; err: string }> {
  const io = capture(dir);
  const code = await run(args, io.context);
  return { code, err: io.err.join("\n") };
}

describe("--lang es: refusals of options and arguments", () => {
  it.each([
    [
      ["estimate", "--lang", "es", "--sightigns", "x"],
      "dtm-flow estimate: opción desconocida --sightigns (¿quiso decir --sightings?); vea --help para las opciones.",
      "dtm-flow estimate: unknown option --sightigns (did you mean --sightings?); see --help for the options.",
    ],
    [
      ["estimate", "--lang=es"],
      "dtm-flow estimate: falta --out <carpeta>: la carpeta donde se escriben los resultados.",
      "dtm-flow estimate: --out <dir> is required: the folder to write results into.",
    ],
    [
      ["import", "a.csv", "--kind", "foo", "--lang", "es", "--out", "o"],
      "dtm-flow import: --kind debe ser uno de counts, sightings, stocks o places, no «foo».",
      'dtm-flow import: --kind must be one of counts, sightings, stocks, places, not "foo".',
    ],
    [
      ["scenario", "x.json", "--runs", "0", "--lang", "es", "--out", "o"],
      "dtm-flow scenario: --runs 0: debe ser 1 o más.",
      "dtm-flow scenario: --runs 0 must be at least 1.",
    ],
    [
      ["forecast", "--runs", "5", "--lang", "es", "--out", "o"],
      "dtm-flow forecast: --runs 5 debe ser un número entero de 10 a 100,000.",
      "dtm-flow forecast: --runs 5 must be a whole number from 10 to 100,000.",
    ],
    [
      ["report", "--lang", "es", "--out", "r"],
      "dtm-flow report: falta --as-of <fecha>, p. ej. --as-of 2018-12-15.",
      "dtm-flow report: --as-of <date> is required, e.g. --as-of 2018-12-15.",
    ],
  ])("%j", async (args, es, en) => {
    const spanish = await refused(args);
    expect(spanish).toEqual({ code: 2, err: es });
    const english = await refused(
      args
        .filter((a) => a !== "--lang=es")
        .filter((a, i, all) => a !== "--lang" && all[i - 1] !== "--lang"),
    );
    expect(english).toEqual({ code: 2, err: en });
  });

  it("scenario given a CSV table: a plain sentence, no parser text", async () => {
    writeFileSync(join(dir, "avistamientos.csv"), "Título: avistamientos\nfecha,lugar,total\n");
    const es = await refused(["scenario", "avistamientos.csv", "--lang", "es", "--out", "s"]);
    expect(es.code).toBe(2);
    expect(es.err).toBe(
      "dtm-flow scenario: avistamientos.csv no es un archivo de escenario: un escenario es un archivo JSON con sus oleadas (ejemplos en data/scenarios/), y avistamientos.csv parece una tabla CSV; dé las tablas a dtm-flow import o estimate.",
    );
    const en = await refused(["scenario", "avistamientos.csv", "--out", "s"]);
    expect(en.err).toMatch(/avistamientos\.csv is not a scenario file: .* looks like a CSV table/);
    expect(en.err + es.err).not.toMatch(/Unexpected token|not valid JSON/);
    writeFileSync(join(dir, "coma.json"), '{\n "waves": 1,\n}');
    const broken = await refused(["scenario", "coma.json", "--lang", "es", "--out", "s"]);
    expect(broken.err).toMatch(/coma\.json no es JSON válido \(línea 3, columna \d+\); revise/);
  });
});
