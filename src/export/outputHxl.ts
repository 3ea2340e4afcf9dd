/**
 * HXL hashtags of every table the tools write besides the four input tables (those are in
 * tables.ts): one map per output, column name → hashtag, read by every front end that writes the
 * table (`dtm-flow estimate|ledger|forecast|scenario --hxl`; docs/contracts.md §3, "HXL").
 *
 * Hashtags and attributes are the HXL standard's where it has them (`#date`, `#loc+name`,
 * `#loc+code`, `#country+code`, `#geo+lat`, `#affected+ind` people counted one by one,
 * `+min`/`+max` the bounds of a range — here the 90 % interval —, `+f`, `+children`,
 * `+returnees`, `#capacity`, `#status`, `#meta` for a flag about the row itself (tracks.csv
 * `written_before_fit`); a caravan group is `#event+name`, as `caravan_label` in
 * the input tables); what HXL lacks is an `#x_` hashtag (`#x_km` distance
 * along the route, `#x_route`, `#x_probability`) or an attribute of our own (`+asylum`,
 * `+in_transit`, `+p10`/`+p50`/`+p90` quantiles, `+head`/`+tail` parts of a group's body). Within
 * one table no two columns share a hashtag with the same attributes, so an HXL filter can pick
 * any one of them.
 */

const people = "#affected+ind";

/** `#x_km…` columns of a body part: median, 90 % bounds. */
const kmColumns = (prefix: string, part: string): Record<string, string> => ({
  [`${prefix}km`]: `#x_km${part}`,
  [`${prefix}km_low`]: `#x_km${part}+min`,
  [`${prefix}km_high`]: `#x_km${part}+max`,
});

/** Three quantile columns `${name}_p10|_p50|_p90` of one hashtag. */
const quantiles = (name: string, tag: string): Record<string, string> => ({
  [`${name}_p10`]: `${tag}+p10`,
  [`${name}_p50`]: `${tag}+p50`,
  [`${name}_p90`]: `${tag}+p90`,
});

/** The planning figures written on every scenario row (the same on every row). */
const PLANNING = {
  water_litres_per_person_day: "#x_planning+water_litres+per_person_day",
  people_per_latrine_initial: "#x_planning+people_per_latrine+initial",
  people_per_latrine_later: "#x_planning+people_per_latrine+later",
  latrine_later_after_days: "#x_planning+latrine_later_after_days",
  covered_m2_per_person: "#x_planning+covered_m2+per_person",
  hygiene_kits_per_person_month: "#x_planning+hygiene_kits+per_person_month",
};

