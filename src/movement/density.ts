/**
 * The density form of the movement law, for the estimator's smoother: a day's move as a law over
 * km (an atom at 0 for rest and for walks truncated at 0, a normal for walking, boxes for rides),
 * the grid kernels the smoother convolves with, and the density of a report made some hours off
 * noon for a group at a given km at noon.
 */
import type { Km } from "../model/units.ts";
import { normalCdf } from "../util/normal.ts";
import type { MovementModel } from "./law.ts";

const INV_SQRT_2PI = 0.3989422804014327;

/** Normal density at x with mean mu and sd sigma. */
export function gauss(x: number, mu: number, sigma: number): number {
  const z = (x - mu) / sigma;
  return z * z > 80 ? 0 : (INV_SQRT_2PI / sigma) * Math.exp(-0.5 * z * z);
}

/**
 * Density at x of a uniform on [p, q] plus normal noise of sd sigma. Inside a box much wider than
 * the noise, more than 3 sd from both edges, the density is flat: no CDF needed (the common case
 * for rides, and the hot path of the likelihood).
 */
export function boxGauss(x: number, p: number, q: number, sigma: number): number {
  if (q - p < 1e-9) return gauss(x, p, sigma);
  if (x < p - 8 * sigma || x > q + 8 * sigma) return 0;
  if (x > p + 3 * sigma && x < q - 3 * sigma) return 1 / (q - p);
  return (normalCdf((x - p) / sigma) - normalCdf((x - q) / sigma)) / (q - p);
}

/**
 * A day's move under the law's long-run regime mix: the mass at 0 km (rest days, and walks the
 * normal puts below 0, which the sampler truncates to 0) and the density (per km) of a move `d` > 0.
 * The atom plus the integral of the density over (0, ∞) is 1.
 * @example
 * dayMoveLaw(defaultMovementModel()).atZero; // ≈ 0.30 (rest) + 0.5 × Φ(−40/12)
 */
export function dayMoveLaw(model: MovementModel): { atZero: number; density: (d: Km) => number } {
  const { rest, walk, ride } = model.regimes;
  const { mean, sd } = model.walkKm;
  const long = model.longRideProb;
  const { min, max } = model.rideKm;
  const longMax = Math.max(max, model.longRideMaxKm);
  const box = (d: Km, p: Km, q: Km): number =>
    q - p < 1e-9 ? 0 : d >= p && d < q ? 1 / (q - p) : 0;
  return {
    atZero: rest + walk * normalCdf(-mean / sd),
    density(d) {
      if (!(d > 0)) return 0;
      let v = walk * gauss(d, mean, sd);
      v += ride * (long > 0 && longMax > max ? 1 - long : 1) * box(d, min, max);
      if (long > 0 && longMax > max) v += ride * long * box(d, max, longMax);
      return v;
    },
  };
}

/** A displacement law on the smoother's grid. */
export interface Kernel {
  /** Weight of a displacement of d cells, d = 0…dense.length−1. */
  dense: Float64Array;
  /** Boxes: weight spread evenly over displacements from…to cells (inclusive). */
  boxes: { from: number; to: number; weight: number }[];
}

/**
 * The regimes' displacement laws on a grid of `cellKm` cells (rest, walk, ride, in the order of
 * REGIMES). The walking day's normal law is a sum of three centred boxes (a "stepped pyramid"
 * with the normal's variance): every box convolves in O(cells) with prefix sums, whatever the
 * cell size.
 */
export function dayKernels(movement: MovementModel, cellKm: Km): Kernel[] {
  const rest: Kernel = { dense: Float64Array.of(1), boxes: [] };
  const { mean, sd } = movement.walkKm;
  const cell = (km: Km): number => Math.max(0, Math.round(km / cellKm));
  const walkBoxes = [
    { half: 2.55, weight: 0.3 },
    { half: 1.53, weight: 0.4 },
    { half: 0.64, weight: 0.3 },
  ].map(({ half, weight }) => ({
    from: cell(Math.max(0, mean - half * sd)),
    to: Math.max(cell(Math.max(0, mean - half * sd)), cell(mean + half * sd)),
    weight,
  }));
  const long = movement.longRideProb;
  const ride: Kernel = {
    dense: new Float64Array(0),
    boxes: [
      { from: cell(movement.rideKm.min), to: cell(movement.rideKm.max), weight: 1 - long },
      ...(long > 0
        ? [
            {
              from: cell(movement.rideKm.max),
              to: Math.max(cell(movement.rideKm.max), cell(movement.longRideMaxKm)),
              weight: long,
            },
          ]
        : []),
    ],
  };
  return [rest, { dense: new Float64Array(0), boxes: walkBoxes }, ride];
}

