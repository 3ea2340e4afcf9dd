/**
 * One movement model: the forecast's joint runs (src/forecast/jointRuns.ts: all of a day's draws at
 * once, `drawDay`) and the simulator's `stepGroup` (only the draws the regime needs) apply the same
 * laws of move and size. Their draw streams differ, so the check is on the law: day-k quantiles over
 * 20,000 runs of each.
 */
import { describe, expect, it } from "vitest";
import { simulateRuns } from "../../src/forecast/jointRuns.ts";
import { defaultMovementModel, stepGroup } from "../../src/movement/index.ts";
import type { GroupDayState } from "../../src/movement/index.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { dayQuantile, kmStart, runsGroup } from "../forecast/runsFixture.ts";

const RUNS = 20_000;
const STEPS = 14;
// Strong size dynamics, so that a change to the size law in one path shows within 14 days.
const DYNAMICS = { attritionPerDay: 0.03, joinLeaveProb: 0.1 };

/** `stepGroup`'s runs from 100 km, walking, 3,000 people, as run-major km and size arrays. */
function stepGroupRuns(seed: number): { km: Float64Array; size: Float64Array } {
  const random = mulberry32(seed);
  const movement = defaultMovementModel();
  const width = STEPS + 1;
  const km = new Float64Array(RUNS * width);
  const size = new Float64Array(RUNS * width);
  for (let r = 0; r < RUNS; r++) {
    let state: GroupDayState = { km: 100, size: 3000, regime: "walk" };
    for (let k = 0; k <= STEPS; k++) {
      if (k > 0) state = stepGroup(state, movement, 1_000_000, random, DYNAMICS);
      km[r * width + k] = state.km;
      size[r * width + k] = state.size;
    }
  }
  return { km, size };
}

describe("one movement model: stepGroup and the forecast's runs", () => {
  it("give the same day-k quantiles of km and size (a group without a head)", () => {
    const walking = runsGroup(kmStart(100), { rest: 0, walk: 1, ride: 0 });
    // startSpread 0: the runs start within about ±1 km of 100 km (sd 0.5 km), as stepGroup's at 100.
    const joint = simulateRuns(walking, STEPS, RUNS, mulberry32(11), {
      ...DYNAMICS,
      startSpread: 0,
    });
    const alone = stepGroupRuns(12);
    expect(joint.head).toBeUndefined();
    for (const k of [1, 3, 7, 14]) {
      for (const p of [0.1, 0.5, 0.9]) {
        const jk = dayQuantile(joint.km, STEPS, k, p) - 100;
        const ak = dayQuantile(alone.km, STEPS, k, p) - 100;
        // Monte Carlo noise of a quantile over 20,000 runs: up to about 6 km (3 %) where the runs
        // are sparse (p90 of the first days, inside the ride range); 8 % or 3 km allowed. A walk
        // 10 % longer or a long ride twice as likely fails.
        expect(Math.abs(jk - ak), `km moved, day ${k}, p${p * 100}`).toBeLessThanOrEqual(
          Math.max(3, 0.08 * ak),
        );
        const js = dayQuantile(joint.size, STEPS, k, p);
        const as = dayQuantile(alone.size, STEPS, k, p);
        expect(Math.abs(js - as) / as, `size, day ${k}, p${p * 100}`).toBeLessThan(0.015);
      }
    }
  });
});
