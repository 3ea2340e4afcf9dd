import { describe, expect, it } from "vitest";
import { smoothKm } from "../../src/estimate/kmSmoother.ts";
import type { KmObservation } from "../../src/estimate/kmSmoother.ts";
import {
  PART_PRIOR,
  partShares,
  sidedShares,
  SIDE_MAX_ODDS,
  unknownPartAlternatives,
} from "../../src/estimate/partMixture.ts";
import { kmObservations, neighbourOffsets } from "../../src/estimate/positions.ts";
import { newGroup } from "../../src/estimate/workGroup.ts";
import type { EstimateContext, GroupPosition, WorkGroup } from "../../src/estimate/workGroup.ts";
import { defaultMovementModel } from "../../src/movement/index.ts";

/** The final passes' context as kmObservations reads it (coordinates only: no town stretches). */
const finalPass = { bodyTails: true, outlierScale: 1 } as unknown as EstimateContext;

/**
 * A group that rode into a shelter at km 800: on each of `days` days three reports there and one
 * of its rear at `rearKm(k)`, still walking in, with no part word and no figure (coordinates, dtm).
 */
function shelterGroup(labelled: boolean, days: number, rearKm: (k: number) => number): WorkGroup {
  const g = newGroup("C1", labelled, "main");
  for (let k = 0; k < days; k++)
    for (const [j, km] of [800, 800, 800, rearKm(k)].entries()) {
      const s = { id: `s${k}-${j}`, index: 4 * k + j, t: 10 + k + 0.5, hasTime: true };
      const sighting = {
        ...s,
        point: [0, 0],
        fromPlace: false,
        source: "dtm",
        lowConfidence: false,
      };
      g.positions.push({ s: sighting, km, off: 0 } as GroupPosition);
    }
  g.day0 = 10;
  g.nDays = days;
  g.lastReportDay = 10 + days - 1;
  // The body's fitted half-spread: 40 km each day.
  g.spreadByDay = new Map(Array.from({ length: days }, (_, k) => [10 + k, 40]));
  return g;
}

/** The tail reading (the median person ahead of the report) of the observation at `km`. */
function tailAlternative(obs: readonly KmObservation[], km: number) {
  const o = obs.find((x) => x.km === km)!;
  return o.alternatives?.find((a) => a.kmRange[0] === km && a.kmRange[1] > km);
}

