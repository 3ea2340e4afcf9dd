/**
 * The scenario panel: a form to edit an influx scenario (scenario.json), a run in a Web Worker
 * with progress, and for each result (up to three side by side) fan charts of people present per
 * place against shelter capacity, the needs table with the planning figures beside it, and a CSV
 * download. Opened from a toolbar button; its open/closed state is the view state's `scenario`
 * (in the URL). Every text from data or from the user is set as text, never as markup.
 */
import { GENERIC_MOVEMENT, SPHERE_2018 } from "../../src/index.ts";
import type {
  Composition,
  NumberOrRange,
  PlanningFigures,
  ScenarioError,
  ScenarioInput,
  ScenarioResult,
  Wave,
} from "../../src/index.ts";
import type { Lang, ViewState } from "../state.ts";
import {
  errorsByField,
  formatNumberOrRange,
  parseNumber,
  parseNumberOrRange,
  PLANNING_KEYS,
  pruneInput,
  slug,
} from "./model.ts";
import type { CorridorInfo, ScenarioReply, ScenarioRequest } from "./protocol.ts";
import { button, download, el } from "./dom.ts";
import { renderResults as renderResultsView } from "./results.ts";
import { scenarioText } from "./texts.ts";
import type { ScenarioTextKey } from "./texts.ts";

/** What the panel needs from the viewer: its view state (language, panel open). */
export interface ScenarioViewer {
  getState(): ViewState;
  setState(patch: Partial<ViewState>): void;
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
}

export type ScenarioStatus =
  | { kind: "idle" }
  | { kind: "preparing" }
  | { kind: "running"; done: number; total: number }
  | { kind: "done" }
  | { kind: "invalid"; errors: ScenarioError[] }
  | { kind: "failed"; message: string }
  | { kind: "full" }
  | { kind: "loaded"; file: string }
  | { kind: "badJson"; message: string };

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

const MAX_RESULTS = 3;
const COMPOSITION_KEYS: readonly (keyof Composition)[] = [
  "men",
  "women",
  "children",
  "unaccompaniedChildren",
];
const COMPOSITION_TEXT: Record<keyof Composition, ScenarioTextKey> = {
  men: "men",
  women: "women",
  children: "children",
  unaccompaniedChildren: "unaccompanied",
};
const PLANNING_TEXT: Record<keyof PlanningFigures, ScenarioTextKey> = {
  waterLitresPerPersonPerDay: "water",
  peoplePerLatrineInitial: "latrineFirst",
  peoplePerLatrineLater: "latrineLater",
  latrineLaterAfterDays: "latrineAfter",
  coveredM2PerPerson: "covered",
  hygieneKitsPerPersonPerMonth: "kits",
};
const MOVEMENT_FIELDS = [
  ["restDayProbability", "restDay"],
  ["rideProbability", "ride"],
  ["walkKmPerDay", "walkKm"],
  ["rideKmPerDay", "rideKm"],
  ["cohesion", "cohesion"],
] as const;

const clone = <T>(v: T): T => structuredClone(v);

