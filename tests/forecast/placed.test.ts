/**
 * Where a dissolved or on-road group was last placed: one rule in the library (`placedText`), the
 * words `dtm-flow forecast` prints and the viewer's list of dissolved groups shows (review 21a,
 * HIGH 1), and the offset forecast.csv writes.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "../cli/capture.ts";
import {
  MAX_SILENCE_DAYS,
  NEAR_PLACE_KM,
  embedded2018,
  placeRelation,
  placedText,
} from "../../src/index.ts";
import { nearestPlace } from "../../src/forecast/forecast.ts";
import type { Corridor } from "../../src/geo/corridor.ts";
import { computeForecastView } from "../../viewer/forecast/view.ts";
import { forecastGroupStatus } from "../../viewer/forecast/render.ts";
import { toSvgString } from "../../viewer/render/vnode.ts";

describe("placeRelation / placedText", () => {
  it("rounds to whole km first, then compares with NEAR_PLACE_KM: 10.3 and 10.0 are near, 10.6 is not", () => {
    expect(NEAR_PLACE_KM).toBe(10);
    expect(placeRelation(10.3)).toEqual({ relation: "near", km: 10 });
    expect(placeRelation(-10.0)).toEqual({ relation: "near", km: 10 });
    expect(placeRelation(10.6)).toEqual({ relation: "past", km: 11 });
    expect(placeRelation(-10.6)).toEqual({ relation: "short_of", km: 11 });
    expect(placeRelation(0)).toEqual({ relation: "near", km: 0 });
  });

  it("says near, past, short of, or the km, in English and Spanish", () => {
    const g = (off: number) => ({ placeName: "Culiacán", placeOffsetKm: off, km: 3456.4 });
    expect(placedText(g(-82.6))).toBe("83 km short of Culiacán");
    expect(placedText(g(48.5))).toBe("49 km past Culiacán");
    expect(placedText(g(-3))).toBe("near Culiacán");
    expect(placedText(g(1234.4))).toBe("1,234 km past Culiacán");
    expect(placedText(g(-82.6), "es")).toBe("83 km antes de Culiacán");
    expect(placedText(g(48.5), "es")).toBe("49 km después de Culiacán");
    expect(placedText(g(4), "es")).toBe("cerca de Culiacán");
    expect(placedText({ km: 3456.4 })).toBe("at km 3,456");
    expect(placedText({ km: 3456.4 }, "es")).toBe("en el km 3,456");
    // The caller's name for the place (the viewer's Spanish name), the rule unchanged.
    expect(
      placedText({ placeName: "Mexico City", placeOffsetKm: 30, km: 0 }, "es", "Ciudad de México"),
    ).toBe("30 km después de Ciudad de México");
  });
});

describe("nearestPlace", () => {
  // Two stops, A at km 100 and B at km 200, on route "r".
  const corridor = {
    places: [{ name: "A" }, { name: "B" }],
    routes: new Map([
      [
        "r",
        {
          stops: [
            { km: 100, place: 0 },
            { km: 200, place: 1 },
          ],
        },
      ],
    ]),
  } as unknown as Corridor;

  it("signs the offset: positive past the place, negative short of it", () => {
    expect(nearestPlace(corridor, "r", 130)).toEqual({ placeName: "A", placeOffsetKm: 30 });
    expect(nearestPlace(corridor, "r", 160)).toEqual({ placeName: "B", placeOffsetKm: -40 });
    expect(nearestPlace(corridor, "r", 250)).toEqual({ placeName: "B", placeOffsetKm: 50 });
    expect(nearestPlace(corridor, "r", 20)).toEqual({ placeName: "A", placeOffsetKm: -80 });
  });

  it("takes the place behind on a tie, and nothing on a route without stops", () => {
    expect(nearestPlace(corridor, "r", 150)).toEqual({ placeName: "A", placeOffsetKm: 50 });
    expect(nearestPlace(corridor, "other", 150)).toEqual({});
  });
});

describe("the CLI, the viewer and forecast.csv place the dissolved groups alike (as of 14 Dec 2018)", () => {
  const dir = mkdtempSync(join(tmpdir(), "dtm-placed-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the same words, the same place, and the offset in forecast.csv", async () => {
    const out = join(dir, "dec14");
    const io = capture();
    expect(
      await run(["forecast", "--as-of", "2018-12-14", "--runs", "50", "--out", out], io.context),
    ).toBe(0);
    const view = computeForecastView(embedded2018(), "2018-12-14T12:00:00", 14, 50);
    const dissolved = view.groups.filter((g) => g.status === "dissolved");
    expect(dissolved.length).toBeGreaterThanOrEqual(3);
    // Review 21a: every dissolved group that day is more than 10 km from its nearest place.
    expect(dissolved.some((g) => Math.abs(g.placeOffsetKm ?? 0) > NEAR_PLACE_KM)).toBe(true);
    const en = forecastGroupStatus(view, "en")
      .map((n) => toSvgString(n))
      .join("");
    const es = forecastGroupStatus(view, "es")
      .map((n) => toSvgString(n))
      .join("");
    const csv = readFileSync(join(out, "forecast.csv"), "utf8").trimEnd().split("\r\n");
    const header = csv[0]!.replace("\uFEFF", "").split(",");
    expect(header.slice(-2)).toEqual(["place_offset_km", "position_unknown"]);
    const rows = csv.slice(1).map((l) => l.split(","));
    const col = (name: string) => header.indexOf(name);
    for (const g of dissolved) {
      const words = placedText({ placeName: g.place, placeOffsetKm: g.placeOffsetKm, km: g.km! });
      const cli = io.out.find((l) => l.startsWith(`  ${g.group}:`))!;
      expect(cli, g.group).toContain(`; last placed ${words} (`);
      // The viewer's text is HTML-escaped; these names need no escaping.
      expect(en, g.group).toContain(
        `${g.group}: dissolved (no report for more than ${MAX_SILENCE_DAYS} days); last placed ${words} (`,
      );
      const esWords = placedText(
        { placeName: g.place, placeOffsetKm: g.placeOffsetKm, km: g.km! },
        "es",
        g.placeEs ?? g.place,
      );
      expect(es, g.group).toContain(`ubicado por última vez ${esWords} (`);
      const row = rows.find(
        (r) => r[col("group")] === g.group && r[col("status")] === "dissolved",
      )!;
      expect(row[col("place_name")], g.group).toBe(g.place);
      expect(Number(row[col("place_offset_km")]), g.group).toBe(g.placeOffsetKm);
    }
    // "83 km short of Culiacán" (review 21a), never "near Culiacán".
    expect(en).not.toMatch(/last placed near Culiac/);
  }, 180_000);
});
