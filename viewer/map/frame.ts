/**
 * Frame computation, kept pure (no DOM) so it can be unit-tested and benchmarked in Node:
 *   layoutReplay(replay, project)  — once per resize: every position projected to pixels;
 *   computeFrame(layout, t, opts)  — every animation frame: where each mark is at time t.
 * Zoom and pan are applied afterwards as a canvas transform, so zooming never re-projects.
 */
import type { Days } from "../../src/index.ts";
import type { ReplayData } from "../data/replay.ts";

export type Project = (lonLat: [number, number]) => [number, number] | null;

interface LaidFrame {
  t: Days;
  x: number;
  y: number;
  size: number;
  sizeLow: number;
  sizeHigh: number;
  kmSpread: number;
  /** Flat x,y pairs of the position interval along the route. */
  band: Float32Array;
  /** The way to the next frame along the route: flat x,y pairs and cumulative pixel lengths. */
  toNext?: { xy: Float32Array; cum: Float32Array };
}

export interface LaidGroup {
  id: string;
  colour: number;
  frames: LaidFrame[];
}

export interface LaidFlow {
  id: string;
  x: number;
  y: number;
  /** Pixel unit vector of the northbound direction. */
  hx: number;
  hy: number;
  /** People counted per day index, by direction. */
  north: Float64Array;
  south: Float64Array;
}

export interface Layout {
  groups: LaidGroup[];
  flows: LaidFlow[];
  days: number;
  width: number;
  height: number;
}

/** Projects every position of the replay once. */
export function layoutReplay(
  replay: ReplayData,
  project: Project,
  width: number,
  height: number,
): Layout {
  const n = Math.ceil(replay.days) + 1;
  const groups = replay.groups.map((g) => ({
    id: g.id,
    colour: g.colour,
    frames: g.frames.flatMap((f) => {
      const p = project([f.lon, f.lat]);
      if (!p) return [];
      const band = new Float32Array(f.band.length * 2);
      f.band.forEach((q, i) => {
        const b = project(q) ?? p;
        band[2 * i] = b[0];
        band[2 * i + 1] = b[1];
      });
      let toNext: LaidFrame["toNext"];
      if (f.toNext && f.toNext.length >= 2) {
        const xy = new Float32Array(f.toNext.length * 2);
        const cum = new Float32Array(f.toNext.length);
        f.toNext.forEach((q, i) => {
          const b = project(q) ?? p;
          xy[2 * i] = b[0];
          xy[2 * i + 1] = b[1];
          if (i > 0)
            cum[i] = cum[i - 1]! + Math.hypot(b[0] - xy[2 * i - 2]!, b[1] - xy[2 * i - 1]!);
        });
        toNext = { xy, cum };
      }
      return [
        {
          t: f.t,
          toNext,
          x: p[0],
          y: p[1],
          size: f.size,
          sizeLow: f.sizeLow,
          sizeHigh: f.sizeHigh,
          kmSpread: f.kmHigh - f.kmLow,
          band,
        },
      ];
    }),
  }));
  const flows = replay.flows.flatMap((f) => {
    const p = project([f.lon, f.lat]);
    const q = project([f.lon + f.heading[0] * 0.1, f.lat + f.heading[1] * 0.1]);
    if (!p || !q) return [];
    const dx = q[0] - p[0];
    const dy = q[1] - p[1];
    const len = Math.hypot(dx, dy) || 1;
    const north = new Float64Array(n);
    const south = new Float64Array(n);
    for (const d of f.days) {
      const i = Math.floor(d.t);
      if (i < 0 || i >= n) continue;
      north[i] = d.byDirection.northbound ?? 0;
      south[i] = d.byDirection.southbound ?? 0;
    }
    return [{ id: f.id, x: p[0], y: p[1], hx: dx / len, hy: dy / len, north, south }];
  });
  return {
    groups: groups.filter((g) => g.frames.length > 0),
    flows,
    days: replay.days,
    width,
    height,
  };
}

