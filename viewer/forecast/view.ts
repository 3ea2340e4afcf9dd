/**
 * ForecastView: what the forecast panel shows for one as-of moment, as plain structured-clone-able
 * data (so a Web Worker can build it). Built from the library's nowcast + forecastArrivals.
 */
import { createRouteIndex, embedded2018, sliceRoute } from "../../src/index.ts";
import type {
  CorrectionsFile,
  Dataset,
  GroupForecastStatus,
  IsoDate,
  Km,
  LonLat,
  PositionUnknown,
} from "../../src/index.ts";
import { forecastArrivals, mulberry32, nowcast } from "../../src/index.ts";

/** p10 / p50 / p90. */
export interface Q3 {
  p10: number;
  p50: number;
  p90: number;
}

/** One day of one group's forecast cone: where it may be at 12:00 that day. */
export interface ConeDay {
  date: IsoDate;
  km: Q3;
  /** The route between km p10 and p90 (lon/lat vertices). */
  band: LonLat[];
  /** Position of the p50 km. */
  at: LonLat;
}

export interface ForecastView {
  /** The as-of moment requested (ISO date-time, local). */
  asOf: string;
  asOfDate: IsoDate;
  horizonDays: number;
  /** Whole days after its last report past which a group is dissolved (the forecast's `staleDays`). */
  staleDays: number;
  /**
   * Every group as of the forecast: on the road (moved on), arrived at its route's end, or
   * dissolved (no report for more than `staleDays` days), with where it arrived or was last placed
   * (`forecastArrivals`' `groups`, the rows `dtm-flow forecast` writes with a status).
   */
  groups: {
    group: string;
    routeId: string;
    lastObserved: IsoDate;
    daysSinceObserved: number;
    status: GroupForecastStatus;
    place?: string;
    /** The place's Spanish name when the gazetteer has one (`Place.nameEs`). */
    placeEs?: string;
    /** km from `place` to the group (positive: past it), the library's `placeOffsetKm`. */
    placeOffsetKm?: Km;
    /** km along its route where it was last placed (median), the library's `GroupStatus.km`. */
    km?: Km;
    /**
     * Local date of the group's last position report up to the as-of moment (the library's
     * `lastReportDate`); its track, and `lastObserved`, may run days past it (to the last day of
     * the data).
     */
    lastReport?: IsoDate;
    /**
     * On the road but its position names no place (the library's `positionUnknown`: no report for
     * more than `SILENT_DAYS`, a 90 % km interval wider than `POSITION_UNKNOWN_KM`): the panel
     * says so as `dtm-flow forecast` does and lists no place ahead for it.
     */
    positionUnknown?: PositionUnknown;
    /** The date `place`/`km` are of (the library's `placedDate`). */
    placedDate?: IsoDate;
  }[];
  /**
   * Arrivals within the horizon or beyond it, by group then km: the median person's (p10/p50/p90)
   * and, when the tracks have a head, the first people's (`head`: when shelters must open).
   */
  arrivals: {
    group: string;
    placeId: string;
    place: string;
    /** The place's Spanish name when the gazetteer has one (`Place.nameEs`). */
    placeEs?: string;
    km: Km;
    p10?: IsoDate;
    p50?: IsoDate;
    p90?: IsoDate;
    people?: Q3;
    prob: number;
    head?: { p10?: IsoDate; p50?: IsoDate; p90?: IsoDate };
    /**
     * The nowcast's median head is at or past the place (the library's `headReached`): the
     * first people are already there (the forecast dates that to the as-of day).
     */
    headReached?: true;
    /**
     * Most of the group was already past the place as of the day (the library's `mostPassed`):
     * the panel says so with the p90 (when the last may arrive) instead of the median date.
     */
    mostPassed?: true;
  }[];
  /** One per group the forecast moves on with a known position (none for `positionUnknown`). */
  cones: { group: string; routeId: string; days: ConeDay[] }[];
}

