/**
 * The analyst's table export while corrections are still being applied: the evidence worker
 * sends a code (tablesPending), and the export bar says it in the viewer's language.
 */
import { describe, expect, it } from "vitest";
import { tablesFailedText } from "../../viewer/analyst/exportBar.ts";
import { TablesPendingError } from "../../viewer/data/provider.ts";

describe("tables asked for before the corrections are applied", () => {
  it("are said in the viewer's language", () => {
    const es = tablesFailedText("es", new TablesPendingError());
    expect(es).toBe(
      "No se pudieron escribir las tablas: estas correcciones se están aplicando: exporte de nuevo cuando el mapa las muestre.",
    );
    expect(tablesFailedText("en", new TablesPendingError())).toBe(
      "The tables could not be written: these corrections are being applied: export again once the map shows them.",
    );
  });
  it("any other failure keeps its own message", () => {
    expect(tablesFailedText("es", new Error("disk full"))).toBe(
      "No se pudieron escribir las tablas: disk full",
    );
  });
});