export interface GroupMark {
  id: string;
  colour: number;
  x: number;
  y: number;
  /** Radius of the estimate and of the interval's ends (px, area ∝ people). */
  r: number;
  rLow: number;
  rHigh: number;
  size: number;
  sizeLow: number;
  sizeHigh: number;
  /** true when the intervals are wide: drawn dashed and paler. */
  uncertain: boolean;
  /** Opacity for groups fading in before their first or out after their last estimate. */
  alpha: number;
  band: Float32Array;
  /** Flat x,y pairs of past positions, newest first. */
  trail: Float32Array;
}

export interface Frame {
  t: Days;
  groups: GroupMark[];
  /** Flat x,y pairs of flow particles; `particleDir[i]` 0 = northbound, 1 = southbound. */
  particles: Float32Array;
  particleDir: Uint8Array;
  particleCount: number;
}

export interface FrameOptions {
  /** Trail length in days (default 3). */
  trailDays?: number;
  /** Trail samples per day (default 8: short chords, so the trail follows the road). */
  trailStep?: number;
  /** People per flow particle (default 20). */
  peoplePerParticle?: number;
  /** Stress mode: this many particles in total regardless of counts (default 0 = off). */
  stressParticles?: number;
  /** Radius (px) per √person (default 0.26: 7,000 people ≈ 22 px). */
  radiusScale?: number;
  /**
   * Zoom scale the frame will be drawn at (default 1): particle streams keep their length in
   * screen pixels whatever the zoom, so they stay at their border point.
   */
  scale?: number;
  /** Reuse buffers between frames (the animation loop passes the previous frame). */
  previous?: Frame;
}

function at(frames: LaidFrame[], t: Days): { a: LaidFrame; b: LaidFrame; f: number } {
  let lo = 0;
  let hi = frames.length - 1;
  if (t <= frames[0]!.t) return { a: frames[0]!, b: frames[0]!, f: 0 };
  if (t >= frames[hi]!.t) return { a: frames[hi]!, b: frames[hi]!, f: 0 };
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (frames[mid]!.t <= t) lo = mid;
    else hi = mid;
  }
  const a = frames[lo]!;
  const b = frames[hi]!;
  return { a, b, f: (t - a.t) / (b.t - a.t) };
}

/** Position between frames a and b at fraction f: along the route when the way is known. */
function positionAt(a: LaidFrame, b: LaidFrame, f: number): [number, number] {
  const way = a.toNext;
  if (a === b || !way || f <= 0) return f <= 0 || a === b ? [a.x, a.y] : [b.x, b.y];
  if (f >= 1) return [b.x, b.y];
  const total = way.cum[way.cum.length - 1]!;
  const target = f * total;
  let lo = 0;
  let hi = way.cum.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (way.cum[mid]! <= target) lo = mid;
    else hi = mid;
  }
  const span = way.cum[hi]! - way.cum[lo]!;
  const g = span > 0 ? (target - way.cum[lo]!) / span : 0;
  return [
    way.xy[2 * lo]! + g * (way.xy[2 * hi]! - way.xy[2 * lo]!),
    way.xy[2 * lo + 1]! + g * (way.xy[2 * hi + 1]! - way.xy[2 * lo + 1]!),
  ];
}

