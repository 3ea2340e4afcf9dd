/**
 * Issue 7's entry: the analyst worker, its client and the panel, hooked into a viewer with one
 * call from main.ts. Exposed on `window.dtmAnalyst` for the browser tests and the console.
 */
import "./analyst.css";
import { embeddedProvider } from "../data/embeddedProvider.ts";
import { createAnalystClient } from "./client.ts";
import { createAnalystPanel } from "./panel.ts";
import type { AnalystPanel, AnalystViewer } from "./panel.ts";

/** Adds the analyst panel (files in, exports out) to the viewer's side panel. */
export function installAnalyst(viewer: AnalystViewer): AnalystPanel {
  const client = createAnalystClient(
    () => new Worker(new URL("./analyst.worker.ts", import.meta.url), { type: "module" }),
  );
  const panel = createAnalystPanel({
    viewer,
    client,
    container: document.querySelector("aside.side") ?? document.body,
    embedded: embeddedProvider,
  });
  (window as unknown as { dtmAnalyst: AnalystPanel }).dtmAnalyst = panel;
  return panel;
}
