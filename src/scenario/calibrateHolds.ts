/**
 * Holds: a place event of the calibration. A caravan held at a place (a border closed, a
 * checkpoint) stops there for reasons of that place and that day, not of its pace: the days of
 * a hold are read from the track and left out of the stretch's pace, and the scenario stops there
 * only where it says so (`movement.stops`). Without this, the 2018 hold at the Suchiate bridge
 * was learnt as slow walking of the stretches on either side of the border and applied to every
 * caravan after it.
 */
import type { CalibrationFit } from "./calibrate.ts";
import type { Replay } from "./calibrateReplay.ts";

/** A group held at a place between two dates (inclusive), with the source that says so. */
export interface Hold {
  /** The caravan label of the group held (as in the track's `group`). */
  group: string;
  /** Place name, alias or id (gazetteer). */
  place: string;
  /** First and last day held (ISO 8601 dates, inclusive). */
  from: string;
  to: string;
  /** The source named: outlet, date, what it says. */
  source: string;
}

/**
 * The holds of the 2018 caravans in the reference data. The first Honduran caravan reached Tecún
 * Umán on 18–19 Oct 2018; on 19 Oct its 3,000 people stormed the Guatemalan gate and filled the
 * bridge, whose Mexican end the Mexican federal police held; on 20 Oct 2,200 still waited on the
 * bridge while about 2,000 crossed the river and regrouped in a Ciudad Hidalgo park; on 21 Oct
 * they walked on to Tapachula. Two days held (19–20 Oct).
 */
export const HOLDS_2018: readonly Hold[] = Object.freeze([
  {
    group: "Honduran caravan 1",
    place: "Suchiate bridge",
    from: "2018-10-19",
    to: "2018-10-20",
    source:
      "AP, 20 Oct 2018 (3,000 on the bridge on 19 Oct, the Mexican end held by the police; the river crossers regrouped in Ciudad Hidalgo on 20 Oct and walked to Tapachula on 21 Oct); SEGOB–SRE joint release, 20 Oct 2018 (2,200 remain on the bridge)",
  },
]);

/** The holds found on a replay: the held days (point indices) and what the fit reports. */
export interface HoldFit {
  /** Indices of the track's points on a held day. */
  held: Set<number>;
  /** Point index of a held day → km of the hold's place. */
  halts: Map<number, number>;
  fitHolds: NonNullable<CalibrationFit["holds"]>;
}

/** The track's 90 % interval holds `km`, give or take 10 km (the stops' rule, calibrateMovement.ts). */
const holdsKm = (p: { kmLow: number; kmHigh: number }, km: number) =>
  km >= p.kmLow - 10 && km <= p.kmHigh + 10;

/**
 * The held days of `replay`: for each hold of the replay's group on its route, the track's days
 * between `from` and `to` whose 90 % interval holds the place (± 10 km). A hold the track does
 * not put at the place is not applied (and not reported).
 *
 * @example
 * findHolds(replay, HOLDS_2018).fitHolds; // => [{ place: "Tecún Umán", days: 2, from: "2018-10-19", … }]
 */
export function findHolds(replay: Replay, holds: readonly Hold[]): HoldFit {
  const fit: HoldFit = { held: new Set(), halts: new Map(), fitHolds: [] };
  for (const hold of holds) {
    if (hold.group !== replay.group) continue;
    const index = replay.indexOfName(hold.place);
    const km = replay.kmOfPlace(index);
    if (km === undefined) continue;
    const days = replay.points
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.date >= hold.from && p.date <= hold.to && holdsKm(p, km));
    if (!days.length) continue;
    for (const { i } of days) {
      fit.held.add(i);
      fit.halts.set(i, km);
    }
    fit.fitHolds.push({
      place: replay.corridor.places[index!]!.name,
      days: days.length,
      from: days[0]!.p.date,
      to: days[days.length - 1]!.p.date,
      source: hold.source,
    });
  }
  return fit;
}
