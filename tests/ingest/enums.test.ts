/** Code words: directions relative to a point and countries written with both genders. */
import { describe, expect, it } from "vitest";
import { parseCountry, parseStockBasis, parseStockCategory } from "../../src/ingest/enums.ts";
import { importTable } from "../../src/ingest/importer.ts";
import type { CountRecord } from "../../src/model/count.ts";

describe("code words", () => {
  it("reads Entrantes and Salientes as relative directions, mapped by incomingIs", () => {
    const text =
      "fecha;punto;direccion;total\n2018-10-13;A;Entrantes;5\n2018-10-13;A;Salientes;6\n";
    const r = importTable(text, { kind: "counts", incomingIs: "northbound" });
    expect(r.report.rejections).toEqual([]);
    expect(r.records.map((x) => (x as CountRecord).direction)).toEqual([
      "northbound",
      "southbound",
    ]);
  });
  it("strips a gender ending only after a demonym, not after a code", () => {
    expect(parseCountry("HND/ES")).toBeUndefined();
    expect(parseCountry("SV/ES")).toBeUndefined();
    expect(parseCountry("GT/O")).toBeUndefined();
    expect(parseCountry("HN/A")).toBeUndefined();
    // A country's name is no demonym: `Honduras/ES` names two countries too.
    for (const two of ["Honduras/ES", "Guatemala/ES", "Guatemala/os", "Venezuela/a"])
      expect(parseCountry(two), two).toBeUndefined();
    expect(parseCountry("hondureños/as")).toBe("HND");
    expect(parseCountry("hondureños/as")).toBe("HND");
    expect(parseCountry("salvadoreño(a)")).toBe("SLV");
    expect(parseCountry("salvadoreña/o")).toBe("SLV");
    expect(parseCountry("Guatemaltecos / as")).toBe("GTM");
  });
});

describe("a stock sheet's categories and bases as press and agencies write them (second tryout)", () => {
  it("a category explained in brackets, `acum.`, and the words for going on north", () => {
    expect(parseStockCategory("Regularizados (visas humanitarias)")).toBe("regularized");
    expect(parseStockCategory("Otros (visas humanitarias)")).toBe("other");
    expect(parseStockCategory("(visas humanitarias)")).toBe("regularized");
    expect(parseStockCategory("Siguieron al norte")).toBe("onward");
    expect(parseStockCategory("Sin datos (ver nota)")).toBeUndefined();
    expect(parseStockCategory("Total (retornos)")).toBe("return");
    expect(parseStockCategory("Personas (solicitudes de asilo)")).toBe("asylum_claim");
  });

  it("never reads the bracket as the category after words that say what became of its people", () => {
    // Rejected claims are not claims, denied visas are not regularisations (review20a #3).
    for (const text of [
      "Rechazadas (solicitudes de asilo)",
      "Negadas (visas humanitarias)",
      "Pendientes (retornos)",
      "Sin datos (retornos)",
    ])
      expect(parseStockCategory(text), text).toBeUndefined();
    const text = [
      "Fecha;Lugar;Categoría;Personas;Tipo de cifra",
      "17/11/2018;Tijuana;Rechazadas (solicitudes de asilo);300;acum.",
      "17/11/2018;Tijuana;Negadas (visas humanitarias);200;acum.",
    ].join("\n");
    const r = importTable(text, { kind: "stocks" });
    expect(r.records).toEqual([]);
    expect(r.report.rejections.map((x) => x.line)).toEqual([2, 3]);
  });

  it("reads `acum.` and the words for going on north", () => {
    expect(parseStockBasis("acum.")).toBe("cumulative");
    expect(parseStockBasis("Acumulados")).toBe("cumulative");
    const text = [
      "Fecha;Lugar;Categoría;Personas;Tipo de cifra",
      "17/11/2018;Tijuana;Regularizados (visas humanitarias);3.000;acum.",
      "18/11/2018;Tijuana;Siguieron al norte;500;en el lugar",
    ].join("\n");
    const r = importTable(text, { kind: "stocks" });
    expect(r.report.rejections).toEqual([]);
    expect(
      r.records.map((s) => [(s as { category: string }).category, (s as { basis: string }).basis]),
    ).toEqual([
      ["regularized", "cumulative"],
      ["onward", "present"],
    ]);
  });
});
