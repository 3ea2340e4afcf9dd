import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  embedded2018,
  formatCsv,
  runScenario,
  scenarioKeyPlaces,
  SPHERE_2018,
  validateScenario,
} from "../../src/index.ts";
import type { ScenarioResult } from "../../src/index.ts";
import {
  SCENARIO_PLACE_DAY_COLUMNS,
  scenarioPlaceDayRows,
  scenarioSummaryRows,
} from "../../src/index.ts";
import { fanChart, fanYMax } from "../../viewer/scenario/fan.ts";
import {
  errorsByField,
  fieldForError,
  formatNumberOrRange,
  fanPlaces,
  keyPlaces,
  needsRows,
  parseNumber,
  parseNumberOrRange,
  pruneInput,
  slug,
} from "../../viewer/scenario/model.ts";
import { scenarioText } from "../../viewer/scenario/texts.ts";
import { assertInDelta } from "../asserts.ts";
import { toSvgString } from "../../viewer/render/vnode.ts";

const dataset = embedded2018();
let cached: ScenarioResult | undefined;
/** A small real run on the embedded 2018 corridor (generic movement, 40 runs, 40 days). */
function result(): ScenarioResult {
  if (cached) return cached;
  const { scenario, errors } = validateScenario(
    {
      name: "Test, 2,000 at Tecún Umán",
      runs: 40,
      seed: 3,
      horizonDays: 40,
      waves: [{ origin: "Tecún Umán", date: "2019-01-15", people: 2000 }],
      destination: "Tijuana",
      shelters: [{ place: "Tapachula", capacity: 500 }],
      planning: { coveredM2PerPerson: 4.5 },
    },
    { dataset },
  );
  expect(errors).toEqual([]);
  cached = runScenario(scenario!, { dataset });
  return cached;
}

describe("parseNumberOrRange", () => {
  it("parseNumberOrRange(text) reads numbers, ranges with a dash or 'to', and leaves blank undefined", () => {
    expect(parseNumberOrRange("")).toBeUndefined();
    expect(parseNumberOrRange("   ")).toBeUndefined();
    expect(parseNumberOrRange("5000")).toBe(5000);
    expect(parseNumberOrRange("5,000")).toBe(5000);
    expect(parseNumberOrRange("0.25")).toBe(0.25);
    expect(parseNumberOrRange("-3")).toBe(-3);
    expect(parseNumberOrRange("4000–7000")).toEqual({ min: 4000, max: 7000 });
    expect(parseNumberOrRange("4 000 - 7 000")).toEqual({ min: 4000, max: 7000 });
    expect(parseNumberOrRange("0.1 to 0.3")).toEqual({ min: 0.1, max: 0.3 });
    expect(parseNumberOrRange("1 a 2")).toEqual({ min: 1, max: 2 });
  });

  it("parseNumberOrRange(text) keeps what it cannot read as text, so the validator reports it (never 0)", () => {
    expect(parseNumberOrRange("many")).toBe("many");
    expect(parseNumberOrRange("12abc")).toBe("12abc");
    expect(parseNumber("4000–7000")).toBe("4000–7000");
    expect(parseNumber("")).toBeUndefined();
  });

  it("formatNumberOrRange then parseNumberOrRange gives back any number or range", () => {
    const value = fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc
        .tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }))
        .map(([min, max]) => ({ min, max })),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(parseNumberOrRange(formatNumberOrRange(v))).toEqual(v);
      }),
    );
  });
});