describe("partMixture: reports that name no part", () => {
  it("partShares is the prior with no reports and follows a group's own reports", () => {
    const none = partShares({ head: 0, body: 0, tail: 0 });
    const all = PART_PRIOR.head + PART_PRIOR.body + PART_PRIOR.tail;
    expect(none.head).toBeCloseTo(PART_PRIOR.head / all, 12);
    expect(none.tail).toBeCloseTo(PART_PRIOR.tail / all, 12);
    const vanguardHeavy = partShares({ head: 30, body: 10, tail: 0 });
    expect(vanguardHeavy.head).toBeGreaterThan(0.6);
    expect(vanguardHeavy.tail).toBeLessThan(0.05);
    expect(vanguardHeavy.head + vanguardHeavy.tail).toBeLessThan(1);
  });

  it("unknownPartAlternatives puts the median person behind a vanguard reading, ahead of a rear one", () => {
    const alts = unknownPartAlternatives([500, 520], { head: 0.2, tail: 0.1 }, 150, 80);
    expect(alts).toEqual([
      { weight: 0.2, kmRange: [350, 520] },
      { weight: 0.1, kmRange: [500, 600] },
    ]);
    expect(unknownPartAlternatives([500, 500], { head: 0, tail: 0 }, 150, 80)).toEqual([]);
  });

  it("a mixture keeps reports of the vanguard from dragging the median person ahead", () => {
    // A group staying at km 300 for 8 days; each day one report of it there and one 150 km
    // ahead (its vanguard, not said so).
    const obs = (alternatives: boolean): KmObservation[] =>
      Array.from({ length: 8 }, (_, k) => [
        { step: k, km: 300, sigmaKm: 50, outlier: 0.05 },
        {
          step: k,
          km: 450,
          sigmaKm: 50,
          outlier: 0.05,
          ...(alternatives
            ? {
                alternatives: unknownPartAlternatives(
                  [550, 550],
                  { head: 0.4, tail: 0.1 },
                  300,
                  50,
                ),
              }
            : {}),
        },
      ]).flat();
    const run = (alternatives: boolean) =>
      smoothKm({
        nDays: 8,
        routeLengthKm: 4000,
        observations: obs(alternatives),
        movement: defaultMovementModel(),
      }).days[4];
    const plain = run(false);
    const mixed = run(true);
    expect(plain.median).toBeGreaterThan(340);
    expect(Math.abs(mixed.median - 300)).toBeLessThan(Math.abs(plain.median - 300));
    expect(mixed.low).toBeLessThanOrEqual(300);
    expect(mixed.high).toBeGreaterThanOrEqual(300);
  });

  it("sidedShares leans a report far behind the day's others to the rear, far ahead to the vanguard", () => {
    const shares = { head: 0.2, tail: 0.1 };
    // Within one half-spread of the others, or not set among any: unchanged.
    expect(sidedShares(shares, 40, 50)).toEqual(shares);
    expect(sidedShares(shares, undefined, 50)).toEqual(shares);
    // Two half-spreads behind: the rear's odds × e (SIDE_SLOPE 1); body and vanguard keep their ratio.
    const behind = sidedShares(shares, -100, 50);
    expect(behind.tail).toBeCloseTo((0.1 * Math.E) / (0.1 * Math.E + 0.9), 12);
    expect(behind.head / (1 - behind.head - behind.tail)).toBeCloseTo(0.2 / 0.7, 12);
    // Far behind: the odds are capped.
    const far = sidedShares(shares, -1000, 50);
    expect(far.tail).toBeCloseTo((0.1 * SIDE_MAX_ODDS) / (0.1 * SIDE_MAX_ODDS + 0.9), 12);
    // Ahead: the vanguard rises, the rear falls.
    const ahead = sidedShares(shares, 300, 50);
    expect(ahead.head).toBeGreaterThan(0.6);
    expect(ahead.tail).toBeLessThan(0.1);
    expect(ahead.head + ahead.tail).toBeLessThan(1);
  });

  it("neighbourOffsets sets each report among the others of its own day only", () => {
    const at = (t: number, km: number): GroupPosition =>
      ({ s: { t }, km, off: 0 }) as unknown as GroupPosition;
    const offsets = neighbourOffsets({
      positions: [at(10.3, 500), at(10.5, 505), at(10.6, 495), at(10.9, 300), at(11.2, 800)],
    });
    // Day 10: others of the rear report at 300 are 495, 500, 505 (median 500).
    expect(offsets[3]).toBe(-200);
    // 500 among 505, 495, 300: median 495.
    expect(offsets[0]).toBe(5);
    // Day 11 has one report: not set among others (the next day's are not its neighbours).
    expect(offsets[4]).toBeUndefined();
    expect(offsets[1]).toBe(10);
    // Two others are enough, one is not.
    expect(neighbourOffsets({ positions: [at(3.1, 10), at(3.2, 20), at(3.4, 60)] })[2]).toBe(45);
    expect(neighbourOffsets({ positions: [at(3.1, 10), at(3.4, 60)] })).toEqual([
      undefined,
      undefined,
    ]);
  });

  it("kmObservations leans an unnamed report far behind the day's others to the rear (labelled only)", () => {
    const labelled = kmObservations(
      finalPass,
      shelterGroup(true, 1, () => 550),
    );
    const prior = partShares({ head: 0, body: 0, tail: 0 });
    const tail = tailAlternative(labelled, 550)!;
    expect(tail.weight).toBeGreaterThan(prior.tail);
    // It reaches at least back to the others' median, 250 km ahead.
    expect(tail.kmRange[1] - 550).toBeGreaterThanOrEqual(250);
    // The reports at the shelter are not leaned to the vanguard (they are not ahead of the others).
    expect(
      labelled
        .filter((o) => o.km === 800)
        .every((o) => !o.alternatives?.some((a) => a.weight > prior.head)),
    ).toBe(true);
    // An unlabelled group (the association's passes) reads it with the group's own shares, unleaned.
    const plain = tailAlternative(
      kmObservations(
        finalPass,
        shelterGroup(false, 1, () => 550),
      ),
      550,
    )!;
    expect(plain.weight).toBeCloseTo(prior.tail, 12);
    expect(plain.kmRange[1] - 550).toBeLessThan(250);
  });

  it("a rear report that names no part, leaned by its place, does not hold the median person back", () => {
    // Six days of the shelter group, its rear walking in 40 km a day; the same observations with
    // the rear's readings unleaned (as an unlabelled group's) against leaned (a labelled group's).
    const rear = (k: number) => 550 + 40 * k;
    const leaned = kmObservations(finalPass, shelterGroup(true, 6, rear));
    const unleaned = kmObservations(finalPass, shelterGroup(false, 6, rear));
    const run = (sided: boolean) =>
      smoothKm({
        nDays: 6,
        routeLengthKm: 4000,
        observations: sided
          ? leaned
          : leaned.map((o, i) => ({ ...o, alternatives: unleaned[i].alternatives })),
        movement: defaultMovementModel(),
      }).days[1];
    const plain = run(false);
    const sided = run(true);
    expect(800 - sided.median).toBeLessThan(800 - plain.median);
  });
});
