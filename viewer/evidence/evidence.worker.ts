/// <reference lib="webworker" />
/**
 * The evidence worker: the dataset (the embedded 2018 one, or the analyst's files the map shows)
 * and the analyst's corrections. On `run` it
 * runs the library's replay with the corrections (`runReplay`, as `dtm-flow estimate`, `ledger`
 * and `report --corrections` do: corrected estimate → ledger → state) and sends the map's replay
 * drawn from it (presence and situation panels of the corrected state), and the time–distance
 * chart's content; on `forecast` the forecast panel's forecast of the corrected data as of a
 * moment (`dtm-flow forecast --corrections`; only the latest asked per corrections set, the last 16
 * kept: forecastQueue.ts); on `tables` the
 * analyst's table exports of the last run (tracks and split of the corrected replay, the input
 * tables as read); on `evidence` it lists
 * the reports behind a group-day; on `check` it runs the held-out check once, shown with the
 * evidence from then on. Nothing is sent anywhere else.
 */
import {
  checkEstimate,
  CorrectionsError,
  embedded2018,
  evidenceFor,
  formatTracksCsv,
  runReplay,
  situationReport2018,
  timeDistance,
  trackFileStatuses,
} from "../../src/index.ts";
import type { CheckResult, CorrectedEstimate, Dataset, TrackPoint } from "../../src/index.ts";
import { computeAsOfDay } from "../data/asOfDay.ts";
import { correctedTableSource, replayTables } from "../data/tables.ts";
import type { TableSource } from "../data/tables.ts";
import { computeForecastView } from "../forecast/view.ts";
import type { ForecastView } from "../forecast/view.ts";
import type { AsOfDay } from "../data/asOfDay.ts";
import { replayInput } from "../data/embedded.ts";
import { prepareReplay } from "../data/prepare.ts";
import { FORECAST_CACHE_SIZE, LatestRequest, Lru } from "./forecastQueue.ts";
import type { DatasetReply, DatasetRequest } from "../analyst/protocol.ts";
import type { EvidenceMessage, EvidenceRequest, PortMessage, RunResult } from "./protocol.ts";

const post = (m: EvidenceMessage) => (self as unknown as Worker).postMessage(m);
/** The data the estimate is made from: the embedded 2018 data set until the page sends others. */
let base: { dataset: Dataset; seeds: boolean } | undefined;
const held = () => (base ??= { dataset: embedded2018(), seeds: true });
let last: CorrectedEstimate | undefined;
let check: CheckResult | undefined;
/** Situations as known on a day of the data held, by day and corrections (emptied with new data). */
const asOfDays = new Map<string, AsOfDay>();
/** Forecasts of the data held, by as-of moment, horizon and corrections (emptied with new data). */
const forecasts = new Lru<ForecastView>(FORECAST_CACHE_SIZE);
/** The latest forecast asked for per corrections set: older queued ones are dropped. */
const latestForecast = new LatestRequest();
/** The last run's corrected replay, for the table exports, and its corrections (as JSON). */
let lastTables: { source: TableSource; corrections: string } | undefined;

/** The channel to the analyst worker, where the datasets of the analyst's files are. */
let analyst: MessagePort | undefined;
const asked = new Map<number, (d: Dataset | undefined) => void>();

/** The analyst worker's dataset of compute `id` (undefined when a newer compute replaced it). */
function analystDataset(id: number): Promise<Dataset | undefined> {
  const port = analyst;
  if (!port) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    asked.set(id, resolve);
    port.postMessage({ type: "dataset", id } satisfies DatasetRequest);
  });
}

/** Switches to the data a run names (absent: keeps the data held). */
async function useData(data: Extract<EvidenceRequest, { type: "run" }>["data"]): Promise<void> {
  if (data === "embedded") base = undefined;
  else if (data) {
    const dataset = await analystDataset(data.id);
    if (!dataset) throw new Error("these data were replaced by newer ones meanwhile.");
    base = { dataset, seeds: data.seeds };
  }
  if (data) {
    asOfDays.clear();
    forecasts.clear();
  }
}

// One request at a time, in order: a run that waits for its dataset finishes before the evidence
// requests that follow it.
let queue: Promise<void> = Promise.resolve();
self.addEventListener("message", (event: MessageEvent<EvidenceRequest | PortMessage>) => {
  const m = event.data;
  if (m.type === "port") {
    analyst = m.port;
    analyst.addEventListener("message", (e: MessageEvent<DatasetReply>) => {
      asked.get(e.data.id)?.(e.data.dataset);
      asked.delete(e.data.id);
    });
    analyst.start();
    return;
  }
  if (m.type === "forecast") latestForecast.arrived(JSON.stringify(m.corrections), m.req);
  queue = queue.then(() => answer(m));
});