describe("fieldForError", () => {
  const fields = [
    "/name",
    "/waves/0/people",
    "/waves/0/date",
    "/waves/0/date/to",
    "/waves/0/composition/men",
    "/waves/0/composition/women",
    "/waves/1/origin",
    "/planning/waterLitresPerPersonPerDay",
  ];

  it("fieldForError(pointer, fields) picks the field whose pointer is the longest prefix", () => {
    expect(fieldForError("/waves/0/people", fields)).toBe("/waves/0/people");
    expect(fieldForError("/waves/0/people/min", fields)).toBe("/waves/0/people");
    expect(fieldForError("/waves/0/date/from", fields)).toBe("/waves/0/date");
    expect(fieldForError("/waves/0/date/to", fields)).toBe("/waves/0/date/to");
  });

  it("fieldForError(pointer, fields) puts an error on a whole object at its first field", () => {
    expect(fieldForError("/waves/0/composition", fields)).toBe("/waves/0/composition/men");
    expect(fieldForError("/planning", fields)).toBe("/planning/waterLitresPerPersonPerDay");
  });

  it("fieldForError(pointer, fields) is undefined for the root and for fields the form does not show", () => {
    expect(fieldForError("", fields)).toBeUndefined();
    expect(fieldForError("/waves/0/route", fields)).toBeUndefined();
    expect(fieldForError("/movement/segments/0/from", fields)).toBeUndefined();
  });

  it("errorsByField(errors, fields) keeps every error once, the unplaced ones under ''", () => {
    const errors = [
      { pointer: "/waves/0/people", message: "people must be ≥ 0, got -3" },
      { pointer: "/waves/0/people/max", message: "max below min" },
      { pointer: "/bogus", message: "unknown field" },
    ].map((e) => ({ ...e, code: "out_of_bounds" as const, params: {} }));
    const by = errorsByField(errors, fields);
    expect(by.get("/waves/0/people")?.map((e) => e.message)).toEqual([
      "people must be ≥ 0, got -3",
      "max below min",
    ]);
    expect(by.get("")?.map((e) => e.pointer)).toEqual(["/bogus"]);
  });

  it("a negative number of people typed in the form is reported by validateScenario at the people field", () => {
    const input = pruneInput({
      waves: [{ origin: "Tecún Umán", date: "2019-01-15", people: parseNumberOrRange("-5")! }],
      movement: { stops: [] },
      planning: {},
      attrition: [],
      shelters: [],
    } as never);
    const { scenario, errors } = validateScenario(input, { dataset });
    expect(scenario).toBeUndefined();
    const by = errorsByField(errors, ["/waves/0/origin", "/waves/0/people"]);
    expect(by.get("/waves/0/people")?.[0]?.message).toMatch(/-5/);
    expect(by.has("")).toBe(false);
  });

  it("the limits (people, runs, horizon) typed in the form come back at their fields with the CLI's sentences", () => {
    const input = pruneInput({
      waves: [
        {
          origin: "Tecún Umán",
          date: "2019-01-15",
          people: parseNumberOrRange("2147483648")!,
        },
      ],
      runs: parseNumber("1000000"),
      horizonDays: parseNumber("3651"),
      movement: { stops: [] },
      planning: {},
      attrition: [],
      shelters: [],
    } as never);
    const { scenario, errors } = validateScenario(input, { dataset });
    expect(scenario).toBeUndefined();
    const by = errorsByField(errors, [
      "/waves/0/origin",
      "/waves/0/people",
      "/runs",
      "/horizonDays",
    ]);
    expect(by.get("/waves/0/people")?.[0]?.message).toBe(
      "people must be between 0 and 10,000,000, got 2,147,483,648",
    );
    expect(by.get("/runs")?.[0]?.message).toMatch(/^runs are limited to 10,000, got 1,000,000;/);
    expect(by.get("/horizonDays")?.[0]?.message).toMatch(
      /limited to 730 days \(two years\), got 3,651/,
    );
  });
});

describe("the panel's totals", () => {
  it("the median run the totals line reads adds up at the horizon", () => {
    const r = result();
    const t = r.medianRun.totals;
    const last = r.dates.length - 1;
    const parts = [
      t.inTransit,
      t.asylumClaims,
      t.regularized,
      t.atDestination,
      t.returns,
      t.leftDestination,
    ].reduce((sum, series) => sum + series[last]!, 0);
    expect(parts).toBe(t.departed[last]);
    expect(scenarioText("en", "onward")).toBe("moved on");
    expect(scenarioText("es", "totals")).toMatch(/corrida mediana/);
  });
});

