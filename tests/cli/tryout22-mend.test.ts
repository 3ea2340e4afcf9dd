/**
 * Findings of the newcomer's tryout of stop 22 (Kobo label exports, dtm-flow's own outputs given
 * back as input, HXL P-codes, reasons, duplicates across files, option ranges), through the
 * command line as `npx dtm-flow …` runs them: each test fails without its fix.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout22");
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** The value column of departed.csv on its last day. */
function lastDeparted(dir: string): number {
  const lines = readFileSync(join(dir, "departed.csv"), "utf8").trim().split(/\r?\n/);
  const header = lines[0]!.replace(/^\uFEFF/, "").split(",");
  const last = lines[lines.length - 1]!.split(",");
  return Number(last[header.indexOf("value")]);
}

describe("a Kobo label export's direction question after a group prefix (tryout22 item 1)", () => {
  it("validate reads grp_datos/Dirección del flujo as the direction", async () => {
    const { dir, file } = tempFile("dtm-t22-", "kobo.csv", fixture("kobo.csv"));
    const io = capture(dir);
    await run(["validate", file], io.context);
    const said = io.out.concat(io.err).join("\n");
    expect(said).toContain("grp_datos/Dirección del flujo → direction");
    expect(said).not.toContain("direction_column_missing");
  });

  it("ledger counts the 5,600 northbound people of the sheet", async () => {
    const { dir, file } = tempFile("dtm-t22-", "kobo.csv", fixture("kobo.csv"));
    const io = capture(dir);
    await run(["ledger", "--counts", file, "--out", join(dir, "l")], io.context);
    expect(io.err.join("\n")).toContain("5,600 people left by then");
    expect(lastDeparted(join(dir, "l"))).toBe(5600);
  });

  for (const header of [
    "Flow direction",
    "¿Hacia dónde se dirige el grupo?",
    "grp/¿Hacia dónde se dirige el grupo?",
    "grp/Sentido de los flujos",
  ]) {
    it(`reads "${header}" as the direction`, async () => {
      const body = `fecha,punto,${header},total\n2018-10-19,Tecún Umán,norte,100\n`;
      const { dir, file } = tempFile("dtm-t22-", "c.csv", body);
      const io = capture(dir);
      expect(await run(["validate", file], io.context)).toBe(0);
      expect(io.out.concat(io.err).join("\n")).toContain(`${header} → direction`);
    });
  }

  it("a ledger of counts with no direction repeats the import's warning in its summary", async () => {
    const body = "fecha,punto,comentario,total\n2018-10-19,Tecún Umán,x,100\n";
    const { dir, file } = tempFile("dtm-t22-", "c.csv", body);
    const io = capture(dir);
    await run(["ledger", "--counts", file, "--out", join(dir, "l")], io.context);
    const said = io.err.join("\n");
    expect(said).toContain("direction_column_missing: no direction column");
    expect(said).toMatch(
      /0 people left by then\), 1 split row, \d+ warnings? \(\d+ from reading the files\)/,
    );
    expect(said).not.toContain("0 warnings");
    const report = JSON.parse(readFileSync(join(dir, "l", "report.json"), "utf8"));
    expect(report.importWarnings.map((w: { code: string }) => w.code)).toContain(
      "direction_column_missing",
    );
  });
});
