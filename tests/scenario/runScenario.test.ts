import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binomial } from "../../src/scenario/binomial.ts";
import { buildCorridor } from "../../src/geo/corridor.ts";
import { compileScenario } from "../../src/scenario/compile.ts";
import { SPHERE_2018 } from "../../src/scenario/defaults.ts";
import { placeNeeds, shownNeed } from "../../src/scenario/needs.ts";
import { cellQuantiles, quantileSorted } from "../../src/util/quantiles.ts";
import { runScenario, runSeed } from "../../src/scenario/runScenario.ts";
import { TOTAL, createRunBuffers, simulateRun } from "../../src/scenario/simulateRun.ts";
import type { ScenarioInput } from "../../src/scenario/types.ts";
import { validateScenario } from "../../src/scenario/validateScenario.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { syntheticDataset } from "./fixture.ts";

const dataset = syntheticDataset();
const corridor = buildCorridor(dataset);

function scenarioOf(input: ScenarioInput) {
  const { scenario, errors } = validateScenario(input, { dataset, corridor });
  expect(errors).toEqual([]);
  return scenario!;
}

const BASE: ScenarioInput = {
  runs: 200,
  seed: 7,
  horizonDays: 40,
  route: "main",
  waves: [{ origin: "Alpha", date: "2019-01-15", people: { min: 4000, max: 6000 } }],
  movement: {
    restDayProbability: { min: 0.1, max: 0.3 },
    rideProbability: 0.2,
    walkKmPerDay: { min: 30, max: 50 },
    rideKmPerDay: { min: 150, max: 300 },
    stops: [{ place: "Foxtrot", days: { min: 2, max: 4 } }],
  },
  attrition: [
    { place: "Charlie", asylumClaim: { min: 0.1, max: 0.3 }, return: 0.05 },
    { from: "Delta", to: "Golf", return: 0.1, stay: { min: 0, max: 0.1 } },
    { place: "Kilo", stay: 0.3 },
  ],
  destinationLeavePerDay: 0.02,
};

