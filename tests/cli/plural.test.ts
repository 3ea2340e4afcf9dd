import { describe, expect, it } from "vitest";
import { counted } from "../../cli/plural.ts";
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
});
