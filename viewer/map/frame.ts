/**
 * Frame computation, kept pure (no DOM) so it can be unit-tested and benchmarked in Node:
 *   layoutReplay(replay, project)  — once per resize: every position projected to pixels;
 *   computeFrame(layout, t, opts)  — every animation frame: where each mark is at time t.
 * Zoom and pan are applied afterwards as a canvas transform, so zooming never re-projects.
 */
import type { Days, Km } from "../../src/index.ts";
import type { ReplayData, TrackFrame } from "../data/replay.ts";
import { bodyOutline, bodyShape, pixelAtKm } from "./body.ts";
import type { PixelRoute } from "./body.ts";

export type Project = (lonLat: [number, number]) => [number, number] | null;

interface LaidFrame {
  t: Days;
  /** The calendar day (index from the replay start) of the library's estimate. */
  day: number;
  x: number;
  y: number;
  routeId: string;
  km: Km;
  tailKm: Km;
  headKm: Km;
  size: number;
  sizeLow: number;
  sizeHigh: number;
  /** People on the road that day (the library's state); NaN when the replay has no state. */
  onRoad: number;
  /** The state's "not seen since" date of the day, if the group is unseen (TrackFrame.unseenSince). */
  unseenSince?: string;
  /** The state's status of the group that day (TrackFrame.status), if known. */
  status?: string;
  /** An arrived group's people held at its destination (TrackFrame.atDestination), if any. */
  atDestination?: number;
  /** An arrived group's first arrived day (TrackFrame.arrivedOn), if arrived. */
  arrivedOn?: string;
  kmSpread: number;
  /** Flat x,y pairs of the position interval along the route. */
  band: Float32Array;
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
  /** Every route projected once, with the library's km of each vertex. */
  routes: Record<string, PixelRoute>;
  groups: LaidGroup[];
  flows: LaidFlow[];
  days: number;
  width: number;
  height: number;
}

function layFrame(f: TrackFrame, project: Project): LaidFrame[] {
  const p = project([f.lon, f.lat]);
  if (!p) return [];
  const band = new Float32Array(f.band.length * 2);
  f.band.forEach((q, i) => {
    const b = project(q) ?? p;
    band[2 * i] = b[0];
    band[2 * i + 1] = b[1];
  });
  return [
    {
      t: f.t,
      day: Math.floor(f.t),
      x: p[0],
      y: p[1],
      routeId: f.routeId,
      km: f.km,
      tailKm: f.tailKm,
      headKm: f.headKm,
      size: f.size,
      sizeLow: f.sizeLow,
      sizeHigh: f.sizeHigh,
      onRoad: f.onRoad ?? NaN,
      ...(f.unseenSince !== undefined ? { unseenSince: f.unseenSince } : {}),
      ...(f.status !== undefined ? { status: f.status } : {}),
      ...(f.atDestination !== undefined ? { atDestination: f.atDestination } : {}),
      ...(f.arrivedOn !== undefined ? { arrivedOn: f.arrivedOn } : {}),
      kmSpread: f.kmHigh - f.kmLow,
      band,
    },
  ];
}

