/**
 * The development option `regimeHold` of the forecast's runs (src/forecast/jointRuns.ts, fc26):
 * the start regime persists longer on the first days, decaying to the law's own chain; absent, the
 * runs are the law's draw for draw.
 */
import { describe, expect, it } from "vitest";
import { heldChains, simulateRuns } from "../../src/forecast/jointRuns.ts";
import { cachedRegimeTransitions, defaultMovementModel } from "../../src/movement/index.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { kmStart, runsGroup } from "./runsFixture.ts";

const DYNAMICS = { attritionPerDay: 0.01, joinLeaveProb: 0.03, startSpread: 1 };
const RIDE = { rest: 0, walk: 0, ride: 1 };

describe("regimeHold (the start regime held longer, decaying)", () => {
  it("raises the chain's persistence by share × 2^(−(k−1)/halfLife) and returns to the law's chain", () => {
    const law = defaultMovementModel();
    const P = cachedRegimeTransitions(law);
    const chains = heldChains(law, P, 20, { share: 0.5, halfLifeDays: 1 });
    const stay = (k: number) => chains[k - 1]![2]![2]!;
    const p = law.persistence;
    const expected = (k: number) => {
      const q = p + (1 - p) * 0.5 * 2 ** -(k - 1);
      return q + (1 - q) * law.regimes.ride;
    };
    expect(stay(1)).toBeCloseTo(expected(1), 12);
    expect(stay(2)).toBeCloseTo(expected(2), 12);
    expect(stay(1)).toBeGreaterThan(stay(2));
    expect(stay(2)).toBeGreaterThan(P[2]![2]!);
    // 0.5 · 2^−9 < 1e-3: day 10 on is the law's own chain.
    expect(chains[9]).toBe(P);
    for (const row of chains[0]!) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // Without a hold every day is the law's chain.
    expect(heldChains(law, P, 5, undefined).every((c) => c === P)).toBe(true);
  });

  it("leaves the runs draw for draw without it, and a full first-day hold keeps every riding start riding on day 1", () => {
    const g = runsGroup(kmStart(100), RIDE);
    const a = simulateRuns(g, 10, 300, mulberry32(7), DYNAMICS);
    const b = simulateRuns(g, 10, 300, mulberry32(7), { ...DYNAMICS, regimeHold: undefined });
    expect(Array.from(b.km)).toEqual(Array.from(a.km));
    const held = simulateRuns(g, 10, 300, mulberry32(7), {
      ...DYNAMICS,
      regimeHold: { share: 1, halfLifeDays: 0.01 },
    });
    const law = g.movement;
    let below = 0;
    for (let r = 0; r < 300; r++) {
      const move = held.km[r * 11 + 1]! - held.km[r * 11]!;
      if (move < law.rideKm.min - 1e-9) below++;
    }
    expect(below).toBe(0);
    let lawBelow = 0;
    for (let r = 0; r < 300; r++)
      if (a.km[r * 11 + 1]! - a.km[r * 11]! < law.rideKm.min) lawBelow++;
    expect(lawBelow).toBeGreaterThan(50);
  });
});
