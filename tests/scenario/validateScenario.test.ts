import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/embedded/index.ts";
import { validateScenario } from "../../src/scenario/validateScenario.ts";
import { DEFAULT_COMPOSITION, SPHERE_2018 } from "../../src/scenario/defaults.ts";
import { syntheticDataset } from "./fixture.ts";

const dataset = syntheticDataset();
const wave = { origin: "Alpha", date: "2019-01-15", people: 5000 };

/** Table of bad inputs: the pointer that must be named and a fragment of the message. */
const BAD: { description: string; input: unknown; pointer: string; message: RegExp }[] = [
  { description: "not an object", input: [], pointer: "", message: /JSON object/ },
  {
    description: "2^31 people in one wave (beyond the limit of 10,000,000)",
    input: { waves: [{ ...wave, people: 2_147_483_648 }] },
    pointer: "/waves/0/people",
    message: /people must be between 0 and 10,000,000, got 2,147,483,648/,
  },
  {
    description: "waves adding up to more than 10,000,000 people",
    input: {
      waves: [
        { ...wave, people: { min: 1, max: 6_000_000 } },
        { ...wave, people: 6_000_000 },
      ],
    },
    pointer: "/waves",
    message: /add up to 12,000,000 people .*limited to 10,000,000 people/,
  },
  {
    description: "more than 10,000 runs",
    input: { waves: [wave], runs: 1_000_000 },
    pointer: "/runs",
    message: /runs are limited to 10,000, got 1,000,000/,
  },
  {
    description: "a horizon over two years",
    input: { waves: [wave], horizonDays: 3651 },
    pointer: "/horizonDays",
    message: /limited to 730 days \(two years\), got 3,651/,
  },
  {
    description: "no waves",
    input: { waves: [] },
    pointer: "/waves",
    message: /at least one wave/,
  },
  {
    description: "unknown place, with suggestions",
    input: { waves: [{ ...wave, origin: "Alfa" }] },
    pointer: "/waves/0/origin",
    message: /unknown place "Alfa"; did you mean "Alpha"/,
  },
  {
    description: "place off every route",
    input: { waves: [{ ...wave, origin: "Faraway" }] },
    pointer: "/waves/0/origin",
    message: /not on any route/,
  },
  {
    description: "negative people",
    input: { waves: [{ ...wave, people: -5 }] },
    pointer: "/waves/0/people",
    message: /people must be between 0 and 10,000,000, got -5/,
  },
  {
    description: "people range reversed",
    input: { waves: [{ ...wave, people: { min: 7000, max: 4000 } }] },
    pointer: "/waves/0/people",
    message: /reversed: min 7000 is greater than max 4000/,
  },
  {
    description: "fractional people",
    input: { waves: [{ ...wave, people: 10.5 }] },
    pointer: "/waves/0/people",
    message: /whole number/,
  },
  {
    description: "reversed dates",
    input: { waves: [{ ...wave, date: { from: "2019-01-20", to: "2019-01-10" } }] },
    pointer: "/waves/0/date",
    message: /dates are reversed: from 2019-01-20 is after to 2019-01-10/,
  },
  {
    description: "impossible date",
    input: { waves: [{ ...wave, date: "2019-02-30" }] },
    pointer: "/waves/0/date",
    message: /expected an ISO 8601 date YYYY-MM-DD, got "2019-02-30" \(not a day of the calendar\)/,
  },
  {
    description: "composition shares not adding up",
    input: {
      waves: [
        { ...wave, composition: { men: 0.5, women: 0.2, children: 0.1, unaccompaniedChildren: 0 } },
      ],
    },
    pointer: "/waves/0/composition",
    message: /add up to 1.*they add up to 0.8/,
  },
  {
    description: "route shares not adding up",
    input: {
      waves: [
        {
          ...wave,
          route: [
            { routeId: "main", share: 0.5 },
            { routeId: "branch", share: 0.3 },
          ],
        },
      ],
    },
    pointer: "/waves/0/route",
    message: /route shares must add up to 1, they add up to 0.8/,
  },
  {
    description: "unknown route",
    input: { waves: [wave], route: "highway" },
    pointer: "/route",
    message: /unknown route "highway"; routes: main, branch/,
  },
  {
    description: "destination not after the origin on the route",
    input: { waves: [{ ...wave, origin: "Delta", destination: "Bravo" }], route: "main" },
    pointer: "/waves/0/destination",
    message: /does not reach Bravo after Delta/,
  },
  {
    description: "a misspelt field",
    input: { waves: [wave], runz: 5 },
    pointer: "/runz",
    message: /unknown field "runz"/,
  },
  {
    description: "probability above 1",
    input: { waves: [wave], movement: { restDayProbability: 1.5 } },
    pointer: "/movement/restDayProbability",
    message: /between 0 and 1, got 1.5/,
  },
  {
    description: "attrition shares above 1",
    input: {
      waves: [wave],
      attrition: [{ place: "Charlie", asylumClaim: 0.6, return: { min: 0.1, max: 0.5 } }],
    },
    pointer: "/attrition/0",
    message: /must not exceed 1 \(they reach 1.1\)/,
  },
  {
    description: "attrition at an unknown place",
    input: { waves: [wave], attrition: [{ place: "Chralie", stay: 0.1 }] },
    pointer: "/attrition/0/place",
    message: /unknown place "Chralie"; did you mean "Charlie"/,
  },
  {
    description: "negative capacity",
    input: { waves: [wave], shelters: [{ place: "Kilo", capacity: -1 }] },
    pointer: "/shelters/0/capacity",
    message: /capacity/,
  },
  {
    description: "zero planning figure",
    input: { waves: [wave], planning: { peoplePerLatrineInitial: 0 } },
    pointer: "/planning/peoplePerLatrineInitial",
    message: /peoplePerLatrineInitial/,
  },
  {
    description: "a wave before the scenario start",
    input: { waves: [wave], start: "2019-02-01" },
    pointer: "/waves/0/date",
    message: /before the scenario start 2019-02-01/,
  },
  {
    description: "a wave leaving after the horizon",
    input: { waves: [wave, { ...wave, date: "2019-03-01" }], horizonDays: 30 },
    pointer: "/waves/1/date",
    message: /after the horizon ends on 2019-02-13; raise horizonDays/,
  },
  {
    description: "like an unknown replay",
    input: { waves: [wave], like: "2015" },
    pointer: "/like",
    message: /"2018"/,
  },
];