describe("runScenario", () => {
  it("runScenario(scenario) with the same seed gives identical output", () => {
    const a = runScenario(scenarioOf(BASE), { dataset, corridor });
    const b = runScenario(scenarioOf(BASE), { dataset, corridor });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("runScenario(scenario) with another seed gives other draws", () => {
    const a = runScenario(scenarioOf(BASE), { dataset, corridor });
    const b = runScenario(scenarioOf({ ...BASE, seed: 8 }), { dataset, corridor });
    expect(JSON.stringify(b.places)).not.toBe(JSON.stringify(a.places));
  });

  it("runScenario(scenario) run k is the same whatever the number of runs", () => {
    const one = runScenario(scenarioOf({ ...BASE, runs: 1 }), { dataset, corridor });
    const compiled = compileScenario(scenarioOf(BASE), corridor);
    const buffers = createRunBuffers(compiled);
    simulateRun(compiled, mulberry32(runSeed(7, 0)), buffers);
    const index = compiled.places.findIndex((p) => p.name === "Kilo");
    const D = compiled.days;
    const kilo = one.places.find((p) => p.name === "Kilo")!;
    expect(kilo.present.p50).toEqual(
      Array.from(buffers.present.subarray(index * D, (index + 1) * D)),
    );
    expect(kilo.arrivals.p50).toEqual(
      Array.from(buffers.arrivals.subarray(index * D, (index + 1) * D)),
    );
  });

  it("runScenario(scenario) puts every departing person at the origin on the departure day", () => {
    const result = runScenario(
      scenarioOf({ ...BASE, waves: [{ origin: "Alpha", date: "2019-01-15", people: 5000 }] }),
      { dataset, corridor },
    );
    const alpha = result.places.find((p) => p.name === "Alpha")!;
    expect(alpha.arrivals.p50[0]).toBe(5000);
    expect(alpha.firstArrival).toEqual({
      p10: "2019-01-15",
      p50: "2019-01-15",
      p90: "2019-01-15",
      probability: 1,
    });
    expect(result.totals.departed.p50[0]).toBe(5000);
  });

  it("runScenario(scenario) stops groups at a stop for its days", () => {
    const result = runScenario(
      scenarioOf({
        ...BASE,
        movement: { ...BASE.movement, stops: [{ place: "Foxtrot", days: 5 }] },
      }),
      { dataset, corridor },
    );
    const foxtrot = result.places.find((p) => p.name === "Foxtrot")!;
    const present = foxtrot.present.p90;
    // Somebody stays at least 5 days in the p90 band.
    let longest = 0;
    let run = 0;
    for (const v of present) {
      run = v > 0 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest).toBeGreaterThanOrEqual(5);
  });

  it("runScenario(scenario) counts the days over a shelter's capacity", () => {
    const result = runScenario(
      scenarioOf({ ...BASE, shelters: [{ place: "Kilo", capacity: 100 }] }),
      { dataset, corridor },
    );
    const kilo = result.places.find((p) => p.name === "Kilo")!;
    expect(kilo.capacity).toBe(100);
    expect(kilo.daysOverCapacityP50.length).toBeGreaterThan(0);
    for (const date of kilo.daysOverCapacityP50) {
      const day = result.dates.indexOf(date);
      expect(kilo.present.p50[day]).toBeGreaterThan(100);
      expect(kilo.overCapacityProbability[day]).toBeGreaterThanOrEqual(0.5);
    }
  });

  it("runScenario(scenario) splits a wave over routes by share", () => {
    const result = runScenario(
      scenarioOf({
        ...BASE,
        runs: 1,
        route: undefined,
        attrition: [],
        waves: [
          {
            origin: "Alpha",
            date: "2019-01-15",
            people: 1000,
            route: [
              { routeId: "main", share: 0.75 },
              { routeId: "branch", share: 0.25 },
            ],
            groups: 8,
          },
        ],
        horizonDays: 80,
      }),
      { dataset, corridor },
    );
    const branch = result.places.find((p) => p.name === "Branchville")!;
    const kilo = result.places.find((p) => p.name === "Kilo")!;
    expect(branch.arrivals.p50.reduce((a, b) => a + b, 0)).toBe(250);
    expect(kilo.arrivals.p50.reduce((a, b) => a + b, 0)).toBe(750);
  });

  it("runScenario(scenario) conserves people in every run and day (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (people, seed, claim, back, cohesion, groups) => {
          const scenario = scenarioOf({
            ...BASE,
            runs: 5,
            seed,
            waves: [
              { origin: "Alpha", date: { from: "2019-01-15", to: "2019-01-20" }, people, groups },
              { origin: "Delta", date: "2019-01-18", people: Math.floor(people / 3) },
            ],
            movement: { ...BASE.movement, cohesion },
            attrition: [
              { place: "Charlie", asylumClaim: claim, return: back },
              { place: "Kilo", stay: 0.4, return: 0.2 },
            ],
          });
          const compiled = compileScenario(scenario, corridor);
          const buffers = createRunBuffers(compiled);
          const D = compiled.days;
          const at = (name: keyof typeof TOTAL, day: number) =>
            buffers.totals[TOTAL[name] * D + day]!;
          for (let run = 0; run < 5; run++) {
            expect(simulateRun(compiled, mulberry32(seed + run), buffers)).toBe(0);
            const t = buffers.totals;
            for (let day = 0; day < D; day++) {
              // The place table: every person present is at exactly one place.
              let present = 0;
              for (let p = 0; p < compiled.places.length; p++)
                present += buffers.present[p * D + day]!;
              expect(at("presentAtPlaces", day)).toBe(present);
              // entered = in transit (on the road) + present at places + returned + onward.
              expect(at("departed", day)).toBe(
                at("onRoad", day) + present + at("returns", day) + at("leftDestination", day),
              );
              // Present at places = travellers there + at destination + claimants + stayers.
              expect(present).toBe(
                at("inTransit", day) -
                  at("onRoad", day) +
                  at("atDestination", day) +
                  at("asylumClaims", day) +
                  at("regularized", day),
              );
              // Cumulative outcomes never decrease.
              if (day > 0)
                for (const name of [
                  "departed",
                  "asylumClaims",
                  "returns",
                  "regularized",
                  "leftDestination",
                ] as const)
                  expect(at(name, day)).toBeGreaterThanOrEqual(at(name, day - 1));
            }
            expect(t[D - 1]!).toBe(people + Math.floor(people / 3));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("runScenario(scenario) sums of per-place outcomes equal the totals (p50 with one run)", () => {
    const result = runScenario(scenarioOf({ ...BASE, runs: 1 }), { dataset, corridor });
    const last = result.dates.length - 1;
    const sum = (key: "asylumClaims" | "returns" | "regularized") =>
      result.places.reduce((s, p) => s + p[key].p50[last]!, 0);
    expect(sum("asylumClaims")).toBe(result.totals.asylumClaims.p50[last]);
    expect(sum("returns")).toBe(result.totals.returns.p50[last]);
    expect(sum("regularized")).toBe(result.totals.regularized.p50[last]);
  });
});

describe("people stay where they stop", () => {
  const claims: ScenarioInput = {
    ...BASE,
    runs: 50,
    waves: [{ origin: "Alpha", date: "2019-01-15", people: 5000 }],
    attrition: [
      { place: "Charlie", asylumClaim: 0.5 },
      { place: "Kilo", stay: 0.3 },
    ],
  };

  it("claimants wait where they claimed: present there, with needs, through the horizon", () => {
    const result = runScenario(scenarioOf(claims), { dataset, corridor });
    const charlie = result.places.find((p) => p.name === "Charlie")!;
    const last = result.dates.length - 1;
    const claimed = charlie.asylumClaims.p50[last]!;
    expect(claimed).toBeGreaterThan(2000);
    expect(charlie.present.p50[last]).toBeGreaterThanOrEqual(claimed);
    expect(charlie.needsP50.waterM3PerDay[last]).toBeGreaterThanOrEqual((claimed * 15) / 1000);
    expect(charlie.needsP50.latrines[last]).toBeGreaterThan(0);
    expect(charlie.peakPeople.p50).toBeGreaterThanOrEqual(claimed);
  });

  it("people regularised at a place stay present there", () => {
    const result = runScenario(scenarioOf(claims), { dataset, corridor });
    const kilo = result.places.find((p) => p.name === "Kilo")!;
    const last = result.dates.length - 1;
    expect(kilo.regularized.p50[last]).toBeGreaterThan(0);
    expect(kilo.present.p50[last]).toBeGreaterThanOrEqual(kilo.regularized.p50[last]!);
  });

  it("the median run's totals add up on every day", () => {
    const result = runScenario(scenarioOf(BASE), { dataset, corridor });
    const t = result.medianRun.totals;
    result.dates.forEach((_, day) => {
      expect(t.departed[day]).toBe(
        t.onRoad[day]! + t.presentAtPlaces[day]! + t.returns[day]! + t.leftDestination[day]!,
      );
      expect(t.presentAtPlaces[day]).toBe(
        t.inTransit[day]! -
          t.onRoad[day]! +
          t.atDestination[day]! +
          t.asylumClaims[day]! +
          t.regularized[day]!,
      );
    });
    expect(result.medianRun.seed).toBe(runSeed(7, result.medianRun.run));
  });

  it("the median run is the median by person-days present", () => {
    const result = runScenario(scenarioOf({ ...BASE, runs: 9 }), { dataset, corridor });
    const compiled = compileScenario(scenarioOf({ ...BASE, runs: 9 }), corridor);
    const buffers = createRunBuffers(compiled);
    const personDays = Array.from({ length: 9 }, (_, run) => {
      simulateRun(compiled, mulberry32(runSeed(7, run)), buffers);
      return buffers.present.reduce((a, b) => a + b, 0);
    });
    const sorted = [...personDays].sort((a, b) => a - b);
    expect(result.medianRun.personDaysPresent).toBe(sorted[4]);
    expect(personDays[result.medianRun.run]).toBe(sorted[4]);
  });
});

describe("bounded inputs", () => {
  it("10,000,000 people (the limit) give exact, conserved totals: no 32-bit overflow", () => {
    const scenario = scenarioOf({
      ...BASE,
      runs: 3,
      waves: [
        { origin: "Alpha", date: "2019-01-15", people: 6_000_000 },
        { origin: "Delta", date: "2019-01-16", people: { min: 3_999_999, max: 4_000_000 } },
      ],
    });
    const result = runScenario(scenario, { dataset, corridor });
    expect(result.conservationError).toBe(0);
    const t = result.medianRun.totals;
    const last = result.dates.length - 1;
    expect(t.departed[last]).toBeGreaterThanOrEqual(9_999_999);
    expect(t.departed[last]).toBeLessThanOrEqual(10_000_000);
    for (const name of Object.keys(t) as (keyof typeof t)[])
      for (const v of t[name]) expect(v).toBeGreaterThanOrEqual(0);
    const alpha = result.places.find((p) => p.name === "Alpha")!;
    expect(alpha.arrivals.p50[0]).toBe(6_000_000);
    expect(alpha.needsP50.waterM3PerDay[0]).toBeGreaterThan(0);
  });
});

describe("placeNeeds", () => {
  it("placeNeeds(present, Sphere 2018) for 5,000 people: 75 m³ water, 100 latrines, 17,500 m², 5,000 kits", () => {
    const needs = placeNeeds([5000], SPHERE_2018, 0);
    expect(needs).toEqual({
      waterM3PerDay: [75],
      latrines: [100],
      coveredM2: [17500],
      hygieneKitsPerMonth: [5000],
    });
  });

  it("shownNeed rounds a need up to what a plan uses: 0.1 m³ of water, whole m², whole latrines and kits", () => {
    const needs = placeNeeds([1445], SPHERE_2018, 0);
    expect(needs.waterM3PerDay[0]).toBe(21.675);
    expect(shownNeed("waterM3PerDay", needs.waterM3PerDay[0]!)).toBe(21.7);
    expect(needs.coveredM2[0]).toBe(5057.5);
    expect(shownNeed("coveredM2", needs.coveredM2[0]!)).toBe(5058);
    // Up, never down, and a whole figure stays as it is (no float step: 0.1 × 3 is 0.30000000000000004).
    expect(shownNeed("waterM3PerDay", 21.61)).toBe(21.7);
    expect(shownNeed("waterM3PerDay", 0.1 * 3)).toBe(0.3);
    expect(shownNeed("latrines", 29)).toBe(29);
    // Nothing needed is 0, never -0 (printed "-0" in the needs table).
    expect(Object.is(shownNeed("waterM3PerDay", 0), 0)).toBe(true);
  });

  it("placeNeeds switches to 1 latrine per 20 people 30 days after the first arrival", () => {
    const present = Array.from({ length: 32 }, () => 5000);
    const needs = placeNeeds(present, SPHERE_2018, 1);
    expect(needs.latrines[30]).toBe(100);
    expect(needs.latrines[31]).toBe(250);
  });

  it("placeNeeds rounds people up before applying the figures (1 person needs a latrine)", () => {
    expect(placeNeeds([0, 0.5, 1, 51], SPHERE_2018, 0).latrines).toEqual([0, 1, 1, 2]);
  });
});

describe("quantiles", () => {
  it("quantileSorted(values, p) interpolates between ranks (type 7)", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
    expect(quantileSorted([1, Infinity], 0.9)).toBe(Infinity);
  });

  it("cellQuantiles(table) agrees with sorting each cell (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: -5, max: 50 }), { minLength: 300, maxLength: 300 }),
        (runs, cells, pool) => {
          const values = new Int32Array(runs * cells);
          for (let i = 0; i < values.length; i++)
            values[i] = pool[i % pool.length]! * ((i % 7) - 3);
          const min = new Int32Array(cells).fill(2 ** 31 - 1);
          const max = new Int32Array(cells).fill(-(2 ** 31));
          for (let run = 0; run < runs; run++)
            for (let cell = 0; cell < cells; cell++) {
              const v = values[run * cells + cell]!;
              min[cell] = Math.min(min[cell]!, v);
              max[cell] = Math.max(max[cell]!, v);
            }
          const [p10, p50, p90] = [0, 1, 2].map(() => new Float64Array(cells));
          cellQuantiles(values, runs, min, max, p10!, p50!, p90!);
          for (let cell = 0; cell < cells; cell++) {
            const sorted = Array.from(
              { length: runs },
              (_, run) => values[run * cells + cell]!,
            ).sort((a, b) => a - b);
            expect(p10![cell]).toBeCloseTo(quantileSorted(sorted, 0.1), 9);
            expect(p50![cell]).toBeCloseTo(quantileSorted(sorted, 0.5), 9);
            expect(p90![cell]).toBeCloseTo(quantileSorted(sorted, 0.9), 9);
          }
        },
      ),
    );
  });
});

