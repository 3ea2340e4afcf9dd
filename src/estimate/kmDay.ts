/**
 * One km day's 90 % interval held to cover a stretch of the route: the one clamp shared by the
 * self-calibration (calibrate.ts), the unseen ends (unseenEnds.ts) and the association spread
 * (assocSpread.ts). The low end never below km 0, the high end never past the route's end (or
 * the day's own high end, if that already lies past it).
 */
import type { Km } from "../model/units.ts";
import type { KmDayEstimate } from "./kmSmoother.ts";

/**
 * `d`'s low and high (km) widened to hold `lo`…`hi`, kept on the route of length `routeLength`
 * (km); never narrower than `d`. The sd is left to the caller (calibrate and the association
 * spread grow it, the unseen ends do not: an end's sd is not read past its interval).
 * @example
 * holdingKm({ median: 50, low: 40, high: 60, mean: 50, sd: 6 }, -20, 90, 80); // => { low: 0, high: 80 }
 */
export function holdingKm(
  d: KmDayEstimate,
  lo: Km,
  hi: Km,
  routeLength: Km,
): { low: Km; high: Km } {
  return {
    low: Math.min(d.low, Math.max(0, lo)),
    high: Math.max(d.high, Math.min(Math.max(routeLength, d.high), hi)),
  };
}
