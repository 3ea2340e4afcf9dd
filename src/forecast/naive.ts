/**
 * The naive forecast the model must beat: the group keeps the average speed it has made since
 * departure.
 */
import { dayNumber } from "../calendar/index.ts";
import type { Km } from "../model/units.ts";
import type { GroupNowcast } from "./nowcast.ts";

/**
 * Arrival at `placeKm` if the group keeps its average speed since departure: speed = (km at the
 * last observation − km at the first) / days between them, arrival = last observation (12:00) +
 * remaining km / speed.
 * @returns fractional local days since 1970-01-01; the last observation when the place is behind;
 *   `undefined` when the group has not moved yet (no speed to extrapolate).
 * @example
 * naiveArrival(now.groups[0], 1837); // => 17840.2 (local day of the arrival at Mexico City)
 */
export function naiveArrival(group: GroupNowcast, placeKm: Km): number | undefined {
  const t0 = group.lastDay + 0.5;
  if (placeKm <= group.km.median) return t0;
  const days = group.lastDay - (dayNumber(group.departureDate) ?? NaN);
  const speed = days > 0 ? (group.km.median - group.departureKm) / days : 0;
  if (!(speed > 0)) return undefined;
  return t0 + (placeKm - group.km.median) / speed;
}
