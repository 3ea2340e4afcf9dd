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
import { estimateWarningText } from "../../src/index.ts";
import type { EstimateWarningLike, TableKind } from "../../src/index.ts";
import { offerCorrections } from "../correctionsDrop.ts";
import type { DataProvider, LoadProgress } from "../data/provider.ts";
import { numberLocale } from "../i18n.ts";
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
  choicesByHeader,
  createAnalystState,
  earlierVersion,
  forgetAll,
  forgetFile,
  heldOf,
  isInUse,
  forceCarries,
  remapChoices,
  sameNameSide,
  takeDrop,
} from "./panelState.ts";
import type { AnalystState } from "./panelState.ts";
import { at } from "./texts.ts";
import type { AnalystTextKey } from "./texts.ts";
import type { ColumnChoices } from "./workspace.ts";
import type { FileSummary, IncomingChoice } from "./protocol.ts";
import { sameNameDecision } from "./sameName.ts";
import type { SameNameOverlap, SameNameWhy } from "./sameName.ts";

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
  dom.picker.setText(t("choose"));
  dom.reset.textContent = t("reset");
  dom.reset.disabled = state.showing === "2018";
  dom.reset.hidden = state.showing === "2018";
  dom.exportTitle.textContent = `${t("exportTitle")}:`;
  dom.pngBtn.textContent = t("png");
  dom.svgBtn.textContent = t("svg");
  dom.webmBtn.textContent = recording ? t("stopRecording") : t("webm");
  dom.tablesLabel.textContent = t("tables");
  dom.hxlLabel.textContent = t("hxl");
  dom.dropOverlay.textContent = t("dropHere");
  dom.root.dataset.showing = state.showing;
  if (!dom.status.dataset.busy)
    dom.status.textContent =
      state.showing === "files"
        ? t("showingFiles")
        : state.noneLeft
          ? t("showing2018NoneLeft")
          : t("showing2018");
}

/** What the panel's steps share: the viewer, the worker's client, the state and the elements. */
interface Core {
  viewer: AnalystViewer;
  client: AnalystClient;
  state: AnalystState;
  dom: PanelDom;
  embedded: () => DataProvider;
  lang(): Lang;
  texts(): void;
  renderFiles(): void;
  /** Loads a replay once the viewer is idle (queued after any load in progress). */
  load(provider: DataProvider): Promise<void>;
}

const computed = (core: Core) => (core.dom.root.dataset.computed = String(Date.now()));

/** Shows the replay of the used files; on failure the viewer keeps its replay and the new files are dropped. */
async function recompute(core: Core, newIds: string[]): Promise<void> {
  const { dom, state, client } = core;
  const inner = client.provider(() => core.lang());
  let ok = false;
  dom.status.dataset.busy = "1";
  setProgress(dom, undefined, at(core.lang(), "computing"));
  await core.load({
    id: inner.id,
    // "As known on <day>" of these files: the analyst worker's as-of replay of them.
    situationAsOf: (date) => inner.situationAsOf(date),
    async load(o = {}) {
      const replay = await inner.load({
        ...o,
        onProgress: (p) => {
          o.onProgress?.(p);
          setProgress(dom, p.fraction, at(core.lang(), stageKey(p)));
        },
      });
      ok = true;
      return replay;
    },
  });
  endProgress(dom);
  if (ok) {
    state.showing = "files";
    state.noneLeft = false;
  } else if (state.showing === "files" && !anyInUse(state)) return noneLeft(core);
  else
    for (const id of newIds) {
      // The viewer's status line says why, in a sentence.
      state.failed.set(id, document.getElementById("status")?.textContent ?? "");
      client.remove(id);
    }
  if (ok) showEstimateWarnings(core, core.viewer.replay);
  computed(core);
  core.texts();
  core.renderFiles();
}

/** The estimator's warnings each panel shows, kept to say them again when the language changes. */
const shownWarnings = new WeakMap<Core, readonly EstimateWarningLike[]>();

/**
 * The estimator's warnings on the replay of the files, one line each (a route drawn backwards
 * leaves its positions unusable as drawn: the analyst must see it, as `estimate` says it on
 * stderr), in the viewer's language by the library's table (estimateWarningText, the same
 * sentences as `dtm-flow estimate --lang`); cleared when the replay is not the files'.
 */
function showEstimateWarnings(
  core: Core,
  replay: { estimateWarnings: readonly EstimateWarningLike[] } | undefined,
): void {
  const warnings = replay?.estimateWarnings ?? [];
  shownWarnings.set(core, warnings);
  const list = core.dom.estimateWarnings;
  list.replaceChildren();
  const L = core.lang();
  for (const w of warnings) {
    const li = document.createElement("li");
    li.dataset.code = w.code;
    li.textContent = `${at(L, "estimateWarning")}: ${estimateWarningText(L, w)}`;
    list.append(li);
  }
}

