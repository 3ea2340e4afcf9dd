/**
 * One Dataset from imported files on a base dataset (the embedded 2018 one): the rule every front
 * end (the CLI, the viewer's analyst workspace, the notebooks) uses.
 */
import type { ImportedRecord } from "../ingest/importer.ts";
import type { TableKind } from "../ingest/fields.ts";
import type { CountRecord } from "../model/count.ts";
import type { Dataset } from "../model/dataset.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import type { Place } from "../model/place.ts";
import type { RouteCollection } from "../model/route.ts";
import type { Sighting } from "../model/sighting.ts";
import type { StockFigure } from "../model/stock.ts";

/** One imported file: a table's records or a route collection. */
export interface DatasetFile {
  /** File name, shown in the dataset's name. */
  name: string;
  kind: TableKind | "route";
  /** The importer's accepted records (tables). */
  records?: readonly ImportedRecord[];
  /** The routes (kind `route`). */
  routes?: RouteCollection;
}

/** Options of {@link assembleDataset}. */
export interface AssembleOptions {
  /** IANA time zone of the report; default the base's, else America/Mexico_City. */
  timeZone?: string;
  /** Put in front of the file names in the dataset's name (the CLI says "Files: "); default "". */
  namePrefix?: string;
}

/**
 * The Dataset of some imported files on a base:
 * - places: the files' places first (in file order), then the base's places not redefined
 *   (same `placeId`), so both resolve names;
 * - routes: the files' route features (concatenated) when any, else the base's;
 * - sightings, counts and stocks: from the files (files of one kind are concatenated); when no
 *   file gives any of the three, all three are the base's, with its aggregates (the aggregates
 *   belong to the base's figures and are dropped with them);
 * - name: the file names, with " + " and the base's name when its movement tables are kept; the
 *   base's name when no file is given.
 * @example
 * assembleDataset([{ name: "r.geojson", kind: "route", routes }], embedded2018()).name;
 * // => "r.geojson + Caravans Oct–Dec 2018 (embedded)"
 */
export function assembleDataset(
  files: readonly DatasetFile[],
  base: Dataset,
  options: AssembleOptions = {},
): Dataset {
  const of = <T>(kind: TableKind) =>
    files.filter((f) => f.kind === kind).flatMap((f) => (f.records ?? []) as T[]);
  const mine = of<Place>("places");
  const ids = new Set(mine.map((p) => p.placeId));
  const routeFiles = files.filter((f) => f.kind === "route" && f.routes);
  const movement = files.some(
    (f) => f.kind === "sightings" || f.kind === "counts" || f.kind === "stocks",
  );
  const names = files.map((f) => f.name);
  return {
    name: names.length
      ? `${options.namePrefix ?? ""}${names.join(", ")}${movement ? "" : ` + ${base.name}`}`
      : base.name,
    places: [...mine, ...base.places.filter((p) => !ids.has(p.placeId))],
    routes: routeFiles.length
      ? { type: "FeatureCollection", features: routeFiles.flatMap((f) => f.routes!.features) }
      : base.routes,
    sightings: movement ? of<Sighting>("sightings") : base.sightings,
    counts: movement ? of<CountRecord>("counts") : base.counts,
    stocks: movement ? of<StockFigure>("stocks") : base.stocks,
    ...(!movement && base.aggregates ? { aggregates: base.aggregates } : {}),
    timeZone: options.timeZone ?? base.timeZone ?? DEFAULT_TIME_ZONE,
  };
}