describe("pruneInput", () => {
  it("pruneInput(input) drops the empty objects and lists a form leaves, keeping every value", () => {
    const out = pruneInput({
      name: "x",
      waves: [{ origin: "A", date: "2019-01-01", people: 1, label: undefined }],
      movement: { stops: [] },
      planning: {},
      attrition: [],
      shelters: [{ place: "B", capacity: 0 }],
    });
    expect(out).toEqual({
      name: "x",
      waves: [{ origin: "A", date: "2019-01-01", people: 1 }],
      shelters: [{ place: "B", capacity: 0 }],
    });
  });

  it("pruneInput(input) keeps a movement with values and its stops", () => {
    const out = pruneInput({
      waves: [],
      movement: { cohesion: 0.5, stops: [{ place: "Tapachula", days: 2 }] },
    });
    expect(out.movement).toEqual({ cohesion: 0.5, stops: [{ place: "Tapachula", days: 2 }] });
  });
});

describe("results", () => {
  it("needsRows(result) lists the reached places with needs at the p90 peak, the figures dtm-flow scenario writes to scenario-summary.csv", () => {
    const r = result();
    const rows = needsRows(r);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows[0]!.name).toBe("Tecún Umán");
    const summary = scenarioSummaryRows(r);
    for (const row of rows) {
      const place = r.places.find((p) => p.placeId === row.placeId)!;
      const peak = place.peakPeople.p90;
      // Water in m³/day is people × 15 L; covered space people × 4.5 m² (the override).
      assertInDelta(
        row.waterM3PerDay,
        (peak * SPHERE_2018.waterLitresPerPersonPerDay) / 1000,
        0.016,
      );
      assertInDelta(row.coveredM2, peak * 4.5, 4.6);
      expect(row.latrines).toBe(Math.ceil(peak / 50));
      // One definition for the panel and the CLI: the same needs as scenario-summary.csv.
      const cli = summary.find((s) => s["place_id"] === row.placeId)!;
      expect(row.peak.p90).toBe(cli["peak_present_p90"]);
      // Exactly the figures of the CSV, not rounded again (13,002.5 m² was shown as 13,003).
      expect([row.waterM3PerDay, row.latrines, row.coveredM2, row.hygieneKitsPerMonth]).toEqual([
        cli["water_m3_day_peak_p90"],
        cli["latrines_peak_p90"],
        cli["covered_m2_peak_p90"],
        cli["hygiene_kits_month_peak_p90"],
      ]);
    }
    const tapachula = rows.find((row) => row.name === "Tapachula")!;
    expect(tapachula.capacity).toBe(500);
    expect(tapachula.overCapacity).toBeGreaterThanOrEqual(0);
    expect(rows.find((row) => row.capacity === undefined)?.overCapacity).toBeUndefined();
  });

  it("scenarioPlaceDayRows(result) (the panel's CSV, the CLI's scenario-place-days.csv) has one row per place and day, the CSV columns, blank for an unknown capacity", () => {
    const r = result();
    const rows = scenarioPlaceDayRows(r);
    expect(rows.length).toBe(r.places.length * r.dates.length);
    expect(Object.keys(rows[0]!)).toEqual([...SCENARIO_PLACE_DAY_COLUMNS]);
    const csv = formatCsv(rows, { columns: [...SCENARIO_PLACE_DAY_COLUMNS], bom: false });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(SCENARIO_PLACE_DAY_COLUMNS.join(","));
    const tecun = lines.find((l) => l.includes(",Tecún Umán,GTM,2019-01-15,"))!;
    // The scenario's name has a comma: quoted. Capacity unknown: an empty cell, not 0.
    expect(tecun.startsWith('"Test, 2,000 at Tecún Umán",')).toBe(true);
    expect(tecun).toMatch(/,2019-01-15,,/);
    // The planning figures close every row: 15 L, 50, 20, 30 days, 4.5 m², 1 kit.
    expect(tecun.endsWith(",15,50,20,30,4.5,1")).toBe(true);
  });

  it("keyPlaces(result) holds the places with a capacity and the highest peaks", () => {
    const r = result();
    const keys = keyPlaces(r, 3);
    expect(keys.has("Tapachula")).toBe(true);
    const top = [...r.places].sort((a, b) => b.peakPeople.p90 - a.peakPeople.p90)[0]!;
    expect(keys.has(top.name)).toBe(true);
    expect(keys.size).toBeLessThanOrEqual(4);
  });

  it("keyPlaces(result) shows first the places dtm-flow scenario prints: every wave's origin (tryout22 item 14)", () => {
    const { scenario, errors } = validateScenario(
      {
        name: "Two origins",
        runs: 20,
        seed: 3,
        horizonDays: 30,
        start: "2019-01-15",
        like: "2018",
        waves: [
          { origin: "San Pedro Sula", date: "2019-01-15", people: 8000 },
          { origin: "San Salvador", date: "2019-01-20", people: 2000 },
        ],
      },
      { dataset },
    );
    expect(errors).toEqual([]);
    const r = runScenario(scenario!, { dataset });
    const keys = keyPlaces(r, 0);
    const fans = new Set(fanPlaces(r).map((p) => p.name));
    const printed = scenarioKeyPlaces(r).map((p) => p.name);
    expect(printed).toEqual(expect.arrayContaining(["San Pedro Sula", "San Salvador"]));
    expect([...keys].sort()).toEqual(printed.filter((n) => fans.has(n)).sort());
    expect(keys.has("San Salvador")).toBe(fans.has("San Salvador"));
  });

  it("fanChart(place) draws the p10–p90 band, the p50 line and the capacity line at its height", () => {
    const r = result();
    const place = r.places.find((p) => p.name === "Tapachula")!;
    const yMax = fanYMax(place);
    expect(yMax).toBeGreaterThanOrEqual(500);
    const svg = toSvgString(
      fanChart(place, { width: 300, height: 100, lang: "en", dates: r.dates }),
    );
    expect(svg).toMatch(/data-place="Tapachula"/);
    // The band goes out along p90 and back along p10: 2 × days points.
    const band = /class="band" d="([^"]+)"/.exec(svg)![1]!;
    expect(band.split(/[ML]/).filter(Boolean).length).toBe(2 * r.dates.length);
    const median = /class="median" d="([^"]+)"/.exec(svg)![1]!;
    expect(median.split(/[ML]/).filter(Boolean).length).toBe(r.dates.length);
    // Capacity 500 of a y axis 18…84 px tall: y = 84 − 500/yMax × 66.
    const y = Number(/class="capacity"[^>]*y1="([\d.]+)"/.exec(svg)![1]);
    expect(y).toBeCloseTo(84 - (500 / yMax) * 66, 0);
    expect(svg).toMatch(/capacity 500/);
  });

  it("fanChart(place) says the capacity is unknown and draws no capacity line without one", () => {
    const r = result();
    const place = r.places.find((p) => p.capacity === undefined && p.peakPeople.p90 > 0)!;
    const svg = toSvgString(
      fanChart(place, { width: 300, height: 100, lang: "es", dates: r.dates }),
    );
    expect(svg).not.toMatch(/class="capacity"/);
    expect(svg).toMatch(/capacidad desconocida/);
  });

  it("fanChart(place) writes a place name with markup as text", () => {
    const r = result();
    const place = { ...r.places[0]!, name: '<img src=x onerror="alert(1)">' };
    const svg = toSvgString(
      fanChart(place, { width: 300, height: 100, lang: "en", dates: r.dates }),
    );
    expect(svg).not.toMatch(/<img/);
    expect(svg).toMatch(/&lt;img/);
  });
});

describe("texts", () => {
  it("slug(name) makes a file name from any scenario name", () => {
    expect(slug("5,000 people cross at Tecún Umán")).toBe("5-000-people-cross-at-tecun-uman");
    expect(slug("¿?")).toBe("scenario");
  });

  it("scenarioText has a Spanish text for every English one, and they differ where words do", () => {
    expect(scenarioText("es", "run")).toBe("Calcular escenario");
    expect(scenarioText("en", "run")).toBe("Run scenario");
    expect(scenarioText("es", "toggle")).not.toBe(scenarioText("en", "toggle"));
  });
});