/**
 * Imports files (with a column mapping when re-importing), settles each new file that met a
 * listed file of its name (`settleSameName`), and recomputes when the used set changed.
 */
async function importAndUse(
  core: Core,
  list: [string, File][],
  choices?: ColumnChoices,
  kind?: TableKind | "header",
  incomingIs?: IncomingChoice,
): Promise<void> {
  const { state } = core;
  const usedBefore = new Map([...state.files.values()].map((f) => [f.id, f.status === "used"]));
  const imported = [];
  let removedInUse = false;
  for (const [id, file] of list) {
    state.pendingNames.set(id, file.name);
    state.failed.delete(id);
    try {
      let s = await core.client.importFile(id, file, choices, kind, incomingIs);
      const settled = await settleSameName(core, id, file, s);
      s = settled.summary;
      removedInUse ||= settled.removedInUse;
      // Removed while it was being read: not listed.
      if (!state.fileObjects.has(id)) continue;
      state.files.set(id, s);
      imported.push(s);
    } catch (err) {
      state.failed.set(id, err instanceof Error ? err.message : String(err));
    }
    core.renderFiles();
  }
  endProgress(core.dom);
  await replayAfter(core, changedForReplay(usedBefore, imported), usedBefore, removedInUse);
}

/** A new replay when the used files changed; back to 2018 when none is left. */
async function replayAfter(
  core: Core,
  changed: string[],
  usedBefore: ReadonlyMap<string, boolean>,
  removedInUse: boolean,
): Promise<void> {
  if (changed.length)
    await recompute(
      core,
      changed.filter((id) => !usedBefore.get(id)),
    );
  // A replaced file fed the replay and its new version does not: the replay without it.
  else if (removedInUse) await (anyInUse(core.state) ? recompute(core, []) : backTo2018(core));
  else {
    core.texts();
    computed(core);
  }
}

/**
 * A new file weighed against the listed files of its name (sameName.ts): the first it reads as the
 * new version of is replaced (`replaceEarlier`); else both are kept, said on the new entry. The
 * column choices made on a namesake are laid on it first, by header text (`carryChoices`): a sheet
 * of the same template is read the same way, and one that needs them cannot be weighed without.
 */
async function settleSameName(
  core: Core,
  id: string,
  file: File,
  s: FileSummary,
): Promise<{ summary: FileSummary; removedInUse: boolean }> {
  const { state } = core;
  const earlier = (state.decideAgainst.get(id) ?? []).filter((e) => state.fileObjects.has(e));
  if (!earlier.length) {
    state.decideAgainst.delete(id);
    return { summary: s, removedInUse: false };
  }
  // A decision taken on an earlier read of this file (before "Read as" or a column fix) is stale.
  state.sameName.delete(id);
  const carried = await carryChoices(core, id, file, s, earlier);
  s = carried.summary;
  // Weighed again when it is read again while it cannot be used: a file that
  // becomes usable later meets its namesakes then, and may replace one.
  if (s.status !== "unusable") state.decideAgainst.delete(id);
  let keptBeside:
    | {
        earlierId: string;
        why: SameNameWhy;
        overlap?: SameNameOverlap;
        held?: "new" | "earlier" | "both";
      }
    | undefined;
  for (const e of earlier) {
    const es = state.files.get(e);
    // An earlier entry that failed to read has nothing to keep.
    const d = es
      ? sameNameDecision(sameNameSide(es), sameNameSide(s, es))
      : ({ decision: "replace", why: "earlier_unusable" } as const);
    if (d.decision === "replace") return replaceEarlier(core, id, s, e, d, carried);
    const held = es && heldOf(es, s);
    keptBeside ??= {
      earlierId: e,
      why: d.why,
      ...(d.overlap ? { overlap: d.overlap } : {}),
      ...(held ? { held } : {}),
    };
  }
  if (keptBeside)
    state.sameName.set(id, {
      decision: "keep_both",
      ...keptBeside,
      choicesKept: carried.kept,
      choicesMissing: carried.missing,
    });
  return { summary: s, removedInUse: false };
}

