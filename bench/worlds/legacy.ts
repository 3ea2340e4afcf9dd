/**
 * Worlds of the library's own simulator (src/estimate/simulate.ts), in the scorer's shape, so the
 * bench scores the estimator on both simulators with one yardstick. Its groups are points (no
 * head or tail); every third world has its labels removed, for the groups-found goal.
 */
import { mulberry32, simulateWorld, worldOfDifficulty } from "../../src/index.ts";
import type { ScorableWorld } from "./truth.ts";

/**
 * World `i` of `n` (difficulty i / (n - 1), seed 1000 + i, as bench/accuracy.bench.ts draws them;
 * `seedOffset` draws other worlds of the same difficulties).
 * @example
 * legacyWorld(0, 50).truth.length; // groups of the easiest world
 */
export function legacyWorld(i: number, n: number, seedOffset = 0): ScorableWorld {
  const difficulty = n <= 1 ? 0.5 : i / (n - 1);
  const world = simulateWorld(worldOfDifficulty(difficulty), mulberry32(1000 + i + seedOffset));
  const labelled = i % 3 !== 2;
  const sightings = labelled
    ? world.dataset.sightings
    : world.dataset.sightings.map((s) => {
        const copy = { ...s };
        delete copy.caravanLabel;
        return copy;
      });
  return {
    name: `simulate.ts #${i}`,
    dataset: { ...world.dataset, sightings },
    truth: world.truth.map((g) => ({
      group: g.group,
      routeId: g.routeId,
      days: g.days.map((d) => ({ date: d.date, km: d.km, size: d.size })),
    })),
    sightingGroup: world.sightingGroup,
    labelled,
  };
}
