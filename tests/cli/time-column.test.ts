/**
 * Validate's column list and its time_from_column warning agree: `Hora` is listed as
 * the time column of the date (observed_at), also kept as extra, not as a bare extra column.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { importTable } from "../../src/index.ts";
import { capture, tempFile } from "./capture.ts";

const CSV =
  "Fecha;Hora;Lugar;Caravana;Número de personas\n" +
  "15/01/2019;06:30;San Pedro Sula;Caravana enero;1500\n" +
  "16/01/2019;17:00;Agua Caliente;Caravana enero;2000\n";

describe("a time-of-day column in validate's column list", () => {
  for (const [lang, line, warned] of [
    [
      "en",
      "  Hora → observed_at time of day: added to the date in Fecha; also kept as extra",
      /time_from_column: the time of day of each observation is read from column 2 \(B\) "Hora"/,
    ],
    [
      "es",
      "  Hora → hora de la observación (observed_at): se añade a la fecha de Fecha; también se conserva como extra",
      /time_from_column: la hora de cada observación se lee de la columna «Hora»/,
    ],
  ] as const)
    it(`--lang ${lang}: the list shows Hora as the time column, as the warning says`, async () => {
      const { dir, file } = tempFile("dtm-t27h-", "avistamientos.csv", CSV);
      const io = capture(dir);
      expect(await run(["validate", file, "--lang", lang], io.context)).toBe(0);
      const out = io.out.join("\n");
      expect(io.out).toContain(line);
      expect(out).toMatch(warned);
      expect(out).not.toMatch(/Hora → \((kept as extra|se conserva como extra)\)/);
    });

  it("the report's column map marks it (timeOf), and the time is read into observed_at", () => {
    const r = importTable(CSV, { kind: "sightings" });
    expect(r.report.columns.find((c) => c.column === "Hora")).toMatchObject({
      how: "extra",
      timeOf: "Fecha",
    });
    expect(r.records.map((x) => (x as { observedAt: string }).observedAt)).toEqual([
      expect.stringContaining("06:30"),
      expect.stringContaining("17:00"),
    ]);
  });
});