/** The movement law's numbers the report density needs. */
export interface DensityShape {
  pi0: number;
  pi1: number;
  pi2: number;
  walkMean: number;
  walkSd: number;
  longP: number;
  rideMin: number;
  rideMax: number;
  longMax: number;
}

/** The {@link DensityShape} of a movement law. */
export function densityShape(movement: MovementModel): DensityShape {
  return {
    pi0: movement.regimes.rest,
    pi1: movement.regimes.walk,
    pi2: movement.regimes.ride,
    walkMean: movement.walkKm.mean,
    walkSd: movement.walkKm.sd,
    longP: movement.longRideProb,
    rideMin: movement.rideKm.min,
    rideMax: movement.rideKm.max,
    longMax: Math.max(movement.rideKm.max, movement.longRideMaxKm),
  };
}

/**
 * Density of a report spanning [zlo, zhi] (km, with noise sd `sigma`) made `f` days after noon,
 * for a group at x at noon. The report is at noon's km + a share |f| of the move (ahead after
 * noon, behind before), so x ∈ report ∓ shift, where each regime's shift is a box (walk: its
 * mean, spread into the sd). The same as {@link boxesDensity} of {@link reportBoxes}.
 */
export function reportDensity(
  m: DensityShape,
  zlo: number,
  zhi: number,
  x: number,
  sigma: number,
  f: number,
): number {
  return boxesDensity(reportBoxes(m, zlo, zhi, sigma, f), x);
}

/**
 * The boxes of {@link reportDensity} for one report and hour: four numbers per box (weight, box
 * from, box to, noise sd). A smoother evaluates a report on hundreds of cells: it builds these
 * once per report and hour, and {@link boxesDensity} on every cell (the estimator's innermost loop).
 */
export function reportBoxes(
  m: DensityShape,
  zlo: number,
  zhi: number,
  sigma: number,
  f: number,
): Float64Array {
  const a = Math.abs(f);
  if (a < 0.01) return Float64Array.of(1, zlo, zhi, sigma);
  const sw = Math.sqrt(sigma * sigma + a * a * m.walkSd * m.walkSd);
  // The box of each regime's shift: the report's span moved by a × [k0, k1] km, behind noon's km
  // when the report is after noon (f > 0), ahead when before.
  const s = f > 0 ? -a : a;
  const rideLo = f > 0 ? m.rideMax : m.rideMin;
  const rideHi = f > 0 ? m.rideMin : m.rideMax;
  const boxes = [
    ...[m.pi0, zlo, zhi, sigma],
    ...[m.pi1, zlo + s * m.walkMean, zhi + s * m.walkMean, sw],
    ...[m.pi2 * (1 - m.longP), zlo + s * rideLo, zhi + s * rideHi, sigma],
  ];
  if (m.longP > 0) {
    const longLo = f > 0 ? m.longMax : m.rideMax;
    const longHi = f > 0 ? m.rideMax : m.longMax;
    boxes.push(m.pi2 * m.longP, zlo + s * longLo, zhi + s * longHi, sigma);
  }
  return Float64Array.from(boxes);
}

/** Σ weight × {@link boxGauss} over `boxes` (from {@link reportBoxes}), in their order, at x. */
export function boxesDensity(boxes: Float64Array, x: number): number {
  let v = boxes[0] * boxGauss(x, boxes[1], boxes[2], boxes[3]);
  for (let i = 4; i < boxes.length; i += 4) {
    v += boxes[i] * boxGauss(x, boxes[i + 1], boxes[i + 2], boxes[i + 3]);
  }
  return v;
}
