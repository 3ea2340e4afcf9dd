import { describe, expect, it } from "vitest";
import { PositionsMemo, hashOf } from "../../src/estimate/positionsMemo.ts";
import { positionsCost } from "../../src/estimate/positionsFit.ts";
import { DEFAULT_COST_MODEL } from "../../src/estimate/trackCost.ts";
import { mulberry32 } from "../../src/util/random.ts";

const model = { ...DEFAULT_COST_MODEL, spreadKm: 10 };

/**
 * A table of `rows` reports on `columns` routes: the km and weight of each row on each column
 * (a forward drift with some stragglers; some weights 0.5), as a report table fixes them.
 */
function randomTable(random: () => number, rows: number, columns: number) {
  const km: number[][] = [];
  const weight: number[] = [];
  let at = random() * 500;
  for (let i = 0; i < rows; i++) {
    at += random() * 10;
    const x = random() < 0.1 ? at - 200 * random() : at;
    km.push(Array.from({ length: columns }, (_, c) => x + 40 * c));
    weight.push(random() < 0.3 ? 0.5 : 1);
  }
  return { km, weight };
}

/** A random list of rows of a table of `rows` (in row order, as a time-sorted list). */
function randomRows(random: () => number, rows: number, n: number): Int32Array {
  const picked = new Set<number>();
  while (picked.size < n) picked.add(Math.floor(random() * rows));
  return Int32Array.from([...picked].sort((a, b) => a - b));
}

/** The km and weights of `rows` on `column`, in longer buffers (as routeCost's: only n count). */
function valuesOf(table: ReturnType<typeof randomTable>, column: number, rows: Int32Array) {
  const n = rows.length;
  const km = new Float64Array(n + 5).fill(7);
  const weight = new Float64Array(n + 5).fill(3);
  rows.forEach((i, k) => {
    km[k] = table.km[i][column];
    weight[k] = table.weight[i];
  });
  return { km, weight, n };
}

describe("PositionsMemo", () => {
  it("gives positionsCost of every list, bit for bit, whether fitted or read back", () => {
    const random = mulberry32(41);
    const table = randomTable(random, 200, 2);
    const memo = new PositionsMemo();
    const lists = Array.from({ length: 60 }, (_, k) => ({
      column: k % 2,
      rows: randomRows(random, 200, 1 + Math.floor(random() * 60)),
    }));
    for (let round = 0; round < 3; round++)
      for (const { column, rows } of lists) {
        const { km, weight, n } = valuesOf(table, column, rows);
        // Longer row buffers than the list, too.
        const rowBuf = new Int32Array(n + 3).fill(199);
        rowBuf.set(rows);
        expect(memo.cost(column, rowBuf, km, weight, n, model)).toBe(
          positionsCost(km, weight, n, model),
        );
      }
    expect(memo.misses).toBe(60);
    expect(memo.hits).toBe(120);
  });

  it("fits again a list that differs in one row, its length or its column", () => {
    const random = mulberry32(5);
    const table = randomTable(random, 50, 2);
    const memo = new PositionsMemo();
    const rows = Int32Array.of(3, 8, 20, 31);
    const at = (column: number, r: Int32Array) => {
      const { km, weight, n } = valuesOf(table, column, r);
      const cost = memo.cost(column, r, km, weight, n, model);
      expect(cost).toBe(positionsCost(km, weight, n, model));
      return cost;
    };
    const base = at(0, rows);
    expect(memo.misses).toBe(1);
    at(0, Int32Array.of(3, 8, 21, 31));
    at(0, rows.subarray(0, 3));
    at(1, rows);
    expect(memo.misses).toBe(4);
    expect(at(0, rows)).toBe(base);
    expect(memo.hits).toBe(1);
    expect(hashOf(1, rows, 4)).not.toBe(hashOf(0, rows, 4));
  });

  it("forgets its lists under another model", () => {
    const memo = new PositionsMemo();
    const rows = Int32Array.of(0, 1, 2, 3);
    const km = new Float64Array([5, 20, 18, 60]);
    const weight = new Float64Array([1, 1, 1, 1]);
    memo.cost(0, rows, km, weight, 4, model);
    const wide = { ...model, spreadKm: 40 };
    expect(memo.cost(0, rows, km, weight, 4, wide)).toBe(positionsCost(km, weight, 4, wide));
    expect(memo.hits).toBe(0);
    expect(memo.misses).toBe(2);
  });

  it("fits again a list whose 32-bit hash is another list's (a collision)", () => {
    // Two lists of rows with the same hash (found by search): only the row check tells them apart.
    const [a, b] = collision();
    expect(hashOf(0, a, a.length)).toBe(hashOf(0, b, b.length));
    const kmA = Float64Array.from(a, (i) => 10 * i);
    const kmB = Float64Array.from(b, (i) => 10 * i);
    const weight = new Float64Array(a.length).fill(1);
    const costA = positionsCost(kmA, weight, a.length, model);
    const costB = positionsCost(kmB, weight, b.length, model);
    const memo = new PositionsMemo();
    expect(memo.cost(0, a, kmA, weight, a.length, model)).toBe(costA);
    expect(memo.cost(0, b, kmB, weight, b.length, model)).toBe(costB);
    expect(memo.misses).toBe(2);
    expect(memo.hits).toBe(0);
    expect(memo.cost(0, b, kmB, weight, b.length, model)).toBe(costB);
    expect(memo.hits).toBe(1);
  });

  it("holds at most its budget of integers, and keeps no list longer than the budget", () => {
    const random = mulberry32(7);
    const table = randomTable(random, 300, 1);
    const budget = 100;
    const memo = new PositionsMemo(budget);
    const lists = Array.from({ length: 40 }, () =>
      randomRows(random, 300, 1 + Math.floor(random() * 30)),
    );
    for (let round = 0; round < 2; round++)
      for (const rows of lists) {
        const { km, weight, n } = valuesOf(table, 0, rows);
        expect(memo.cost(0, rows, km, weight, n, model)).toBe(positionsCost(km, weight, n, model));
        expect(memo.held).toBeLessThanOrEqual(budget);
        expect(memo.held).toBeGreaterThan(0);
      }
    // Fewer read-backs than an unbounded memo (40), but some: the budget empties the memo.
    expect(memo.hits).toBeLessThan(40);
    const long = randomRows(random, 300, 101);
    const { km, weight } = valuesOf(table, 0, long);
    const before = memo.held;
    expect(memo.cost(0, long, km, weight, 101, model)).toBe(positionsCost(km, weight, 101, model));
    expect(memo.held).toBe(before);
    const hits = memo.hits;
    memo.cost(0, long, km, weight, 101, model);
    expect(memo.hits).toBe(hits);
  });
});

/** Two different 3-row lists (rows below 4,096) with one 32-bit hash on column 0. */
function collision(): [Int32Array, Int32Array] {
  const seen = new Map<number, Int32Array>();
  const random = mulberry32(11);
  for (;;) {
    const rows = Int32Array.of(
      Math.floor(random() * 4096),
      Math.floor(random() * 4096),
      Math.floor(random() * 4096),
    );
    const h = hashOf(0, rows, 3);
    const other = seen.get(h);
    if (other && other.some((x, k) => x !== rows[k])) return [other, rows];
    seen.set(h, rows);
  }
}
