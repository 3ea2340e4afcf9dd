/** Place names with letters an encoding lost (`Tec?n Um?n`): read as the one place they match. */
import { describe, expect, it } from "vitest";
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import { importTable } from "../../src/ingest/importer.ts";
import type { CountRecord } from "../../src/model/count.ts";
import { TEST_PLACES } from "./helpers.ts";

const SANTA_MARTA = {
  placeId: "XX-SMA",
  name: "Santa Marta",
  aliases: [],
  country: "MEX",
  lat: 16.0,
  lon: -93.0,
  kind: "city" as const,
};

const read = (names: string[], gazetteer = createGazetteer([...TEST_PLACES, SANTA_MARTA])) =>
  importTable(
    [
      "fecha;punto de monitoreo;direccion;total",
      ...names.map((n, i) => `23/10/2018;${n};norte;${5 + i}`),
    ].join("\n"),
    { gazetteer },
  );

describe("letters lost to an encoding", () => {
  it("reads only non-ASCII letters as lost, one or two characters each, any spacing", () => {
    const r = read([
      "Santa Mar?a",
      "Tec??n Um??n",
      "Tec?n  Um?n",
      "Tec\uFFFD\uFFFDn Um\uFFFD\uFFFDn",
    ]);
    expect(r.report.rejections.map((x) => [x.line, x.code])).toEqual([[2, "unknown_place"]]);
    expect((r.records as CountRecord[]).map((x) => x.fmpName)).toEqual([
      "Tecún Umán",
      "Tecún Umán",
      "Tecún Umán",
    ]);
    expect(
      r.report.warnings.filter((w) => w.code === "place_name_replaced_characters"),
    ).toHaveLength(3);
  });
  it("scans the gazetteer once per distinct name, not once per row", () => {
    const g = createGazetteer(TEST_PLACES);
    let scans = 0;
    const places = g.places;
    Object.defineProperty(g, "places", {
      get: () => {
        scans++;
        return places;
      },
    });
    const r = read(
      Array.from({ length: 50 }, () => "Tec?n Um?n"),
      g,
    );
    expect(r.report.accepted).toBe(50);
    expect(
      r.report.warnings.filter((w) => w.code === "place_name_replaced_characters"),
    ).toHaveLength(50);
    expect(scans).toBeLessThanOrEqual(2);
  });
});
