/**
 * A direction written as a phrase ("Salida hacia Guatemala", "Entrada desde México")
 * is read by the direction word in it (the one word list, src/ingest/enums.ts): salida/entrada are
 * relative to the point (kept with the --incoming-is hint, or mapped by it), a "towards" phrase of
 * the table inside it says the corridor direction; never rejected outright.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { parseDirection, relativeWay } from "../../src/ingest/enums.ts";
import { capture, tempFile } from "./capture.ts";

const CSV =
  "Fecha;Punto;Dirección;Total\n" +
  "15/01/2019;Agua Caliente border post;Salida;100\n" +
  "16/01/2019;Agua Caliente border post;Salidas hacia Guatemala;50\n" +
  "17/01/2019;Agua Caliente border post;Entrada desde Guatemala;30\n" +
  "18/01/2019;Agua Caliente border post;Salida hacia el norte;70\n";

describe("a direction written as a phrase", () => {
  it("validate --lang es keeps every row: the phrases are relative, with the --incoming-is hint", async () => {
    const { dir, file } = tempFile("dtm-t27d-", "dir.csv", CSV);
    const io = capture(dir);
    expect(await run(["validate", file, "--lang", "es"], io.context)).toBe(0);
    const text = io.out.join("\n");
    expect(text).toMatch(/4 filas de datos: 4 aceptadas, 0 rechazadas/);
    expect(text).not.toMatch(/invalid_direction/);
    expect(text).toMatch(
      /fila 3 \[Dirección\] direction_relative: Dirección «Salidas hacia Guatemala» es relativa al punto; .*--incoming-is/,
    );
    expect(text).toMatch(
      /fila 4 \[Dirección\] direction_relative: Dirección «Entrada desde Guatemala»/,
    );
    // A "towards" phrase says the corridor direction itself: no warning for row 5.
    expect(text).not.toMatch(/fila 5 \[Dirección\]/);
  });

  it("import --incoming-is maps salida and entrada phrases as the bare words", async () => {
    const { dir, file } = tempFile("dtm-t27d-", "dir.csv", CSV);
    const io = capture(dir);
    expect(
      await run(["import", file, "--incoming-is", "southbound", "--out", "imp"], io.context),
    ).toBe(0);
    const rows = readFileSync(join(dir, "imp", "counts.csv"), "utf8")
      .trim()
      .split(/\r?\n/);
    const header = rows[0]!.replace(/^\uFEFF/, "").split(",");
    const at = header.indexOf("direction");
    expect(rows.slice(2).map((r) => r.split(",")[at])).toEqual([
      "northbound", // Salida: out of the point, incoming is southbound
      "northbound", // Salidas hacia Guatemala
      "southbound", // Entrada desde Guatemala
      "northbound", // Salida hacia el norte
    ]);
  });

  it("reads phrases from the one word list; a phrase of both ways or no direction word is no direction", () => {
    expect(parseDirection("Salida hacia Guatemala")).toBe("relative");
    expect(parseDirection("Entrada desde México")).toBe("relative");
    expect(relativeWay("Entrada desde México")).toBe("incoming");
    expect(relativeWay("Salidas hacia Tecún Umán")).toBe("outgoing");
    expect(parseDirection("Rumbo al norte")).toBe("northbound");
    expect(parseDirection("Salida hacia el sur")).toBe("southbound");
    expect(parseDirection("Entradas y salidas")).toBeUndefined();
    expect(parseDirection("Guatemala")).toBeUndefined();
    // An English "in" inside a phrase is no direction word.
    expect(parseDirection("in transit to Mexico")).toBeUndefined();
  });
});