/** Creates the panel (hidden until opened) and its toggle button. */
export function createScenarioPanel(options: ScenarioPanelOptions): ScenarioPanel {
  const { viewer } = options;
  const exampleNames = Object.keys(options.examples);
  let input: ScenarioInput = clone(options.examples[exampleNames[0]!] ?? { waves: [] });
  let lang: Lang = viewer.getState().lang;
  let status: ScenarioStatus = { kind: "idle" };
  let corridor: CorridorInfo | undefined;
  let worker: Worker | undefined;
  let runId = 0;
  let uid = 0;
  const results: { id: number; result: ScenarioResult }[] = [];
  /** Form fields by the JSON pointer of the value they edit. */
  let fields = new Map<string, { control: HTMLElement; error: HTMLElement }>();
  let errors: ScenarioError[] = [];
  const t = (key: ScenarioTextKey) => scenarioText(lang, key);

  const toggle = el("button", {
    id: "scenario-toggle",
    type: "button",
    "aria-expanded": "false",
    "aria-controls": "scenario",
  });
  options.toolbar.append(toggle);
  const section = el("section", { id: "scenario", class: "scenario-panel", hidden: true });
  options.after.after(section);
  // The replay's keyboard shortcuts (Space, arrows, Home/End) do not apply inside the panel.
  section.addEventListener("keydown", (ev) => ev.stopPropagation());
  const heading = el("h2", { id: "scenario-title", tabindex: -1 });
  const closeBtn = el("button", { type: "button", class: "scenario-close" }, "×");
  const intro = el("p", { class: "muted small" });
  const form = el("form", { id: "scenario-form", novalidate: true });
  const resultsEl = el("section", { id: "scenario-results", "aria-live": "polite" });
  section.append(
    el("div", { class: "scenario-head" }, heading, closeBtn),
    intro,
    el("div", { class: "scenario-body" }, form, resultsEl),
  );
  section.setAttribute("aria-labelledby", "scenario-title");

  // ── worker ──
  function startWorker(): Worker {
    const w = options.createWorker();
    w.addEventListener("message", (ev: MessageEvent<ScenarioReply>) => onReply(ev.data));
    w.addEventListener("error", (ev) => {
      ev.preventDefault();
      setStatus({ kind: "failed", message: ev.message || "the scenario worker stopped" });
      worker = undefined;
    });
    // The pickers' places once per page (a new worker after a cancel does not re-render the form).
    if (!corridor) w.postMessage({ kind: "corridor" } satisfies ScenarioRequest);
    return w;
  }

  function onReply(m: ScenarioReply): void {
    if (m.kind === "corridor") {
      corridor = m.corridor;
      renderForm();
      return;
    }
    if (m.id !== runId) return; // an older run (cancelled meanwhile)
    if (m.kind === "preparing") setStatus({ kind: "preparing" });
    else if (m.kind === "progress") setStatus({ kind: "running", done: m.done, total: m.total });
    else if (m.kind === "invalid") {
      errors = m.errors;
      setStatus({ kind: "invalid", errors: m.errors });
      showErrors(true);
    } else if (m.kind === "failed") setStatus({ kind: "failed", message: m.message });
    else {
      results.push({ id: m.id, result: m.result });
      setStatus({ kind: "done" });
      renderResults();
    }
  }

  function run(): void {
    if (results.length >= MAX_RESULTS) {
      setStatus({ kind: "full" });
      return;
    }
    errors = [];
    showErrors(false);
    worker ??= startWorker();
    runId += 1;
    worker.postMessage({
      kind: "run",
      id: runId,
      input: pruneInput(clone(input)),
    } satisfies ScenarioRequest);
    setStatus({ kind: "preparing" });
  }

  function cancel(): void {
    // runScenario is synchronous in the worker: stopping it means stopping the worker.
    worker?.terminate();
    worker = undefined;
    runId += 1;
    setStatus({ kind: "idle" });
  }

  // ── status line and progress ──
  const statusEl = el("p", { id: "scenario-status", class: "small", role: "status" });
  const progress = el("progress", { id: "scenario-progress", max: 1, value: 0, hidden: true });
  const runBtn = el("button", { type: "submit", id: "scenario-run", class: "primary" });
  const cancelBtn = el("button", { type: "button", id: "scenario-cancel", hidden: true });
  const topErrors = el("ul", { id: "scenario-errors", class: "field-errors", hidden: true });

  function setStatus(next: ScenarioStatus): void {
    status = next;
    const busy = next.kind === "preparing" || next.kind === "running";
    statusEl.dataset.status = next.kind;
    progress.hidden = !busy;
    cancelBtn.hidden = !busy;
    runBtn.disabled = busy;
    section.setAttribute("aria-busy", String(busy));
    progress.setAttribute("aria-label", t("running"));
    if (next.kind === "running") {
      progress.max = next.total;
      progress.value = next.done;
    } else progress.removeAttribute("value");
    statusEl.textContent =
      next.kind === "preparing"
        ? t("preparing")
        : next.kind === "running"
          ? `${t("running")}: ${next.done} / ${next.total} ${t("runsDone")}`
          : next.kind === "invalid"
            ? `${t("errors")} ${next.errors.length}`
            : next.kind === "failed"
              ? `${t("failed")} ${next.message}`
              : next.kind === "full"
                ? t("full")
                : next.kind === "loaded"
                  ? `${t("loadedFile")}: ${next.file}`
                  : next.kind === "badJson"
                    ? `${t("badJson")} ${next.message}`
                    : "";
  }

  // ── form ──
  /** A labelled input bound to the value at `pointer`; its error text goes right under it. */
  function field(
    pointer: string,
    label: string,
    value: string,
    set: (text: string) => void,
    opts: {
      type?: string;
      placeholder?: string;
      list?: string;
      hint?: string;
      wide?: boolean;
    } = {},
  ): HTMLElement {
    const id = `sc-${++uid}`;
    const control = el("input", {
      id,
      name: pointer,
      type: opts.type ?? "text",
      placeholder: opts.placeholder,
      list: opts.list,
      "data-pointer": pointer,
      autocomplete: "off",
      "aria-describedby": opts.hint ? `${id}-hint` : undefined,
    });
    control.value = value;
    control.addEventListener("input", () => {
      set(control.value);
      clearError(pointer);
    });
    const error = el("p", { id: `${id}-err`, class: "field-error", hidden: true });
    fields.set(pointer, { control, error });
    return el(
      "div",
      { class: opts.wide ? "field wide" : "field", "data-field": pointer },
      el("label", { for: id }, label),
      control,
      opts.hint ? el("span", { id: `${id}-hint`, class: "hint" }, opts.hint) : null,
      error,
    );
  }

  const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  const setKey = <T extends object>(obj: T, key: keyof T, value: unknown) => {
    if (value === undefined || value === "") delete obj[key];
    else (obj as Record<keyof T, unknown>)[key] = value;
  };

  function waveFields(wave: Wave, i: number): HTMLElement {
    const p = `/waves/${i}`;
    const date = wave.date as unknown;
    const from =
      typeof date === "object" && date ? str((date as { from?: unknown }).from) : str(date);
    const to = typeof date === "object" && date ? str((date as { to?: unknown }).to) : "";
    let fromText = from;
    let toText = to;
    const setDate = () => {
      setKey(wave, "date", toText ? { from: fromText, to: toText } : fromText);
    };
    const comp = (wave.composition ?? {}) as Partial<Composition>;
    const setComp = (key: keyof Composition, text: string) => {
      const next: Record<string, unknown> = { ...(wave.composition ?? {}) };
      const v = parseNumber(text);
      if (v === undefined) delete next[key];
      else next[key] = v;
      setKey(wave, "composition", Object.keys(next).length ? next : undefined);
    };
    const fs = el(
      "fieldset",
      { class: "wave", "data-wave": i },
      el("legend", {}, `${t("wave")} ${i + 1}`),
      el(
        "div",
        { class: "grid" },
        field(`${p}/label`, t("label"), str(wave.label), (v) => setKey(wave, "label", v)),
        field(`${p}/origin`, t("origin"), str(wave.origin), (v) => setKey(wave, "origin", v), {
          list: "scenario-places",
        }),
        field(
          `${p}/date`,
          t("dateFrom"),
          from,
          (v) => {
            fromText = v;
            setDate();
          },
          { type: "date" },
        ),
        field(
          `${p}/date/to`,
          t("dateTo"),
          to,
          (v) => {
            toText = v;
            setDate();
          },
          { type: "date" },
        ),
        field(
          `${p}/people`,
          t("people"),
          formatNumberOrRange(wave.people),
          (v) => setKey(wave, "people", parseNumberOrRange(v)),
          { wide: true },
        ),
      ),
      el(
        "fieldset",
        { class: "composition" },
        el("legend", {}, t("composition")),
        el(
          "div",
          { class: "grid" },
          ...COMPOSITION_KEYS.map((k) =>
            field(`${p}/composition/${k}`, t(COMPOSITION_TEXT[k]), str(comp[k]), (v) =>
              setComp(k, v),
            ),
          ),
        ),
      ),
      input.waves.length > 1
        ? button(
            `${t("remove")} (${t("wave")} ${i + 1})`,
            () => {
              input.waves.splice(i, 1);
              renderForm();
            },
            { class: "remove" },
          )
        : null,
    );
    return fs;
  }

  /** Rows of place-keyed objects (stops, attrition, shelters) with add / remove buttons. */
  function rows<T extends object>(
    list: T[],
    base: string,
    columns: { key: keyof T & string; label: ScenarioTextKey; range?: boolean; place?: boolean }[],
    add: () => T,
    addLabel: ScenarioTextKey,
  ): HTMLElement[] {
    const out: HTMLElement[] = list.map((row, i) =>
      el(
        "div",
        { class: "row", "data-row": `${base}/${i}` },
        ...columns.map((c) =>
          field(
            `${base}/${i}/${c.key}`,
            t(c.label),
            formatNumberOrRange((row as Record<string, unknown>)[c.key]),
            (v) =>
              setKey(row, c.key, c.place ? v : c.range ? parseNumberOrRange(v) : parseNumber(v)),
            c.place ? { list: "scenario-places" } : {},
          ),
        ),
        button(
          `${t("remove")} ${String((row as Record<string, unknown>)[columns[0]!.key] ?? "") || i + 1}`,
          () => {
            list.splice(i, 1);
            renderForm();
          },
          { class: "remove" },
        ),
      ),
    );
    out.push(
      button(t(addLabel), () => {
        list.push(add());
        renderForm(`${base}/${list.length - 1}/${columns[0]!.key}`);
      }),
    );
    return out;
  }

  function renderForm(focusPointer?: string): void {
    fields = new Map();
    const like = input.like === "2018";
    const movement = (input.movement ??= {});
    const planning = (input.planning ??= {});
    const attrition = (input.attrition ??= []);
    const shelters = (input.shelters ??= []);
    const stops = (movement.stops ??= []);

    const exampleSel = el("select", { id: "scenario-example" });
    exampleSel.append(
      el("option", { value: "" }, t("exampleNone")),
      ...exampleNames.map((n) => el("option", { value: n }, n)),
    );
    exampleSel.addEventListener("change", () => {
      const ex = options.examples[exampleSel.value];
      if (ex) setInput(clone(ex));
    });
    const fileInput = el("input", {
      id: "scenario-file",
      type: "file",
      accept: ".json,application/json",
    });
    fileInput.addEventListener("change", () => void loadFile(fileInput.files?.[0]));
    const routeSel = el("select", {
      id: "scenario-route",
      name: "/route",
      "data-pointer": "/route",
    });
    const routeIds = corridor?.routes ?? [];
    routeSel.append(
      el("option", { value: "" }, "—"),
      ...routeIds.map((r) => el("option", { value: r.id }, `${r.id} · ${r.name}`)),
    );
    if (typeof input.route === "string") {
      if (!routeIds.some((r) => r.id === input.route))
        routeSel.append(el("option", { value: input.route }, input.route));
      routeSel.value = input.route;
    }
    routeSel.addEventListener("change", () => {
      setKey(input, "route", routeSel.value);
      clearError("/route");
    });
    const routeErr = el("p", { id: "scenario-route-err", class: "field-error", hidden: true });
    fields.set("/route", { control: routeSel, error: routeErr });
    const likeBox = el("input", { type: "checkbox", id: "scenario-like" });
    likeBox.checked = like;
    likeBox.addEventListener("change", () => {
      setKey(input, "like", likeBox.checked ? "2018" : undefined);
      renderForm("/like");
    });
    fields.set("/like", {
      control: likeBox,
      error: el("p", { class: "field-error", hidden: true }),
    });
    const blank = like ? t("blankLike2018") : t("blankGeneric");
    const genericHint = (k: (typeof MOVEMENT_FIELDS)[number][0]) =>
      like ? blank : `${blank}: ${formatNumberOrRange(GENERIC_MOVEMENT[k] as NumberOrRange)}`;

    const datalist = el("datalist", { id: "scenario-places" });
    for (const name of corridor?.places ?? []) datalist.append(el("option", { value: name }));

    form.replaceChildren(
      el(
        "div",
        { class: "scenario-files" },
        el("label", { for: "scenario-example" }, t("example")),
        exampleSel,
        el("label", { for: "scenario-file", class: "file" }, t("loadFile")),
        fileInput,
        button(t("downloadJson"), () =>
          download(
            `${slug(input.name ?? "scenario")}.json`,
            `${JSON.stringify(pruneInput(clone(input)), null, 2)}\n`,
            "application/json",
          ),
        ),
      ),
      topErrors,
      field("/name", t("name"), str(input.name), (v) => setKey(input, "name", v), { wide: true }),
      el(
        "fieldset",
        {},
        el("legend", {}, t("general")),
        el(
          "div",
          { class: "grid" },
          field("/runs", t("runs"), str(input.runs), (v) => setKey(input, "runs", parseNumber(v)), {
            placeholder: "1000",
          }),
          field("/seed", t("seed"), str(input.seed), (v) => setKey(input, "seed", parseNumber(v)), {
            placeholder: "1",
          }),
          field(
            "/horizonDays",
            t("horizon"),
            str(input.horizonDays),
            (v) => setKey(input, "horizonDays", parseNumber(v)),
            { placeholder: "120" },
          ),
          field("/start", t("start"), str(input.start), (v) => setKey(input, "start", v), {
            type: "date",
          }),
        ),
      ),
      el(
        "fieldset",
        { class: "waves" },
        el("legend", {}, t("waves")),
        ...input.waves.map(waveFields),
        button(t("addWave"), () => {
          const last = input.waves[input.waves.length - 1];
          input.waves.push({
            origin: last?.origin ?? "",
            date: typeof last?.date === "string" ? last.date : "",
            people: 1000,
          });
          renderForm(`/waves/${input.waves.length - 1}/origin`);
        }),
      ),
      el(
        "fieldset",
        {},
        el("legend", {}, t("routeAndDestination")),
        el(
          "div",
          { class: "grid" },
          el(
            "div",
            { class: "field", "data-field": "/route" },
            el("label", { for: "scenario-route" }, t("route")),
            routeSel,
            routeErr,
          ),
          field(
            "/destination",
            t("destination"),
            str(input.destination),
            (v) => setKey(input, "destination", v),
            { list: "scenario-places" },
          ),
        ),
      ),
      el(
        "fieldset",
        {},
        el("legend", {}, t("movement")),
        el("label", { class: "check" }, likeBox, ` ${t("like2018")}`),
        el(
          "div",
          { class: "grid" },
          ...MOVEMENT_FIELDS.map(([k, label]) =>
            field(
              `/movement/${k}`,
              t(label),
              formatNumberOrRange(movement[k]),
              (v) => setKey(movement, k, k === "cohesion" ? parseNumber(v) : parseNumberOrRange(v)),
              { placeholder: genericHint(k) },
            ),
          ),
          field(
            "/destinationLeavePerDay",
            t("leave"),
            formatNumberOrRange(input.destinationLeavePerDay),
            (v) => setKey(input, "destinationLeavePerDay", parseNumberOrRange(v)),
            { placeholder: like ? blank : `${blank}: 0` },
          ),
        ),
        el(
          "fieldset",
          { class: "rows" },
          el("legend", {}, t("stops")),
          ...rows(
            stops,
            "/movement/stops",
            [
              { key: "place", label: "place", place: true },
              { key: "days", label: "days", range: true },
            ],
            () => ({ place: "", days: 2 }),
            "addStop",
          ),
        ),
        el(
          "fieldset",
          { class: "rows" },
          el("legend", {}, t("attrition")),
          ...rows(
            attrition,
            "/attrition",
            [
              { key: "place", label: "place", place: true },
              { key: "asylumClaim", label: "asylum", range: true },
              { key: "return", label: "returns", range: true },
              { key: "stay", label: "stay", range: true },
            ],
            () => ({ place: "" }),
            "addRule",
          ),
        ),
      ),
      el(
        "fieldset",
        { class: "rows" },
        el("legend", {}, t("shelters")),
        ...rows(
          shelters,
          "/shelters",
          [
            { key: "place", label: "place", place: true },
            { key: "capacity", label: "capacity" },
          ],
          () => ({ place: "", capacity: 1000 }),
          "addShelter",
        ),
      ),
      el(
        "fieldset",
        {},
        el("legend", {}, t("planning")),
        el(
          "div",
          { class: "grid" },
          ...PLANNING_KEYS.map((k) =>
            field(
              `/planning/${k}`,
              t(PLANNING_TEXT[k]),
              str(planning[k]),
              (v) => setKey(planning, k, parseNumber(v)),
              { placeholder: String(SPHERE_2018[k]), hint: `${t("sphere")}: ${SPHERE_2018[k]}` },
            ),
          ),
        ),
      ),
      el("div", { class: "scenario-run" }, runBtn, cancelBtn, progress, statusEl),
      datalist,
    );
    runBtn.textContent = t("run");
    cancelBtn.textContent = t("cancel");
    showErrors(false);
    if (focusPointer) fields.get(focusPointer)?.control.focus();
  }

  function clearError(pointer: string): void {
    const f = fields.get(pointer);
    if (!f || f.error.hidden) return;
    f.error.hidden = true;
    f.error.textContent = "";
    f.control.removeAttribute("aria-invalid");
    f.control.setAttribute(
      "aria-describedby",
      (f.control.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .filter((x) => x && x !== f.error.id)
        .join(" "),
    );
  }

  /** Writes the current errors next to their fields (and the rest above the form). */
  function showErrors(focus: boolean): void {
    for (const pointer of fields.keys()) clearError(pointer);
    const byField = errorsByField(errors, [...fields.keys()]);
    const loose = byField.get("") ?? [];
    topErrors.hidden = loose.length === 0;
    topErrors.replaceChildren(
      ...loose.map((e) =>
        el("li", { "data-pointer": e.pointer }, `${e.pointer || "/"}: ${e.message}`),
      ),
    );
    let first: HTMLElement | undefined;
    for (const [pointer, list] of byField) {
      const f = fields.get(pointer);
      if (!f) continue;
      f.error.textContent = list.map((e) => e.message).join(" · ");
      f.error.dataset.pointers = list.map((e) => e.pointer).join(" ");
      f.error.hidden = false;
      f.control.setAttribute("aria-invalid", "true");
      const described = (f.control.getAttribute("aria-describedby") ?? "").split(" ");
      if (!described.includes(f.error.id))
        f.control.setAttribute("aria-describedby", [...described, f.error.id].join(" ").trim());
      first ??= f.control;
    }
    if (focus) (first ?? (loose.length ? topErrors : undefined))?.focus?.();
  }

  async function loadFile(file: File | undefined): Promise<void> {
    if (!file) return;
    const text = await file.text();
    try {
      const parsed = JSON.parse(text) as unknown;
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
        throw new Error("not an object");
      const next = parsed as ScenarioInput;
      if (!Array.isArray(next.waves)) next.waves = [];
      setInput(next);
      setStatus({ kind: "loaded", file: file.name });
    } catch (err) {
      setStatus({ kind: "badJson", message: err instanceof Error ? err.message : String(err) });
    }
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
  cancelBtn.addEventListener("click", cancel);

  // ── results ──
  function renderResults(): void {
    renderResultsView(resultsEl, {
      lang,
      results,
      onRemove(id) {
        const i = results.findIndex((r) => r.id === id);
        if (i >= 0) results.splice(i, 1);
        renderResults();
        if (status.kind === "full") setStatus({ kind: "idle" });
      },
    });
  }

  // ── texts, open / close ──
  function applyTexts(): void {
    toggle.textContent = t("toggle");
    heading.textContent = t("title");
    intro.textContent = t("intro");
    closeBtn.setAttribute("aria-label", t("close"));
    closeBtn.title = t("close");
    renderForm();
    setStatus(status);
    renderResults();
  }

  function setOpen(open: boolean, fromState = false): void {
    if (open === !section.hidden) return;
    section.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (!fromState) viewer.setState({ scenario: open });
    if (open) {
      worker ??= startWorker();
      if (!fromState) {
        section.scrollIntoView({ block: "start" });
        heading.focus();
      }
    } else if (!fromState) toggle.focus();
  }

  toggle.addEventListener("click", () => setOpen(section.hidden));
  closeBtn.addEventListener("click", () => setOpen(false));
  // The language is the viewer's (the toggle or the URL): follow <html lang>.
  new MutationObserver(() => {
    const next = viewer.getState().lang;
    if (next !== lang) {
      lang = next;
      applyTexts();
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  window.addEventListener("hashchange", () => setOpen(!!viewer.getState().scenario, true));

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
