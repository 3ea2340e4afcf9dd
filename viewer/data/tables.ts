/**
 * The analyst's table exports of a replay (tracks, split, the input tables), written by the
 * library's formatters as the CLI writes them (docs/contracts.md §3.4). One function for the
 * analyst worker (the replay of the files, or of the 2018 data) and the evidence worker (the
 * corrected replay the map shows after a correction: its tracks and split, as `dtm-flow estimate`
 * / `ledger --corrections` write them, and the input tables as read). Nothing is computed here.
 */
import {
  createRouteIndex,
  formatSplitCsv,
  formatTableCsv,
  formatTracksCsv,
  toGeoJson,
  trackFileStatuses,
  tracksToGeoJson,
} from "../../src/index.ts";
import type {
  Dataset,
  SplitRow,
  TableKind,
  TableRecord,
  TrackEndFacts,
  TrackPoint,
} from "../../src/index.ts";
import type { ExportFile } from "../analyst/protocol.ts";

/**
 * What the tables are written from: the input tables as read (`dataset`, never corrected: after a
 * correction the analyst's corrections file must still fit them, and no report is lost), and the
 * replay's tracks (held days included), split and track ends.
 */
export interface TableSource {
  dataset: Dataset;
  tracks: readonly TrackPoint[];
  split: readonly SplitRow[];
  trackEnds: readonly TrackEndFacts[];
}

/** The outputs (tracks.*, split.csv): the replay's; the other files are the input tables. */
export const isOutputTable = (name: string): boolean =>
  name.startsWith("tracks.") || name === "split.csv";

/**
 * The table source of a corrected replay (the evidence worker's): the outputs from the corrected
 * replay, the input tables from `asRead`, the dataset the corrections were applied to (the
 * replay's own dataset has rejected reports removed and relabels written in; exported, it would
 * lose reports and no longer take the same corrections file). Routes are not corrected.
 */
export function correctedTableSource(
  asRead: Dataset,
  replayed: { tracks: readonly TrackPoint[]; ledger: { split: readonly SplitRow[] } },
  trackEnds: readonly TrackEndFacts[],
): TableSource {
  return { dataset: asRead, tracks: replayed.tracks, split: replayed.ledger.split, trackEnds };
}

/**
 * The tables of a replay. `hxl` ("with HXL hashtags") governs only the outputs, `tracks.csv` and
 * `split.csv`, like `--hxl` of estimate and ledger; the four input tables (counts, sightings,
 * stocks, places) always carry the importer's hashtag row, as `dtm-flow import` writes them by
 * default. CSVs carry the UTF-8 byte-order mark (the formatters' default), for Excel.
 */
export function replayTables(source: TableSource, hxl: boolean): ExportFile[] {
  const { dataset, split, trackEnds } = source;
  const tracks = [...source.tracks];
  const statuses = trackFileStatuses(tracks, dataset.routes, trackEnds);
  const csv = "text/csv;charset=utf-8";
  const geo = "application/geo+json";
  const out: ExportFile[] = [
    { name: "tracks.csv", mime: csv, text: formatTracksCsv(tracks, { hxl, statuses }) },
    {
      name: "tracks.geojson",
      mime: geo,
      text:
        JSON.stringify(tracksToGeoJson(tracks, createRouteIndex(dataset.routes), statuses)) + "\n",
    },
    { name: "split.csv", mime: csv, text: formatSplitCsv([...split], { hxl }) },
  ];
  const kinds: [TableKind, TableRecord[]][] = [
    ["counts", dataset.counts],
    ["sightings", dataset.sightings],
    ["stocks", dataset.stocks],
    ["places", dataset.places],
  ];
  for (const [kind, records] of kinds) {
    out.push({
      name: `${kind}.csv`,
      mime: csv,
      text: formatTableCsv(kind, records, { hxl: true }).text,
    });
    if (kind !== "stocks")
      out.push({
        name: `${kind}.geojson`,
        mime: geo,
        text: JSON.stringify(toGeoJson(kind, records)) + "\n",
      });
  }
  return out;
}
