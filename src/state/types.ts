/** The state of the corridor on one day: groups on the road, people at places, totals. */
import type { IsoDate, Iso3, Km, People } from "../model/units.ts";
import type { GroupDayStatus } from "./groupStatus.ts";
import type { PositionUnknown } from "./positionUnknown.ts";

/**
 * Why people are at a place. `travelling`: people of a group on the road passing through (within
 * the arrival radius; they are in transit, not present at places, in the totals); `resting`:
 * people counted as remaining at a place on the way; `waiting`: asylum claimants waiting for a
 * decision; `staying`: people remaining at the end of a route (the border cities), regularised,
 * or another outcome in the host country.
 */
export type PresenceStatus = "travelling" | "resting" | "waiting" | "staying";
export const PRESENCE_STATUSES: readonly PresenceStatus[] = [
  "travelling",
  "resting",
  "waiting",
  "staying",
];

/** A group's body on one day, from its track point (km along its route; 90 % intervals). */
export interface GroupBody {
  group: string;
  routeId: string;
  /** The median person, with its interval. */
  km: Km;
  kmLow: Km;
  kmHigh: Km;
  /** The head (vanguard) and tail (rear); `km` when the track has no body. */
  headKm: Km;
  headKmLow: Km;
  headKmHigh: Km;
  tailKm: Km;
  tailKmLow: Km;
  tailKmHigh: Km;
  lon: number;
  lat: number;
  /** Estimated size (people); NaN when no source gave one. */
  size: People;
  sizeLow: People;
  sizeHigh: People;
  /** People of the group still on the road (the ledger's `in_transit` adds these up). */
  onRoad: People;
  onRoadLow: People;
  onRoadHigh: People;
  /** The place the group has reached (within the arrival radius), when people are counted there. */
  atPlace?: string;
  /**
   * The group's last report, when it is more than `MAX_SILENCE_DAYS` (21) days before the day: its
   * track is the estimator's guess, no one of it is on the road (`onRoad` 0), its people are
   * unknown — "not seen since" this date.
   */
  unseenSince?: IsoDate;
  /**
   * On the road, arrived, accounted for or dissolved that day (`groupDayStatus`,
   * src/state/groupStatus.ts: the one rule tracks.csv, the forecast and the viewer read).
   */
  status: GroupDayStatus;
  /**
   * The group is on the road but its position names no place that day (no report for more than
   * `SILENT_DAYS` (7) days and a 90 % km interval wider than `POSITION_UNKNOWN_KM` (1,000 km):
   * src/state/positionUnknown.ts, the rule the forecast reads too). Its people stay in transit
   * (`onRoad`), at no named place: no `atPlace`, never "travelling through" a town in the places.
   */
  positionUnknown?: PositionUnknown;
  /**
   * People of an arrived group whom no count holds yet, at `atDestinationPlace` (its route's end):
   * the ledger counts them `remaining` there, estimated, not counted (src/ledger/arrived.ts).
   */
  atDestination?: People;
  atDestinationPlace?: string;
  /**
   * Share of the group (0–1) taken in by the count at its destination while silent (no report
   * for more than 7 days, its 90 % km interval reaching its route's end): the ledger's `takenIn`,
   * src/state/takenIn.ts. All of it (1) makes it `accounted_for`, "taken in at Tijuana".
   */
  takenIn?: number;
  /** The place whose count took those people in. */
  takenInPlace?: string;
  /**
   * For an `arrived` group: the first day of its run of arrived days up to this one (the state's
   * days, `withArrivalDates`). The map says "arrived 17 Nov" for an arrived group whose people the
   * counts there hold (no `atDestination`), not its estimated size as people present.
   */
  arrivedOn?: IsoDate;
}

/** People at one place (an area: a city or crossing, its shelters summed in) on one day. */
export interface PlacePresence {
  /** Area name; undefined for people the sources place in a country only (`country` set). */
  placeName?: string;
  country?: Iso3;
  lon?: number;
  lat?: number;
  /** Sum of the shelter capacities of the area (people); undefined when no source gives one. */
  capacity?: People;
  /** People by status (whole people, from the ledger's rows; `travelling` unrounded sums of groups). */
  travelling: People;
  resting: People;
  waiting: People;
  staying: People;
  /**
   * Date of the OLDEST count the people remaining here still rest on (the ledger's
   * `placeCounts`): as of a date a count is held up to 10 days when no newer one is known, and a
   * town's value may add counts of several days, so the value may be days old ("counted 19 Nov");
   * undefined without such a count.
   */
  countedOn?: IsoDate;
  /** Date of the newest count it rests on, when not `countedOn`'s day ("counted 29 Nov–4 Dec"). */
  countedLatest?: IsoDate;
  /** The newest count's figure when it is only an upper bound (the ledger's `latestUpTo`). */
  latestUpTo?: People;
  /**
   * People of `present` (in `staying`) that are estimated, not counted: arrived groups' people no
   * count holds yet (`GroupBody.atDestination`); undefined when none. Front ends say
   * "estimated, not counted" (review 24b M4: LGBT group's 882 at Tijuana as of 15 Nov 2018 read as
   * a count).
   */
  estimated?: People;
  /** resting + waiting + staying: the people present at the place who are not in transit. */
  present: People;
  presentLow: People;
  presentHigh: People;
}

/** The corridor's totals on one day (whole people). */
export interface CorridorTotals {
  /** People who have left so far (the ledger's departed; never falls). */
  departed: People;
  /** People on the road (the ledger's `in_transit`). */
  inTransit: People;
  /** People at places, not in transit: remaining, asylum claims, regularised, other. */
  presentAtPlaces: People;
  /** People returned to their countries. */
  returned: People;
  /** People who moved onward (e.g. crossed into the United States). */
  onward: People;
  /** People no source places on the day. */
  unknown: People;
}

/** The state of the corridor on one day. */
export interface CorridorDay {
  date: IsoDate;
  groups: GroupBody[];
  /** Areas with someone present or travelling through, largest `present` first; country-only rows last. */
  places: PlacePresence[];
  totals: CorridorTotals;
}
