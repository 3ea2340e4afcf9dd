/**
 * The scenario panel: a form to edit an influx scenario (scenario.json), a run in a Web Worker
 * with progress, and for each result (up to three side by side) fan charts of people present per
 * place against shelter capacity, the needs table with the planning figures beside it, and a CSV
 * download. Opened from a toolbar button; its open/closed state is the view state's `scenario`
 * (in the URL). Every text from data or from the user is set as text, never as markup.
 */
import type { ScenarioError, ScenarioInput, ScenarioResult } from "../../src/index.ts";
import type { Lang, ViewState } from "../state.ts";
import { pruneInput } from "./model.ts";
import type { CorridorInfo } from "./protocol.ts";
import type { DatasetLink } from "../analyst/protocol.ts";
import { el } from "./dom.ts";
import { clearFieldError, showFieldErrors } from "./fieldErrors.ts";
import { buildForm } from "./form.ts";
import type { FieldRef } from "./form.ts";
import type { ScenarioStatus } from "./panelState.ts";
import { MAX_RESULTS, parseScenarioText } from "./panelState.ts";
import { applyLayoutTexts, createLayout, setPanelOpen, showStatus } from "./layout.ts";
import { showCorridorNote } from "./corridorNote.ts";
import type { ReplayOnScreen } from "./corridorNote.ts";
import { renderResults as renderResultsView } from "./results.ts";
import { createWorkerClient } from "./workerClient.ts";

/**
 * What the panel needs from the viewer: its view state (language, panel open) and the replay on
 * screen (whose `source` says it is the analyst's own files, not the 2018 data).
 */
export interface ScenarioViewer {
  getState(): ViewState;
  setState(patch: Partial<ViewState>): void;
  readonly replay?: ReplayOnScreen;
}

export interface ScenarioPanelOptions {
  viewer: ScenarioViewer;
  /** Where the toggle button goes (the header toolbar). */
  toolbar: Element;
  /** The panel's section is inserted after this element (the main layout). */
  after: Element;
  /** Starts the scenario worker (a new one after a cancel). */
  createWorker: () => Worker;
  /** Example scenarios offered in the form, by file name; the first is the initial form. */
  examples: Record<string, ScenarioInput>;
  /**
   * A new channel end to the analyst worker, whose datasets a scenario on the analyst's own files
   * runs on (absent: such a run fails with a sentence).
   */
  datasetPort?: () => DatasetLink;
}

export type { ScenarioStatus } from "./panelState.ts";

export interface ScenarioPanel {
  readonly element: HTMLElement;
  open(): void;
  close(): void;
  /** The scenario the form holds (a copy). */
  getInput(): ScenarioInput;
  /** Replaces the form's scenario (a parsed scenario.json). */
  setInput(input: ScenarioInput): void;
  /** The results shown, oldest first (at most three). */
  readonly results: readonly ScenarioResult[];
  readonly status: ScenarioStatus;
}

const clone = <T>(v: T): T => structuredClone(v);

/**
 * Draws the results into `target` on each call; a result's remove button takes it out of
 * `results` and draws again. The "with HXL hashtags" choice is kept here, across re-renders.
 */
function resultsRenderer(
  target: HTMLElement,
  results: { id: number; result: ScenarioResult }[],
  hooks: { lang(): Lang; removed(): void },
): () => void {
  const hxl = { on: false };
  const render = (): void =>
    renderResultsView(target, {
      lang: hooks.lang(),
      results,
      hxl,
      onRemove(id) {
        const i = results.findIndex((r) => r.id === id);
        if (i >= 0) results.splice(i, 1);
        render();
        hooks.removed();
      },
    });
  return render;
}

/** A scenario.json the planner chose: the scenario read, and the status line that says so. */
async function readScenarioFile(
  file: File,
): Promise<{ input?: ScenarioInput; status: ScenarioStatus }> {
  const parsed = parseScenarioText(await file.text());
  return parsed instanceof Error
    ? { status: { kind: "badJson", message: parsed.message } }
    : { input: parsed, status: { kind: "loaded", file: file.name } };
}