/** Hashtags per output table, column name → hashtag. */
export const OUTPUT_HXL = {
  /** tracks.csv (docs/contracts.md §3.1). */
  tracks: {
    group: "#event+name",
    date: "#date",
    route_id: "#x_route+id",
    ...kmColumns("", "+median"),
    lat: "#geo+lat",
    lon: "#geo+lon",
    size: people,
    size_low: `${people}+min`,
    size_high: `${people}+max`,
    ...kmColumns("head_", "+head"),
    ...kmColumns("tail_", "+tail"),
    written_before_fit: "#meta+written_before_fit",
    held_after_data: "#meta+held_after_data",
    status: "#status",
  },
  /** split.csv (docs/contracts.md §3.2): the category column says what `value` counts. */
  split: {
    date: "#date",
    category: "#x_category",
    country: "#country+code",
    place_name: "#loc+name",
    value: people,
    value_low: `${people}+min`,
    value_high: `${people}+max`,
  },
  /** departed.csv of `dtm-flow ledger`: people who left and the day's totals. */
  departed: {
    date: "#date",
    value: `${people}+departed`,
    value_low: `${people}+departed+min`,
    value_high: `${people}+departed+max`,
    from_tracks: `${people}+departed+from_tracks`,
    accounted: `${people}+accounted`,
    in_transit: `${people}+in_transit`,
    present_at_places: `${people}+present`,
    returned: `${people}+returnees`,
    onward: `${people}+onward`,
    unknown: `${people}+unknown`,
    beyond_groups: `${people}+present+beyond_groups`,
  },
  /** places.csv of `dtm-flow ledger`: people at every place per day, by status. */
  placesByStatus: {
    date: "#date",
    place_name: "#loc+name",
    country: "#country+code",
    travelling: `${people}+present+travelling`,
    resting: `${people}+present+resting`,
    waiting: `${people}+present+asylum+waiting`,
    staying: `${people}+present+staying`,
    present: `${people}+present`,
    present_low: `${people}+present+min`,
    present_high: `${people}+present+max`,
    capacity: "#capacity+ind",
    estimated: `${people}+present+estimated`,
  },
  /** forecast.csv of `dtm-flow forecast`. */
  forecast: {
    group: "#event+name",
    place_name: "#loc+name",
    km: "#x_km",
    ...quantiles("arrival", "#date+arrival"),
    ...quantiles("people", `${people}+arrivals`),
    prob_within_horizon: "#x_probability+within_horizon",
    status: "#status",
    ...quantiles("head_arrival", "#date+arrival+head"),
    place_offset_km: "#x_km+offset",
    position_unknown: "#status+position_unknown",
  },
  /** positions.csv of `dtm-flow forecast`: the daily forecast cone of every group. */
  positions: {
    group: "#event+name",
    route_id: "#x_route+id",
    date: "#date",
    ...quantiles("km", "#x_km"),
    ...quantiles("size", people),
  },
  /** scenario-place-days.csv (docs/scenarios.md). */
  scenarioPlaceDays: {
    scenario: "#x_scenario+name",
    place_id: "#loc+code",
    place: "#loc+name",
    country: "#country+code",
    date: "#date",
    capacity: "#capacity+ind",
    km: "#x_km",
    ...quantiles("arrivals", `${people}+arrivals`),
    ...quantiles("present", `${people}+present`),
    present_women_p50: `${people}+present+f+adults+p50`,
    present_children_p50: `${people}+present+children+p50`,
    present_unaccompanied_children_p50: `${people}+present+children+unaccompanied+p50`,
    over_capacity_share_of_runs: "#x_probability+over_capacity",
    ...quantiles("asylum_claims", `${people}+asylum`),
    ...quantiles("returns", `${people}+returnees`),
    ...quantiles("regularized", `${people}+regularized`),
    water_m3_day_p50: "#x_water+m3_per_day+p50",
    water_m3_day_p90: "#x_water+m3_per_day+p90",
    latrines_p50: "#x_latrines+num+p50",
    latrines_p90: "#x_latrines+num+p90",
    covered_m2_p50: "#x_covered_space+m2+p50",
    covered_m2_p90: "#x_covered_space+m2+p90",
    hygiene_kits_month_p50: "#x_hygiene_kits+per_month+p50",
    hygiene_kits_month_p90: "#x_hygiene_kits+per_month+p90",
    ...PLANNING,
  },
  /** scenario-summary.csv (docs/scenarios.md): one row per place. */
  scenarioSummary: {
    place_id: "#loc+code",
    place: "#loc+name",
    country: "#country+code",
    km: "#x_km",
    capacity: "#capacity+ind",
    reach_probability: "#x_probability+reached",
    ...quantiles("first_arrival", "#date+arrival+first"),
    ...quantiles("peak_date", "#date+peak"),
    ...quantiles("peak_present", `${people}+present+peak`),
    over_capacity_run_probability: "#x_probability+over_capacity+any_day",
    days_over_capacity_p50: "#x_days+over_capacity+p50",
    first_day_over_capacity_p50: "#date+over_capacity+first+p50",
    days_over_capacity_p90: "#x_days+over_capacity+p90",
    first_day_over_capacity_p90: "#date+over_capacity+first+p90",
    asylum_claims_p50: `${people}+asylum+p50`,
    returns_p50: `${people}+returnees+p50`,
    regularized_p50: `${people}+regularized+p50`,
    water_m3_day_peak_p90: "#x_water+m3_per_day+peak+p90",
    latrines_peak_p90: "#x_latrines+num+peak+p90",
    covered_m2_peak_p90: "#x_covered_space+m2+peak+p90",
    hygiene_kits_month_peak_p90: "#x_hygiene_kits+per_month+peak+p90",
    peak_note: "#description+peak",
  },
  /** scenario-totals.csv (docs/scenarios.md): the median run's totals per day. */
  scenarioTotals: {
    date: "#date",
    run: "#x_run+num",
    entered: `${people}+departed`,
    on_road: `${people}+on_road`,
    present_at_places: `${people}+present`,
    travelling_at_places: `${people}+present+travelling`,
    at_destination: `${people}+present+destination`,
    asylum_claimants_waiting: `${people}+present+asylum+waiting`,
    regularized_staying: `${people}+present+regularized`,
    returned: `${people}+returnees`,
    onward: `${people}+onward`,
    in_transit: `${people}+in_transit`,
  },
} as const satisfies Record<string, Readonly<Record<string, string>>>;

/** An output table that has hashtags. */
export type OutputTable = keyof typeof OUTPUT_HXL;

/**
 * The hashtags of `columns` of an output table, for `formatCsv`'s `hxl` option.
 * @throws Error naming a column the table has no hashtag for (a column added without one).
 * @example
 * outputHxl("split", ["date", "value"]); // => { date: "#date", value: "#affected+ind" }
 */
export function outputHxl(table: OutputTable, columns: readonly string[]): Record<string, string> {
  const tags: Readonly<Record<string, string>> = OUTPUT_HXL[table];
  const out: Record<string, string> = {};
  for (const c of columns) {
    const tag = tags[c];
    if (tag === undefined) throw new Error(`no HXL hashtag for column ${c} of ${table}`);
    out[c] = tag;
  }
  return out;
}

/**
 * `formatCsv` options with the hashtag row of an output table when `on`, none otherwise.
 * @example
 * formatCsv(rows, { columns, ...hxlOption("departed", columns, values.hxl === true) });
 */
export function hxlOption(
  table: OutputTable,
  columns: readonly string[],
  on: boolean | undefined,
): { hxl?: Record<string, string> } {
  return on ? { hxl: outputHxl(table, columns) } : {};
}
