/** The scenario panel's errors in the viewer's language (viewer/scenario/errorText.ts, tryout23 MED 8). */
import { describe, expect, it } from "vitest";
import { errorText, pointerText } from "../../viewer/scenario/errorText.ts";

describe("scenario errors in words", () => {
  it("names the field in words, not as a JSON pointer", () => {
    expect(pointerText("es", "/waves/0/route/0/routeId")).toBe("Oleada 1, ruta, tramo 1, ruta");
    expect(pointerText("en", "/waves/1/origin")).toBe("Wave 2, origin");
    expect(pointerText("es", "")).toBe("");
  });

  it("says the library's frequent sentences in Spanish, the others as written", () => {
    expect(
      errorText("es", {
        pointer: "/waves/0/route/0/routeId",
        message: 'unknown route "piedras"; routes: main, mexicali, salvador',
      }),
    ).toBe(
      'Oleada 1, ruta, tramo 1, ruta: ruta desconocida "piedras"; las rutas en pantalla son: main, mexicali, salvador',
    );
    expect(
      errorText("es", {
        pointer: "/shelters/0/place",
        message: 'unknown place "Piedras Negras"; did you mean "Tijuana", "Tapachula"?',
      }),
    ).toMatch(/lugar desconocido "Piedras Negras"; ¿quiso decir "Tijuana" o "Tapachula"\?$/);
    expect(
      errorText("en", { pointer: "/runs", message: "runs must be a whole number, got 2.5" }),
    ).toBe("runs: runs must be a whole number, got 2.5");
    expect(errorText("es", { pointer: "", message: "something new" })).toBe("something new");
  });
});
