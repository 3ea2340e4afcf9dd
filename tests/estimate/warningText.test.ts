/**
 * The estimator's warnings carry code + params and are said in English or Spanish from one table
 * (src/estimate/warningText.ts; tryout24 MED-I): the English sentence is report.json's message,
 * the Spanish one what the viewer and `--lang es` show.
 */
import { describe, expect, it } from "vitest";
import { ESTIMATE_WARNING_SENTENCES, estimateWarningText } from "../../src/index.ts";
import { estimateWarning } from "../../src/estimate/warnings.ts";

describe("estimator warnings in English and Spanish", () => {
  it("makes the English message from the params, as report.json carried it before", () => {
    expect(
      estimateWarning("off_route", { sighting: "u1", route: "main", offKm: 280 }).message,
    ).toBe("u1: 280 km off route main; only its size is used.");
    expect(
      estimateWarning("route_backwards", {
        route: "golfo",
        groups: ["Caravana Tenosique", "Caravana 2"],
        unlabelled: false,
        reports: 12,
        firstKm: 1454,
        lastKm: 0,
      }).message,
    ).toMatch(
      /^route "golfo" seems drawn against the direction of travel: the dated reports of 2 groups \(Caravana Tenosique, Caravana 2\) go backwards along it \(12 reports, first at km 1,454, last at km 0\)\./,
    );
    expect(estimateWarning("off_every_route", { sighting: "S12" }).message).toBe(
      "S12: off every route; size not used (no group).",
    );
  });

  it("says every code in Spanish from its params, and an old warning without params as written", () => {
    const w = estimateWarning("route_backwards", {
      route: "golfo",
      groups: ["C1"],
      unlabelled: true,
      reports: 12,
      firstKm: 1454,
      lastKm: 0,
    });
    expect(estimateWarningText("es", w)).toMatch(
      /^la ruta «golfo» parece trazada en sentido contrario al del viaje: los reportes fechados de 2 grupos \(C1, los reportes sin grupo\) retroceden/,
    );
    expect(estimateWarningText("en", w)).toBe(w.message);
    expect(
      estimateWarningText(
        "es",
        estimateWarning("off_route", { sighting: "u1", route: "main", offKm: 1280 }),
      ),
    ).toBe("u1: a 1,280 km de la ruta main; solo se usa su tamaño.");
    expect(estimateWarningText("es", { code: "off_route", message: "old English" })).toBe(
      "old English",
    );
    for (const [code, say] of Object.entries(ESTIMATE_WARNING_SENTENCES)) {
      const p = {
        sighting: "s",
        route: "r",
        place: "p",
        problem: "unknown_place",
        group: "g",
        days: 3,
        firstDate: "2018-10-20",
        maxDays: 21,
        groups: ["g"],
        reports: 2,
        firstKm: 9,
        lastKm: 1,
      };
      expect((say.es as (p: object) => string)(p), code).not.toBe(
        (say.en as (p: object) => string)(p),
      );
    }
  });
});
