// Placeholder entry of the viewer; replaced by the viewer issue.
import { DEFAULT_TIME_ZONE } from "../src/index.ts";
const app = document.getElementById("app");
if (app) app.textContent = `dtm-flow viewer (${DEFAULT_TIME_ZONE})`;
