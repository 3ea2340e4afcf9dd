/**
 * An independent reference for projection onto great-circle segments, used to check both our
 * route index and Turf where Turf has been known to go wrong (#2870, #2234, #2934). It shares no
 * code with src/geo beyond the haversine formula: each segment is resampled densely with the
 * spherical intermediate-point formula (trigonometric, not unit-vector cross products), then the
 * best sample is refined by ternary search (the distance to a point is unimodal along an arc
 * within one sample spacing of its minimum). Slow — O(segments × 200) — and fine for fixtures.
 */
import { distanceKm } from "../../src/geo/distance.ts";
import type { LonLat } from "../../src/model/units.ts";

const RAD = Math.PI / 180;

/** The point a fraction `f` of the way from `a` to `b` along their great circle. */
export function intermediatePoint(a: LonLat, b: LonLat, f: number): LonLat {
  const lon1 = a[0] * RAD,
    lat1 = a[1] * RAD,
    lon2 = b[0] * RAD,
    lat2 = b[1] * RAD;
  const delta = distanceKm(a, b) / 6371.0088;
  if (delta === 0) return [a[0], a[1]];
  const wa = Math.sin((1 - f) * delta) / Math.sin(delta);
  const wb = Math.sin(f * delta) / Math.sin(delta);
  const x = wa * Math.cos(lat1) * Math.cos(lon1) + wb * Math.cos(lat2) * Math.cos(lon2);
  const y = wa * Math.cos(lat1) * Math.sin(lon1) + wb * Math.cos(lat2) * Math.sin(lon2);
  const z = wa * Math.sin(lat1) + wb * Math.sin(lat2);
  return [Math.atan2(y, x) / RAD, Math.atan2(z, Math.hypot(x, y)) / RAD];
}

export interface ReferenceHit {
  routeIndex: number;
  km: number;
  distanceKm: number;
  point: LonLat;
}

/** Brute-force nearest point over several lines (first line, then smaller km, wins ties). */
export function referenceNearest(lines: readonly LonLat[][], p: LonLat): ReferenceHit {
  let best: ReferenceHit = { routeIndex: -1, km: 0, distanceKm: Infinity, point: p };
  lines.forEach((coords, routeIndex) => {
    let kmAtStart = 0;
    for (let i = 0; i < coords.length - 1; i++) {
      const a = coords[i]!;
      const b = coords[i + 1]!;
      const length = distanceKm(a, b);
      const samples = 200;
      const at = (f: number) => distanceKm(p, intermediatePoint(a, b, f));
      let bestF = 0;
      let bestD = Infinity;
      for (let k = 0; k <= samples; k++) {
        const d = at(k / samples);
        if (d < bestD) [bestD, bestF] = [d, k / samples];
      }
      let low = Math.max(0, bestF - 1 / samples);
      let high = Math.min(1, bestF + 1 / samples);
      for (let step = 0; step < 200 && high - low > 1e-15; step++) {
        const m1 = low + (high - low) / 3;
        const m2 = high - (high - low) / 3;
        if (at(m1) <= at(m2)) high = m2;
        else low = m1;
      }
      let f = (low + high) / 2;
      // The ends are candidates in their own right (the minimum may sit exactly on one).
      for (const end of [0, 1]) if (at(end) <= at(f)) f = end;
      const d = at(f);
      if (d < best.distanceKm - 1e-9) {
        best = {
          routeIndex,
          km: kmAtStart + f * length,
          distanceKm: d,
          point: intermediatePoint(a, b, f),
        };
      }
      kmAtStart += length;
    }
  });
  return best;
}
