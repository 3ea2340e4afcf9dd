/**
 * Issue 7's entry: the analyst worker, its client and the panel, hooked into a viewer with one
 * call from main.ts. Exposed on `window.dtmAnalyst` for the browser tests and the console.
 */
import "./analyst.css";
import { embeddedProvider } from "../data/embeddedProvider.ts";
import { createAnalystClient } from "./client.ts";
import { createAnalystPanel } from "./panel.ts";
import type { AnalystPanel, AnalystViewer } from "./panel.ts";
import type { DatasetLink } from "./protocol.ts";

/**
 * Adds the analyst panel (files in, exports out) to the viewer's side panel.
 * @param links.evidencePort one end of a MessageChannel whose other end goes to the evidence
 *   panel (`installEvidence`): the evidence worker gets the analyst's datasets there.
 */
export function installAnalyst(
  viewer: AnalystViewer,
  links: { evidencePort?: MessagePort } = {},
): AnalystPanel & { datasetPort(): DatasetLink } {
  const client = createAnalystClient(
    () => new Worker(new URL("./analyst.worker.ts", import.meta.url), { type: "module" }),
    links.evidencePort,
  );
  const panel = createAnalystPanel({
    viewer,
    client,
    container: document.querySelector("aside.side") ?? document.body,
    embedded: embeddedProvider,
  });
  (window as unknown as { dtmAnalyst: AnalystPanel }).dtmAnalyst = panel;
  let channels = 0;
  return Object.assign(panel, {
    /**
     * A new channel to the analyst worker's datasets (the scenario worker's, one per worker), and
     * how to close the analyst worker's end when that worker is stopped.
     */
    datasetPort(): DatasetLink {
      const link = new MessageChannel();
      const key = ++channels;
      client.connect(link.port1, key);
      return { port: link.port2, close: () => client.disconnect(key) };
    },
  });
}
