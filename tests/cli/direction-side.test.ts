/**
 * A phrase naming the SIDE of the corridor people come from (`Entrada desde el
 * sur`) says the corridor direction itself (from the south = northbound), whatever the
 * --incoming-is hint says; a phrase naming both ways (`Hacia el norte y sur`) is no direction
 * (rejected, invalid_direction), as docs/import.md says. One word list: src/ingest/enums.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { parseDirection } from "../../src/ingest/enums.ts";
import { capture, tempFile } from "./capture.ts";

const CSV =
  "Fecha;Punto de monitoreo;Dirección;Total personas\n" +
  "20/10/2018;Tecún Umán;Entrada desde el sur;100\n" +
  "20/10/2018;Tecún Umán;Entrada desde el norte;30\n" +
  "21/10/2018;Tecún Umán;Salida hacia el sur;20\n" +
  "21/10/2018;Tecún Umán;Hacia el norte y sur;50\n";

async function directions(hint: string): Promise<{ dirs: string[]; out: string }> {
  const { dir, file } = tempFile("dtm-m27d-", "dir.csv", CSV);
  const io = capture(dir);
  // Exit 1: the both-ways row is rejected; the others are written.
  expect(await run(["import", file, "--incoming-is", hint, "--out", "imp"], io.context)).toBe(1);
  const rows = readFileSync(join(dir, "imp", "counts.csv"), "utf8")
    .trim()
    .split(/\r?\n/);
  const header = rows[0]!.replace(/^\uFEFF/, "").split(",");
  const at = header.indexOf("direction");
  const total = header.indexOf("total");
  // Row 2 is the HXL tag row.
  const dirs = rows.slice(2).map((r) => `${r.split(",")[at]} ${r.split(",")[total]}`);
  return { dirs, out: [...io.out, ...io.err].join("\n") };
}

describe("a phrase naming the corridor side", () => {
  for (const hint of ["northbound", "southbound"]) {
    it(`import --incoming-is ${hint}: from the south is northbound, from the north southbound`, async () => {
      const { dirs, out } = await directions(hint);
      expect(dirs).toEqual(["northbound 100", "southbound 30", "southbound 20"]);
      // The both-ways row is rejected with its reason, not counted.
      expect(out).toMatch(/invalid_direction/);
      expect(out).toMatch(/Hacia el norte y sur/);
    });
  }

  it("reads from-phrases in Spanish and English the other way round; both ways is no direction", () => {
    expect(parseDirection("Entrada desde el sur")).toBe("northbound");
    expect(parseDirection("Entrada desde el norte")).toBe("southbound");
    expect(parseDirection("desde el norte")).toBe("southbound");
    expect(parseDirection("Viene del sur")).toBe("northbound");
    expect(parseDirection("Entering from the south")).toBe("northbound");
    expect(parseDirection("Arriving from the north")).toBe("southbound");
    expect(parseDirection("Salida hacia el sur")).toBe("southbound");
    expect(parseDirection("Hacia el norte y sur")).toBeUndefined();
    expect(parseDirection("Hacia el sur y el norte")).toBeUndefined();
    expect(parseDirection("De sur a norte")).toBe("northbound");
    expect(parseDirection("Entradas desde el sur hacia el norte")).toBe("northbound");
  });
});
