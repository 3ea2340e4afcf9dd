/**
 * A per-point sheet (`Tecún Umán`: `Fecha;Total`) beside a sheet with a point column
 * is that point's counts, read (its point from the sheet name, warned), never skipped as a summary
 * for its columns: only a sheet's name makes it a summary (src/ingest/summary-sheet.ts).
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

describe("a per-point sheet beside a sheet with a point column", () => {
  it("the library reads the per-point sheet's people as that point", () => {
    const r = importTable(writeXlsx([CONTEO, perPoint("Tecún Umán")]), {});
    expect(r.kind).toBe("counts");
    expect(r.records).toHaveLength(4);
    const codes = r.report.warnings.map((w) => w.code);
    expect(codes).not.toContain("sheet_skipped");
    expect(codes).toContain("point_from_sheet_name");
  });

  it("validate --lang es reads its 2 rows, no summary note", async () => {
    const { dir, file } = tempFile(
      "dtm-m27w-",
      "mixed.xlsx",
      writeXlsx([CONTEO, perPoint("Tecún Umán")]),
    );
    const io = capture(dir);
    await run(["validate", file, "--lang", "es"], io.context);
    const text = io.out.join("\n");
    expect(text).toMatch(/4 filas de datos: 4 aceptadas/);
    expect(text).not.toMatch(/hoja de resumen/);
  });

  it("a sheet named neither a summary nor a place (Hoja2) is read, its rows rejected with a reason", () => {
    const r = importTable(writeXlsx([CONTEO, perPoint("Hoja2")]), { kind: "counts" });
    const codes = r.report.warnings.map((w) => w.code);
    expect(codes).not.toContain("sheet_skipped");
    expect(r.report.dataRows).toBe(4);
  });

  it("a sheet named as a summary is still skipped, with a note", () => {
    const r = importTable(writeXlsx([CONTEO, perPoint("Resumen")]), {});
    expect(r.records).toHaveLength(2);
    expect(r.report.warnings.map((w) => w.code)).toContain("sheet_skipped");
  });
});
