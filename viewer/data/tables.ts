/**
 * The analyst's table exports of a replay (tracks, split, the input tables), written by the
 * library's formatters as the CLI writes them (docs/contracts.md §3.4). One function for the
 * analyst worker (the replay of the files, or of the 2018 data) and the evidence worker (the
 * corrected replay the map shows after a correction: its tracks, split and corrected inputs, as
 * `dtm-flow estimate` / `ledger --corrections` write them). Nothing is computed here.
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

/** What the tables are written from: a replay's dataset, tracks (held days included), split. */
export interface TableSource {
  dataset: Dataset;
  tracks: readonly TrackPoint[];
  split: readonly SplitRow[];
  trackEnds: readonly TrackEndFacts[];
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
