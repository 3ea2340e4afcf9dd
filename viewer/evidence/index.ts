/**
 * Issue 17's viewer entry: the time–distance chart (viewer/marey), the evidence panel and the
 * corrections, hooked into a viewer with one call from main.ts. Selection and date are the
 * viewer's (`getState` / `setState`): selecting a group on the map shows its evidence here, and a
 * click on the chart selects on the map. Corrections re-run the estimate in the evidence worker
 * and the map then shows the corrected replay. Exposed on `window.dtmEvidence` for the browser
 * tests, the benchmark and the console.
 */
import "./evidence.css";
import type { Correction, CorrectionsFile, Evidence, TimeDistance } from "../../src/index.ts";
import { dayNumber } from "../../src/index.ts";
import { download } from "../analyst/exports.ts";
import type { DataProvider } from "../data/provider.ts";
import { askFor, failure } from "./ask.ts";
import type { Unsent } from "./ask.ts";
import { dateOf } from "../data/replay.ts";
import type { ReplayData, ReplaySource } from "../data/replay.ts";
import { createMareyView } from "../marey/view.ts";
import type { MareyView } from "../marey/view.ts";
import type { PlaceNames } from "../i18n.ts";
import { hoverPatch } from "../state.ts";
import type { Lang, ViewState } from "../state.ts";
import {
  addCorrection,
  correctionsText,
  EMPTY_CORRECTIONS,
  evidenceCsv,
  readCorrections,
  removeCorrection,
} from "./model.ts";
import { el, renderCorrections, renderEvidence, unseenParagraph } from "./panel.ts";
import type { EvidenceActions } from "./panel.ts";
import type { EvidenceMessage, EvidenceRequest, PortMessage, RunResult } from "./protocol.ts";
import { EVIDENCE_TEXTS } from "./texts.ts";
import { takeCorrections } from "../correctionsDrop.ts";
import { fileButton } from "../fileButton.ts";

/** What the evidence panel needs of the viewer (its public seam, viewer/app.ts). */
export interface EvidenceViewer {
  getState(): ViewState;
  setState(patch: Partial<ViewState>): void;
  readonly replay: ReplayData | undefined;
  load(provider: DataProvider): Promise<void>;
}

export interface EvidencePanel {
  /** The corrections in force (a copy). */
  corrections(): CorrectionsFile;
  /** Replaces the corrections (as loading a file does) and re-runs; resolves with the result. */
  setCorrections(file: CorrectionsFile): Promise<RunResult | undefined>;
  correct(c: Correction): Promise<RunResult | undefined>;
  undo(index: number): Promise<RunResult | undefined>;
  /** The last run (chart content, tracks.csv, effects, timing). */
  readonly result: RunResult | undefined;
  /** The evidence shown (or undefined). */
  readonly evidence: Evidence | undefined;
  /** Chart frame work (ms) of the last frames. */
  readonly times: number[];
  /** Resolves when the first estimate is in. */
  ready: Promise<void>;
  /** Shows this chart content instead of the estimate's (benchmarks: a synthetic 10,000 reports). */
  showChart(td: TimeDistance): void;
}

/** Day number of the replay's first day (NaN when `start` is not a date). */
const day0Of = (start: string) => dayNumber(start.slice(0, 10)) ?? NaN;

/**
 * @param links.analystPort one end of a MessageChannel whose other end went to `installAnalyst`:
 *   the evidence worker asks the analyst worker for its datasets there.
 */
