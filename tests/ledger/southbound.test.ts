/**
 * tryout23 MED 11 and LOW 18: southbound counts are named by the ledger, never dropped without a
 * word; a ledger as of a day before the first report says nothing was known by then.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { buildLedger } from "../../src/ledger/buildLedger.ts";
import { ledgerWarningText } from "../../src/report/ledgerWarningText.ts";
import type { CountRecord } from "../../src/model/count.ts";
import { capture } from "../cli/capture.ts";
import { dataset } from "./fixtures.ts";

const count = (c: Partial<CountRecord> & Pick<CountRecord, "date" | "direction">): CountRecord => ({
  fmpName: "Tapachula",
  country: "MEX",
  ...c,
});

describe("southbound counts in the ledger", () => {
  it("buildLedger names the people counted heading south, their days and rows (southbound_counts), in English and Spanish", () => {
    const counts = [
      count({ date: "2018-11-05", direction: "northbound", total: 1000 }),
      count({
        date: "2018-11-08",
        direction: "southbound",
        total: 70,
        origin: "conteo.xlsx#Noviembre:8",
      }),
      count({
        date: "2018-11-09",
        direction: "southbound",
        total: 30,
        origin: "conteo.xlsx#Noviembre:9",
      }),
      count({ date: "2018-11-10", direction: "southbound" }), // blank total: unknown, not 0
    ];
    const result = buildLedger({ dataset: { ...dataset([]), counts }, tracks: [] });
    // Still not in any category of the split: returns come from stock figures.
    expect(result.split.some((r) => r.category === "return")).toBe(false);
    const w = result.warnings.find((x) => x.code === "southbound_counts");
    expect(w).toBeDefined();
    expect(w!.params).toMatchObject({
      people: 100,
      countRows: [1, 2],
      firstDate: "2018-11-08",
      lastDate: "2018-11-09",
    });
    expect(w!.message).toMatch(
      /^100 people counted heading south from 2018-11-08 to 2018-11-09 at Tapachula \(conteo\.xlsx#Noviembre lines 8, 9\) are not in the split/,
    );
    const es = ledgerWarningText("es", w!, {});
    expect(es).toMatch(
      /^100 personas contadas rumbo al sur del 2018-11-08 al 2018-11-09 en Tapachula \(conteo\.xlsx#Noviembre líneas 8, 9\) no están en el balance/,
    );
  });

  it("as of a day before the southbound count, no warning", () => {
    const counts = [
      count({ date: "2018-11-05", direction: "northbound", total: 1000 }),
      count({ date: "2018-11-08", direction: "southbound", total: 70 }),
    ];
    const result = buildLedger(
      { dataset: { ...dataset([]), counts }, tracks: [] },
      { asOf: "2018-11-06" },
    );
    expect(result.warnings.some((x) => x.code === "southbound_counts")).toBe(false);
  });

  it("`dtm-flow ledger --counts` prints the southbound people and keeps them in report.json", async () => {
    const out = mkdtempSync(join(tmpdir(), "dtm-ledger-"));
    const io = capture();
    const counts = resolve("data/samples/kobo-conteo-tecun-uman.csv");
    await run(["ledger", "--counts", counts, "--out", out], io.context);
    expect(io.err.join("\n")).toMatch(
      /warning: 314 people counted heading south from 2018-10-19 to 2018-10-23 at Tecún Umán \(kobo-conteo-tecun-uman\.csv lines 4, 6, 8, 12\) are not in the split/,
    );
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(
      report.warnings.find((w: { code: string }) => w.code === "southbound_counts").params.people,
    ).toBe(314);
  });
});

describe("ledger --as-of before the first report", () => {
  it("says nothing was known by then and gives the first report's day", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-ledger-"));
    const sightings = join(dir, "avistamientos.csv");
    writeFileSync(
      sightings,
      "Fecha;Lugar;Caravana;Cantidad\n1 de febrero de 2019;Tapachula;Caravana Sur;2500\n3 de febrero de 2019;Arriaga;Caravana Sur;2300\n",
    );
    const io = capture();
    await run(
      ["ledger", "--as-of", "2019-01-15", "--sightings", sightings, "--out", join(dir, "out")],
      io.context,
    );
    expect(io.err.join("\n")).toMatch(
      /0 days \(nothing known by 2019-01-15: the first report is of 2019-02-01; give a later --as-of\)/,
    );
  });
});

describe("counts of unknown direction in the ledger", () => {
  it("buildLedger says how many people in how many rows of unknown direction are left out of the people who left, en and es", () => {
    const counts = [
      count({ date: "2018-11-05", direction: "northbound", total: 1000 }),
      count({ date: "2018-11-06", direction: "unknown", total: 1520, origin: "c.xlsx#Conteo:4" }),
      count({ date: "2018-11-07", direction: "unknown", total: 910, origin: "c.xlsx#Conteo:9" }),
      count({ date: "2018-11-08", direction: "unknown" }), // blank total: not a person
    ];
    const result = buildLedger({ dataset: { ...dataset([]), counts }, tracks: [] });
    const w = result.warnings.find((x) => x.code === "unknown_direction_counts");
    expect(w).toBeDefined();
    expect(w!.params).toMatchObject({ people: 2430, countRows: [1, 2] });
    expect(w!.message).toMatch(
      /^2,430 people in 2 count rows of unknown direction from 2018-11-06 to 2018-11-07 at Tapachula \(c\.xlsx#Conteo lines 4, 9\) are left out of the people who left: .*--incoming-is northbound\|southbound/,
    );
    expect(ledgerWarningText("es", w!, {})).toMatch(
      /^2,430 personas en 2 filas de conteo de dirección desconocida del 2018-11-06 al 2018-11-07 .* quedan fuera de las personas que salieron: .*--incoming-is northbound\|southbound/,
    );
    // Which people are counted does not change: the 1,000 northbound only.
    const departed = result.departed[result.departed.length - 1]!;
    expect(departed.value).toBe(1000);
  });

  it("`ledger` and `report` on a sheet with relative directions say the people left out, and the option", async () => {
    const out = mkdtempSync(join(tmpdir(), "dtm-ledger-"));
    const sheet = join(out, "conteo.csv");
    writeFileSync(
      sheet,
      "Fecha;Punto de monitoreo;Dirección;Total personas\n" +
        "2018-11-05;Tapachula;Hacia el norte;1000\n" +
        "2018-11-06;Tapachula;Salida hacia Guatemala;1520\n" +
        "2018-11-07;Tapachula;Salida hacia Guatemala;910\n",
    );
    const io = capture();
    await run(["ledger", "--counts", sheet, "--out", join(out, "l")], io.context);
    expect(io.err.join("\n")).toMatch(
      /warning: 2,430 people in 2 count rows of unknown direction .* are left out of the people who left: .*--incoming-is northbound\|southbound/,
    );
    const io2 = capture();
    await run(
      ["report", "--counts", sheet, "--as-of", "2018-11-07", "--out", join(out, "r")],
      io2.context,
    );
    const md = readFileSync(join(out, "r", "situation-update.md"), "utf8");
    const quality = md.slice(md.indexOf("## Data quality"));
    expect(quality).toMatch(/2,430 people in 2 count rows of unknown direction/);
  });
});
