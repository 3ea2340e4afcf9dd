/**
 * `--lang es` says the command line's own lines in Spanish too (tryout24 MED-C, MED-D, MED-I):
 * the per-file lines and rejection reasons (the viewer's sentences, issue-text.ts), the
 * estimator's warnings (estimate/warningText.ts), the scenario's problems
 * (scenario/errorSentences.ts) and the progress and "wrote" lines (cli/cli-words.ts).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ledgerLineEs } from "../../cli/cli-words.ts";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";
import { BAD_SCENARIO_2018 } from "../scenario/badScenario.ts";

const T23 = join(import.meta.dirname, "..", "fixtures", "tryout23");

describe("--lang es on the command line's lines", () => {
  it("scenario --lang es lists a bad file's problems in Spanish", async () => {
    const bad = BAD_SCENARIO_2018;
    const { dir, file } = tempFile("dtm-scen-bad-es-", "malo.json", JSON.stringify(bad, null, 2));
    const io = capture(dir);
    expect(await run(["scenario", file, "--lang", "es", "--out", join(dir, "o")], io.context)).toBe(
      2,
    );
    const text = io.err.join("\n");
    expect(text).toMatch(/malo\.json tiene 4 problemas/);
    expect(text).toMatch(/línea \d+, \/waves\/0\/date: las fechas están al revés/);
    expect(text).toContain("las proporciones de las rutas deben sumar 1; suman 1.2");
    expect(text).toContain(
      "una capacidad (personas) debe ser entre 0 y 10,000,000; se escribió -5",
    );
    expect(text).not.toMatch(/dates are reversed|route shares|must be between|problems, listed/);
  });

  it("estimate --lang es says the estimator's warnings and the rejection reasons in Spanish", async () => {
    const io = capture(T23);
    const args = [
      "estimate",
      "--sightings",
      "avistamientos-golfo.csv",
      "--places",
      "lugares-golfo.csv",
      "--route",
      "ruta-al-reves.geojson",
    ];
    const dir = tempFile("dtm-est-es-", "x.txt", "").dir;
    await run([...args, "--lang", "es", "--out", join(dir, "es")], io.context);
    const text = io.err.join("\n");
    expect(text).toMatch(/^aviso: la ruta «[^»]+» parece trazada en sentido contrario/m);
    expect(text).toMatch(/avistamientos-golfo\.csv: avistamientos, \d+ filas de datos/);
    expect(text).not.toMatch(/seems drawn against|data rows|accepted/);
    const en = capture(T23);
    await run([...args, "--out", join(dir, "en")], en.context);
    expect(en.err.join("\n")).toMatch(/^warning: route "[^"]+" seems drawn against/m);
  });

  it("validate --lang es gives the rejection reasons and counts in Spanish; codes stay", async () => {
    const { dir, file } = tempFile(
      "dtm-val-es-",
      "avist.csv",
      "fecha,lugar,personas\n2018-10-20,Tapachula,500\n2018-10-21,Macuspanita,300\n2018-02-31,Tapachula,200\n",
    );
    const io = capture(dir);
    expect(await run(["validate", file, "--lang", "es"], io.context)).toBe(1);
    const text = io.out.join("\n");
    expect(text).toMatch(/3 filas de datos: 1 aceptada, 2 rechazadas/);
    expect(text).toMatch(
      /fila 3 \[lugar\] unknown_place: Lugar|fila 3 \[lugar\] unknown_place: lugar «Macuspanita»|fila 3 \[lugar\] unknown_place: .*«Macuspanita»/,
    );
    expect(text).toMatch(/fila 4 \[fecha\] invalid_date: .*febrero de 2018 tiene 28 días/);
    expect(text).not.toMatch(/is not a known place|has 28 days/);
  });

  it("report --lang es prints the progress and headline lines in Spanish", async () => {
    const { dir } = tempFile("dtm-rep-es-", "x.txt", "");
    const io = capture(dir);
    expect(
      await run(["report", "--as-of", "2018-11-15", "--lang", "es", "--out", "r"], io.context),
    ).toBe(0);
    const text = io.err.join("\n");
    expect(text).toMatch(/^estimando los grupos a partir de \d+ avistamientos/m);
    expect(text).toMatch(/^al 2018-11-15: [\d,]+ personas que salieron, /m);
    expect(text).not.toMatch(/estimating|people who left|wrote/);
  });

  it("ledger --lang es prints the files' lines and its summary in Spanish", async () => {
    const { dir } = tempFile("dtm-led-es-", "x.txt", "");
    const io = capture(T23);
    const args = [
      "ledger",
      "--sightings",
      "avistamientos-golfo.csv",
      "--places",
      "lugares-golfo.csv",
    ];
    await run(
      [...args, "--route", "ruta-piedras-negras.geojson", "--lang", "es", "--out", join(dir, "l")],
      io.context,
    );
    const text = io.err.join("\n");
    expect(text).toMatch(
      /^\d+ días \(\d{4}-\d\d-\d\d a \d{4}-\d\d-\d\d; [\d,]+ personas salieron hasta entonces/m,
    );
    expect(text).toMatch(/\(Archivos: avistamientos-golfo\.csv/);
    expect(text).not.toMatch(/people left|split rows?|wrote|Files:/);
  });
  it("ledger's Spanish summary says the departed headline's facts as the English one does", () => {
    // The words are the situation update's (words.ts departedBeyond), passed in whole.
    const facts = {
      days: 70,
      first: "2018-10-12",
      last: "2018-12-20",
      left: 29915,
      beyondText:
        " personas que salieron hasta entonces; el total se alcanzó el 2018-11-20; al 2018-12-20, 16,000 se basan en los grupos",
      splitRows: 700,
      warnings: 3,
      fromFiles: 0,
      rejected: 0,
      dir: "l",
    };
    const line = ledgerLineEs(facts);
    expect(line).toContain(
      "(2018-10-12 a 2018-12-20; 29,915 personas que salieron hasta entonces; el total se alcanzó el 2018-11-20; al 2018-12-20, 16,000",
    );
    // Nothing beyond the tracked groups: the total is who left.
    const { beyondText: _, ...plain } = facts;
    expect(ledgerLineEs(plain)).toContain(
      "(2018-10-12 a 2018-12-20; 29,915 personas salieron hasta entonces)",
    );
  });
});
