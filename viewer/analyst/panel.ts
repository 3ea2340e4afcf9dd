/**
 * The analyst panel: file drop / picker, one import report per file (accepted and rejected rows
 * with line numbers and reasons, warnings, the column mapping with a fix-and-re-import), the
 * progress of reading and computing, the button back to 2018, and the exports.
 *
 * Hooked into the viewer by main.ts with one call: `createAnalystPanel(viewer, …)`. It uses only
 * the viewer's public seam: `load(provider)`, `getState`/`setState`, `replay` and `canvas`.
 * Every text from a file is set with textContent: a place named `<img src=x onerror=…>` shows
 * those characters and runs nothing. Its parts: the state (panelState.ts), the elements
 * (panelDom.ts), the file reports (fileReport.ts), the exports (exportBar.ts), the drop target.
 */
import type { DataProvider, LoadProgress } from "../data/provider.ts";
import type { Lang } from "../state.ts";
import type { AnalystClient } from "./client.ts";
import { installDropTarget } from "./dropTarget.ts";
import { wireExports } from "./exportBar.ts";
import type { FrameSource } from "./exports.ts";
import { fileItem } from "./fileReport.ts";
import type { FileItemActions } from "./fileReport.ts";
import { buildPanelDom, endProgress, setProgress } from "./panelDom.ts";
import type { PanelDom } from "./panelDom.ts";
import {
  addFileObjects,
  anyInUse,
  changedForReplay,
  createAnalystState,
  forgetAll,
  forgetFile,
  isInUse,
} from "./panelState.ts";
import type { AnalystState } from "./panelState.ts";
import { at } from "./texts.ts";
import type { AnalystTextKey } from "./texts.ts";
import type { ColumnChoices } from "./workspace.ts";

export interface AnalystViewer extends FrameSource {
  load(provider: DataProvider): Promise<void>;
}

export interface AnalystPanel {
  readonly element: HTMLElement;
  /** Imports files as a drop would (for tests and the console). */
  addFiles(files: readonly File[]): Promise<void>;
  /** Records the replay as WebM (the button does the same), resolving with the file. */
  record(options?: { maxSeconds?: number }): Promise<Blob>;
}

/** The progress text of a stage of the library's pipeline. */
export function stageKey(p: LoadProgress): AnalystTextKey {
  if (p.stage === "estimating") return "estimating";
  if (p.stage === "ledger") return "ledger";
  if (p.stage === "preparing") return "preparing";
  return "computing";
}

/** Resolves when the viewer is idle (the map not busy loading). */
function viewerIdle(): Promise<void> {
  const map = document.getElementById("map");
  return new Promise<void>((resolve) => {
    if (!map || map.getAttribute("aria-busy") !== "true") return resolve();
    const obs = new MutationObserver(() => {
      if (map.getAttribute("aria-busy") === "true") return;
      obs.disconnect();
      resolve();
    });
    obs.observe(map, { attributes: true, attributeFilter: ["aria-busy"] });
  });
}

/** Writes the panel's texts in the viewer's language. */
function applyPanelTexts(dom: PanelDom, state: AnalystState, L: Lang, recording: boolean): void {
  const t = (k: AnalystTextKey) => at(L, k);
  dom.title.textContent = t("title");
  dom.intro.textContent = t("intro");
  dom.chooseLabel.textContent = t("choose");
  dom.reset.textContent = t("reset");
  dom.reset.disabled = state.showing === "2018";
  dom.reset.hidden = state.showing === "2018";
  dom.exportTitle.textContent = `${t("exportTitle")}:`;
  dom.pngBtn.textContent = t("png");
  dom.svgBtn.textContent = t("svg");
  dom.webmBtn.textContent = recording ? t("stopRecording") : t("webm");
  dom.tablesLabel.textContent = t("tables");
  dom.dropOverlay.textContent = t("dropHere");
  dom.root.dataset.showing = state.showing;
  if (!dom.status.dataset.busy)
    dom.status.textContent = state.showing === "2018" ? t("showing2018") : t("showingFiles");
}

/**
 * Creates the panel in `container` and the page-wide drop target.
 * @param embedded the provider that shows the embedded 2018 replay again.
 */
