/** The scenario panel's errors in the viewer's language (viewer/scenario/errorText.ts, tryout23 MED 8, tryout24 MED-D). */
import { describe, expect, it } from "vitest";
import { errorText, pointerText } from "../../viewer/scenario/errorText.ts";
import { validateScenario } from "../../src/index.ts";
import { embedded2018 } from "../../src/embedded/index.ts";
import { BAD_SCENARIO_2018 } from "../scenario/badScenario.ts";

describe("scenario errors in words", () => {
  it("names the field in words, not as a JSON pointer", () => {
    expect(pointerText("es", "/waves/0/route/0/routeId")).toBe("Oleada 1, ruta, tramo 1, ruta");
    expect(pointerText("en", "/waves/1/origin")).toBe("Wave 2, origin");
    expect(pointerText("es", "")).toBe("");
  });

  it("says every problem of a bad scenario in Spanish from its code (the library's table), none in English", () => {
    const bad = BAD_SCENARIO_2018;
    const { errors } = validateScenario(bad, { dataset: embedded2018() });
    const es = errors.map((e) => errorText("es", e));
    expect(es.join("\n")).toMatch(
      /las fechas están al revés: from 2019-01-20 es posterior a to 2019-01-15/,
    );
    expect(es.join("\n")).toMatch(/las proporciones de las rutas deben sumar 1; suman 1\.2/);
    expect(es.join("\n")).toMatch(
      /una capacidad \(personas\) debe ser entre 0 y 10,000,000; se escribió -5/,
    );
    expect(es.join("\n")).toMatch(
      /el rango está al revés: el mínimo 5000 es mayor que el máximo 3000/,
    );
    for (const e of errors) expect(errorText("es", e)).not.toContain(e.message);
    expect(errorText("en", errors[0]!)).toContain(errors[0]!.message);
  });

  it("says an unknown route and place neutrally, whatever the dataset (no 2018 corridor named)", () => {
    const scenario = {
      waves: [
        {
          origin: "San Pedro Sula",
          date: "2019-01-10",
          people: 1000,
          route: [{ routeId: "piedras", share: 1 }],
        },
      ],
      shelters: [{ place: "Tijuanna", capacity: 500 }],
    };
    const { errors } = validateScenario(scenario, { dataset: embedded2018() });
    const es = errors.map((e) => errorText("es", e)).join("\n");
    expect(es).toMatch(/Oleada 1, ruta, tramo 1, ruta: ruta desconocida "piedras"; rutas: main/);
    expect(es).toMatch(/lugar desconocido "Tijuanna"; ¿quiso decir "Tijuana"/);
    expect(es).not.toMatch(/2018|corredor|unknown|did you mean/);
  });

  it("shows a problem without a code as written", () => {
    expect(errorText("es", { pointer: "", message: "something new" })).toBe("something new");
  });
});

describe("the scenario checker's sentence table (src/scenario/errorSentences.ts)", () => {
  it("has an English and a Spanish sentence for every code, the English one being the message", async () => {
    const { SCENARIO_ERROR_SENTENCES, scenarioErrorMessage } = await import("../../src/index.ts");
    for (const [code, say] of Object.entries(SCENARIO_ERROR_SENTENCES)) {
      const p = { what: "a probability", got: 2, lo: 0, hi: 1, total: 1.2, place: '"X"' };
      expect(say.es(p), code).not.toBe(say.en(p));
      expect(scenarioErrorMessage(code as keyof typeof SCENARIO_ERROR_SENTENCES, p)).toBe(
        say.en(p),
      );
    }
  });
});
