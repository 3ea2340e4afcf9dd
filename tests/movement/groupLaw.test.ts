/**
 * One composition of "the group's own law" (one law, so the two readers cannot drift apart): the estimator's per-group law and a
 * reader of report.groupMovement (the held days of an estimate read back) both make it with
 * groupLaw (src/movement/law.ts).
 */
import { describe, expect, it } from "vitest";
import { carryTracks, embedded2018, estimateTracks, groupLaw } from "../../src/index.ts";
import { defaultMovementModel } from "../../src/movement/index.ts";

describe("groupLaw", () => {
  it("is the pooled law with the group's own regime shares and walking pace", () => {
    const pooled = defaultMovementModel();
    const own = { regimes: { rest: 0.3, walk: 0.6, ride: 0.1 }, walkKm: { mean: 31, sd: 7 } };
    const law = groupLaw(pooled, own);
    expect(law).toEqual({ ...pooled, ...own });
    expect(law.rideKm).toBe(pooled.rideKm);
    expect(pooled.walkKm).not.toEqual(own.walkKm);
  });

  it("is the law the estimator smoothed each labelled group with, up to report.json's rounding", () => {
    const est = estimateTracks(embedded2018());
    const own = new Map(est.report.groupMovement.map((g) => [g.group, g]));
    let checked = 0;
    for (const s of est.state) {
      const g = own.get(s.group);
      if (!g) continue;
      const remade = groupLaw(est.report.movement, g);
      expect(remade.persistence).toBe(s.trackMovement.persistence);
      expect(remade.rideKm).toEqual(s.trackMovement.rideKm);
      expect(remade.walkKm.mean).toBeCloseTo(s.trackMovement.walkKm.mean, 3);
      expect(remade.regimes.ride).toBeCloseTo(s.trackMovement.regimes.ride, 3);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
    // Held days of the estimate read back without the estimator's state (report only) come out
    // within report.json's rounding of the state's.
    const full = carryTracks(est, embedded2018(), "2018-11-25");
    const readBack = carryTracks(
      { tracks: est.tracks, report: est.report },
      embedded2018(),
      "2018-11-25",
    );
    const held = (ps: typeof full) => ps.filter((p) => p.heldAfterData);
    expect(held(readBack).length).toBe(held(full).length);
    held(full).forEach((p, i) => expect(Math.abs(held(readBack)[i]!.km - p.km)).toBeLessThan(5));
  });
});