/** The first namesake's column choices laid on the new file by header text, and it read again with them. */
async function carryChoices(
  core: Core,
  id: string,
  file: File,
  s: FileSummary,
  earlier: readonly string[],
): Promise<{ summary: FileSummary; kept: number; missing: string[] }> {
  s = await carryKind(core, id, file, s, earlier);
  const from = earlier
    .map((e) => core.state.files.get(e))
    .find((es) => es && Object.keys(es.choices).length && "columns" in es.report);
  if (!from || !("columns" in from.report) || !("columns" in s.report))
    return { summary: s, kept: 0, missing: [] };
  const laid = remapChoices(choicesByHeader(from.choices, from.report.columns), s.report.columns);
  const kept = Object.keys(laid.choices).length;
  if (kept) s = await core.client.importFile(id, file, laid.choices);
  return { summary: s, kept, missing: laid.missing };
}

/**
 * The kind the analyst said a namesake holds ("Read as"), said for the new file too when it is
 * refused as one of dtm-flow's own outputs: a new export of the same file is read as the earlier one.
 */
async function carryKind(
  core: Core,
  id: string,
  file: File,
  s: FileSummary,
  earlier: readonly string[],
): Promise<FileSummary> {
  if (s.kindChosen || s.report.fatal?.code !== "own_output") return s;
  const kind = earlier.map((e) => core.state.files.get(e)?.kindChosen).find((k) => k);
  return kind ? core.client.importFile(id, file, undefined, kind) : s;
}

/**
 * The new file `id` replaces the listed `earlierId`: the earlier entry leaves the list and the
 * worker, its "use anyway" is carried to a new version that is held too when that one rejects no
 * more rows (forceCarries), and the note keeps the earlier File for "Keep both".
 */
async function replaceEarlier(
  core: Core,
  id: string,
  s: FileSummary,
  earlierId: string,
  decided: { why: SameNameWhy | "analyst"; overlap?: SameNameOverlap },
  carried: { kept: number; missing: string[] },
): Promise<{ summary: FileSummary; removedInUse: boolean }> {
  const { state, client } = core;
  const earlierSummary = state.files.get(earlierId);
  const earlier = earlierVersion(state.fileObjects.get(earlierId)!, earlierSummary);
  const removedInUse = isInUse(state, earlierId);
  forgetFile(state, earlierId);
  client.remove(earlierId);
  const forcedKept =
    s.status === "held" && earlierSummary !== undefined && forceCarries(earlierSummary, s);
  if (forcedKept) s = await client.force(id);
  state.sameName.set(id, {
    decision: "replace",
    ...decided,
    earlier,
    choicesKept: carried.kept,
    choicesMissing: carried.missing,
    forcedKept,
  });
  return { summary: s, removedInUse };
}

/** "Keep both": the replaced earlier version comes back beside the new one, with its choices. */
async function keepBoth(core: Core, id: string): Promise<void> {
  const { state, client } = core;
  const note = state.sameName.get(id);
  if (note?.decision !== "replace") return;
  const [[back, file]] = addFileObjects(state, [note.earlier.file]) as [[string, File]];
  state.sameName.set(id, {
    decision: "keep_both",
    why: "analyst",
    earlierId: back,
    choicesKept: 0,
    choicesMissing: [],
  });
  state.pendingNames.set(back, file.name);
  let s = await client.importFile(back, file, note.earlier.choices);
  if (note.earlier.forced && s.status === "held") s = await client.force(back);
  state.files.set(back, s);
  core.renderFiles();
  await replayAfter(core, s.status === "used" ? [back] : [], new Map(), false);
}

/** "Replace the earlier one": what a new version does, on the analyst's word. */
async function replaceNow(core: Core, id: string): Promise<void> {
  const { state } = core;
  const note = state.sameName.get(id);
  const s = state.files.get(id);
  if (note?.decision !== "keep_both" || !s || !state.fileObjects.has(note.earlierId)) return;
  const usedBefore = new Map([[id, s.status === "used"]]);
  const done = await replaceEarlier(
    core,
    id,
    s,
    note.earlierId,
    { why: "analyst" },
    {
      kept: note.choicesKept,
      missing: note.choicesMissing,
    },
  );
  state.files.set(id, done.summary);
  core.renderFiles();
  await replayAfter(
    core,
    changedForReplay(usedBefore, [done.summary]),
    usedBefore,
    done.removedInUse,
  );
}

/**
 * The files on screen can no longer be used (the last one removed by a re-read, read as another
 * kind, or its places gone): the replay of no file would be empty, so the embedded 2018 replay is
 * shown again, and the status line says why. The files stay listed, to be fixed or removed.
 */
async function noneLeft(core: Core): Promise<void> {
  showEstimateWarnings(core, undefined);
  await core.load(core.embedded());
  core.state.showing = "2018";
  core.state.noneLeft = true;
  computed(core);
  core.texts();
  core.renderFiles();
}

