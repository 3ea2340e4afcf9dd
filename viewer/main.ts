// Entry of the viewer: creates the controller and loads the embedded 2018 replay.
import "./style.css";
import { createViewer } from "./app.ts";
import { embeddedProvider } from "./data/embeddedProvider.ts";
import { installAnalyst } from "./analyst/index.ts";
import { installScenario } from "./scenario/index.ts";
import { installEvidence } from "./evidence/index.ts";

const viewer = createViewer({ basemapUrl: new URL("./basemap.json", document.baseURI).href });
// Exposed for the browser tests, the benchmark and the console (read-only use).
(window as unknown as { dtmViewer: typeof viewer }).dtmViewer = viewer;
const stress = Number(new URLSearchParams(location.search).get("stress") ?? 0);
if (stress > 0) viewer.setStress(stress);
void viewer.load(embeddedProvider());
// The analyst's and the evidence workers talk directly: the evidence worker gets the analyst's
// dataset there, not through this page's thread.
const link = new MessageChannel();
// Issue 7: the analyst's own files in (viewer/analyst), pictures, tables and video out.
const analyst = installAnalyst(viewer, { evidencePort: link.port1 });
// Issue 8: influx scenarios (viewer/scenario): a form, a worker run, fan charts and needs; on the
// analyst's own files, on their routes and places (asked of the analyst worker directly).
installScenario(viewer, () => analyst.datasetPort());
// Issue 17: the time–distance chart, the evidence behind an estimate and analysts' corrections.
installEvidence(viewer, { analystPort: link.port2 });