export function installEvidence(
  viewer: EvidenceViewer,
  links: { analystPort?: MessagePort } = {},
): EvidencePanel {
  const L = () => viewer.getState().lang;
  const ui = buildSection(document);

  let file: CorrectionsFile = EMPTY_CORRECTIONS;
  let result: RunResult | undefined;
  let evidence: Evidence | undefined;
  // Created at the first run, after the map's first frame: its estimate would otherwise compete
  // with the replay worker's for the machine's cores and delay that frame.
  const ask = workerClient(() => startWorker(links.analystPort));

  const view = chartView(ui.chartHost, viewer, ui.evidenceHost);

  /** Replays this panel put on the map (corrected estimates): not data to follow. */
  const own = new WeakSet<ReplayData>();
  async function run(
    next: CorrectionsFile,
    showOnMap: boolean,
    data?: ReplaySource | "embedded",
  ): Promise<RunResult | undefined> {
    ui.status.textContent = EVIDENCE_TEXTS[L()].running;
    const m = await ask({ type: "run", corrections: next, ...(data ? { data } : {}) });
    const T = EVIDENCE_TEXTS[L()];
    if (m.type === "noGroups") {
      // Valid data with no group to explain: said, and nothing of the previous data kept.
      file = next;
      result = undefined;
      evidence = undefined;
      ui.chartHost.hidden = true;
      ui.evidenceHost.replaceChildren();
      ui.status.textContent = T.noGroups;
      renderList();
      return undefined;
    }
    if (m.type !== "result") {
      ui.status.textContent = failure(m, L());
      return undefined;
    }
    file = next;
    result = m.result;
    ui.chartHost.hidden = false;
    const start = viewer.replay?.start ?? m.result.replay.start;
    view.setData(m.result.chart, day0Of(start));
    ui.status.textContent = T.rerun(m.result.ms, file.corrections.length);
    renderList();
    shownKey = "";
    if (showOnMap) {
      const replay = next.corrections.length
        ? { ...m.result.replay, corrected: true as const }
        : m.result.replay;
      own.add(replay);
      // Its "As known on the day" figures are those of `report --as-of D --corrections`, its
      // forecast that of `forecast --as-of D --corrections`, its tables those of `estimate` and
      // `ledger --corrections`: all of the corrected data, computed in this panel's worker.
      await viewer.load(correctedProvider(ask, replay, next, L));
    }
    return m.result;
  }

  const { actions, buttons } = wireControls(ui, view, ask, L, {
    panel: () => panel,
    file: () => file,
    evidence: () => evidence,
    checked: () => (shownKey = ""),
  });
  function renderList(): void {
    renderCorrections(
      ui.correctionsHost,
      file.corrections,
      result?.applied.map((a) => a.effect) ?? [],
      L(),
      actions,
    );
  }

  let textsLang = "";
  function applyTexts(): void {
    if (textsLang === L()) return;
    textsLang = L();
    buttonTexts(buttons, ui, EVIDENCE_TEXTS[L()]);
    renderList();
    shownKey = "";
  }

  // ── the data: the replay the map shows (2018, or the analyst's files), never another ──
  const { follow, ready } = dataFollower(own, (data) => {
    // Corrections name the reports of the data they were made on: new data start with none.
    const dropped = file.corrections.length;
    return run(EMPTY_CORRECTIONS, false, data).then((r) => {
      if (r && dropped) ui.status.textContent = EVIDENCE_TEXTS[L()].cleared(dropped);
    });
  });

  // ── the frame loop: chart cursor every frame; evidence when group or day changes ──
  let shownKey = "";
  let asking = false;
  function tick(): void {
    const s = viewer.getState();
    applyTexts();
    const group = s.selection?.kind === "group" ? s.selection.id : undefined;
    view.update({ t: s.t, lang: s.lang, theme: s.theme, selected: group, hovered: s.hover });
    const replay = viewer.replay;
    if (replay) follow(replay);
    if (result && replay && !asking) {
      const date = dateOf(replay.start, s.t);
      const key = `${group ?? ""}|${date}|${s.lang}`;
      if (key !== shownKey && !(s.playing && group === undefined)) {
        shownKey = key;
        void showEvidence(group, date);
      }
    }
    requestAnimationFrame(tick);
  }
  async function showEvidence(group: string | undefined, date: string): Promise<void> {
    asking = true;
    const unseenSince = unseenSinceOf(viewer.replay, group, date);
    const at = { group, date, lang: L(), chart: result?.chart, places: viewer.replay?.places };
    evidence = await loadEvidence(ui.evidenceHost, ask, { ...at, unseenSince }, actions);
    asking = false;
  }

  requestAnimationFrame(tick);

  const panel: EvidencePanel = {
    corrections: () => structuredClone(file),
    setCorrections: (next) => run(next, true),
    correct: (c) =>
      run(addCorrection(file, { ...c, at: new Date().toISOString().slice(0, 19) }), true),
    undo: (i) => run(removeCorrection(file, i), true),
    get result() {
      return result;
    },
    get evidence() {
      return evidence;
    },
    times: view.times,
    ready,
    showChart: (td) => view.setData(td, td.dayRange[0]),
  };
  (window as unknown as { dtmEvidence: EvidencePanel }).dtmEvidence = panel;
  return panel;
}

