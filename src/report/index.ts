// Situation updates: headline figures with sources, charts as inline SVG, Markdown and HTML.
export { buildSituationUpdate } from "./situationUpdate.ts";
export type {
  SituationUpdate,
  SituationUpdateOptions,
  HeadlineFigure,
  SourceNote,
  Breakdown,
  PlacePanel,
} from "./situationUpdate.ts";
export { renderMarkdown, renderHtml } from "./render.ts";
export { stackedAreaSvg, smallMultiplesSvg } from "./charts.ts";
export type { ChartSize } from "./charts.ts";
export { escapeHtml, formatPeople, formatDate } from "./format.ts";