/** Deterministic hash in [0, 1) for particle i of flow k (stable jitter without state). */
function hash01(i: number, k: number): number {
  let h = (i * 374761393 + k * 668265263) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const FLOW_HALF_LENGTH = 30;
const MAX_PARTICLES_PER_DIRECTION = 600;

/**
 * Where every mark is at time `t` (days since the replay start). Groups are interpolated
 * linearly between their daily estimates and fade over half a day before their first and after
 * their last estimate. Flow particles are a pure function of t (no state), their number per
 * border point and direction proportional to that day's count.
 */
export function computeFrame(layout: Layout, t: Days, opts: FrameOptions = {}): Frame {
  const trailDays = opts.trailDays ?? 3;
  const trailStep = opts.trailStep ?? 8;
  const perParticle = opts.peoplePerParticle ?? 20;
  const rs = opts.radiusScale ?? 0.26;
  const groups: GroupMark[] = [];
  const trailN = Math.round(trailDays * trailStep);
  for (const g of layout.groups) {
    const first = g.frames[0]!.t;
    const last = g.frames[g.frames.length - 1]!.t;
    if (t < first - 0.5 || t > last + 0.5) continue;
    const alpha = t < first ? 1 - (first - t) / 0.5 : t > last ? 1 - (t - last) / 0.5 : 1;
    const { a, b, f } = at(g.frames, t);
    const lerp = (u: number, v: number) => u + f * (v - u);
    const size = lerp(a.size, b.size);
    const sizeLow = lerp(a.sizeLow, b.sizeLow);
    const sizeHigh = lerp(a.sizeHigh, b.sizeHigh);
    const spread = lerp(a.kmSpread, b.kmSpread);
    const trail = new Float32Array(trailN * 2);
    let k = 0;
    for (let i = 1; i <= trailN; i++) {
      const ti = t - i / trailStep;
      if (ti < first) break;
      const p = at(g.frames, ti);
      const [tx, ty] = positionAt(p.a, p.b, p.f);
      trail[2 * k] = tx;
      trail[2 * k + 1] = ty;
      k++;
    }
    // A group no source gave a size for (NaN from the estimator) is a small hollow-looking mark.
    const known = Number.isFinite(size);
    const pos = positionAt(a, b, f);
    const r = known ? Math.max(2.5, rs * Math.sqrt(Math.max(0, size))) : 4;
    groups.push({
      id: g.id,
      colour: g.colour,
      x: pos[0],
      y: pos[1],
      r,
      rLow: known ? Math.min(r, Math.max(1.5, rs * Math.sqrt(Math.max(0, sizeLow)))) : r,
      rHigh: known ? Math.max(r, 3, rs * Math.sqrt(Math.max(0, sizeHigh))) : r,
      size,
      sizeLow,
      sizeHigh,
      uncertain: known && size > 0 ? (sizeHigh - sizeLow) / size > 1 || spread > 200 : true,
      alpha: Math.max(0, Math.min(1, alpha)),
      band: f < 0.5 ? a.band : b.band,
      trail: trail.subarray(0, 2 * k),
    });
  }

  // Flow particles.
  const day = Math.max(0, Math.min(Math.floor(t), layout.days));
  let total = 0;
  const stress = opts.stressParticles ?? 0;
  const perFlow: [number, number][] = layout.flows.map((fl) => {
    if (stress > 0) {
      const each = Math.floor(stress / Math.max(1, layout.flows.length) / 2);
      return [each, each];
    }
    const n = Math.min(MAX_PARTICLES_PER_DIRECTION, Math.ceil((fl.north[day] ?? 0) / perParticle));
    const s = Math.min(MAX_PARTICLES_PER_DIRECTION, Math.ceil((fl.south[day] ?? 0) / perParticle));
    return [n, s];
  });
  for (const [n, s] of perFlow) total += n + s;
  const prev = opts.previous;
  const particles =
    prev && prev.particles.length >= total * 2
      ? prev.particles
      : new Float32Array(Math.max(16, total * 2));
  const particleDir =
    prev && prev.particleDir.length >= total
      ? prev.particleDir
      : new Uint8Array(Math.max(8, total));
  let j = 0;
  const scale = opts.scale && opts.scale > 0 ? opts.scale : 1;
  const half = (stress > 0 ? FLOW_HALF_LENGTH * 3 : FLOW_HALF_LENGTH) / scale;
  layout.flows.forEach((fl, k) => {
    const [n, s] = perFlow[k]!;
    for (let dir = 0; dir < 2; dir++) {
      const m = dir === 0 ? n : s;
      const sign = dir === 0 ? 1 : -1;
      for (let i = 0; i < m; i++) {
        const h = hash01(i, k * 2 + dir);
        // Each particle crosses the point twice a day; jittered sideways so streams read as bands.
        const phase = (t * 2 + h) % 1;
        const along = sign * (phase * 2 - 1) * half;
        const side = ((hash01(i + 7919, k) - 0.5) * 10 + (dir === 0 ? -4 : 4)) / scale;
        particles[2 * j] = fl.x + fl.hx * along - fl.hy * side;
        particles[2 * j + 1] = fl.y + fl.hy * along + fl.hx * side;
        particleDir[j] = dir;
        j++;
      }
    }
  });
  return { t, groups, particles, particleDir, particleCount: j };
}
