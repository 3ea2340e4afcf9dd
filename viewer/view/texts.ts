/**
 * The interface texts of the current language (and the theme attribute), written into the page's
 * static elements; the dataset line and the load status say where the figures come from.
 */
import type { LoadProgress } from "../data/provider.ts";
import type { ReplayData } from "../data/replay.ts";
import { datasetName, layerName, speedLabel, tr } from "../i18n.ts";
import type { TextKey } from "../i18n.ts";
import { LAYERS, SPEEDS } from "../state.ts";
import type { Lang, LayerId, ViewState } from "../state.ts";
import { byId } from "./dom.ts";
import type { ViewerDom } from "./dom.ts";
import { inputProblemText } from "../../src/index.ts";

const STAGE_TEXT: Record<LoadProgress["stage"], TextKey> = {
  reading: "loadingReading",
  estimating: "loadingEstimating",
  ledger: "loadingLedger",
  preparing: "loadingPreparing",
  done: "loadingPreparing",
};

/** The status line while a replay loads: which step of the library's pipeline is running. */
export function loadingText(lang: Lang, progress?: LoadProgress): string {
  return progress ? tr(lang, STAGE_TEXT[progress.stage]) : tr(lang, "loading");
}

/**
 * The status line when a load failed: one sentence with the reason, never a stack; a library
 * InputProblem (a route it cannot use…) in the page's language.
 */
export function failureText(lang: Lang, err: unknown): string {
  const reason = inputProblemText(lang, err).split("\n")[0]!.trim();
  return `${tr(lang, "failed")} ${reason}${/[.!?)]$/.test(reason) ? "" : "."}`;
}

function setText(id: string, text: string): void {
  byId<HTMLElement>(id).textContent = text;
}

function labelButtons(lang: Lang): void {
  const back = byId<HTMLElement>("step-back");
  back.textContent = "◀";
  for (const [id, key] of [
    ["step-back", "stepBack"],
    ["step-forward", "stepForward"],
    ["zoom-in", "zoomIn"],
    ["zoom-out", "zoomOut"],
    ["zoom-reset", "zoomReset"],
  ] as const) {
    byId<HTMLElement>(id).setAttribute("aria-label", tr(lang, key));
    byId<HTMLElement>(id).title = tr(lang, key);
  }
}

function speedOptions(dom: ViewerDom, state: ViewState): void {
  dom.speed.replaceChildren(
    ...SPEEDS.map((s) => {
      const o = document.createElement("option");
      o.value = String(s);
      o.textContent = speedLabel(state.lang, s);
      o.selected = s === state.speed;
      return o;
    }),
  );
}

function layerBoxes(state: ViewState, onLayer: (layer: LayerId, on: boolean) => void): void {
  byId<HTMLFieldSetElement>("layer-list").replaceChildren(
    ...LAYERS.map((l) => {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.checked = state.layers[l];
      box.dataset.layer = l;
      box.addEventListener("change", () => onLayer(l, box.checked));
      label.append(box, " ", layerName(state.lang, l));
      return label;
    }),
  );
}

/** The play button's text and pressed state. */
export function applyPlayButton(dom: ViewerDom, state: ViewState): void {
  dom.play.textContent = tr(state.lang, state.playing ? "pause" : "play");
  dom.play.setAttribute("aria-pressed", String(state.playing));
}

/** Writes every static text of the page in `state.lang`, and the theme. */
export function applyTexts(
  dom: ViewerDom,
  state: ViewState,
  replay: ReplayData | undefined,
  onLayer: (layer: LayerId, on: boolean) => void,
): void {
  const L = state.lang;
  document.documentElement.lang = L;
  document.documentElement.dataset.theme = state.theme;
  for (const [id, key] of [
    ["title", "title"],
    ["layers-label", "layers"],
    ["scrubber-label", "scrubber"],
    ["speed-label", "speed"],
    ["split-title", "splitTitle"],
    ["multiples-title", "multiplesTitle"],
    ["keys", "keyboardHelp"],
  ] as const)
    setText(id, tr(L, key));
  labelButtons(L);
  document.querySelector(".skip")!.textContent = tr(L, "skipToControls");
  byId<HTMLElement>("controls").setAttribute("aria-label", tr(L, "scrubber"));
  const themeBtn = byId<HTMLButtonElement>("theme");
  themeBtn.textContent = tr(L, "theme");
  themeBtn.setAttribute("aria-pressed", String(state.theme === "dark"));
  const langBtn = byId<HTMLButtonElement>("lang");
  langBtn.textContent = tr(L, "language");
  langBtn.lang = L === "en" ? "es" : "en";
  langBtn.setAttribute("aria-label", tr(L, "languageLabel"));
  dom.overlay.setAttribute("aria-label", tr(L, "map"));
  speedOptions(dom, state);
  layerBoxes(state, onLayer);
  if (replay) {
    setText("dataset", `${datasetName(L, replay.name)} · ${tr(L, "estimated")}`);
    setText("split-note", tr(L, "splitNoteLedger"));
  }
  applyPlayButton(dom, state);
}