/**
 * The provider of the corrected replay: the replay, and its situation as known on a day, its
 * forecast and its tables, all asked of the evidence worker with the same corrections.
 */
function correctedProvider(
  ask: (m: Unsent) => Promise<EvidenceMessage>,
  replay: ReplayData,
  corrections: CorrectionsFile,
  L: () => Lang,
): DataProvider {
  return {
    id: "corrected",
    load: async () => replay,
    situationAsOf: async (date) =>
      (await askFor(ask, { type: "asOf", date, corrections }, "asOf", L())).day,
    forecast: async (asOf, horizonDays) =>
      (await askFor(ask, { type: "forecast", asOf, horizonDays, corrections }, "forecast", L()))
        .view,
    tables: async (hxl) =>
      (await askFor(ask, { type: "tables", hxl, corrections }, "tables", L())).files,
  };
}

/**
 * The panel's correction actions (correct, undo, run the check) and its file buttons (save, undo
 * the last, load a corrections file), wired to the panel through `get` (read when used).
 */
function wireControls(
  ui: ReturnType<typeof buildSection>,
  view: MareyView,
  ask: (m: Unsent) => Promise<EvidenceMessage>,
  L: () => Lang,
  get: {
    panel: () => EvidencePanel;
    file: () => CorrectionsFile;
    evidence: () => Evidence | undefined;
    /** The check ran: the evidence shown is to be asked again. */
    checked: () => void;
  },
) {
  const actions: EvidenceActions = {
    correct: (c) => void get.panel().correct(c),
    undo: (i) => void get.panel().undo(i),
    runCheck: () => {
      ui.status.textContent = EVIDENCE_TEXTS[L()].checking;
      void ask({ type: "check" }).then(() => {
        ui.status.textContent = "";
        get.checked();
      });
    },
  };
  const buttons = controls(document, ui.fileBar, ui.exportsBar, {
    file: get.file,
    evidence: get.evidence,
    view,
    undoLast: () => {
      const n = get.file().corrections.length;
      if (n) void get.panel().undo(n - 1);
    },
    load: async (f) => {
      const read = readCorrections(await f.text(), L());
      if (!read.file)
        ui.status.textContent = EVIDENCE_TEXTS[L()].invalid(f.name, read.problem ?? "");
      else await get.panel().setCorrections(read.file);
    },
  });
  return { actions, buttons };
}

/**
 * Follows the replays on the map: for each new one this panel did not put there (`own`: its
 * corrected estimates), `use` its data (the analyst's `source`, or "embedded") unless already in
 * use. `ready` resolves when the first data are in.
 */
function dataFollower(
  own: WeakSet<ReplayData>,
  use: (data: ReplaySource | "embedded") => Promise<void>,
): { follow(replay: ReplayData): void; ready: Promise<void> } {
  let seen: ReplayData | undefined;
  let following: ReplaySource | "embedded" | undefined;
  let readyNow: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyNow = resolve));
  return {
    ready,
    follow(replay) {
      if (replay === seen) return;
      seen = replay;
      if (own.has(replay)) return;
      const data = replay.source ?? "embedded";
      if (data === following) return;
      following = data;
      void use(data).then(readyNow);
    },
  };
}

/** The state's "not seen since" of a group on a day, as the map's replay has it (not re-derived). */
function unseenSinceOf(
  replay: ReplayData | undefined,
  group: string | undefined,
  date: string,
): string | undefined {
  return replay?.groups.find((g) => g.id === group)?.frames.find((f) => f.date === date)
    ?.unseenSince;
}

