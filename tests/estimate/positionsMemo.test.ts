import { describe, expect, it } from "vitest";
import { PositionsMemo, hashOf } from "../../src/estimate/positionsMemo.ts";
import { positionsCost } from "../../src/estimate/positionsFit.ts";
import { DEFAULT_COST_MODEL } from "../../src/estimate/trackCost.ts";
import { mulberry32 } from "../../src/util/random.ts";

const model = { ...DEFAULT_COST_MODEL, spreadKm: 10 };

/** A random forward-drifting list of `n` km (some stragglers) and weights (some 0.5). */
function randomList(random: () => number, n: number): { km: Float64Array; weight: Float64Array } {
  const km = new Float64Array(n);
  const weight = new Float64Array(n);
  let at = random() * 500;
  for (let k = 0; k < n; k++) {
    at += random() * 40;
    km[k] = random() < 0.1 ? at - 200 * random() : at;
    weight[k] = random() < 0.3 ? 0.5 : 1;
  }
  return { km, weight };
}

describe("PositionsMemo", () => {
  it("gives positionsCost of every list, bit for bit, whether fitted or read back", () => {
    const random = mulberry32(41);
    const memo = new PositionsMemo();
    const lists = Array.from({ length: 60 }, () =>
      randomList(random, 1 + Math.floor(random() * 60)),
    );
    for (let round = 0; round < 3; round++)
      for (const { km, weight } of lists) {
        // Longer buffers than the list (as routeCost's): only the first n values count.
        const n = km.length;
        const kmBuf = new Float64Array(n + 5).fill(7);
        const wBuf = new Float64Array(n + 5).fill(3);
        kmBuf.set(km);
        wBuf.set(weight);
        expect(memo.cost(kmBuf, wBuf, n, model)).toBe(positionsCost(km, weight, n, model));
      }
    expect(memo.misses).toBe(60);
    expect(memo.hits).toBe(120);
  });

  it("fits again a list that differs in one km, one weight, its length or the sign of a zero", () => {
    const memo = new PositionsMemo();
    const km = new Float64Array([0, 10, 30, 45]);
    const weight = new Float64Array([1, 1, 0.5, 1]);
    const base = memo.cost(km, weight, 4, model);
    expect(memo.misses).toBe(1);
    const moved = Float64Array.from(km);
    moved[2] = 31;
    expect(memo.cost(moved, weight, 4, model)).toBe(positionsCost(moved, weight, 4, model));
    const lighter = Float64Array.from(weight);
    lighter[3] = 0.5;
    expect(memo.cost(km, lighter, 4, model)).toBe(positionsCost(km, lighter, 4, model));
    expect(memo.cost(km, weight, 3, model)).toBe(positionsCost(km, weight, 3, model));
    const negZero = Float64Array.from(km);
    negZero[0] = -0;
    expect(hashOf(negZero, weight, 4)).not.toBe(hashOf(km, weight, 4));
    memo.cost(negZero, weight, 4, model);
    expect(memo.misses).toBe(5);
    expect(memo.cost(km, weight, 4, model)).toBe(base);
  });

  it("forgets its lists under another model", () => {
    const memo = new PositionsMemo();
    const km = new Float64Array([5, 20, 18, 60]);
    const weight = new Float64Array([1, 1, 1, 1]);
    memo.cost(km, weight, 4, model);
    const wide = { ...model, spreadKm: 40 };
    expect(memo.cost(km, weight, 4, wide)).toBe(positionsCost(km, weight, 4, wide));
    expect(memo.hits).toBe(0);
    expect(memo.misses).toBe(2);
  });

  it("fits again a list whose 32-bit hash is another list's (a collision)", () => {
    // Two lists with the same hash (found by brute force): only the value check tells them apart.
    const weight = new Float64Array([1, 1]);
    const a = new Float64Array([1000, 967.841499999]);
    const b = new Float64Array([1000, 994.941499997]);
    expect(hashOf(a, weight, 2)).toBe(hashOf(b, weight, 2));
    const costA = positionsCost(a, weight, 2, model);
    const costB = positionsCost(b, weight, 2, model);
    expect(costB).not.toBe(costA);
    const memo = new PositionsMemo();
    expect(memo.cost(a, weight, 2, model)).toBe(costA);
    expect(memo.cost(b, weight, 2, model)).toBe(costB);
    expect(memo.misses).toBe(2);
    expect(memo.hits).toBe(0);
    expect(memo.cost(b, weight, 2, model)).toBe(costB);
    expect(memo.hits).toBe(1);
  });

  it("holds at most its budget of doubles, and keeps no list longer than the budget", () => {
    const random = mulberry32(7);
    const budget = 200;
    const memo = new PositionsMemo(budget);
    const lists = Array.from({ length: 40 }, () =>
      randomList(random, 1 + Math.floor(random() * 30)),
    );
    for (let round = 0; round < 2; round++)
      for (const { km, weight } of lists) {
        expect(memo.cost(km, weight, km.length, model)).toBe(
          positionsCost(km, weight, km.length, model),
        );
        expect(memo.held).toBeLessThanOrEqual(budget);
        expect(memo.held).toBeGreaterThan(0);
      }
    // Fewer read-backs than an unbounded memo (40), but some: the budget empties the memo.
    expect(memo.hits).toBeLessThan(40);
    const long = randomList(random, 101);
    const before = memo.held;
    expect(memo.cost(long.km, long.weight, 101, model)).toBe(
      positionsCost(long.km, long.weight, 101, model),
    );
    expect(memo.held).toBe(before);
    const hits = memo.hits;
    memo.cost(long.km, long.weight, 101, model);
    expect(memo.hits).toBe(hits);
  });

  it("reads back the lists still in its arena after it wraps, and fits again those written over", () => {
    // Lists of 10 (20 doubles each) in an arena of 100 doubles: five fit; the sixth wraps it.
    const memo = new PositionsMemo(100);
    const random = mulberry32(3);
    const lists = Array.from({ length: 8 }, () => randomList(random, 10));
    const cost = (k: number): number => memo.cost(lists[k].km, lists[k].weight, 10, model);
    for (let k = 0; k < 5; k++) cost(k);
    expect(memo.misses).toBe(5);
    expect(memo.held).toBe(100);
    // The sixth and seventh overwrite the first two lists' doubles; the other three are intact.
    cost(5);
    cost(6);
    expect(memo.misses).toBe(7);
    expect(memo.held).toBeLessThanOrEqual(100);
    for (const k of [2, 3, 4, 5, 6])
      expect(cost(k)).toBe(positionsCost(lists[k].km, lists[k].weight, 10, model));
    expect(memo.hits).toBe(5);
    for (const k of [0, 1])
      expect(cost(k)).toBe(positionsCost(lists[k].km, lists[k].weight, 10, model));
    expect(memo.misses).toBe(9);
    // Those two fits wrote over the third and fourth lists: the fifth is read back, the third
    // fitted again (and written over the fifth).
    cost(4);
    expect(memo.hits).toBe(6);
    cost(2);
    expect(memo.misses).toBe(10);
    cost(4);
    expect(memo.misses).toBe(11);
  });
});
