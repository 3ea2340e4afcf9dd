/**
 * The analyst panel's elements: built once, as plain DOM (every text from a file goes in as text).
 */
import { fileButton } from "../fileButton.ts";
import type { FileButton } from "../fileButton.ts";

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

/** The table files offered for download (the worker's `tables()` names). */
export const TABLES = [
  "tracks.csv",
  "tracks.geojson",
  "split.csv",
  "counts.csv",
  "counts.geojson",
  "sightings.csv",
  "sightings.geojson",
  "stocks.csv",
  "places.csv",
  "places.geojson",
] as const;

export interface PanelDom {
  root: HTMLElement;
  title: HTMLElement;
  intro: HTMLElement;
  /** "Choose files…": the viewer's one file picker (viewer/fileButton.ts) over `#analyst-input`. */
  picker: FileButton;
  reset: HTMLButtonElement;
  progress: HTMLElement;
  progressBar: HTMLProgressElement;
  progressText: HTMLElement;
  status: HTMLElement;
  /** The estimator's warnings on the replay of the files (a route drawn backwards…), one `li` each. */
  estimateWarnings: HTMLUListElement;
  list: HTMLUListElement;
  exportTitle: HTMLElement;
  pngBtn: HTMLButtonElement;
  svgBtn: HTMLButtonElement;
  webmBtn: HTMLButtonElement;
  tablesLabel: HTMLElement;
  tableButtons: HTMLButtonElement[];
  /** "With HXL hashtags": tracks.csv and split.csv get the library's hashtag row (input tables always have it). */
  hxlBox: HTMLInputElement;
  hxlLabel: HTMLElement;
  dropOverlay: HTMLElement;
}

function exportControls() {
  const tablesLabel = el("summary", { class: "small" });
  const tableButtons = TABLES.map((name) =>
    el("button", { type: "button", "data-table": name }, name),
  );
  const hxlBox = el("input", { type: "checkbox", id: "export-hxl" });
  const hxlLabel = el("span");
  return {
    exportTitle: el("span", { id: "analyst-export-title", class: "small" }),
    pngBtn: el("button", { type: "button", id: "export-png" }),
    svgBtn: el("button", { type: "button", id: "export-svg" }),
    webmBtn: el("button", { type: "button", id: "export-webm" }),
    tablesLabel,
    tableButtons,
    hxlBox,
    hxlLabel,
    // The ten table buttons fold away so the panel stays short above the figures and details.
    tablesBox: el(
      "details",
      { id: "export-tables" },
      tablesLabel,
      el("label", { class: "small hxl-choice" }, hxlBox, " ", hxlLabel),
      el("div", { class: "analyst-tables" }, ...tableButtons),
    ),
  };
}

/**
 * Builds the panel, prepends it to `container` and adds the page-wide drop overlay.
 * @param onFiles what the picker does with the files chosen.
 */
export function buildPanelDom(container: Element, onFiles: (files: File[]) => void): PanelDom {
  const root = el("section", {
    id: "analyst",
    class: "analyst",
    "aria-labelledby": "analyst-title",
  });
  const picker = fileButton(document, {
    id: "analyst-input",
    accept: ".csv,.tsv,.txt,.xlsx,.geojson,.json",
    multiple: true,
    className: "button",
    onFiles,
  });
  const reset = el("button", { type: "button", id: "analyst-reset" });
  const progressBar = el("progress", { max: "1", value: "0" });
  const progressText = el("span", { class: "small" });
  const progress = el(
    "div",
    { id: "analyst-progress", class: "analyst-progress", role: "status" },
    progressBar,
    " ",
    progressText,
  );
  progress.hidden = true;
  const x = exportControls();
  const dom: PanelDom = {
    root,
    title: el("h2", { id: "analyst-title" }),
    intro: el("p", { class: "muted small" }),
    picker,
    reset,
    progress,
    progressBar,
    progressText,
    status: el("p", { id: "analyst-status", class: "small", "aria-live": "polite" }),
    estimateWarnings: el("ul", { id: "analyst-estimate-warnings", class: "small" }),
    list: el("ul", { id: "analyst-files", class: "analyst-files" }),
    ...x,
    dropOverlay: el("div", { id: "analyst-drop", class: "analyst-drop", "aria-hidden": "true" }),
  };
  dom.dropOverlay.hidden = true;
  root.append(
    dom.title,
    dom.intro,
    el("div", { class: "analyst-actions" }, picker.element, reset),
    progress,
    dom.status,
    dom.estimateWarnings,
    dom.list,
    el("div", { class: "analyst-actions" }, x.exportTitle, x.pngBtn, x.svgBtn, x.webmBtn),
    x.tablesBox,
  );
  container.prepend(root);
  document.body.append(dom.dropOverlay);
  return dom;
}

/** Shows the progress bar (indeterminate when `fraction` is undefined) with a text. */
export function setProgress(dom: PanelDom, fraction: number | undefined, text: string): void {
  dom.progress.hidden = false;
  if (fraction === undefined) dom.progressBar.removeAttribute("value");
  else dom.progressBar.value = fraction;
  dom.progressText.textContent = text;
}

export function endProgress(dom: PanelDom): void {
  dom.progress.hidden = true;
  delete dom.status.dataset.busy;
}
