import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conformalWidening } from "../../src/estimate/calibrate.ts";
import { smoothKm } from "../../src/estimate/kmSmoother.ts";
import type { KmObservation } from "../../src/estimate/kmSmoother.ts";
import { defaultMovementModel } from "../../src/movement/index.ts";
import { mulberry32, randomNormal } from "../../src/util/random.ts";

const movement = defaultMovementModel();
const report = (step: number, km: number, extra: Partial<KmObservation> = {}): KmObservation => ({
  step,
  km,
  sigmaKm: 4,
  outlier: 0.05,
  timeOffset: 0,
  ...extra,
});

describe("smoothKm (regime-switching grid smoother)", () => {
  it("smoothKm interpolates a walking day between two reports", () => {
    const r = smoothKm({
      nDays: 3,
      routeLengthKm: 2000,
      movement,
      observations: [report(0, 100), report(2, 180)],
    });
    expect(r.days[1].median).toBeGreaterThan(110);
    expect(r.days[1].median).toBeLessThan(170);
    expect(r.days[1].low).toBeLessThanOrEqual(r.days[1].median);
    expect(r.days[1].high).toBeGreaterThanOrEqual(r.days[1].median);
  });

  it("smoothKm is not dragged by a stale report behind the group (forward-only, robust)", () => {
    const observations = [report(0, 300), report(1, 340), report(2, 100), report(3, 420)];
    const r = smoothKm({ nDays: 4, routeLengthKm: 2000, movement, observations });
    expect(Math.abs(r.days[2].median - 380)).toBeLessThan(30);
    expect(r.outlierProb[2]).toBeGreaterThan(0.5);
    expect(r.outlierProb[1]).toBeLessThan(0.1);
  });

  it("smoothKm accepts a bus day of hundreds of km as ordinary, not as an outlier", () => {
    const observations = [report(0, 100), report(1, 140), report(2, 450), report(3, 490)];
    const r = smoothKm({ nDays: 4, routeLengthKm: 2000, movement, observations });
    expect(Math.abs(r.days[2].median - 450)).toBeLessThan(10);
    expect(r.outlierProb[2]).toBeLessThan(0.1);
  });

  it("smoothKm medians never go backwards (progress is monotone) for any reports", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            step: fc.integer({ min: 0, max: 9 }),
            km: fc.double({ min: 0, max: 1500, noNaN: true }),
          }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (obs) => {
          const r = smoothKm({
            nDays: 10,
            routeLengthKm: 1500,
            movement,
            observations: obs.map((o) => report(o.step, o.km, { sigmaKm: 10 })),
            maxCells: 300,
          });
          for (let k = 1; k < r.days.length; k++) {
            // one grid cell of slack for the linear interpolation inside cells
            expect(r.days[k].median).toBeGreaterThanOrEqual(r.days[k - 1].median - r.cellKm);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("smoothKm treats a town's stretch of road as a range, not as a point", () => {
    const r = smoothKm({
      nDays: 1,
      routeLengthKm: 2000,
      movement,
      observations: [report(0, 500, { kmRange: [480, 520], sigmaKm: 2 })],
    });
    expect(r.days[0].low).toBeLessThan(486);
    expect(r.days[0].high).toBeGreaterThan(514);
  });

  it("smoothKm holds a group at the route's end (the end absorbs)", () => {
    const r = smoothKm({
      nDays: 3,
      routeLengthKm: 1000,
      movement,
      observations: [report(0, 990), report(2, 1000)],
    });
    expect(r.days[2].high).toBeCloseTo(1000, 0);
  });
  it("a report that may be of a part is no surprise far from the body when its score reads the mixture", () => {
    // Days of the body at 100 … 160 km; on day 2 a report 300 km ahead that is the body with
    // probability 0.2, else the head or the tail of a long caravan (reach 600 km).
    const far = (scoreMixture: boolean): KmObservation =>
      report(2, 430, {
        sigmaKm: 40,
        scoreMixture,
        alternatives: [
          { weight: 0.4, kmRange: [-170, 430], sigmaKm: 4 },
          { weight: 0.4, kmRange: [430, 1030], sigmaKm: 4 },
        ],
      });
    const body = [report(0, 100), report(1, 130), report(3, 190), report(4, 220)];
    const run = (o: KmObservation) =>
      smoothKm({ nDays: 5, routeLengthKm: 2000, movement, observations: [...body, o] });
    const asBody = run(far(false));
    const asMixture = run(far(true));
    // The same posterior: the score alone reads the mixture.
    expect(asMixture.days[2].median).toBeCloseTo(asBody.days[2].median, 6);
    expect(asBody.loo[4].score).toBeGreaterThan(1);
    expect(asMixture.loo[4].score).toBe(0);
    // The median person stays with the body: the report is most likely of a part.
    expect(Math.abs(asMixture.days[2].median - 160)).toBeLessThan(40);
  });

  it("the leave-the-day-out check sees reports that err together on a day, the report-by-report one does not", () => {
    // A group walking 30 km a day, five reports a day (sd 40 km each). Together: each day's five
    // stand at one km, 60 km ahead of the group on even days and behind on odd ones (all met the
    // vanguard, or the rear). Apart: the same five days' reports scattered independently.
    const random = mulberry32(7);
    const run = (together: boolean) => {
      const observations: KmObservation[] = [];
      for (let d = 0; d < 12; d++) {
        const common = d % 2 ? -60 : 60;
        for (let i = 0; i < 5; i++) {
          const km = 100 + 30 * d + (together ? common : 40 * randomNormal(random));
          observations.push(report(d, km, { sigmaKm: 40 }));
        }
      }
      return smoothKm({ nDays: 12, routeLengthKm: 2000, movement, observations });
    };
    const joint = run(true);
    const apart = run(false);
    expect(joint.dayLoo).toHaveLength(12);
    // Each report lies within its own noise of the others: no report-by-report widening.
    expect(conformalWidening(joint.loo)).toBeLessThan(1.2);
    // Their day's mean misses by more than five independent reports would.
    expect(conformalWidening(joint.dayLoo)).toBeGreaterThan(1.5);
    expect(conformalWidening(apart.dayLoo)).toBeLessThan(1.3);
  });

  it("a scale mixture of a report's noise (core) makes the track the median of skewed reports, not their mean", () => {
    // One day of a body at a shelter (km 500): six reports of people at it and four of people
    // strung out 80–300 km ahead. Their mean is ~566 km, their median 500.
    const kms = [500, 500, 500, 500, 500, 500, 580, 650, 720, 800];
    // sd 60 km each, or the same variance as a core of sd 24 (0.6) and tails of sd 88 (0.4).
    const plain = kms.map((km) => report(0, km, { sigmaKm: 60 }));
    const mixed = kms.map((km) =>
      report(0, km, { sigmaKm: 88, core: { weight: 0.6, sigmaKm: 24 } }),
    );
    const run = (observations: KmObservation[]) =>
      smoothKm({ nDays: 1, routeLengthKm: 2000, movement, observations }).days[0];
    const a = run(plain);
    const b = run(mixed);
    expect(a.median).toBeGreaterThan(545);
    expect(b.median).toBeLessThan(525);
    expect(b.low).toBeLessThanOrEqual(b.median);
    expect(b.high).toBeGreaterThanOrEqual(b.median);
  });

  it("a core of weight 0 is the report's own noise alone", () => {
    const obs = [report(0, 100), report(2, 180, { sigmaKm: 30 })];
    const run = (o: KmObservation[]) =>
      smoothKm({ nDays: 3, routeLengthKm: 2000, movement, observations: o });
    const with0 = run([obs[0], { ...obs[1], core: { weight: 0, sigmaKm: 5 } }]);
    const plain = run(obs);
    expect(with0.days[1].median).toBe(plain.days[1].median);
    expect(with0.loo[1].score).toBe(plain.loo[1].score);
  });

  it("smoothKm holds a group reported at one town for 10 days there, and follows the ride after", () => {
    // Walking in, ten days of reports naming one town (its stretch 515–528 km, soft edges), a ride.
    const observations = [
      ...[0, 1, 2].map((d) => report(d, 400 + 30 * d)),
      ...Array.from({ length: 10 }, (_, i) =>
        report(3 + i, 521, { sigmaKm: 15, kmRange: [515, 528] }),
      ),
      report(14, 900),
      report(15, 930),
    ];
    const r = smoothKm({ nDays: 16, routeLengthKm: 2000, movement, observations });
    for (let k = 4; k < 12; k++) expect(Math.abs(r.days[k].median - 521)).toBeLessThan(5);
    expect(Math.abs(r.days[14].median - 900)).toBeLessThan(10);
    expect(Math.abs(r.days[15].median - 930)).toBeLessThan(10);
  });
});