async function answer(m: EvidenceRequest): Promise<void> {
  try {
    if (m.type === "run") {
      await useData(m.data);
      run(m.req, m);
    } else if (m.type === "evidence") {
      if (!last) throw new Error("no estimate yet");
      const evidence = evidenceFor(last.dataset, last.estimate, m.group, m.date, {
        accepted: last.accepted,
        rejected: last.rejected,
        ...(check ? { check } : {}),
      });
      post({ type: "evidence", req: m.req, evidence });
    } else if (m.type === "check") {
      if (!last) throw new Error("no estimate yet");
      check = checkEstimate(last.dataset, { full: last.estimate });
      post({ type: "checked", req: m.req, heldOut: check.heldOut });
    } else if (m.type === "asOf") {
      const key = `${m.date}|${JSON.stringify(m.corrections)}`;
      let day = asOfDays.get(key);
      if (!day) {
        day = computeAsOfDay(held().dataset, m.date, { corrections: m.corrections });
        asOfDays.set(key, day);
      }
      post({ type: "asOf", req: m.req, day });
    } else if (m.type === "forecast") {
      // A newer day was asked for with the same corrections: the panel no longer shows this one.
      if (latestForecast.isStale(JSON.stringify(m.corrections), m.req)) {
        post({ type: "dropped", req: m.req });
        return;
      }
      // The runs are seeded (seed 1, as the CLI's default): the same moment gives the same view,
      // so a view kept is shown again rather than computed again.
      const key = `${m.asOf}|${m.horizonDays}|${JSON.stringify(m.corrections)}`;
      let view = forecasts.get(key);
      if (!view) {
        view = computeForecastView(held().dataset, m.asOf, m.horizonDays, undefined, m.corrections);
        forecasts.set(key, view);
      }
      post({ type: "forecast", req: m.req, view });
    } else if (m.type === "tables") {
      // Said by the export bar in the viewer's language (TablesPendingError).
      if (!lastTables || lastTables.corrections !== JSON.stringify(m.corrections)) {
        post({ type: "tablesPending", req: m.req });
        return;
      }
      post({ type: "tables", req: m.req, files: replayTables(lastTables.source, m.hxl) });
    }
  } catch (error) {
    if (error instanceof CorrectionsError) {
      post({ type: "invalid", req: m.req, problems: error.problems });
    } else {
      post({
        type: "error",
        req: m.req,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

function run(req: number, m: Extract<EvidenceRequest, { type: "run" }>): void {
  const { dataset, seeds } = held();
  const t0 = performance.now();
  // The one pipeline (estimate with the corrections → ledger → state); its tracks are the
  // group-days of `dtm-flow estimate`: a track that ends with the data is held until its group
  // is unseen (carryTracks).
  const replayed = runReplay(dataset, { corrections: m.corrections });
  const ms = performance.now() - t0;
  // Without group sightings (none in the data, or all rejected) the replay tracks no group
  // (runReplay), so there is no estimate to explain: said, not drawn from something else.
  const estimate = replayed.estimate;
  const corrections = replayed.corrections;
  if (!estimate || !corrections) {
    last = undefined;
    lastTables = undefined;
    check = undefined;
    post({ type: "noGroups", req });
    return;
  }
  const corrected: CorrectedEstimate = { ...corrections, dataset: replayed.dataset, estimate };
  last = corrected;
  lastTables = {
    source: correctedTableSource(dataset, replayed, estimate.report.trackEnds),
    corrections: JSON.stringify(m.corrections),
  };
  check = undefined;
  const replay = prepareReplay(replayInput(replayed, seeds ? situationReport2018() : undefined));
  post({ type: "result", req, result: runResult(dataset, corrected, replayed.tracks, replay, ms) });
}

/** The page's result of a run: chart, replay, what the corrections did, tracks.csv. */
function runResult(
  asRead: Dataset,
  corrected: CorrectedEstimate,
  tracks: readonly TrackPoint[],
  replay: RunResult["replay"],
  ms: number,
): RunResult {
  const { estimate } = corrected;
  const rejected = asRead.sightings.filter((s) => corrected.rejected.includes(s.id ?? ""));
  const chart = timeDistance(corrected.dataset, estimate, {
    accepted: corrected.accepted,
    rejected,
  });
  return {
    chart,
    replay,
    applied: corrected.applied,
    accepted: corrected.accepted,
    rejected: corrected.rejected,
    destinations: corrected.destinations,
    // As `dtm-flow estimate` writes it (UTF-8 BOM, the one rule for CSV files).
    tracksCsv: formatTracksCsv([...tracks], {
      bom: true,
      statuses: trackFileStatuses([...tracks], corrected.dataset.routes, estimate.report.trackEnds),
    }),
    groups: estimate.groups.map((g) => g.group),
    ms: Math.round(ms),
  };
}
