import { describe, expect, it } from "vitest";
import { bodyOutline, bodyShape, pixelAtKm } from "../../viewer/map/body.ts";
import type { PixelRoute } from "../../viewer/map/body.ts";

// A straight road along x: 1 px per km, with vertices at 0, 100, 300 km.
const road: PixelRoute = {
  xy: Float32Array.from([0, 50, 100, 50, 300, 50]),
  km: Float64Array.from([0, 100, 300]),
};

describe("pixelAtKm", () => {
  it("follows the projected vertices by the library's km and clamps to the ends", () => {
    expect(pixelAtKm(road, 150)).toEqual([150, 50]);
    expect(pixelAtKm(road, -5)).toEqual([0, 50]);
    expect(pixelAtKm(road, 900)).toEqual([300, 50]);
  });
});

describe("bodyShape", () => {
  it("runs from tail to head through the vertices between, with no body for zero length", () => {
    expect(bodyShape(road, 120, 120, 120, 8)).toBeUndefined();
    const s = bodyShape(road, 80, 110, 200, 8)!;
    expect(s.km[0]).toBe(80);
    expect(s.km[s.km.length - 1]).toBe(200);
    expect([...s.km]).toContain(100);
    expect(s.xy[0]).toBeCloseTo(80, 4);
    expect(s.xy[s.xy.length - 2]).toBeCloseTo(200, 4);
  });

  it("is wider where more people are per km: half the people behind the median, half ahead", () => {
    // 30 km behind the median, 90 km ahead: three times the density behind.
    const s = bodyShape(road, 80, 110, 200, 9)!;
    const widthAt = (km: number) => s.halfWidth[[...s.km].findIndex((k) => k >= km)]!;
    expect(widthAt(109.999)).toBeCloseTo(9, 4);
    expect(widthAt(100)).toBeLessThan(9); // within the tapered last fifth behind
    expect(widthAt(150)).toBeCloseTo(3, 4);
    // Tapers to a point at head and tail.
    expect(s.halfWidth[0]).toBe(0);
    expect(s.halfWidth[s.halfWidth.length - 1]).toBe(0);
  });

  it("bodyOutline offsets both sides symmetrically about the road", () => {
    const s = bodyShape(road, 80, 110, 200, 9)!;
    const out = bodyOutline(s);
    const n = s.halfWidth.length;
    expect(out.length).toBe(4 * n);
    for (let i = 0; i < n; i++) {
      const j = 2 * n - 1 - i;
      expect((out[2 * i + 1]! + out[2 * j + 1]!) / 2).toBeCloseTo(50, 4);
      expect(Math.abs(out[2 * i + 1]! - out[2 * j + 1]!) / 2).toBeCloseTo(s.halfWidth[i]!, 4);
    }
  });
});
