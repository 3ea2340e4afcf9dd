/**
 * GeoJSON route files (docs/contracts.md §1.5): a FeatureCollection of LineStrings, each with a
 * `route_id`, drawn in the direction of travel. Features that cannot be used are rejected with a
 * reason; the file is unusable only when it is not GeoJSON at all or has no usable route.
 */
import { checkRouteGeometry } from "../geo/routeGeometry.ts";
import type { RouteCollection, RouteFeature } from "../model/route.ts";
import type { ImportIssueCode } from "./issue-codes.ts";
import { ingestSource, type IssueParams, type Rejection, type Warning } from "./report.ts";

export interface RouteImportReport {
  fileName?: string;
  features: number;
  accepted: number;
  rejected: number;
  /** `line` is the feature's position in the collection, 1-based. */
  rejections: Rejection[];
  warnings: Warning[];
  /** `params` of `no_routes`: its first reason's code and values (`firstCode`, `first.*`), `more`. */
  fatal?: { code: ImportIssueCode; message: string; params?: IssueParams };
}

export interface RouteImport {
  /** The usable routes; undefined when the file is unusable. */
  routes?: RouteCollection;
  report: RouteImportReport;
}

/**
 * Validates a GeoJSON route file. Each feature's geometry is checked by `checkRouteGeometry`
 * (a LineString of ≥ 2 `[lon, lat]` positions in range, not crossing the antimeridian, length
 * above 0 km); a feature that fails is rejected with the reason, the others are kept.
 * @param text the file's text (a FeatureCollection, or a single Feature).
 * @example
 * importRoute('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"route_id":"main"},"geometry":{"type":"LineString","coordinates":[[-88.0,15.5],[-92.1,14.7]]}}]}')
 *   .report.accepted; // => 1
 */
export function importRoute(text: string, fileName?: string): RouteImport {
  const report: RouteImportReport = {
    ...(fileName !== undefined ? { fileName } : {}),
    features: 0,
    accepted: 0,
    rejected: 0,
    rejections: [],
    warnings: [],
  };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    report.fatal = {
      code: "invalid_json",
      message: `the route file is not JSON (${(error as Error).message}).`,
    };
    return { report };
  }
  const obj = json as { type?: unknown; features?: unknown };
  const features: unknown[] =
    obj && obj.type === "FeatureCollection" && Array.isArray(obj.features)
      ? obj.features
      : obj && obj.type === "Feature"
        ? [obj]
        : [];
  if (!features.length) {
    report.fatal = {
      code: "not_geojson",
      message:
        "the route file is not a GeoJSON FeatureCollection of LineStrings with route_id properties.",
    };
    return { report };
  }
  report.features = features.length;
  if ((obj as { crs?: unknown }).crs !== undefined) {
    report.warnings.push({
      line: 0,
      source: ingestSource(0, fileName),
      code: "crs_ignored",
      message:
        "the route file has a crs member, which RFC 7946 removed; coordinates are read as WGS84 [lon, lat] degrees.",
    });
  }
  const ids = new Set<string>();
  const out: RouteFeature[] = [];
  features.forEach((raw, i) => {
    const line = i + 1;
    const f = raw as {
      type?: unknown;
      properties?: Record<string, unknown> | null;
      geometry?: { type?: unknown; coordinates?: unknown } | null;
    };
    const reject = (code: ImportIssueCode, message: string, params?: IssueParams) => {
      report.rejected++;
      report.rejections.push({ line, code, message, ...(params ? { params } : {}) });
    };
    if (!f || f.type !== "Feature" || !f.geometry)
      return reject("not_a_feature", `feature ${line} is not a GeoJSON Feature with a geometry.`);
    const geometry = checkRouteGeometry(f.geometry, `feature ${line}`);
    if (geometry.problem)
      return reject(geometry.problem.code, geometry.problem.message, geometry.problem.params);
    const props = f.properties ?? {};
    let id = props["route_id"];
    if (typeof id !== "string" || !id.trim()) {
      id = `route_${line}`;
      report.warnings.push({
        line,
        source: ingestSource(line, fileName),
        code: "route_id_generated",
        message: `feature ${line} has no route_id; named ${String(id)}.`,
        params: { id: String(id) },
      });
    }
    if (ids.has(id as string))
      return reject(
        "duplicate_route_id",
        `feature ${line}: route_id "${String(id)}" is used twice.`,
        { id: String(id) },
      );
    ids.add(id as string);
    for (const note of geometry.notes) {
      report.warnings.push({ line, source: ingestSource(line, fileName), ...note });
    }
    report.accepted++;
    out.push({
      type: "Feature",
      properties: { ...props, route_id: id as string },
      geometry: { type: "LineString", coordinates: geometry.coordinates! },
    });
  });
  if (!out.length) {
    // Say why when every feature was rejected: the first reason, and how many more there are.
    const [first, ...more] = report.rejections;
    const why = first
      ? `: ${first.message.replace(/\.$/, "")}${more.length ? ` (and ${more.length} more problem${more.length > 1 ? "s" : ""})` : ""}`
      : "";
    report.fatal = {
      code: "no_routes",
      message: `the route file has no usable LineString route${why}.`,
      ...(first ? { params: firstReason(first, more.length) } : {}),
    };
    return { report };
  }
  return { routes: { type: "FeatureCollection", features: out }, report };
}

/**
 * The first reason of an unusable route file as values (its code, `first.`-prefixed params and
 * how many more there are), so that the sentence can be said in another language.
 */
function firstReason(first: Rejection, more: number): IssueParams {
  const out: IssueParams = { firstCode: first.code, firstLine: first.line, more };
  for (const [k, v] of Object.entries(first.params ?? {})) out[`first.${k}`] = v;
  return out;
}