async function backTo2018(core: Core): Promise<void> {
  core.client.reset();
  forgetAll(core.state);
  showEstimateWarnings(core, undefined);
  core.renderFiles();
  await core.load(core.embedded());
  core.state.showing = "2018";
  core.state.noneLeft = false;
  computed(core);
  core.texts();
}

async function removeFile(core: Core, id: string): Promise<void> {
  const wasUsed = isInUse(core.state, id);
  forgetFile(core.state, id);
  core.client.remove(id);
  core.renderFiles();
  if (!wasUsed) return;
  if (anyInUse(core.state)) await recompute(core, []);
  else await backTo2018(core);
}

/** What the buttons of a file's report do. */
function fileActions(core: Core): FileItemActions {
  return {
    remove: (id) => void removeFile(core, id),
    async force(id) {
      const s = await core.client.force(id);
      core.state.files.set(s.id, s);
      core.renderFiles();
      await recompute(core, [s.id]);
    },
    reimport(id, choices) {
      const file = core.state.fileObjects.get(id);
      if (file) void importAndUse(core, [[id, file]], choices);
    },
    readAs(id, kind) {
      const file = core.state.fileObjects.get(id);
      if (file) void importAndUse(core, [[id, file]], undefined, kind);
    },
    readIncomingAs(id, incomingIs) {
      const file = core.state.fileObjects.get(id);
      if (file) void importAndUse(core, [[id, file]], undefined, undefined, incomingIs);
    },
    keepBoth: (id) => void keepBoth(core, id),
    replaceEarlier: (id) => void replaceNow(core, id),
  };
}

/** The worker's reading progress and per-file updates, shown as they come. */
function followClient(core: Core): void {
  const { dom, state, client } = core;
  client.onReading = (id, loaded, total, rows) => {
    const L = core.lang();
    const name = state.files.get(id)?.name ?? state.pendingNames.get(id) ?? "";
    dom.status.dataset.busy = "1";
    const percent = Math.round((100 * loaded) / Math.max(1, total));
    const text = `${at(L, "reading")} ${name}: ${percent} % · ${rows.toLocaleString(numberLocale(L))} ${at(L, "rows")}`;
    setProgress(dom, total ? loaded / total : undefined, text);
  };
  client.onUpdate = (f) => {
    state.files.set(f.id, f);
    core.renderFiles();
  };
}

/** Texts follow the viewer's language, however it changes (toggle, URL): the viewer sets <html lang>. */
function followLanguage(core: Core): void {
  let lastLang = core.lang();
  new MutationObserver(() => {
    if (core.lang() === lastLang) return;
    lastLang = core.lang();
    core.texts();
    core.renderFiles();
    const warnings = shownWarnings.get(core);
    if (warnings) showEstimateWarnings(core, { estimateWarnings: warnings });
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
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
  const state = createAnalystState();
  const dom = buildPanelDom(options.container, (files) => void addFiles(files));
  let loading: Promise<void> = Promise.resolve();
  const core: Core = {
    viewer,
    client,
    state,
    dom,
    embedded: options.embedded,
    lang: () => viewer.getState().lang,
    texts: () => applyPanelTexts(dom, state, core.lang(), exportsBar.recording),
    renderFiles() {
      const all = [...state.files.values()];
      const L = core.lang();
      const actions = fileActions(core);
      dom.list.replaceChildren(
        ...all.map((f, i) =>
          fileItem(L, f, i === all.length - 1, state.failed.get(f.id), actions, {
            note: state.sameName.get(f.id),
            earlierListed: (e) => state.fileObjects.has(e),
            redropped: state.redropped.has(f.id),
            inDrop: state.sameNameInDrop.has(f.id),
          }),
        ),
      );
      dom.list.lastElementChild?.scrollIntoView({ block: "nearest" });
    },
    load(provider) {
      // A load started while another still computes (the 2018 estimate at start-up) would be
      // overwritten when the earlier one ends: wait until the viewer is idle.
      loading = loading.then(viewerIdle).then(() => viewer.load(provider));
      return loading;
    },
  };
  const exportsBar = wireExports(dom, viewer, client, () => core.texts());
  const addFiles = async (files: readonly File[]) => {
    // A corrections.json goes to the evidence panel (viewer/correctionsDrop.ts), the rest here.
    const tables: File[] = [];
    for (const f of files) if (!(await offerCorrections(f))) tables.push(f);
    if (!tables.length) return;
    const items = await takeDrop(state, tables);
    core.renderFiles();
    return importAndUse(core, items);
  };
  followClient(core);
  dom.reset.addEventListener("click", () => void backTo2018(core));
  installDropTarget(dom.dropOverlay, (files) => void addFiles(files));
  followLanguage(core);
  core.texts();
  return { element: dom.root, addFiles, record: exportsBar.record };
}