/** Creates the panel (hidden until opened) and its toggle button. */
export function createScenarioPanel(options: ScenarioPanelOptions): ScenarioPanel {
  const { viewer } = options;
  const exampleNames = Object.keys(options.examples);
  let input: ScenarioInput = clone(options.examples[exampleNames[0]!] ?? { waves: [] });
  let lang: Lang = viewer.getState().lang;
  let status: ScenarioStatus = { kind: "idle" };
  let corridor: CorridorInfo | undefined;
  let uid = 0;
  const results: { id: number; result: ScenarioResult }[] = [];
  /** Form fields by the JSON pointer of the value they edit. */
  let fields = new Map<string, FieldRef>();
  let errors: ScenarioError[] = [];

  const layout = createLayout(options.toolbar, options.after);
  const { section, form, resultsEl } = layout;
  const { statusEl, progress, runBtn, cancelBtn, topErrors } = layout;

  // ── worker ── (on the replay on screen: the analyst's own routes and places when it is theirs)
  const client = createWorkerClient(
    options.createWorker,
    {
      corridor(info) {
        corridor = info;
        renderForm();
      },
      status(next) {
        setStatus(next);
        if (next.kind === "invalid") {
          errors = next.errors;
          showErrors(true);
        }
      },
      result(id, result) {
        results.push({ id, result });
        renderResults();
      },
    },
    { source: () => viewer.replay?.source?.id, datasetPort: options.datasetPort },
  );

  function run(): void {
    // Room for three results side by side: the planner removes one first.
    if (results.length >= MAX_RESULTS) return setStatus({ kind: "full" });
    errors = [];
    showErrors(false);
    client.run(pruneInput(clone(input)));
  }

  // ── status line and progress ──
  function setStatus(next: ScenarioStatus): void {
    status = next;
    showStatus(layout, next, lang);
  }

  // ── form ──
  function renderForm(focusPointer?: string): void {
    fields = new Map();
    const runRow = el("div", { class: "scenario-run" }, runBtn, cancelBtn, progress, statusEl);
    form.replaceChildren(
      ...buildForm({
        lang,
        input,
        corridor,
        exampleNames,
        fields,
        nextId: () => ++uid,
        edited: clearError,
        rerender: renderForm,
        chooseExample(name) {
          const ex = options.examples[name];
          if (ex) setInput(clone(ex));
        },
        loadFile: (file) => void loadFile(file),
        topErrors,
        runRow,
      }),
    );
    applyLayoutTexts(layout, lang);
    showErrors(false);
    if (focusPointer) fields.get(focusPointer)?.control.focus();
  }

  const clearError = (pointer: string) => clearFieldError(fields.get(pointer));
  const showErrors = (focus: boolean) => {
    showFieldErrors(fields, errors, topErrors, focus, lang);
    showCorridorNote(layout, lang, viewer.replay);
    if (!layout.section.hidden) client.corridor();
  };

  async function loadFile(file: File | undefined): Promise<void> {
    const read = file && (await readScenarioFile(file));
    if (read?.input) setInput(read.input);
    if (read) setStatus(read.status);
  }

  function setInput(next: ScenarioInput): void {
    input = clone(next);
    delete (input as { $schema?: unknown }).$schema;
    errors = [];
    renderForm();
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    run();
  });
  cancelBtn.addEventListener("click", () => client.cancel());

  // ── results ──
  const renderResults = resultsRenderer(resultsEl, results, {
    lang: () => lang,
    removed() {
      if (status.kind === "full") setStatus({ kind: "idle" });
    },
  });

  // ── texts, open / close ──
  function applyTexts(): void {
    applyLayoutTexts(layout, lang);
    showCorridorNote(layout, lang, viewer.replay);
    renderForm();
    setStatus(status);
    renderResults();
  }

  const setOpen = bindOpenAndLanguage(viewer, layout, client, {
    lang: () => lang,
    languageChanged(next) {
      lang = next;
      applyTexts();
    },
  });
  applyTexts();
  if (viewer.getState().scenario) setOpen(true, true);

  return {
    element: section,
    open: () => setOpen(true),
    close: () => setOpen(false),
    getInput: () => clone(input),
    setInput,
    get results() {
      return results.map((r) => r.result);
    },
    get status() {
      return status;
    },
  };
}

/**
 * Opening and closing the panel (its toggle, its close button, the URL's `scenario` flag),
 * following the viewer's language (`<html lang>`) and the replay on screen (its pickers). Returns the function that opens or closes it.
 */
function bindOpenAndLanguage(
  viewer: ScenarioPanelOptions["viewer"],
  layout: ReturnType<typeof createLayout>,
  client: ReturnType<typeof createWorkerClient>,
  language: { lang(): Lang; languageChanged(next: Lang): void },
): (open: boolean, fromState?: boolean) => void {
  const setOpen = (open: boolean, fromState = false) =>
    setPanelOpen(layout, open, fromState, {
      saveState: (scenario) => viewer.setState({ scenario }),
      opened: () => {
        client.corridor();
        showCorridorNote(layout, language.lang(), viewer.replay);
      },
    });
  layout.toggle.addEventListener("click", () => setOpen(layout.section.hidden));
  layout.closeBtn.addEventListener("click", () => setOpen(false));
  // The language is the viewer's (the toggle or the URL): follow <html lang>.
  new MutationObserver(() => {
    const next = viewer.getState().lang;
    if (next !== language.lang()) language.languageChanged(next);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  window.addEventListener("hashchange", () => setOpen(!!viewer.getState().scenario, true));
  followReplay(viewer, () => {
    // Another replay on screen while the panel is open: its routes and places in the pickers.
    showCorridorNote(layout, language.lang(), viewer.replay);
    if (!layout.section.hidden) client.corridor();
  });
  return setOpen;
}

/**
 * Calls `changed` when the map shows another replay (the analyst's files computed, or back to
 * 2018): the map's `data-state` becomes "ready" each time a replay is shown (viewer/app.ts).
 */
function followReplay(viewer: ScenarioViewer, changed: () => void): void {
  const map = document.getElementById("map");
  if (!map) return;
  let shown = viewer.replay;
  new MutationObserver(() => {
    if (viewer.replay === shown) return;
    shown = viewer.replay;
    changed();
  }).observe(map, { attributes: true, attributeFilter: ["data-state", "data-provider"] });
}
