/// <reference lib="webworker" />
/**
 * The scenario worker: holds the embedded 2018 dataset, its corridor and (once a scenario asks
 * for "like 2018") the parameters calibrated on its estimated replay; checks each scenario with
 * validateScenario and, when it has no problem, runs it with runScenario, posting progress.
 * Off the page's thread: a 1,000-run scenario takes a second or more, the calibration about one.
 */
import {
  buildCorridor,
  embedded2018,
  like2018Parameters,
  runScenario,
  validateScenario,
} from "../../src/index.ts";
import type { Calibration, Corridor, Dataset } from "../../src/index.ts";
import type { ScenarioReply, ScenarioRequest } from "./protocol.ts";

let dataset: Dataset | undefined;
let corridor: Corridor | undefined;
let like2018: Calibration | undefined;
const post = (m: ScenarioReply) => (self as unknown as Worker).postMessage(m);

function data(): { dataset: Dataset; corridor: Corridor } {
  dataset ??= embedded2018();
  corridor ??= buildCorridor(dataset);
  return { dataset, corridor };
}

self.addEventListener("message", (event: MessageEvent<ScenarioRequest>) => {
  const m = event.data;
  if (m.kind === "corridor") {
    const { dataset, corridor } = data();
    const order = [...corridor.routes.values()].flatMap((r) => r.stops.map((s) => s.place));
    const shown = [...new Set(order)].map((i) => corridor.places[i]!);
    const places = shown.map((p) => p.name);
    const namesEs = Object.fromEntries(
      shown.filter((p) => p.nameEs).map((p) => [p.name, p.nameEs!] as const),
    );
    post({
      kind: "corridor",
      corridor: {
        places,
        namesEs,
        routes: dataset.routes.features.map((f) => ({
          id: f.properties.route_id,
          name: f.properties.name ?? f.properties.route_id,
        })),
      },
    });
    return;
  }
  const { id, input } = m;
  try {
    post({ kind: "preparing", id });
    const { dataset, corridor } = data();
    const wantsLike =
      !!input && typeof input === "object" && (input as { like?: unknown }).like === "2018";
    if (wantsLike) like2018 ??= like2018Parameters(dataset);
    const { scenario, errors, warnings } = validateScenario(input, { dataset, corridor, like2018 });
    if (errors.length || !scenario) {
      post({ kind: "invalid", id, errors });
      return;
    }
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
    post({
      kind: "result",
      id,
      result: { ...result, warnings: [...warnings, ...result.warnings] },
    });
  } catch (err) {
    post({ kind: "failed", id, message: err instanceof Error ? err.message : String(err) });
  }
});