/**
 * Nowcast and forecast of every group as of `asOf` (data observed up to then only), as a view.
 * Takes about as long as one estimator run (≈ 0.3–1 s for the 2018 data).
 * @param dataset the data (default: the embedded 2018 data).
 * @param asOf ISO date-time, local to the dataset's time zone.
 * @param horizonDays days ahead (default 14).
 * @param runs Monte Carlo runs; default the library's (as `dtm-flow forecast`, whose default
 *   runs and seed 1 it shares, so that the panel and forecast.csv give the same dates and people).
 * @param corrections an analyst's corrections: the nowcast is of the corrected estimate and state
 *   (the library's `nowcast` with `corrections`, as `dtm-flow forecast --corrections`). Default none.
 * @throws CorrectionsError when a correction does not fit the data.
 * @example computeForecastView(embedded2018(), "2018-11-01T12:00:00").arrivals[0]
 */
export function computeForecastView(
  input: Dataset = embedded2018(),
  asOf: string,
  horizonDays = 14,
  runs?: number,
  corrections?: CorrectionsFile,
): ForecastView {
  const index = createRouteIndex(input.routes);
  const now = nowcast(input, { asOf, routeIndex: index, ...(corrections ? { corrections } : {}) });
  // The corrected copy when there are corrections (its places and routes are the input's).
  const dataset = now.corrected?.dataset ?? input;
  const f = forecastArrivals(now, {
    dataset,
    routeIndex: index,
    horizonDays,
    ...(runs === undefined ? {} : { runs }),
    random: mulberry32(1),
  });
  // Spanish names by the library's place name, for the panel in Spanish (`placeLabel`).
  const esOf = (name: string | undefined) => {
    const es = dataset.places.find((p) => p.name === name)?.nameEs;
    return es === undefined ? {} : { placeEs: es };
  };
  // No cone for a group whose position the library calls unknown (`positionUnknown`: silent for
  // over a week, its 90 % km range over 1,000 km): the panel says so in the library's sentence.
  const unknown = new Set(f.groups.filter((s) => s.positionUnknown).map((s) => s.group));
  const cones = now.groups
    .filter((g) => !unknown.has(g.group))
    .map((g) => ({
      group: g.group,
      routeId: g.routeId,
      days: f.positions
        .filter((p) => p.group === g.group)
        .map((p) => ({
          date: p.date,
          km: p.km,
          band: sliceRoute(index, p.routeId, p.km.p10, p.km.p90),
          at: index.along(p.routeId, p.km.p50),
        })),
    }));
  return {
    asOf,
    asOfDate: now.asOfDate,
    horizonDays,
    staleDays: f.staleDays,
    groups: now.groups.map((g) => {
      const status = f.groups.find((s) => s.group === g.group);
      return {
        group: g.group,
        routeId: g.routeId,
        lastObserved: g.observedDate ?? g.lastDate,
        daysSinceObserved: g.daysSinceObserved,
        status: status?.status ?? "on_road",
        ...(status?.placeName ? { place: status.placeName, ...esOf(status.placeName) } : {}),
        ...(status?.placeOffsetKm !== undefined ? { placeOffsetKm: status.placeOffsetKm } : {}),
        ...(status ? { km: status.km } : {}),
        ...(g.lastReportDate ? { lastReport: g.lastReportDate } : {}),
        ...(status?.positionUnknown
          ? { positionUnknown: status.positionUnknown, placedDate: status.placedDate }
          : status
            ? { placedDate: status.placedDate }
            : {}),
      };
    }),
    arrivals: f.arrivals.map((a) => ({
      group: a.group,
      placeId: a.placeId,
      place: a.placeName,
      ...esOf(a.placeName),
      km: a.km,
      p10: a.arrivalDate.p10,
      p50: a.arrivalDate.p50,
      p90: a.arrivalDate.p90,
      people: a.people,
      prob: a.probWithinHorizon,
      ...(a.headArrivalDate ? { head: a.headArrivalDate } : {}),
      ...(a.headReached ? { headReached: a.headReached } : {}),
      ...(a.mostPassed ? { mostPassed: a.mostPassed } : {}),
    })),
    cones,
  };
}