/** Asks the worker for a group-day's evidence and shows it (or the hint when nothing is selected). */
async function loadEvidence(
  host: HTMLElement,
  ask: (m: Unsent) => Promise<EvidenceMessage>,
  at: {
    group?: string;
    date: string;
    lang: Lang;
    chart?: TimeDistance;
    /** The replay's places, for their names in the language. */
    places?: PlaceNames;
    /** The state's "not seen since" date of the group on the day, if it is unseen. */
    unseenSince?: string;
  },
  actions: EvidenceActions,
): Promise<Evidence | undefined> {
  const doc = host.ownerDocument;
  const T = EVIDENCE_TEXTS[at.lang];
  const hint = (text: string) =>
    host.replaceChildren(el(doc, "h3", {}, T.evidence), el(doc, "p", { class: "muted" }, text));
  if (!at.group) {
    hint(T.hint);
    return undefined;
  }
  const m = await ask({ type: "evidence", group: at.group, date: at.date });
  if (m.type === "evidence") {
    renderEvidence(host, m.evidence, at.chart, at.lang, actions, at.places, at.unseenSince);
    return m.evidence;
  }
  hint(m.type === "error" ? m.message : T.hint);
  if (at.unseenSince !== undefined) host.append(unseenParagraph(doc, at.lang, at.unseenSince));
  return undefined;
}

/** The evidence worker, given its end of the channel to the analyst worker. */
function startWorker(analystPort: MessagePort | undefined): Worker {
  const w = new Worker(new URL("./evidence.worker.ts", import.meta.url), { type: "module" });
  if (analystPort) {
    w.postMessage({ type: "port", port: analystPort } satisfies PortMessage, [analystPort]);
  }
  return w;
}

/** The section's title and the buttons' texts in one language. */
function buttonTexts(
  b: ReturnType<typeof controls>,
  ui: { title: HTMLElement; correctionsTitle: HTMLElement },
  T: (typeof EVIDENCE_TEXTS)["en"],
): void {
  ui.title.textContent = T.title;
  ui.correctionsTitle.textContent = T.corrections;
  b.saveBtn.textContent = T.save;
  b.undoLast.textContent = T.undoLast;
  b.loadBtn.textContent = T.load;
  b.svgBtn.textContent = T.exportSvg;
  b.pngBtn.textContent = T.exportPng;
  b.csvBtn.textContent = T.exportCsv;
}

/** The chart, selecting and stepping through the viewer's state (shared with the map). */
function chartView(
  host: HTMLElement,
  viewer: EvidenceViewer,
  evidenceHost: HTMLElement,
): MareyView {
  return createMareyView({
    container: host,
    onSelect: (group, t) => viewer.setState({ selection: { kind: "group", id: group }, t }),
    onHover: (group) => {
      const patch = hoverPatch(viewer.getState(), group);
      if (patch) viewer.setState(patch);
    },
    onStep: (days) => {
      const s = viewer.getState();
      viewer.setState({ t: Math.max(0, Math.floor(s.t + days) + 0.5) });
    },
    onEvidence: () => evidenceHost.focus(),
    // The chart is of the data the map shows: the replay's places name its stops and reports.
    places: () => viewer.replay?.places ?? [],
  });
}

/** The panel's section, placed after the viewer's main layout. */
function buildSection(doc: Document) {
  const section = el(doc, "section", {
    id: "evidence",
    class: "evidence",
    "aria-labelledby": "evidence-title",
  });
  const title = el(doc, "h2", { id: "evidence-title" });
  const chartHost = el(doc, "div", { class: "marey" });
  const exportsBar = el(doc, "div", { class: "evidence-exports" });
  const evidenceHost = el(doc, "section", {
    id: "evidence-panel",
    class: "evidence-panel",
    "aria-labelledby": "evidence-heading",
    tabindex: "-1",
  });
  const correctionsTitle = el(doc, "h3", {});
  const correctionsHost = el(doc, "div", { id: "corrections" });
  const fileBar = el(doc, "div", { class: "corrections-file" });
  const status = el(doc, "p", { class: "evidence-status", role: "status" });
  section.append(
    title,
    chartHost,
    exportsBar,
    evidenceHost,
    correctionsTitle,
    correctionsHost,
    fileBar,
    status,
  );
  (doc.getElementById("app") ?? doc.body).after(section);
  return {
    section,
    title,
    chartHost,
    exportsBar,
    evidenceHost,
    correctionsTitle,
    correctionsHost,
    fileBar,
    status,
  };
}

