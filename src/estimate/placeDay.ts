/**
 * How much each report's position weighs in the association objective (trackCost.ts): the
 * reports given at one place on one local day share the weight of one. Several sources reporting
 * one shelter or one town on one day see the same people there, not independent draws of where a
 * group's people are; counted apiece, a cluster of them made a track sitting on that town (at the
 * spread's floor) far cheaper than the body it belongs to, and the search cut bodies into tracks
 * of town clusters (docs/estimation.md, "The objective against the truth"). The weight is the
 * report's own, whatever group it is put in: joining or splitting groups does not change it, so it
 * rewards neither.
 */

/** A report's local day (days) and place (lon, lat), if it has one. */
export interface PlacedReport {
  t: number;
  point?: readonly [number, number];
}

/** Places closer than this (degrees, about 10 m) are one place. */
const PLACE_GRID_DEG = 1e-4;

/**
 * 1 / (number of reports at the same place on the same local day) for each report; 1 for a
 * report without a place.
 * @example
 * placeDayWeights([{ t: 3.2, point: [-92.3, 14.9] }, { t: 3.7, point: [-92.3, 14.9] }, { t: 4.1, point: [-92.3, 14.9] }]);
 * // => [0.5, 0.5, 1]
 */
export function placeDayWeights(reports: readonly PlacedReport[]): number[] {
  const key = (r: PlacedReport): string | undefined =>
    r.point
      ? `${Math.floor(r.t)}|${Math.round(r.point[0] / PLACE_GRID_DEG)}|${Math.round(r.point[1] / PLACE_GRID_DEG)}`
      : undefined;
  const count = new Map<string, number>();
  for (const r of reports) {
    const k = key(r);
    if (k !== undefined) count.set(k, (count.get(k) ?? 0) + 1);
  }
  return reports.map((r) => {
    const k = key(r);
    return k === undefined ? 1 : 1 / (count.get(k) ?? 1);
  });
}
