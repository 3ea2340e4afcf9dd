import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantileSorted } from "../../src/util/quantiles.ts";
import { DayHistograms, StreamingQuantiles } from "../../src/scenario/streamingQuantiles.ts";
import { mulberry32 } from "../../src/util/random.ts";

/** Feeds a run-major table into a StreamingQuantiles, one run at a time. */
function stream(values: number[][], pilot: number, bins?: number) {
  const cells = values[0]!.length;
  const q = new StreamingQuantiles(cells, values.length, pilot, bins);
  for (const run of values) {
    q.addSlice(Int32Array.from(run), 0, 0, cells);
    q.endRun();
  }
  return q;
}

const exact = (values: number[][], cell: number, p: number) =>
  quantileSorted(
    values.map((run) => run[cell]!).sort((a, b) => a - b),
    p,
  );

describe("StreamingQuantiles", () => {
  it("is exact (type 7) while the runs fit the block", () => {
    const random = mulberry32(3);
    const values = Array.from({ length: 50 }, () =>
      Array.from({ length: 4 }, () => Math.floor(random() * 10000)),
    );
    const q = stream(values, 64).quantiles();
    for (let cell = 0; cell < 4; cell++) {
      expect(q.p10[cell]).toBeCloseTo(exact(values, cell, 0.1), 9);
      expect(q.p50[cell]).toBeCloseTo(exact(values, cell, 0.5), 9);
      expect(q.p90[cell]).toBeCloseTo(exact(values, cell, 0.9), 9);
    }
  });

  it("is exact beyond the block when a cell's values span fewer people than its bins", () => {
    const random = mulberry32(5);
    const values = Array.from({ length: 2000 }, () => [
      100 + Math.floor(random() * 60),
      7,
      Math.floor(random() * 3),
    ]);
    const q = stream(values, 32).quantiles();
    for (let cell = 0; cell < 3; cell++)
      for (const [p, got] of [
        [0.1, q.p10],
        [0.5, q.p50],
        [0.9, q.p90],
      ] as const)
        expect(got[cell]).toBeCloseTo(exact(values, cell, p), 9);
  });

  it("widens a cell's bins for later runs far outside the first block's range", () => {
    const values = Array.from({ length: 400 }, (_, run) => [run < 200 ? 0 : 1000 + (run % 7)]);
    const q = stream(values, 64).quantiles();
    expect(q.p10[0]).toBe(0);
    expect(Math.abs(q.p90[0]! - exact(values, 0, 0.9))).toBeLessThanOrEqual(16);
  });

  it("stays within one bin width of the exact quantile beyond the block (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 100, max: 1_000_000 }),
        fc.integer({ min: 33, max: 600 }),
        (seed, scale, runs) => {
          const random = mulberry32(seed);
          // A skewed, lumpy distribution: some runs zero, the others log-uniform.
          const values = Array.from({ length: runs }, () => [
            random() < 0.2 ? 0 : Math.floor(scale * Math.exp(-3 * random())),
          ]);
          const s = stream(values, 32, 128);
          const q = s.quantiles();
          const sorted = values.map((v) => v[0]!).sort((a, b) => a - b);
          const range = sorted[runs - 1]! - sorted[0]!;
          const width = s.resolution(0);
          // One bin: at most 2.5 % of the range of the values (or 1 person: exact).
          expect(width).toBeLessThanOrEqual(Math.max(1, Math.ceil((2.5 * (range + 1)) / 128) * 2));
          for (const [p, got] of [
            [0.1, q.p10],
            [0.5, q.p50],
            [0.9, q.p90],
          ] as const) {
            const want = quantileSorted(sorted, p);
            const error = Math.abs(got[0]! - want);
            if (width === 1) expect(error).toBeLessThan(1e-9);
            else expect(error).toBeLessThanOrEqual(width);
            expect(got[0]!).toBeGreaterThanOrEqual(sorted[0]!);
            expect(got[0]!).toBeLessThanOrEqual(sorted[runs - 1]!);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("holds the same memory for 1,000 and for 10,000 runs", () => {
    const bytes = (runs: number) => {
      const q = new StreamingQuantiles(500, runs, 64);
      const row = new Int32Array(500);
      for (let run = 0; run < runs; run++) {
        row.fill(run % 97);
        q.addSlice(row, 0, 0, 500);
        q.endRun();
      }
      return q.bytes;
    };
    expect(bytes(10_000)).toBe(bytes(1000));
  });
});

describe("DayHistograms", () => {
  it("gives the type-7 quantiles of days, Infinity meaning 'did not happen'", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 29 }), fc.constant(Infinity)), {
          minLength: 1,
          maxLength: 60,
        }),
        (days) => {
          const h = new DayHistograms(1, 30);
          for (const d of days) h.add(0, d);
          const sorted = [...days].sort((a, b) => a - b);
          for (const p of [0.1, 0.5, 0.9]) expect(h.quantile(0, p)).toBe(quantileSorted(sorted, p));
          expect(h.happened(0)).toBe(days.filter((d) => d !== Infinity).length / days.length);
        },
      ),
    );
  });
});
