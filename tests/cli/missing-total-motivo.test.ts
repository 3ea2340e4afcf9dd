import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "./capture.ts";

/** review26b L6: a blank total in a sheet with no part columns says the same in both languages. */
describe("missing_total motivo", () => {
  it("names no sum of parts in Spanish when the sheet has no part column, as the English", async () => {
    const out = mkdtempSync(join(tmpdir(), "dtm-motivo-"));
    const file = join(process.cwd(), "data/samples/malformado.csv");
    await run(["import", "--lang", "es", file, "--out", out], capture().context);
    const rows = readFileSync(join(out, "rejected.csv"), "utf8").split("\r\n");
    const row = rows.find((r) => r.startsWith("malformado.csv,,3,total,"))!;
    expect(row).toContain("so the total is unknown.");
    expect(row).toContain("así que el total se desconoce.");
    expect(row).not.toContain("partes dadas");
  });
});
