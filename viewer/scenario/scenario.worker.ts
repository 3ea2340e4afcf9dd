/// <reference lib="webworker" />
/**
 * The scenario worker: holds the embedded 2018 dataset, its corridor and (once a scenario asks
 * for "like 2018") the parameters calibrated on its estimated replay; checks each scenario with
 * validateScenario and, when it has no problem, runs it with runScenario, posting progress.
 * On the analyst's own files (a request with `source`) it runs on that replay's dataset — its
 * routes and places, the embedded places behind them — asked of the analyst worker over its
 * channel: the dataset `dtm-flow scenario --route … --places …` reads from the same files (both
 * the library's assembleDataset); "like 2018" is calibrated on the 2018 replay either way, as
 * the command does. Off the page's thread: a 1,000-run scenario takes a second or more, the
 * calibration about one.
 */
import {
  buildCorridor,
  embedded2018,
  like2018Parameters,
  runScenario,
  validateScenario,
} from "../../src/index.ts";
import type { Calibration, Corridor, Dataset } from "../../src/index.ts";
import type { CorridorInfo, ScenarioReply, ScenarioRequest } from "./protocol.ts";
import { analystDatasets } from "./datasets.ts";

interface Ground {
  dataset: Dataset;
  corridor: Corridor;
}

let base: Ground | undefined;
let like2018: Calibration | undefined;
const post = (m: ScenarioReply) => (self as unknown as Worker).postMessage(m);
const own = analystDatasets();

function embedded(): Ground {
  if (base) return base;
  const dataset = embedded2018();
  return (base = { dataset, corridor: buildCorridor(dataset) });
}

/** The dataset and corridor of the replay `source` (the analyst's), or of the 2018 data. */
async function ground(source: number | undefined): Promise<Ground> {
  if (source === undefined) return embedded();
  return own.ground(source, (dataset) => ({ dataset, corridor: buildCorridor(dataset) }));
}

/** The pickers' places (in route order) and routes of a corridor. */
function corridorInfo({ dataset, corridor }: Ground, source: number | undefined): CorridorInfo {
  const order = [...corridor.routes.values()].flatMap((r) => r.stops.map((s) => s.place));
  const shown = [...new Set(order)].map((i) => corridor.places[i]!);
  return {
    ...(source !== undefined ? { source } : {}),
    places: shown.map((p) => p.name),
    namesEs: Object.fromEntries(
      shown.filter((p) => p.nameEs).map((p) => [p.name, p.nameEs!] as const),
    ),
    routes: dataset.routes.features.map((f) => ({
      id: f.properties.route_id,
      name: f.properties.name ?? f.properties.route_id,
    })),
  };
}

async function run(id: number, input: unknown, source: number | undefined): Promise<void> {
  post({ kind: "preparing", id });
  const { dataset, corridor } = await ground(source);
  const wantsLike =
    !!input && typeof input === "object" && (input as { like?: unknown }).like === "2018";
  if (wantsLike) like2018 ??= like2018Parameters(embedded().dataset);
  const { scenario, errors, warnings } = validateScenario(input, { dataset, corridor, like2018 });
  if (errors.length || !scenario) return post({ kind: "invalid", id, errors });
  // About a hundred progress messages per run, whatever the number of runs.
  const every = Math.max(1, Math.floor(scenario.runs / 100));
  const result = runScenario(scenario, {
    dataset,
    corridor,
    onProgress: (done, total) => {
      if (done % every === 0 || done === total) post({ kind: "progress", id, done, total });
    },
  });
  // Places read from a P-code or a shared name are listed with the run's own warnings.
  post({ kind: "result", id, result: { ...result, warnings: [...warnings, ...result.warnings] } });
}

self.addEventListener("message", (event: MessageEvent<ScenarioRequest>) => {
  const m = event.data;
  if (m.kind === "port") return own.connect(m.port);
  if (m.kind === "corridor") {
    ground(m.source).then(
      (g) => post({ kind: "corridor", corridor: corridorInfo(g, m.source) }),
      // No corridor of those files (replaced meanwhile): the pickers keep what they offer.
      () => undefined,
    );
    return;
  }
  run(m.id, m.input, m.source).catch((err: unknown) =>
    post({ kind: "failed", id: m.id, message: err instanceof Error ? err.message : String(err) }),
  );
});