/** Request → reply over the evidence worker (created at the first request; replies matched by number). */
function workerClient(makeWorker: () => Worker): (m: Unsent) => Promise<EvidenceMessage> {
  let req = 0;
  let worker: Worker | undefined;
  const waiting = new Map<number, (m: EvidenceMessage) => void>();
  const started = (): Worker => {
    if (worker) return worker;
    worker = makeWorker();
    worker.addEventListener("message", (ev: MessageEvent<EvidenceMessage>) => {
      const w = waiting.get(ev.data.req);
      waiting.delete(ev.data.req);
      w?.(ev.data);
    });
    return worker;
  };
  return (m: Unsent) =>
    new Promise<EvidenceMessage>((resolve) => {
      const id = ++req;
      waiting.set(id, resolve);
      started().postMessage({ ...m, req: id } as EvidenceRequest);
    });
}

/** Save / undo / load of corrections.json, and the exports (chart SVG and PNG, evidence CSV). */
function controls(
  doc: Document,
  fileBar: HTMLElement,
  exportsBar: HTMLElement,
  hooks: {
    file: () => CorrectionsFile;
    evidence: () => Evidence | undefined;
    view: MareyView;
    undoLast: () => void;
    load: (f: File) => Promise<void>;
  },
) {
  const saveBtn = el(doc, "button", { type: "button", id: "corrections-save" });
  const undoLast = el(doc, "button", { type: "button", id: "corrections-undo" });
  // The viewer's one file picker (a button in the viewer's language over a hidden input).
  const picker = fileButton(doc, {
    id: "corrections-load",
    accept: ".json,application/json",
    onFiles: (files) => void hooks.load(files[0]!),
  });
  const loadBtn = picker.button;
  // A corrections.json dropped on the page (the analyst panel's drop target) comes here too.
  takeCorrections((f) => void hooks.load(f));
  fileBar.append(saveBtn, undoLast, picker.element);
  saveBtn.addEventListener("click", () =>
    download(
      new Blob([correctionsText(hooks.file())], { type: "application/json" }),
      "corrections.json",
    ),
  );
  undoLast.addEventListener("click", hooks.undoLast);
  const svgBtn = el(doc, "button", { type: "button", id: "export-marey-svg" });
  const pngBtn = el(doc, "button", { type: "button", id: "export-marey-png" });
  const csvBtn = el(doc, "button", { type: "button", id: "export-evidence-csv" });
  exportsBar.append(svgBtn, pngBtn, csvBtn);
  svgBtn.addEventListener("click", () => {
    const text = hooks.view.svgText();
    if (text) download(new Blob([text], { type: "image/svg+xml" }), "dtm-flow-time-distance.svg");
  });
  pngBtn.addEventListener("click", () => void exportPng(hooks.view.svgText()));
  csvBtn.addEventListener("click", () => {
    const e = hooks.evidence();
    if (e) {
      download(new Blob([evidenceCsv(e)], { type: "text/csv" }), `dtm-flow-evidence-${e.date}.csv`);
    }
  });
  return { saveBtn, undoLast, loadBtn, svgBtn, pngBtn, csvBtn };
}

/** Draws the chart's SVG on a canvas (2× for print) and downloads it as PNG. */
async function exportPng(svg: string | undefined): Promise<void> {
  if (!svg) return;
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, "image/png"));
    if (blob) download(blob, "dtm-flow-time-distance.png");
  } finally {
    URL.revokeObjectURL(url);
  }
}
