/**
 * Units and primitive value types shared by every layer.
 *
 * Missing-data rule (decided once, for the whole library): a blank cell, an `N/A` or any other
 * "not known" value is `undefined` — never `0`. Functions that reduce values skip `undefined`
 * and return `undefined` when nothing is left (as d3-array does).
 */

/** Kilometres along a route or on the ground. */
export type Km = number;
/** A number of people (integer ≥ 0 when counted; may be fractional when estimated). */
export type People = number;
/** Days; fractional days allowed (12:00 local time = 0.5). */
export type Days = number;
/** Calendar date, ISO 8601 `YYYY-MM-DD`, local date at the place. */
export type IsoDate = string;
/**
 * Date or date-time, ISO 8601: `2018-10-13`, `2018-10-13T06:00`, `2018-10-13T06:00:00-06:00`.
 * Without an offset it is local time at the place (the report time zone when unknown).
 */
export type IsoDateTime = string;
/** ISO 3166-1 alpha-3 country code, e.g. `HND`, `GTM`, `SLV`, `MEX`, `USA`. */
export type Iso3 = string;
/** WGS84 longitude/latitude in decimal degrees, GeoJSON order. */
export type LonLat = [lon: number, lat: number];