describe("binomial", () => {
  it("binomial(n, p) stays within [0, n] and averages n·p", () => {
    const random = mulberry32(3);
    for (const [n, p] of [
      [10, 0.3],
      [5000, 0.2],
      [40, 0.9],
      [100000, 0.001],
    ] as const) {
      let sum = 0;
      for (let i = 0; i < 4000; i++) {
        const k = binomial(n, p, random);
        expect(Number.isInteger(k) && k >= 0 && k <= n).toBe(true);
        sum += k;
      }
      const sd = Math.sqrt((n * p * (1 - p)) / 4000);
      expect(Math.abs(sum / 4000 - n * p)).toBeLessThan(5 * sd + 1e-9);
    }
  });

  it("binomial(n, 0) is 0 and binomial(n, 1) is n", () => {
    expect(binomial(50, 0, mulberry32(1))).toBe(0);
    expect(binomial(50, 1, mulberry32(1))).toBe(50);
  });
});

describe("runScenario on the embedded 2018 corridor", () => {
  it("the fallback 'like 2018' parameters name places that are all on the corridor", async () => {
    const { embedded2018 } = await import("../../src/embedded/index.ts");
    const data = embedded2018();
    const { scenario, errors } = validateScenario(
      { like: "2018", runs: 1, waves: [{ origin: "Tecún Umán", date: "2019-01-15", people: 100 }] },
      { dataset: data },
    );
    expect(errors).toEqual([]);
    expect(compileScenario(scenario!, buildCorridor(data)).warnings).toEqual([]);
    // A stop the corridor does not have is ignored with a DtmWarning (module scenario).
    const elsewhere = {
      ...scenario!,
      movement: { ...scenario!.movement, stops: [{ place: "Nowhere", days: 2 }] },
    };
    expect(compileScenario(elsewhere, buildCorridor(data)).warnings).toEqual([
      {
        code: "stop_not_on_corridor",
        message: 'Stop "Nowhere" is not on the corridor; ignored.',
        source: { module: "scenario" },
      },
    ]);
  });

  it("the fallback 'like 2018' movement is the movement module's 2018 anchors, and a run on it reaches Tijuana", async () => {
    const { embedded2018 } = await import("../../src/embedded/index.ts");
    const { FALLBACK_2018 } = await import("../../src/scenario/defaults.ts");
    const { NORTH_RIDE_SHARE_MAX } = await import("../../src/scenario/calibrateMovement.ts");
    const { ANCHORS_2018, STOPS_2018, bandOfLaw, defaultMovementModel } =
      await import("../../src/movement/index.ts");
    const m = FALLBACK_2018.movement;
    // One set of 2018 figures: the default law banded at the calibration's 20 pseudo-days for
    // the day regimes; the speeds are the anchors' own ranges (the law's band was 19–61 km walking
    // and up to 602 km a ride day, wider than any source).
    const band = bandOfLaw(defaultMovementModel(), 20);
    expect(m.walkKmPerDay).toEqual({
      min: ANCHORS_2018.walkChiapas.km,
      max: ANCHORS_2018.walkFirstDays.km,
    });
    expect(m.rideKmPerDay).toEqual({
      min: ANCHORS_2018.rideDay.km[0],
      max: ANCHORS_2018.rideDay.km[1],
    });
    expect(m.restDayProbability).toEqual(band.restDayProbability);
    expect(m.persistence).toBe(defaultMovementModel().persistence);
    expect(m.stops).toEqual(
      Object.values(STOPS_2018).map((s) => ({
        place: s.place,
        days: { min: s.days[0], max: s.days[1] },
      })),
    );
    // North of Mexico City: mostly bus days (ride share of moving days above the south's).
    const north = m.segments[0]!;
    expect(north.from).toBe("Mexico City");
    const share = (r: unknown) => (r as { min: number; max: number }).min;
    expect(share(north.rideProbability)).toBeGreaterThan(share(m.rideProbability));
    // …but not every moving day: the 2018 group stopped on the way to Tijuana.
    const most = (north.rideProbability as { max: number }).max;
    expect(most).toBeLessThanOrEqual(NORTH_RIDE_SHARE_MAX);
    expect(most).toBeLessThan(1);
    expect(north.rideKmPerDay).toEqual(m.rideKmPerDay);
    const data = embedded2018();
    const { scenario, errors } = validateScenario(
      {
        like: "2018",
        runs: 60,
        seed: 3,
        horizonDays: 60,
        waves: [{ origin: "Tecún Umán", date: "2019-01-15", people: 5000 }],
      },
      { dataset: data },
    );
    expect(errors).toEqual([]);
    const result = runScenario(scenario!, { dataset: data, corridor: buildCorridor(data) });
    const first = (name: string) => result.places.find((p) => p.name === name)!.firstArrival!;
    expect(first("Mexico City").probability).toBe(1);
    expect(first("Tijuana").probability).toBeGreaterThan(0.9);
    // The Mexico City stay (4–6 days) and ~2,800 km of road lie between the two first arrivals.
    const { dayNumber } = await import("../../src/calendar/index.ts");
    const days = (a: string, b: string) => dayNumber(b)! - dayNumber(a)!;
    expect(days(first("Mexico City").p50!, first("Tijuana").p50!)).toBeGreaterThanOrEqual(10);
  });

  it("runScenario(scenario, { random }) draws the run seeds from the given source, deterministically", () => {
    const scenario = scenarioOf({ ...BASE, runs: 20 });
    const a = runScenario(scenario, { dataset, corridor, random: mulberry32(99) });
    const b = runScenario(scenario, { dataset, corridor, random: mulberry32(99) });
    const c = runScenario(scenario, { dataset, corridor });
    expect(JSON.stringify(a.places)).toBe(JSON.stringify(b.places));
    expect(JSON.stringify(a.places)).not.toBe(JSON.stringify(c.places));
  });
});