export function createAnalystPanel(options: {
  viewer: AnalystViewer;
  client: AnalystClient;
  container: Element;
  embedded: () => DataProvider;
}): AnalystPanel {
  const { viewer, client } = options;
  const lang = (): Lang => viewer.getState().lang;
  const state = createAnalystState();
  const dom = buildPanelDom(options.container);
  const exportsBar = wireExports(dom, viewer, client, () => texts());
  const texts = () => applyPanelTexts(dom, state, lang(), exportsBar.recording);
  const computed = () => (dom.root.dataset.computed = String(Date.now()));

  const actions: FileItemActions = {
    remove: (id) => void removeFile(id),
    async force(id) {
      const s = await client.force(id);
      state.files.set(s.id, s);
      renderFiles();
      await recompute([s.id]);
    },
    reimport(id, choices) {
      const file = state.fileObjects.get(id);
      if (file) void importAndUse([[id, file]], choices);
    },
  };

  /** Newest file open and in view; older ones open only while they need the analyst. */
  function renderFiles(): void {
    const all = [...state.files.values()];
    dom.list.replaceChildren(
      ...all.map((f, i) =>
        fileItem(lang(), f, i === all.length - 1, state.failed.get(f.id), actions),
      ),
    );
    dom.list.lastElementChild?.scrollIntoView({ block: "nearest" });
  }

  client.onReading = (id, loaded, total, rows) => {
    const name = state.files.get(id)?.name ?? state.pendingNames.get(id) ?? "";
    dom.status.dataset.busy = "1";
    const percent = Math.round((100 * loaded) / Math.max(1, total));
    setProgress(
      dom,
      total ? loaded / total : undefined,
      `${at(lang(), "reading")} ${name}: ${percent} % · ${rows.toLocaleString(lang())} ${at(lang(), "rows")}`,
    );
  };
  client.onUpdate = (f) => {
    state.files.set(f.id, f);
    renderFiles();
  };

  /**
   * Loads a replay once the viewer is idle: a load started while another is still computing (the
   * 2018 estimate at start-up) would otherwise be overwritten when the earlier one ends.
   */
  let loading: Promise<void> = Promise.resolve();
  function load(provider: DataProvider): Promise<void> {
    loading = loading.then(viewerIdle).then(() => viewer.load(provider));
    return loading;
  }

  /** Shows the replay of the used files; on failure the viewer keeps its replay and the new files are dropped. */
  async function recompute(newIds: string[]): Promise<void> {
    const inner = client.provider();
    let ok = false;
    dom.status.dataset.busy = "1";
    setProgress(dom, undefined, at(lang(), "computing"));
    await load({
      id: inner.id,
      async load(o = {}) {
        const replay = await inner.load({
          ...o,
          onProgress: (p) => {
            o.onProgress?.(p);
            setProgress(dom, p.fraction, at(lang(), stageKey(p)));
          },
        });
        ok = true;
        return replay;
      },
    });
    endProgress(dom);
    if (ok) state.showing = "files";
    else
      for (const id of newIds) {
        state.failed.set(id, document.getElementById("status")?.textContent ?? "");
        client.remove(id);
      }
    computed();
    texts();
    renderFiles();
  }

  async function importAndUse(list: [string, File][], choices?: ColumnChoices): Promise<void> {
    const usedBefore = new Map([...state.files.values()].map((f) => [f.id, f.status === "used"]));
    const imported = [];
    for (const [id, file] of list) {
      state.pendingNames.set(id, file.name);
      state.failed.delete(id);
      try {
        const s = await client.importFile(id, file, choices);
        state.files.set(id, s);
        imported.push(s);
      } catch (err) {
        state.failed.set(id, err instanceof Error ? err.message : String(err));
      }
      renderFiles();
    }
    endProgress(dom);
    const changed = changedForReplay(usedBefore, imported);
    if (changed.length) await recompute(changed.filter((id) => !usedBefore.get(id)));
    else {
      texts();
      computed();
    }
  }

  async function addFiles(files: readonly File[]): Promise<void> {
    await importAndUse(addFileObjects(state, files));
  }

  async function removeFile(id: string): Promise<void> {
    const wasUsed = isInUse(state, id);
    forgetFile(state, id);
    client.remove(id);
    renderFiles();
    if (!wasUsed) return;
    if (anyInUse(state)) await recompute([]);
    else await backTo2018();
  }

  async function backTo2018(): Promise<void> {
    client.reset();
    forgetAll(state);
    renderFiles();
    await load(options.embedded());
    state.showing = "2018";
    computed();
    texts();
  }

  dom.input.addEventListener("change", () => {
    const chosen = [...(dom.input.files ?? [])];
    dom.input.value = "";
    if (chosen.length) void addFiles(chosen);
  });
  dom.reset.addEventListener("click", () => void backTo2018());
  installDropTarget(dom.dropOverlay, (files) => void addFiles(files));

  // Texts follow the viewer's language, however it changes (toggle, URL): the viewer sets <html lang>.
  let lastLang = lang();
  new MutationObserver(() => {
    if (lang() === lastLang) return;
    lastLang = lang();
    texts();
    renderFiles();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  texts();

  return { element: dom.root, addFiles, record: exportsBar.record };
}
