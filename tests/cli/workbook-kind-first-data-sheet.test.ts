/**
 * The first DATA sheet decides a workbook's kind; a first sheet of only a date
 * and a total (`Hoja1`) or of notes (`Instrucciones`: Campo;Descripción) does not vote, and a
 * workbook of one sheet per point (each `Fecha;Total`) is counts without --counts. betterKind is
 * a data sheet's word, and stays the hint when no sheet is one.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { importTable } from "../../src/index.ts";
import { capture, tempFile } from "./capture.ts";

const CONTEO = {
  name: "Conteo",
  rows: [
    ["Fecha", "Punto de monitoreo", "Dirección", "Total personas"],
    ["15/01/2019", "Agua Caliente", "Norte", 1520],
    ["16/01/2019", "Agua Caliente", "Norte", 2240],
  ],
};
const perPoint = (name: string) => ({
  name,
  rows: [
    ["Fecha", "Total"],
    ["15/01/2019", 700],
    ["16/01/2019", 800],
  ],
});
const INSTRUCCIONES = {
  name: "Instrucciones",
  rows: [
    ["Campo", "Descripción"],
    ["Fecha", "fecha del conteo"],
    ["Total", "personas"],
  ],
};

describe("the first data sheet decides the kind", () => {
  it("a first Fecha;Total sheet: detected counts, the count sheet's rows kept", () => {
    const r = importTable(writeXlsx([perPoint("Hoja1"), CONTEO]), {});
    expect(r.kind).toBe("counts");
    expect(r.records).toHaveLength(4);
    // Given --counts, the Fecha;Total sheet read first does not say "sightings fit better".
    const given = importTable(writeXlsx([perPoint("Hoja1"), CONTEO]), { kind: "counts" });
    expect(given.report.betterKind).toBeUndefined();
  });

  it("a first notes sheet (Campo;Descripción): detected counts, 2 rows kept", () => {
    const r = importTable(writeXlsx([INSTRUCCIONES, CONTEO]), {});
    expect(r.kind).toBe("counts");
    expect(r.records).toHaveLength(2);
  });

  it("one sheet per point is counts without --counts: validate keeps every row", async () => {
    const book = writeXlsx([perPoint("Tecún Umán"), perPoint("Tapachula")]);
    expect(importTable(book, {}).kind).toBe("counts");
    const { dir, file } = tempFile("dtm-m27k-", "perpoint.xlsx", book);
    const io = capture(dir);
    await run(["validate", file, "--lang", "es"], io.context);
    const text = io.out.join("\n");
    expect(text).toMatch(/conteos \(detectado\)/);
    expect(text).toMatch(/4 filas de datos: 4 aceptadas, 0 rechazadas/);
  });

  it("with no data sheet, the hint that another kind fits better stays", () => {
    const r = importTable(writeXlsx([perPoint("Hoja1")]), { kind: "counts" });
    expect(r.report.betterKind).toBe("sightings");
  });
});
