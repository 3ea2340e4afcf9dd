import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { DATE_ONLY_REPORT_HOUR } from "../../src/movement/index.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { at, dataset, day, on } from "./corridor.ts";

/**
 * A group walking 40 km a day from km 100 on 10 Oct, seen at noon on the 10th–12th and 16th–18th,
 * and on the 14th at `day14`, km `km14`.
 */
function walk(day14: string, km14: number): Sighting[] {
  const out: Sighting[] = [];
  for (const d of [10, 11, 12, 14, 16, 17, 18]) {
    const observedAt = d === 14 ? day14 : `${day(d)}T12:00`;
    const km = d === 14 ? km14 : 100 + 40 * (d - 10);
    out.push({ id: `r${d}`, observedAt, ...at(km), caravanLabel: "A", sourceType: "media" });
  }
  return out;
}

describe("time of day of a report in the estimator (src/movement/withinDay.ts)", () => {
  it("reads a date-only report as one made at DATE_ONLY_REPORT_HOUR (the check reads it so too)", () => {
    const hour = `T${String(DATE_ONLY_REPORT_HOUR).padStart(2, "0")}:00`;
    const dateOnly = estimateTracks(dataset(walk(day(14), 290))).tracks;
    const timed = estimateTracks(dataset(walk(`${day(14)}${hour}`, 290))).tracks;
    for (let d = 10; d <= 18; d++) {
      expect(on(dateOnly, d).km).toBeCloseTo(on(timed, d).km, 6);
      expect(on(dateOnly, d).kmHigh).toBeCloseTo(on(timed, d).kmHigh, 6);
    }
  });

  it("reads a predawn report as where the group slept: behind the same report read at noon", () => {
    // Day 14's report at the km of the 14th's noon, made at 04:00 (before the day's move) or 12:00.
    const predawn = estimateTracks(dataset(walk(`${day(14)}T04:00`, 260))).tracks;
    const noon = estimateTracks(dataset(walk(`${day(14)}T12:00`, 260))).tracks;
    // Seen at km 260 before setting out, the group is ahead of 260 by noon.
    expect(on(predawn, 14).km).toBeGreaterThan(on(noon, 14).km + 5);
    expect(on(noon, 14).km).toBeCloseTo(260, -1);
  });
});
