/**
 * Issue 8's viewer entry: the scenario panel (viewer/scenario/panel.ts) with its worker and the
 * example scenarios of data/scenarios/, hooked into a viewer with one call from main.ts.
 * Exposed on `window.dtmScenario` for the browser tests and the console.
 */
import "./scenario.css";
import type { ScenarioInput } from "../../src/index.ts";
import salvador from "../../data/scenarios/salvador-2018-10-31-backtest.json";
import tecun from "../../data/scenarios/tecun-uman-2019-01-15.json";
import twoWaves from "../../data/scenarios/two-waves-tapachula-2019.json";
import { createScenarioPanel } from "./panel.ts";
import type { ScenarioPanel, ScenarioViewer } from "./panel.ts";
import type { DatasetLink } from "../analyst/protocol.ts";

/** Adds the "Scenarios" toolbar button and the (initially closed) scenario panel. */
/**
 * @param datasetPort a new channel end to the analyst worker: a scenario on the analyst's own
 *   files runs on their dataset (their routes and places).
 */
export function installScenario(
  viewer: ScenarioViewer,
  datasetPort?: () => DatasetLink,
): ScenarioPanel {
  const panel = createScenarioPanel({
    viewer,
    toolbar: document.querySelector("header .toolbar") ?? document.body,
    after: document.getElementById("app") ?? document.body.lastElementChild!,
    createWorker: () =>
      new Worker(new URL("./scenario.worker.ts", import.meta.url), { type: "module" }),
    ...(datasetPort ? { datasetPort } : {}),
    examples: {
      "tecun-uman-2019-01-15.json": tecun as unknown as ScenarioInput,
      "two-waves-tapachula-2019.json": twoWaves as unknown as ScenarioInput,
      "salvador-2018-10-31-backtest.json": salvador as unknown as ScenarioInput,
    },
  });
  (window as unknown as { dtmScenario: ScenarioPanel }).dtmScenario = panel;
  return panel;
}