describe("validateScenario", () => {
  for (const bad of BAD) {
    it(`validateScenario(json) names ${bad.pointer || "the root"} for ${bad.description}`, () => {
      const { scenario, errors } = validateScenario(bad.input, { dataset });
      expect(scenario).toBeUndefined();
      const hit = errors.find((e) => e.pointer === bad.pointer);
      expect(hit, JSON.stringify(errors)).toBeDefined();
      expect(hit!.message).toMatch(bad.message);
    });
  }

  it("validateScenario(json) reports every problem at once", () => {
    const { errors } = validateScenario(
      { waves: [{ origin: "Alfa", date: "2019-13-01", people: -1 }], runz: 1 },
      { dataset },
    );
    expect(errors.map((e) => e.pointer).sort()).toEqual(
      ["/runz", "/waves/0/date", "/waves/0/origin", "/waves/0/people"].sort(),
    );
  });

  it("validateScenario(json) fills the defaults: 2018 composition, Sphere figures, 1000 runs, 120 days", () => {
    const { scenario, errors } = validateScenario({ waves: [wave] }, { dataset });
    expect(errors).toEqual([]);
    expect(scenario!.waves[0]!.composition).toEqual(DEFAULT_COMPOSITION);
    expect(scenario!.planning).toEqual(SPHERE_2018);
    expect(scenario!.runs).toBe(1000);
    expect(scenario!.horizonDays).toBe(120);
    expect(scenario!.start).toBe("2019-01-15");
    expect(scenario!.waves[0]!.routes).toEqual([{ routeId: "main", share: 1 }]);
  });

  it("validateScenario(json) resolves places by alias, any case and accents", () => {
    const { scenario, errors } = validateScenario(
      { waves: [{ ...wave, origin: "bránch", date: "2019-01-15" }], route: "branch" },
      { dataset },
    );
    expect(errors).toEqual([]);
    expect(scenario!.waves[0]!.originPlaceId).toBe("B1");
  });

  it("validateScenario(json) lets a planning figure be overridden and keeps the others", () => {
    const { scenario } = validateScenario(
      { waves: [wave], planning: { coveredM2PerPerson: 4.5 } },
      { dataset },
    );
    expect(scenario!.planning).toEqual({ ...SPHERE_2018, coveredM2PerPerson: 4.5 });
  });

  it('validateScenario(json) with like "2018" overrides the calibrated attrition by place', () => {
    const like2018 = {
      movement: { ...validateScenario({ waves: [wave] }, { dataset }).scenario!.movement },
      attrition: [
        { place: "Charlie", asylumClaim: 0.2 },
        { place: "Echo", return: 0.1 },
      ],
      destinationLeavePerDay: 0.01,
      composition: DEFAULT_COMPOSITION,
      notes: ["test calibration"],
    };
    const { scenario } = validateScenario(
      { like: "2018", waves: [wave], attrition: [{ place: "charlie", asylumClaim: 0.5 }] },
      { dataset, like2018 },
    );
    expect(scenario!.attrition).toEqual([
      { place: "Echo", return: 0.1 },
      { place: "P2", asylumClaim: 0.5 },
    ]);
    expect(scenario!.destinationLeavePerDay).toBe(0.01);
    expect(scenario!.notes).toEqual(["test calibration"]);
  });

  it("every example in data/scenarios/ validates against the embedded 2018 data", () => {
    const folder = new URL("../../data/scenarios/", import.meta.url);
    const files = readdirSync(folder).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const json = JSON.parse(readFileSync(new URL(file, folder), "utf8"));
      const { errors } = validateScenario(json, { dataset: embedded2018() });
      expect(errors, file).toEqual([]);
    }
  });
});
