import { readFileSync, readdirSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { validateScenario } from "../../src/scenario/validateScenario.ts";
import { syntheticDataset } from "./fixture.ts";

const schema = JSON.parse(
  readFileSync(new URL("../../schema/scenario.schema.json", import.meta.url), "utf8"),
);
const ajv = new Ajv2020({ allErrors: true, strict: false });
const check = ajv.compile(schema);
const dataset = syntheticDataset();

const FULL = {
  name: "every field",
  like: "2018",
  start: "2019-01-10",
  horizonDays: 90,
  runs: 50,
  seed: 3,
  waves: [
    {
      label: "first",
      origin: "Alpha",
      date: { from: "2019-01-15", to: "2019-01-17" },
      people: { min: 4000, max: 6000 },
      composition: { men: 0.6, women: 0.2, children: 0.15, unaccompaniedChildren: 0.05 },
      route: [
        { routeId: "main", share: 0.8 },
        { routeId: "branch", share: 0.2 },
      ],
      groups: 10,
    },
    { origin: "Bravo", date: "2019-01-20", people: 1000, destination: "Kilo", route: "main" },
  ],
  movement: {
    restDayProbability: { min: 0.1, max: 0.3 },
    rideProbability: 0.2,
    walkKmPerDay: { min: 30, max: 45 },
    rideKmPerDay: 250,
    cohesion: 0.9,
    stops: [{ place: "Foxtrot", days: { min: 2, max: 4 } }],
    stopAtShelters: true,
    shelterStopDays: 2,
    segments: [
      { from: "Foxtrot", rideProbability: 0.6 },
      { from: "Bravo", to: "Delta", walkKmPerDay: 40 },
    ],
  },
  attrition: [
    { place: "Charlie", asylumClaim: { min: 0.1, max: 0.2 }, return: 0.05 },
    { from: "Delta", to: "Golf", stay: 0.02 },
  ],
  destinationLeavePerDay: { min: 0.01, max: 0.02 },
  shelters: [{ place: "Kilo", capacity: 3000 }],
  planning: {
    waterLitresPerPersonPerDay: 20,
    peoplePerLatrineInitial: 50,
    peoplePerLatrineLater: 20,
    latrineLaterAfterDays: 45,
    coveredM2PerPerson: 4.5,
    hygieneKitsPerPersonPerMonth: 1,
  },
  presenceRadiusKm: 15,
};

describe("schema/scenario.schema.json", () => {
  it("accepts a scenario with every field, as validateScenario does", () => {
    expect(check(FULL), JSON.stringify(check.errors)).toBe(true);
    expect(validateScenario(FULL, { dataset }).errors).toEqual([]);
  });

  it("accepts every example in data/scenarios/", () => {
    const folder = new URL("../../data/scenarios/", import.meta.url);
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".json"))) {
      const json = JSON.parse(readFileSync(new URL(file, folder), "utf8"));
      expect(check(json), `${file}: ${JSON.stringify(check.errors)}`).toBe(true);
    }
  });

  const REJECTED: [string, unknown][] = [
    ["negative people", { waves: [{ origin: "Alpha", date: "2019-01-15", people: -5 }] }],
    ["a misspelt field", { waves: [{ origin: "Alpha", date: "2019-01-15", people: 5 }], runz: 1 }],
    [
      "a probability above 1",
      {
        waves: [{ origin: "Alpha", date: "2019-01-15", people: 5 }],
        movement: { rideProbability: 2 },
      },
    ],
    [
      "2^31 people (beyond the limit of 10,000,000)",
      { waves: [{ origin: "Alpha", date: "2019-01-15", people: 2_147_483_648 }] },
    ],
    [
      "1,000,000 runs (beyond the limit of 10,000)",
      { waves: [{ origin: "Alpha", date: "2019-01-15", people: 5 }], runs: 1_000_000 },
    ],
    [
      "a horizon of 3,651 days (beyond the limit of 730)",
      { waves: [{ origin: "Alpha", date: "2019-01-15", people: 5 }], horizonDays: 3651 },
    ],
    ["a wave without a date", { waves: [{ origin: "Alpha", people: 5 }] }],
    [
      "an attrition rule without place or stretch end",
      { waves: [{ origin: "Alpha", date: "2019-01-15", people: 5 }], attrition: [{ return: 0.1 }] },
    ],
    [
      "a planning figure of 0",
      {
        waves: [{ origin: "Alpha", date: "2019-01-15", people: 5 }],
        planning: { coveredM2PerPerson: 0 },
      },
    ],
  ];
  for (const [what, json] of REJECTED) {
    it(`rejects ${what}, as validateScenario does`, () => {
      expect(check(json)).toBe(false);
      expect(validateScenario(json, { dataset }).errors.length).toBeGreaterThan(0);
    });
  }
});
