import { describe, expect, it } from "vitest";
import { prepareReplay } from "../../viewer/data/prepare.ts";
import { computeFrame, layoutReplay } from "../../viewer/map/frame.ts";
import type { Project } from "../../viewer/map/frame.ts";
import { fixtureDataset } from "./fixture.ts";

// Plate carrée scaled to pixels: enough to test the frame logic without d3-geo.
const project: Project = ([lon, lat]) => [(lon + 120) * 20, (35 - lat) * 20];
const layout = layoutReplay(prepareReplay({ dataset: fixtureDataset() }), project, 800, 600);

describe("computeFrame", () => {
  it("computeFrame(layout, t) shows a group only from half a day before its first estimate to half a day after its last", () => {
    const ids = (t: number) => computeFrame(layout, t).groups.map((g) => g.id);
    expect(ids(0)).toEqual(["A"]);
    expect(ids(15.9)).toEqual(["A"]);
    expect(ids(16.1)).toEqual(["A", "B"]);
    expect(ids(20)).toEqual(["A", "B"]);
    expect(ids(38.9)).toEqual(["A"]);
    expect(ids(39.1)).toEqual([]);
    expect(ids(45)).toEqual([]);
  });

  it("computeFrame moves a group along the route between daily estimates, size linearly", () => {
    const a = layout.groups[0]!;
    const f0 = a.frames[5]!;
    const f1 = a.frames[6]!;
    expect(f0.toNext).toBeDefined();
    const g = computeFrame(layout, (f0.t + f1.t) / 2).groups[0]!;
    expect(g.size).toBeCloseTo((f0.size + f1.size) / 2, 6);
    // On the way to the next position (a vertex path), halfway along its length.
    const { xy, cum } = f0.toNext!;
    let nearest = Infinity;
    for (let i = 0; i + 1 < cum.length; i++) {
      const [ax, ay, bx, by] = [xy[2 * i]!, xy[2 * i + 1]!, xy[2 * i + 2]!, xy[2 * i + 3]!];
      const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
      const u =
        len2 > 0
          ? Math.max(0, Math.min(1, ((g.x - ax) * (bx - ax) + (g.y - ay) * (by - ay)) / len2))
          : 0;
      nearest = Math.min(nearest, Math.hypot(g.x - ax - u * (bx - ax), g.y - ay - u * (by - ay)));
    }
    expect(nearest).toBeLessThan(1e-3);
    expect(computeFrame(layout, f0.t).groups[0]!.x).toBeCloseTo(f0.x, 4);
    expect(computeFrame(layout, f1.t).groups[0]!.x).toBeCloseTo(f1.x, 4);
  });

  it("computeFrame draws the size interval as radii around the estimate (area ∝ people)", () => {
    for (const t of [1, 5, 9.5, 20, 30]) {
      for (const g of computeFrame(layout, t).groups) {
        expect(g.rLow).toBeLessThanOrEqual(g.r + 1e-9);
        expect(g.rHigh).toBeGreaterThanOrEqual(g.r - 1e-9);
      }
    }
    const g = computeFrame(layout, 9.5).groups[0]!;
    expect(g.r).toBeCloseTo(0.26 * Math.sqrt(7000), 6);
  });

  it("computeFrame's trail holds past positions only, within the trail length", () => {
    const g = computeFrame(layout, 10, { trailDays: 2, trailStep: 4 }).groups[0]!;
    expect(g.trail.length).toBe(2 * 8);
    const first = computeFrame(layout, 0.5).groups[0]!;
    expect(first.trail.length).toBe(0);
  });

  it("computeFrame spawns flow particles in proportion to the day's counts, by direction", () => {
    const f = computeFrame(layout, 7.3, { peoplePerParticle: 10 });
    const dirs = Array.from(f.particleDir.subarray(0, f.particleCount));
    expect(dirs.filter((d) => d === 0)).toHaveLength(90);
    expect(dirs.filter((d) => d === 1)).toHaveLength(50);
    expect(computeFrame(layout, 20).particleCount).toBe(0);
  });

  it("computeFrame({ scale }) keeps particle streams the same length on screen at any zoom", () => {
    const spread = (scale: number) => {
      const f = computeFrame(layout, 7.3, { scale });
      let max = 0;
      const flow = layout.flows[0]!;
      for (let j = 0; j < f.particleCount; j++)
        max = Math.max(
          max,
          Math.hypot(f.particles[2 * j]! - flow.x, f.particles[2 * j + 1]! - flow.y),
        );
      return max * scale;
    };
    expect(spread(1)).toBeGreaterThan(20);
    expect(spread(8)).toBeCloseTo(spread(1), 2); // float32 positions
  });

  it("computeFrame in stress mode draws the requested number of particles whatever the counts", () => {
    expect(computeFrame(layout, 20, { stressParticles: 20_000 }).particleCount).toBe(20_000);
  });

  it("computeFrame is a pure function of t (same t, same marks)", () => {
    const a = computeFrame(layout, 12.34);
    const b = computeFrame(layout, 12.34);
    expect(Array.from(a.particles.subarray(0, a.particleCount * 2))).toEqual(
      Array.from(b.particles.subarray(0, b.particleCount * 2)),
    );
    expect(a.groups.map((g) => [g.x, g.y, g.r])).toEqual(b.groups.map((g) => [g.x, g.y, g.r]));
  });
});
