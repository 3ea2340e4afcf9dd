import { describe, expect, it } from "vitest";
import { parseStockCategory } from "../../src/ingest/enums.ts";
import { createGazetteer, embedded2018, importTable } from "../../src/index.ts";
import type { CountRecord } from "../../src/index.ts";

describe("tryout24 LOW-7: common Spanish stock categories", () => {
  it("reads a shelter's people and those who crossed north", () => {
    expect(parseStockCategory("Personas en albergue")).toBe("remaining");
    expect(parseStockCategory("Personas en albergues")).toBe("remaining");
    expect(parseStockCategory("Cruzaron a EE.UU.")).toBe("onward");
    expect(parseStockCategory("Cruzaron a Estados Unidos")).toBe("onward");
  });
});

describe("tryout24 MED-A: a point written with its state under a `Punto` header", () => {
  it("is the place, as under `Punto de monitoreo` (one rule for place, state)", () => {
    const gazetteer = createGazetteer(embedded2018().places);
    const text = (header: string) =>
      [
        `Fecha;${header};Dirección;Total`,
        "20/10/2018;Tapachula, Chiapas;norte;2240",
        "21/10/2018;Tapachula;norte;100",
      ].join("\n");
    for (const header of ["Punto", "Punto de monitoreo"]) {
      const { records, report } = importTable(text(header), { kind: "counts", gazetteer });
      const codes = report.warnings.map((w) => w.code);
      expect(codes, header).not.toContain("point_without_position");
      const [first, second] = records as CountRecord[];
      expect(first!.lat, header).toBeCloseTo(second!.lat!, 6);
      expect(first!.fmpName, header).toBe("Tapachula");
    }
  });
});
