import { describe, expect, it } from "vitest";
import { prepareReplay } from "../../viewer/data/prepare.ts";
import { computeFrame, layoutReplay } from "../../viewer/map/frame.ts";
import type { Project } from "../../viewer/map/frame.ts";
import { fixtureInput, fixtureTracks } from "./fixture.ts";

// Plate carrée scaled to pixels: enough to test the frame logic without d3-geo.
const project: Project = ([lon, lat]) => [(lon + 120) * 20, (35 - lat) * 20];
const replay = prepareReplay(fixtureInput());
const layout = layoutReplay(replay, project, 800, 600);

/** Distance (px) from a point to a flat x,y polyline. */
function distanceToLine(xy: Float32Array, x: number, y: number): number {
  let nearest = Infinity;
  for (let i = 0; i + 3 < xy.length; i += 2) {
    const [ax, ay, bx, by] = [xy[i]!, xy[i + 1]!, xy[i + 2]!, xy[i + 3]!];
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const u =
      len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2)) : 0;
    nearest = Math.min(nearest, Math.hypot(x - ax - u * (bx - ax), y - ay - u * (by - ay)));
  }
  return nearest;
}

describe("computeFrame", () => {
  it("computeFrame(layout, t) shows a group exactly on the days the library estimated it", () => {
    for (const t of [0, 0.4, 15.9, 16.1, 20, 28.7, 38.9, 39.1, 45]) {
      const expected = replay.groups
        .filter((g) => g.frames.some((f) => Math.floor(f.t) === Math.floor(t)))
        .map((g) => g.id);
      expect(computeFrame(layout, t).groups.map((g) => g.id)).toEqual(expected);
    }
    expect(
      computeFrame(layout, 20)
        .groups.map((g) => g.id)
        .sort(),
    ).toEqual(["A", "B"]);
  });

  it("computeFrame's sizes are the library's for the day shown, at any time of that day", () => {
    for (const t of [3.0, 9.2, 9.5, 9.99, 20.7]) {
      for (const mark of computeFrame(layout, t).groups) {
        const f = replay.groups
          .find((g) => g.id === mark.id)!
          .frames.find((x) => Math.floor(x.t) === Math.floor(t))!;
        expect([mark.day, mark.size, mark.sizeLow, mark.sizeHigh]).toEqual([
          Math.floor(t),
          f.size,
          f.sizeLow,
          f.sizeHigh,
        ]);
      }
    }
  });

  it("computeFrame moves the median person along the library's route between daily estimates", () => {
    const a = layout.groups.find((g) => g.id === "A")!;
    const f0 = a.frames[5]!;
    const f1 = a.frames[6]!;
    const route = layout.routes[f0.routeId]!;
    const g = computeFrame(layout, (f0.t + f1.t) / 2).groups.find((m) => m.id === "A")!;
    expect(distanceToLine(route.xy, g.x, g.y)).toBeLessThan(1e-3);
    const at = (t: number) => computeFrame(layout, t).groups.find((m) => m.id === "A")!;
    expect(at(f0.t).x).toBeCloseTo(f0.x, 4);
    expect(at(f1.t).x).toBeCloseTo(f1.x, 4);
  });

  it("computeFrame draws a body on the route from tail to head, none when the track gives none", () => {
    const small = layoutReplay(
      prepareReplay({ ...fixtureInput(), tracks: fixtureTracks() }),
      project,
      800,
      600,
    );
    expect(computeFrame(small, 0.5).groups[0]!.body.length).toBe(0);
    const mark = computeFrame(small, 1.5).groups[0]!;
    expect(mark.body.length).toBeGreaterThan(8);
    // Halfway between two days with bodies, the body is still drawn and centred on the road.
    expect(computeFrame(small, 2).groups[0]!.body.length).toBeGreaterThan(8);
    const route = small.routes.main!;
    const n = mark.body.length / 2;
    for (let i = 0; i < n / 2; i++) {
      const j = n - 1 - i;
      const mx = (mark.body[2 * i]! + mark.body[2 * j]!) / 2;
      const my = (mark.body[2 * i + 1]! + mark.body[2 * j + 1]!) / 2;
      expect(distanceToLine(route.xy, mx, my)).toBeLessThan(1e-2);
    }
  });

  it("computeFrame draws the size interval as radii around the estimate (area ∝ people)", () => {
    for (const t of [1, 5, 9.5, 20, 30]) {
      for (const g of computeFrame(layout, t).groups) {
        expect(g.rLow).toBeLessThanOrEqual(g.r + 1e-9);
        expect(g.rHigh).toBeGreaterThanOrEqual(g.r - 1e-9);
      }
    }
    const g = computeFrame(layout, 9.5).groups[0]!;
    expect(g.r).toBeCloseTo(0.26 * Math.sqrt(g.size), 6);
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
