/**
 * The forecast's joint runs (src/forecast/jointRuns.ts), tested directly: the head moves in the
 * median person's runs with the day's common draws, never behind it, and each point's own law is the
 * movement law (the head's runs are a lone group's runs wherever the floor cannot bind).
 */
import { describe, expect, it } from "vitest";
import { simulateRuns } from "../../src/forecast/jointRuns.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { dayQuantile, kmStart, runsGroup } from "./runsFixture.ts";

const STEPS = 14;
const DYNAMICS = { attritionPerDay: 0.01, joinLeaveProb: 0.03, startSpread: 1 };
const WALK = { rest: 0, walk: 1, ride: 0 };
const REST = { rest: 1, walk: 0, ride: 0 };
const RIDE = { rest: 0, walk: 0, ride: 1 };

describe("simulateRuns (the forecast's joint runs)", () => {
  it("never has the head behind the median person, and the floor binds where the head's interval reaches further back", () => {
    // Head 20 km ahead at the median, but its interval reaches 400 km back against the body's 50:
    // at the same draw z the head's own start is behind the body's for z < −20·1.645/350 ≈ −0.09.
    const g = runsGroup(kmStart(1000, 50), REST, {
      km: { median: 1020, low: 620, high: 1420 },
      regime: RIDE,
    });
    const runs = 4000;
    const sim = simulateRuns(g, STEPS, runs, mulberry32(3), DYNAMICS);
    const head = sim.head!;
    let behind = 0;
    for (let i = 0; i < sim.km.length; i++) if (head[i]! < sim.km[i]!) behind++;
    expect(behind).toBe(0);
    let floored = 0;
    for (let r = 0; r < runs; r++) if (head[r * (STEPS + 1)] === sim.km[r * (STEPS + 1)]) floored++;
    // P(z < −0.094) ≈ 46 %.
    expect(floored / runs).toBeGreaterThan(0.42);
    expect(floored / runs).toBeLessThan(0.5);
  });

  it("moves head and median person with common draws: in one regime the offset stays in every run", () => {
    // Point starts (sd 0.5 km), both walking: same regime every day, same moves.
    const g = runsGroup(kmStart(100), WALK, { km: kmStart(300), regime: WALK });
    const sim = simulateRuns(g, STEPS, 500, mulberry32(4), { ...DYNAMICS, startSpread: 0 });
    const width = STEPS + 1;
    let minLead = Infinity;
    let maxDrift = 0;
    for (let r = 0; r < 500; r++) {
      const lead = sim.head![r * width]! - sim.km[r * width]!;
      minLead = Math.min(minLead, lead);
      for (let k = 1; k <= STEPS; k++) {
        const drift = Math.abs(sim.head![r * width + k]! - sim.km[r * width + k]! - lead);
        maxDrift = Math.max(maxDrift, drift);
      }
    }
    expect(minLead).toBeGreaterThan(197);
    expect(maxDrift).toBeLessThan(1e-6);
    // …and the runs do spread (they are not one run repeated).
    expect(
      dayQuantile(sim.km, STEPS, STEPS, 0.9) - dayQuantile(sim.km, STEPS, STEPS, 0.1),
    ).toBeGreaterThan(100);
  });

  it("without a head gives no head array and the same median-person runs as with one", () => {
    const head = { km: { median: 1100, low: 1000, high: 1300 }, regime: RIDE };
    const without = simulateRuns(
      runsGroup(kmStart(1000, 50), WALK),
      STEPS,
      300,
      mulberry32(5),
      DYNAMICS,
    );
    const withHead = simulateRuns(
      runsGroup(kmStart(1000, 50), WALK, head),
      STEPS,
      300,
      mulberry32(5),
      DYNAMICS,
    );
    expect(without.head).toBeUndefined();
    expect(withHead.head).toBeDefined();
    // The head takes no draws of its own: adding it leaves the median person's runs and sizes as they were.
    expect(Array.from(withHead.km)).toEqual(Array.from(without.km));
    expect(Array.from(withHead.size)).toEqual(Array.from(without.size));
  });

  it("gives the head the law of a lone group from the head's start where the floor cannot bind", () => {
    // Head 800 km ahead of the median person: its interval never reaches back to the body's.
    const headKm = { median: 1800, low: 1500, high: 2300 };
    const g = runsGroup(kmStart(1000, 100), WALK, { km: headKm, regime: RIDE });
    const runs = 20_000;
    const joint = simulateRuns(g, STEPS, runs, mulberry32(7), DYNAMICS);
    const alone = simulateRuns(
      runsGroup({ ...headKm, mean: 1800, sd: 300 }, RIDE),
      STEPS,
      runs,
      mulberry32(8),
      DYNAMICS,
    );
    let floored = 0;
    for (let i = 0; i < joint.km.length; i++) if (joint.head![i] === joint.km[i]) floored++;
    expect(floored).toBe(0);
    for (const k of [1, 7, 14]) {
      for (const p of [0.1, 0.5, 0.9]) {
        const j = dayQuantile(joint.head!, STEPS, k, p);
        const a = dayQuantile(alone.km, STEPS, k, p);
        // Monte Carlo noise over 20,000 runs: well under 2 % of the km here.
        expect(Math.abs(j - a) / a, `day ${k}, p${p * 100}`).toBeLessThan(0.02);
      }
    }
  });
});
