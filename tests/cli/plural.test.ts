import { describe, expect, it } from "vitest";
import { counted, dataRowsPhrase } from "../../cli/plural.ts";
import { formatReportText } from "../../cli/commands/validate.ts";
import { createGazetteer, embedded2018 } from "../../src/index.ts";
import { summarizeReport } from "../../cli/read-input.ts";
import { importTable } from "../../src/index.ts";

describe("counts in CLI messages", () => {
  it("use the singular for exactly one", () => {
    expect(counted(0, "warning")).toBe("0 warnings");
    expect(counted(1, "warning")).toBe("1 warning");
    expect(counted(2, "data row")).toBe("2 data rows");
    expect(counted(1, "split row", "split rows")).toBe("1 split row");
  });

  it("an import summary with one row and one warning says so in the singular", () => {
    // A blank total with all four parts is accepted with one warning (the total is their sum).
    const csv =
      "date,fmp_id,direction,total,men,women,boys,girls\n2018-10-20,MX-SUCH-01,north,,1,2,3,4\n";
    const { report } = importTable(csv, { kind: "counts", fileName: "one.csv" });
    expect(report.dataRows).toBe(1);
    const line = summarizeReport(report);
    expect(line).toContain("1 data row,");
    expect(report.warnings).toHaveLength(1);
    expect(line).toMatch(/, 1 warning$/);
  });

  it("a tally's lines are counted as the file's lines, then the count rows they became", () => {
    expect(dataRowsPhrase(7, 3, false)).toBe("4 data rows → 7 count rows");
    expect(dataRowsPhrase(7, 3, true)).toBe("4 filas de datos → 7 filas de conteo");
    expect(dataRowsPhrase(2, undefined, false)).toBe("2 data rows");
    // Four lines: three read as two directions each, one with only Entradas written.
    const csv =
      "Fecha;Punto de monitoreo;Entradas;Salidas\n25/10/2018;Ciudad Hidalgo;10;2\n26/10/2018;Ciudad Hidalgo;11;-\n27/10/2018;Ciudad Hidalgo;N/D;3\n28/10/2018;Ciudad Hidalgo;9;1\n";
    const { report } = importTable(csv, {
      fileName: "t.csv",
      incomingIs: "northbound",
      gazetteer: createGazetteer(embedded2018().places),
    });
    expect([report.dataRows, report.rowsBeyondLines, report.accepted, report.rejected]).toEqual([
      7, 3, 6, 1,
    ]);
    expect(formatReportText(report, 50, "es")[2]).toMatch(
      /^4 filas de datos → 7 filas de conteo: 6 aceptadas, 1 rechazada;/,
    );
    expect(summarizeReport(report)).toContain(
      "t.csv: counts, 4 data rows → 7 count rows, 6 accepted",
    );
  });
});
