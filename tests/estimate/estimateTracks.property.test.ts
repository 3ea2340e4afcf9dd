import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { simulateWorld, worldOfDifficulty } from "../../src/estimate/simulate.ts";
import { isoDateToDay } from "../../src/estimate/time.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import { mulberry32 } from "../../src/util/random.ts";

describe("estimateTracks on any simulated world", () => {
  it("estimateTracks gives contiguous days per group, ordered intervals, km on the route, every sighting associated or left out", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, d) => {
          const world = simulateWorld({ ...worldOfDifficulty(d), days: 20 }, mulberry32(seed));
          const result = estimateTracks(world.dataset);
          const index = createRouteIndex(world.dataset.routes);
          const byGroup = new Map<string, number[]>();
          for (const t of result.tracks) {
            expect(t.kmLow).toBeLessThanOrEqual(t.km);
            expect(t.km).toBeLessThanOrEqual(t.kmHigh);
            expect(t.kmLow).toBeGreaterThanOrEqual(0);
            expect(t.kmHigh).toBeLessThanOrEqual(index.lengthKm(t.routeId) + 1e-6);
            if (Number.isFinite(t.size)) {
              expect(t.sizeLow).toBeLessThanOrEqual(t.size);
              expect(t.size).toBeLessThanOrEqual(t.sizeHigh);
            }
            const days = byGroup.get(t.group) ?? [];
            days.push(isoDateToDay(t.date) ?? NaN);
            byGroup.set(t.group, days);
          }
          for (const days of byGroup.values()) {
            for (let i = 1; i < days.length; i++) expect(days[i]).toBe(days[i - 1] + 1);
          }
          const accounted = new Set([
            ...result.report.associations.map((a) => a.sightingId),
            ...result.report.leftOut.map((l) => l.sightingId),
          ]);
          for (const s of world.dataset.sightings) expect(accounted.has(s.id ?? "")).toBe(true);
        },
      ),
      { numRuns: 8 },
    );
  });
});
