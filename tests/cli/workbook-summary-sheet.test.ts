/**
 * A count workbook with a summary sheet beside the count sheet (`Resumen`:
 * `Fecha;Total`). Every front end reads it as counts (one kind decision: the first sheet read
 * decides, summary sheets are no data), so the analyst's path validate → import → ledger →
 * estimate goes through; the summary sheet is skipped with a note, not read as a count point
 * named after the sheet. The importer's "(sheet name)" column is said in Spanish under --lang es.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { importTable } from "../../src/index.ts";
import { capture, tempFile } from "./capture.ts";

const HEADER = ["Fecha", "Punto de monitoreo", "Dirección", "Total personas", "Nacionalidad"];
const CONTEO = {
  name: "Conteo",
  rows: [
    ["DTM Honduras — Conteo de flujos, enero 2019"],
    [],
    HEADER,
    ["15/01/2019", "Agua Caliente", "Norte", 1520, "Honduras"],
    ["16/01/2019", "Agua Caliente", "Norte", 2240, "Honduras"],
    ["17/01/2019", "Agua Caliente", "Norte", 910, "Honduras"],
    ["17/01/2019", "Agua Caliente", "Sur", 20, "Honduras"],
  ],
};
const resumen = (name: string) => ({
  name,
  rows: [
    ["Resumen por día"],
    ["Fecha", "Total"],
    ["15/01/2019", 1520],
    ["16/01/2019", 2240],
    ["17/01/2019", 930],
  ],
});
const SIGHTINGS =
  "Fecha;Lugar;Caravana;Número de personas\n" +
  "15/01/2019;San Pedro Sula;Caravana enero;1500\n" +
  "16/01/2019;Agua Caliente;Caravana enero;2000\n" +
  "18/01/2019;Esquipulas;Caravana enero;2500\n";

describe("a count workbook with a summary sheet", () => {
  for (const name of ["Resumen", "Total", "Resumen general"])
    it(`sheet "${name}": validate reads counts and skips it as a summary, exit 0`, async () => {
      const book = writeXlsx([CONTEO, resumen(name)]);
      const { dir, file } = tempFile("dtm-t27k-", "conteo.xlsx", book);
      const io = capture(dir);
      expect(await run(["validate", file, "--lang", "es"], io.context)).toBe(0);
      const text = io.out.join("\n");
      expect(text).toMatch(/conteos \(detectado\)/);
      expect(text).toMatch(/4 filas de datos: 4 aceptadas, 0 rechazadas/);
      expect(text).toContain(
        `hoja ${name} sheet_skipped: la hoja «${name}» se omite: una hoja de resumen`,
      );
      expect(text).not.toMatch(/unknown_place|sheet name/);
    });

  it("the library gives one kind: detected counts, and counts given fits (no better kind)", () => {
    const book = writeXlsx([CONTEO, resumen("Resumen")]);
    const detected = importTable(book, {});
    expect(detected.kind).toBe("counts");
    const given = importTable(book, { kind: "counts" });
    expect(given.report.betterKind).toBeUndefined();
    expect(given.records).toHaveLength(4);
    expect(given.report.warnings.map((w) => w.code)).toContain("sheet_skipped");
  });

  it("a later sheet that fits sightings better does not turn the workbook into sightings", async () => {
    // Not a summary (it has notes), read as counts of the point its name gives; it scores as
    // sightings, but the first sheet decides the file's kind, as detection does.
    const notas = {
      name: "Tapachula",
      rows: [
        ["Fecha", "Total", "Observaciones"],
        ["16/01/2019", 300, "grupo pequeño"],
      ],
    };
    const book = writeXlsx([CONTEO, notas]);
    expect(importTable(book, {}).kind).toBe("counts");
    expect(importTable(book, { kind: "counts" }).report.betterKind).toBeUndefined();
    const { dir, file } = tempFile("dtm-t27k-", "conteo.xlsx", book);
    const io = capture(dir);
    expect(await run(["ledger", "--counts", file, "--out", "led"], io.context)).toBe(0);
    expect(io.err.join("\n")).not.toMatch(/looks like a sightings table/);
  });

  it("ledger --counts and estimate --counts read it end to end; import writes counts.csv", async () => {
    const book = writeXlsx([CONTEO, resumen("Resumen")]);
    const { dir, file } = tempFile("dtm-t27k-", "conteo.xlsx", book);
    const sightings = join(dir, "avistamientos.csv");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(sightings, SIGHTINGS);

    const led = capture(dir);
    expect(await run(["ledger", "--counts", file, "--out", "led"], led.context)).toBe(0);
    expect(led.err.join("\n")).not.toMatch(/looks like a sightings table/);
    expect(existsSync(join(dir, "led", "departed.csv"))).toBe(true);

    const est = capture(dir);
    const code = await run(
      ["estimate", "--counts", file, "--sightings", sightings, "--out", "est"],
      est.context,
    );
    expect(est.err.join("\n")).not.toMatch(/looks like a sightings table/);
    expect(code).toBe(0);
    expect(existsSync(join(dir, "est", "tracks.csv"))).toBe(true);

    const imp = capture(dir);
    expect(await run(["import", file, "--out", "imp"], imp.context)).toBe(0);
    const counts = readFileSync(join(dir, "imp", "counts.csv"), "utf8")
      .trim()
      .split(/\r?\n/);
    expect(counts).toHaveLength(2 + 4); // header, HXL row, 4 rows
    expect(existsSync(join(dir, "imp", "sightings.csv"))).toBe(false);
  });

  it("one sheet per point keeps its date-and-total sheets as data (no point column anywhere)", () => {
    const book = writeXlsx([
      {
        name: "Tecún Umán",
        rows: [
          ["Fecha", "Total"],
          ["19/10/2018", 1200],
        ],
      },
      {
        name: "Tapachula",
        rows: [
          ["Fecha", "Total"],
          ["21/10/2018", 3000],
        ],
      },
    ]);
    const r = importTable(book, { kind: "counts" });
    expect(r.records).toHaveLength(2);
    expect(r.report.warnings.map((w) => w.code)).not.toContain("sheet_skipped");
  });

  it('the importer\'s "(sheet name)" column is said in Spanish under --lang es', async () => {
    const book = writeXlsx([
      {
        name: "Garita 3",
        rows: [
          ["Fecha", "Dirección", "Total"],
          ["19/10/2018", "norte", 12],
        ],
      },
    ]);
    const { dir, file } = tempFile("dtm-t27k-", "puntos.xlsx", book);
    const io = capture(dir);
    expect(await run(["validate", file, "--lang", "es"], io.context)).toBe(1);
    const text = io.out.join("\n");
    expect(text).toMatch(
      /Garita 3 fila 2 \[\(nombre de la hoja\)\] unknown_place: \(nombre de la hoja\) «Garita 3» no es un lugar conocido/,
    );
    expect(text).not.toContain("(sheet name)");
  });
});
