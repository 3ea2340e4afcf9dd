/**
 * Text bytes under a workbook's name that no table header fits (an HTML table saved
 * as .xls, a note renamed .xlsx) are said as no workbook, not as a header problem; a CSV that was
 * only named .xlsx is still read (nothing lost).
 */
import { describe, expect, it } from "vitest";
import { importTable } from "../../src/index.ts";

describe("text under a workbook's name", () => {
  for (const fileName of ["bad.xlsx", "export.xls"])
    it(`${fileName}: unreadable text is "named .x but not a readable workbook"`, () => {
      const r = importTable(new TextEncoder().encode("not a zip"), { fileName });
      expect(r.report.fatal?.code).toBe("unsupported_format");
      expect(r.report.fatal?.params).toMatchObject({ variant: "named_workbook" });
      expect(r.report.fatal?.message).toMatch(/is named \.xlsx? but is not a readable workbook/);
    });

  it("a CSV named .xlsx is read as the table it is", () => {
    const csv = "Fecha;Punto;Dirección;Total\n15/01/2019;Agua Caliente;Norte;100\n";
    const r = importTable(new TextEncoder().encode(csv), { fileName: "conteo.xlsx" });
    expect(r.report.fatal).toBeUndefined();
    expect(r.records).toHaveLength(1);
  });

  it("the same text under a .csv name keeps its header sentence", () => {
    const r = importTable(new TextEncoder().encode("not a zip"), { fileName: "bad.csv" });
    expect(r.report.fatal?.params?.["variant"]).toBeUndefined();
  });
});
