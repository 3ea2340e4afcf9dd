import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "./capture.ts";

const BOOK = join(process.cwd(), "data/samples/conteo-por-punto.xlsx");

/** review26b H1: a sheet's own mapping keeps the column it displaces, as the global one does. */
describe("--columns 'Sheet:field=column'", () => {
  it("import keeps the displaced column as extra and reports the sheet's own mapping", async () => {
    const out = mkdtempSync(join(tmpdir(), "dtm-sheet-cols-"));
    const x = capture();
    const args = ["import", "--columns", "Tapachula:men=Mujeres", BOOK, "--out", out];
    expect(await run(args, x.context)).toBe(0);
    const rows = readFileSync(join(out, "counts.csv"), "utf8").split("\r\n");
    expect(rows[0]!.split(",")).toContain("Hombres");
    const tap = rows.find((r) => r.startsWith("2018-10-21,MX-TAP,"))!;
    // men from Mujeres (1200), Hombres (2100) kept as extra, not lost.
    expect(tap).toMatch(/,northbound,4100,1200,,420,380,/);
    expect(tap.split(",").at(-1)).toBe("2100");
    const report = JSON.parse(readFileSync(join(out, "import-report.json"), "utf8"));
    const cols = report.files[0].sheetColumns.Tapachula as { column: string; field?: string }[];
    expect(cols.find((c) => c.column === "Hombres")!.field).toBeUndefined();
    expect(cols.find((c) => c.column === "Mujeres")!.field).toBe("men");
  });
  it("validate prints the mapping applied to that sheet", async () => {
    const x = capture();
    expect(await run(["validate", "--columns", "Tapachula:men=Mujeres", BOOK], x.context)).toBe(0);
    const text = x.out.join("\n");
    expect(text).toMatch(
      /columns of sheet "Tapachula":\n(?: {2}.*\n)*? {2}Hombres → \(kept as extra\)\n {2}Mujeres → men \(user\)/,
    );
  });
  it("a Spanish sheet-columns refusal lists the file's columns only, and names the made one in Spanish (review26b L5)", async () => {
    const x = capture();
    const args = ["validate", "--lang", "es", "--columns", "Tapachula:total=Totl", BOOK];
    await run(args, x.context);
    const text = x.out.join("\n");
    expect(text).toContain(
      "sus columnas son «Fecha», «Dirección», «Hombres», «Mujeres», «Niños», «Niñas», «Total» (",
    );
    expect(text).toContain("  (nombre de la hoja) → punto de monitoreo (fmp_name) (alias)");
    expect(text).not.toContain("(sheet name)");
  });
});