function layRoutes(replay: ReplayData, project: Project): Record<string, PixelRoute> {
  const out: Record<string, PixelRoute> = {};
  for (const feature of replay.routes.features) {
    const id = String(feature.properties.route_id);
    const km = replay.routeKm[id];
    const coords = feature.geometry.coordinates;
    if (!km || km.length !== coords.length) continue;
    const xy = new Float32Array(coords.length * 2);
    let ok = true;
    coords.forEach((c, i) => {
      const q = project([c[0]!, c[1]!]);
      if (!q) ok = false;
      else {
        xy[2 * i] = q[0];
        xy[2 * i + 1] = q[1];
      }
    });
    if (ok) out[id] = { xy, km: Float64Array.from(km) };
  }
  return out;
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
    frames: g.frames.flatMap((f) => layFrame(f, project)),
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
    routes: layRoutes(replay, project),
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
  /** The day (index from the replay start) whose library estimate the numbers are. */
  day: number;
  /** The median person, in layout pixels: on the library's route between daily estimates. */
  x: number;
  y: number;
  /** Radius of the median mark and of the interval's ends (px, area ∝ people). */
  r: number;
  rLow: number;
  rHigh: number;
  /** The library's size estimate of the day, exactly (no interpolation between days). */
  size: number;
  sizeLow: number;
  sizeHigh: number;
  /** The library's people of the group on the road that day (state of the corridor); NaN if unknown. */
  onRoad: number;
  /**
   * The group's last report when the library's state counts no one of it on the road that day
   * (not seen for more than `MAX_SILENCE_DAYS`): drawn greyed at its last estimate, a small ring
   * of fixed size (no people on the road), without body, band or trail; labelled "not seen since".
   */
  unseenSince?: string;
  /** The state's status of the group that day (on_road, arrived, accounted_for, dissolved), if known. */
  status?: string;
  /**
   * For a group the state counts as arrived (`status` "arrived"): the people the state holds at its
   * destination that no count holds yet (estimated, not counted; the circle is sized by them), or
   * undefined once counts there hold its people (a small ring, labelled "arrived <date>", with no
   * figure: the place's count is the figure). `size` stays the estimate's.
   */
  held?: number;
  /** For an arrived group: its first arrived day (the state's `arrivedOn`). */
  arrivedOn?: string;
  /** true when the intervals are wide: drawn dashed and paler. */
  uncertain: boolean;
  /** Opacity (1; kept for drawing code that fades marks). */
  alpha: number;
  band: Float32Array;
  /**
   * The body from tail to head as a closed outline (flat x,y pairs, width ∝ people per km; see
   * body.ts); empty for a zero-length body.
   */
  body: Float32Array;
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

const lerp = (u: number, v: number, f: number) => u + f * (v - u);

/**
 * The median person between frames a and b at fraction f: at the library's position on its days,
 * in between on the library's route at the km interpolated between the two days (when both are on
 * the same route; otherwise at the nearer day's position).
 */
function positionAt(
  routes: Layout["routes"],
  a: LaidFrame,
  b: LaidFrame,
  f: number,
): [number, number] {
  if (a === b || f <= 0) return [a.x, a.y];
  if (f >= 1) return [b.x, b.y];
  const route = a.routeId === b.routeId ? routes[a.routeId] : undefined;
  if (!route) return f < 0.5 ? [a.x, a.y] : [b.x, b.y];
  return pixelAtKm(route, lerp(a.km, b.km, f));
}

/** The frame of the library's estimate for the day of `t`, if the library has one. */
function frameOfDay(a: LaidFrame, b: LaidFrame, t: Days): LaidFrame | undefined {
  const day = Math.floor(t);
  if (b.day === day) return b;
  if (a.day === day) return a;
  return undefined;
}

/** The body's outline at fraction f between a and b (km interpolated along the same route). */
function bodyAt(
  routes: Layout["routes"],
  a: LaidFrame,
  b: LaidFrame,
  f: number,
  today: LaidFrame,
  maxHalfWidth: number,
): Float32Array {
  const same = a !== b && a.routeId === b.routeId && f > 0 && f < 1;
  const from = same ? a : today;
  const to = same ? b : today;
  const g = same ? f : 0;
  const route = routes[from.routeId];
  if (!route) return EMPTY;
  const shape = bodyShape(
    route,
    lerp(from.tailKm, to.tailKm, g),
    lerp(from.km, to.km, g),
    lerp(from.headKm, to.headKm, g),
    maxHalfWidth,
  );
  return shape ? bodyOutline(shape) : EMPTY;
}

const EMPTY = new Float32Array(0);

/** Deterministic hash in [0, 1) for particle i of flow k (stable jitter without state). */
function hash01(i: number, k: number): number {
  let h = (i * 374761393 + k * 668265263) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const FLOW_HALF_LENGTH = 30;
const MAX_PARTICLES_PER_DIRECTION = 600;

/**
 * A group's mark at `t`: only on days the library has an estimate for; the numbers are that day's
 * exactly, the position and body move along the library's route between days.
 */
function groupMarkAt(
  layout: Layout,
  g: LaidGroup,
  t: Days,
  rs: number,
  trailN: number,
  trailStep: number,
  scale: number,
): GroupMark | undefined {
  const { a, b, f } = at(g.frames, t);
  const today = frameOfDay(a, b, t);
  if (!today) return undefined;
  if (today.unseenSince !== undefined) return unseenMark(g, today);
  if (today.status === "arrived") return arrivedMark(g, today, rs);
  const first = g.frames[0]!.t;
  const trail = new Float32Array(trailN * 2);
  let k = 0;
  for (let i = 1; i <= trailN; i++) {
    const ti = t - i / trailStep;
    if (ti < first) break;
    const p = at(g.frames, ti);
    const [tx, ty] = positionAt(layout.routes, p.a, p.b, p.f);
    trail[2 * k] = tx;
    trail[2 * k + 1] = ty;
    k++;
  }
  const { size, sizeLow, sizeHigh } = today;
  // A group no source gave a size for (NaN from the estimator) is a small hollow-looking mark.
  const known = Number.isFinite(size);
  const [x, y] = positionAt(layout.routes, a, b, f);
  const r = known ? Math.max(2.5, rs * Math.sqrt(Math.max(0, size))) : 4;
  return {
    id: g.id,
    colour: g.colour,
    day: today.day,
    x,
    y,
    r,
    rLow: known ? Math.min(r, Math.max(1.5, rs * Math.sqrt(Math.max(0, sizeLow)))) : r,
    rHigh: known ? Math.max(r, 3, rs * Math.sqrt(Math.max(0, sizeHigh))) : r,
    size,
    sizeLow,
    sizeHigh,
    onRoad: today.onRoad,
    ...(today.status !== undefined ? { status: today.status } : {}),
    uncertain: known && size > 0 ? (sizeHigh - sizeLow) / size > 1 || today.kmSpread > 200 : true,
    alpha: 1,
    band: today.band,
    // Half-width in screen pixels whatever the zoom (like the circles), hence ÷ scale.
    body: bodyAt(layout.routes, a, b, f, today, Math.max(2, Math.min(10, r * 0.45)) / scale),
    trail: trail.subarray(0, 2 * k),
  };
}

/** Radius (px) of the ring of a group not seen for long: a fixed size, no people on the road. */
export const UNSEEN_MARK_R = 4;

/**
 * The mark of a group that does not move between days: at its day's estimate, of radius `r` (px),
 * with no body, band or trail (its people are not on the road). Shared by the unseen and the
 * arrived marks.
 */
function stillMark(g: LaidGroup, today: LaidFrame, r: number): GroupMark {
  return {
    id: g.id,
    colour: g.colour,
    day: today.day,
    x: today.x,
    y: today.y,
    r,
    rLow: r,
    rHigh: r,
    size: today.size,
    sizeLow: today.sizeLow,
    sizeHigh: today.sizeHigh,
    onRoad: today.onRoad,
    uncertain: false,
    alpha: 1,
    band: EMPTY,
    body: EMPTY,
    trail: EMPTY,
  };
}

/**
 * The mark of a group the state counts as not seen since its last report: a still mark of fixed
 * size (its people are `unknown` in the split, not on the road).
 */
function unseenMark(g: LaidGroup, today: LaidFrame): GroupMark {
  return {
    ...stillMark(g, today, UNSEEN_MARK_R),
    unseenSince: today.unseenSince,
    ...(today.status !== undefined ? { status: today.status } : {}),
    uncertain: true,
  };
}

/**
 * The mark of a group the state counts as arrived: a still mark sized by the people the state
 * holds at its destination (estimated, not counted), or a small ring once counts there hold
 * them: never the estimate's size as people present (5,994 beside Tijuana's 3,749).
 */
function arrivedMark(g: LaidGroup, today: LaidFrame, rs: number): GroupMark {
  const held = today.atDestination;
  const r = held !== undefined ? Math.max(2.5, rs * Math.sqrt(Math.max(0, held))) : UNSEEN_MARK_R;
  return {
    ...stillMark(g, today, r),
    status: "arrived",
    ...(held !== undefined ? { held } : {}),
    ...(today.arrivedOn !== undefined ? { arrivedOn: today.arrivedOn } : {}),
  };
}

/**
 * Where every mark is at time `t` (days since the replay start). A group is shown on the days the
 * library estimated it, with that day's numbers; between noons its median person and body move
 * along the library's route. Flow particles are a pure function of t (no state), their number per
 * border point and direction proportional to that day's count.
 */
export function computeFrame(layout: Layout, t: Days, opts: FrameOptions = {}): Frame {
  const trailDays = opts.trailDays ?? 3;
  const trailStep = opts.trailStep ?? 8;
  const perParticle = opts.peoplePerParticle ?? 20;
  const rs = opts.radiusScale ?? 0.26;
  const scale = opts.scale && opts.scale > 0 ? opts.scale : 1;
  const groups: GroupMark[] = [];
  const trailN = Math.round(trailDays * trailStep);
  for (const g of layout.groups) {
    const mark = groupMarkAt(layout, g, t, rs, trailN, trailStep, scale);
    if (mark) groups.push(mark);
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
