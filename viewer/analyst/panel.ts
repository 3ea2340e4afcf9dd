/**
 * The analyst panel: file drop / picker, one import report per file (accepted and rejected rows
 * with line numbers and reasons, warnings, the column mapping with a fix-and-re-import), the
 * progress of reading and computing, the button back to 2018, and the exports.
 *
 * Hooked into the viewer by main.ts with one call: `createAnalystPanel(viewer, …)`. It uses only
 * the viewer's public seam: `load(provider)`, `getState`/`setState`, `replay` and `canvas`.
 * Every text from a file is set with textContent: a place named `<img src=x onerror=…>` shows
 * those characters and runs nothing.
 */
import type { ImportReport, RouteImportReport } from "../../src/index.ts";
import type { DataProvider, LoadProgress } from "../data/provider.ts";
import { tr } from "../i18n.ts";
import type { Lang } from "../state.ts";
import type { AnalystClient } from "./client.ts";
import { download, exportName, framePng, frameSvg, recordWebm, webmType } from "./exports.ts";
import type { FrameSource, Recording } from "./exports.ts";
import type { FileSummary } from "./protocol.ts";
import { at, countOf } from "./texts.ts";
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

/** Rows of a rejection or warning list shown per file (the counts above are always exact). */
const MAX_ROWS = 200;

type El = HTMLElement;
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

const isTableReport = (r: ImportReport | RouteImportReport): r is ImportReport => "columns" in r;

/**
 * Creates the panel in `container` and the page-wide drop target.
 * @param makeProvider the provider that shows the embedded 2018 replay again.
 */
export function createAnalystPanel(options: {
  viewer: AnalystViewer;
  client: AnalystClient;
  container: Element;
  embedded: () => DataProvider;
}): AnalystPanel {
  const { viewer, client, container } = options;
  const lang = (): Lang => viewer.getState().lang;
  const t = (k: AnalystTextKey) => at(lang(), k);
  const files = new Map<string, FileSummary>();
  const failed = new Map<string, string>();
  let nextId = 0;
  let showing: "2018" | "files" = "2018";
  let recording: Recording | undefined;

  const root = el("section", {
    id: "analyst",
    class: "analyst",
    "aria-labelledby": "analyst-title",
  });
  const title = el("h2", { id: "analyst-title" });
  const intro = el("p", { class: "muted small" });
  const input = el("input", {
    type: "file",
    id: "analyst-input",
    multiple: "",
    accept: ".csv,.tsv,.txt,.xlsx,.geojson,.json",
    class: "visually-hidden",
  });
  const chooseLabel = el("span");
  const choose = el("label", { class: "button", for: "analyst-input" }, chooseLabel);
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
  const status = el("p", { id: "analyst-status", class: "small", "aria-live": "polite" });
  const list = el("ul", { id: "analyst-files", class: "analyst-files" });
  const exportTitle = el("span", { id: "analyst-export-title", class: "small" });
  const pngBtn = el("button", { type: "button", id: "export-png" });
  const svgBtn = el("button", { type: "button", id: "export-svg" });
  const webmBtn = el("button", { type: "button", id: "export-webm" });
  const tablesLabel = el("summary", { class: "small" });
  const tableButtons = el("div", { class: "analyst-tables" });
  // The ten table buttons fold away so the panel stays short above the figures and details.
  const tablesBox = el("details", { id: "export-tables" }, tablesLabel, tableButtons);
  const dropOverlay = el("div", {
    id: "analyst-drop",
    class: "analyst-drop",
    "aria-hidden": "true",
  });
  dropOverlay.hidden = true;
  root.append(
    title,
    intro,
    el("div", { class: "analyst-actions" }, input, choose, reset),
    progress,
    status,
    list,
    el("div", { class: "analyst-actions" }, exportTitle, pngBtn, svgBtn, webmBtn),
    tablesBox,
  );
  container.prepend(root);
  document.body.append(dropOverlay);

  const TABLES = [
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
  ];
  for (const name of TABLES) {
    const b = el("button", { type: "button", "data-table": name }, name);
    b.addEventListener("click", () => void exportTable(name));
    tableButtons.append(b);
  }

  function texts(): void {
    title.textContent = t("title");
    intro.textContent = t("intro");
    chooseLabel.textContent = t("choose");
    reset.textContent = t("reset");
    reset.disabled = showing === "2018";
    reset.hidden = showing === "2018";
    exportTitle.textContent = `${t("exportTitle")}:`;
    pngBtn.textContent = t("png");
    svgBtn.textContent = t("svg");
    webmBtn.textContent = recording ? t("stopRecording") : t("webm");
    tablesLabel.textContent = t("tables");
    dropOverlay.textContent = t("dropHere");
    root.dataset.showing = showing;
    if (!status.dataset.busy)
      status.textContent = showing === "2018" ? t("showing2018") : t("showingFiles");
  }

  function setProgress(fraction: number | undefined, text: string): void {
    progress.hidden = false;
    if (fraction === undefined) progressBar.removeAttribute("value");
    else progressBar.value = fraction;
    progressText.textContent = text;
  }
  function endProgress(): void {
    progress.hidden = true;
    delete status.dataset.busy;
  }

  client.onReading = (id, loaded, total, rows) => {
    const name = files.get(id)?.name ?? pendingNames.get(id) ?? "";
    status.dataset.busy = "1";
    setProgress(
      total ? loaded / total : undefined,
      `${t("reading")} ${name}: ${Math.round((100 * loaded) / Math.max(1, total))} % · ${rows.toLocaleString(lang())} ${t("rows")}`,
    );
  };
  client.onUpdate = (f) => {
    files.set(f.id, f);
    renderFiles();
  };
  const pendingNames = new Map<string, string>();

  // ── the file list and reports ──
  /** Newest file open and in view; older ones open only while they need the analyst. */
  function renderFiles(): void {
    const all = [...files.values()];
    list.replaceChildren(...all.map((f, i) => fileItem(f, i === all.length - 1)));
    list.lastElementChild?.scrollIntoView({ block: "nearest" });
  }

  /**
   * Loads a replay once the viewer is idle: a load started while another is still computing (the
   * 2018 estimate at start-up) would otherwise be overwritten when the earlier one ends.
   */
  let loading: Promise<void> = Promise.resolve();
  function load(provider: DataProvider): Promise<void> {
    const map = document.getElementById("map");
    const idle = () =>
      new Promise<void>((resolve) => {
        if (!map || map.getAttribute("aria-busy") !== "true") return resolve();
        const obs = new MutationObserver(() => {
          if (map.getAttribute("aria-busy") !== "true") {
            obs.disconnect();
            resolve();
          }
        });
        obs.observe(map, { attributes: true, attributeFilter: ["aria-busy"] });
      });
    loading = loading.then(idle).then(() => viewer.load(provider));
    return loading;
  }

  function fileItem(f: FileSummary, newest: boolean): El {
    const L = lang();
    const r = f.report;
    const why = failed.get(f.id);
    const statusKey: AnalystTextKey = why ? "failed" : f.status;
    const kind = f.kind ?? t("unknownKind");
    const counts = isTableReport(r)
      ? `${countOf(L, r.accepted, "accepted")} · ${countOf(L, r.rejected, "rejected")} · ${countOf(L, r.dataRows, "dataRows")} · ${countOf(L, r.warnings.length, "warnings")}${r.truncated ? ` (${t("capped")})` : ""}`
      : `${countOf(L, r.accepted, "accepted")} · ${countOf(L, r.rejected, "rejected")} · ${countOf(L, r.features, "routeFeatures")} · ${countOf(L, r.warnings.length, "warnings")}`;
    const meta = isTableReport(r)
      ? [
          r.encoding,
          r.delimiter !== undefined ? `“${r.delimiter === "\t" ? "tab" : r.delimiter}”` : undefined,
          r.headerRow !== undefined ? `${t("headerRow")} ${r.headerRow}` : undefined,
        ]
          .filter(Boolean)
          .join(" · ")
      : "GeoJSON";
    const remove = el("button", { type: "button", class: "remove" }, t("remove"));
    remove.addEventListener("click", () => void removeFile(f.id));
    const item = el(
      "li",
      {
        "data-file-id": f.id,
        "data-status": why ? "failed" : f.status,
        "data-kind": f.kind ?? "",
        "data-accepted": String(r.accepted),
        "data-rejected": String(r.rejected),
        "data-warnings": String(r.warnings.length),
      },
      el(
        "details",
        newest || why || f.status !== "used" ? { open: "" } : {},
        el("summary", {}, el("strong", { class: "file-name" }, f.name), ` · ${t("kind")}: ${kind}`),
        el(
          "p",
          { class: `file-status ${why ? "failed" : f.status}` },
          t(statusKey),
          why ? ` (${why})` : "",
        ),
        r.fatal ? el("p", { class: "fatal" }, `${r.fatal.code}: ${r.fatal.message}`) : null,
        el("p", { class: "small counts" }, counts),
        el("p", { class: "small muted" }, meta),
        f.status === "held" && !why ? forceButton(f) : null,
        isTableReport(r) && r.columns.length ? mappingEditor(f, r) : null,
        issues(
          t("rejectedRows"),
          "rejections",
          r.rejections.map((x) => [
            x.line,
            x.sheet,
            x.column,
            x.value,
            `${x.message} (${x.code})${x.suggestions?.length ? ` → ${x.suggestions.join(", ")}` : ""}`,
            x.code,
          ]),
          r.rejected,
        ),
        issues(
          t("warningRows"),
          "warnings",
          r.warnings.map((x) => [
            x.line,
            x.sheet,
            x.column,
            undefined,
            `${x.message} (${x.code})`,
            x.code,
          ]),
          r.warnings.length,
        ),
        remove,
      ),
    );
    return item;
  }

  function forceButton(f: FileSummary): El {
    const b = el("button", { type: "button", class: "force" }, t("useAnyway"));
    b.addEventListener("click", async () => {
      const s = await client.force(f.id);
      files.set(s.id, s);
      renderFiles();
      await recompute([s.id]);
    });
    return b;
  }

  function issues(
    heading: string,
    cls: string,
    rows: [number, string | undefined, string | undefined, string | undefined, string, string][],
    total: number,
  ): El | null {
    if (!rows.length) return null;
    const table = el(
      "table",
      { class: `issues ${cls}` },
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          ...[t("line"), t("column"), t("value"), t("reason")].map((h) =>
            el("th", { scope: "col" }, h),
          ),
        ),
      ),
      el(
        "tbody",
        {},
        ...rows
          .slice(0, MAX_ROWS)
          .map(([line, sheet, column, value, reason, code]) =>
            el(
              "tr",
              { "data-line": String(line), "data-code": code },
              el("td", {}, sheet ? `${sheet}!${line}` : String(line)),
              el("td", {}, column ?? ""),
              el("td", {}, value ?? ""),
              el("td", {}, reason),
            ),
          ),
      ),
    );
    const more = total - Math.min(rows.length, MAX_ROWS);
    return el(
      "details",
      { class: cls, ...(cls === "rejections" ? { open: "" } : {}) },
      el("summary", {}, `${heading} (${total.toLocaleString(lang())})`),
      table,
      more > 0
        ? el("p", { class: "small muted" }, `… ${more.toLocaleString(lang())} ${t("more")}`)
        : null,
    );
  }

  function mappingEditor(f: FileSummary, r: ImportReport): El {
    const choices: ColumnChoices = {};
    const apply = el("button", { type: "button", class: "reimport" }, t("reimport"));
    apply.disabled = true;
    apply.addEventListener("click", async () => {
      const id = f.id;
      const fileObj = fileObjects.get(id);
      if (!fileObj) return;
      await importAndUse([[id, fileObj]], choices);
    });
    const rows = r.columns.map((c) => {
      const select = el("select", {
        "data-column": String(c.index),
        "aria-label": `${t("field")}: ${c.column}`,
      });
      const current = f.choices[c.index] !== undefined ? f.choices[c.index] : c.field;
      select.append(el("option", { value: "" }, t("noField")));
      for (const name of f.fields) {
        const o = el("option", { value: name }, name);
        if (name === current) o.selected = true;
        select.append(o);
      }
      if (!current) select.value = "";
      select.addEventListener("change", () => {
        choices[c.index] = select.value || null;
        apply.disabled = false;
      });
      return el(
        "tr",
        { "data-index": String(c.index) },
        el("td", {}, c.column),
        el("td", {}, select),
        el("td", { class: "small muted" }, c.how),
      );
    });
    return el(
      "details",
      { class: "mapping", ...(r.fatal || f.status !== "used" ? { open: "" } : {}) },
      el("summary", {}, t("mapping")),
      el(
        "table",
        { class: "mapping-table" },
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            ...[t("column"), t("field"), t("how")].map((h) => el("th", { scope: "col" }, h)),
          ),
        ),
        el("tbody", {}, ...rows),
      ),
      apply,
    );
  }

  // ── importing and computing ──
  const fileObjects = new Map<string, File>();

  function stageText(p: LoadProgress): string {
    return p.stage === "estimating"
      ? t("estimating")
      : p.stage === "ledger"
        ? t("ledger")
        : p.stage === "preparing"
          ? t("preparing")
          : t("computing");
  }

  /** Shows the replay of the used files; on failure the viewer keeps its replay and the new files are dropped. */
  async function recompute(newIds: string[]): Promise<void> {
    const inner = client.provider();
    let ok = false;
    status.dataset.busy = "1";
    setProgress(undefined, t("computing"));
    const provider: DataProvider = {
      id: inner.id,
      async load(o = {}) {
        const replay = await inner.load({
          ...o,
          onProgress: (p) => {
            o.onProgress?.(p);
            setProgress(p.fraction, stageText(p));
          },
        });
        ok = true;
        return replay;
      },
    };
    await load(provider);
    endProgress();
    if (ok) showing = "files";
    else {
      for (const id of newIds) {
        failed.set(id, document.getElementById("status")?.textContent ?? "");
        client.remove(id);
      }
    }
    root.dataset.computed = String(Date.now());
    texts();
    renderFiles();
  }

  async function importAndUse(list: [string, File][], choices?: ColumnChoices): Promise<void> {
    const usedBefore = new Map([...files.values()].map((f) => [f.id, f.status === "used"]));
    const changed: string[] = [];
    for (const [id, file] of list) {
      pendingNames.set(id, file.name);
      failed.delete(id);
      try {
        const s = await client.importFile(id, file, choices);
        files.set(id, s);
        if (s.status === "used" || usedBefore.get(id)) changed.push(id);
      } catch (err) {
        failed.set(id, err instanceof Error ? err.message : String(err));
      }
      renderFiles();
    }
    endProgress();
    if (changed.length) await recompute(changed.filter((id) => !usedBefore.get(id)));
    else {
      texts();
      root.dataset.computed = String(Date.now());
    }
  }

  async function addFiles(list: readonly File[]): Promise<void> {
    const items: [string, File][] = list.map((f) => [`f${++nextId}`, f]);
    for (const [id, f] of items) fileObjects.set(id, f);
    await importAndUse(items);
  }

  async function removeFile(id: string): Promise<void> {
    const wasUsed = files.get(id)?.status === "used" && !failed.has(id);
    files.delete(id);
    failed.delete(id);
    fileObjects.delete(id);
    client.remove(id);
    renderFiles();
    if (!wasUsed) return;
    if ([...files.values()].some((f) => f.status === "used" && !failed.has(f.id)))
      await recompute([]);
    else await backTo2018();
  }

  async function backTo2018(): Promise<void> {
    client.reset();
    files.clear();
    failed.clear();
    fileObjects.clear();
    renderFiles();
    await load(options.embedded());
    showing = "2018";
    root.dataset.computed = String(Date.now());
    texts();
  }

  input.addEventListener("change", () => {
    const chosen = [...(input.files ?? [])];
    input.value = "";
    if (chosen.length) void addFiles(chosen);
  });
  reset.addEventListener("click", () => void backTo2018());

  // Drop anywhere on the page. Only file drags are taken; the map's own dragging is untouched.
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes("Files");
  let depth = 0;
  document.addEventListener("dragenter", (e) => {
    if (!hasFiles(e)) return;
    depth++;
    dropOverlay.hidden = false;
  });
  document.addEventListener("dragleave", (e) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (!depth) dropOverlay.hidden = true;
  });
  document.addEventListener("dragover", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("drop", (e) => {
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    depth = 0;
    dropOverlay.hidden = true;
    void addFiles([...e.dataTransfer.files]);
  });

  // ── exports ──
  const name = () => (viewer.replay ? exportName(viewer.replay, viewer.getState()) : "dtm-flow");
  pngBtn.addEventListener("click", async () => download(await framePng(viewer), `${name()}.png`));
  svgBtn.addEventListener("click", () =>
    download(frameSvg(viewer, legendTexts()), `${name()}.svg`),
  );
  webmBtn.addEventListener("click", () => {
    if (recording) recording.stop();
    else void record();
  });
  if (!webmType()) {
    webmBtn.disabled = true;
    webmBtn.title = t("noRecorder");
  }

  function legendTexts(): string[] {
    const L = lang();
    return (
      [
        "legendGroup",
        "legendHalo",
        "legendBand",
        "legendUncertain",
        "legendNorth",
        "legendSouth",
      ] as const
    ).map((k) => tr(L, k));
  }

  async function record(opts: { maxSeconds?: number } = {}): Promise<Blob> {
    const base = name();
    recording = recordWebm(viewer, opts);
    root.dataset.recording = "1";
    texts();
    const blob = await recording.done;
    recording = undefined;
    delete root.dataset.recording;
    texts();
    download(blob, `${base}.webm`);
    return blob;
  }

  async function exportTable(fileName: string): Promise<void> {
    status.dataset.busy = "1";
    setProgress(undefined, t("preparingTables"));
    try {
      const out = await client.tables();
      const f = out.find((x) => x.name === fileName);
      if (f) download(new Blob([f.text], { type: f.mime }), `${name()}-${f.name}`);
    } finally {
      endProgress();
      texts();
    }
  }

  // Texts follow the viewer's language, however it changes (toggle, URL): the viewer sets <html lang>.
  let lastLang = lang();
  new MutationObserver(() => {
    if (lang() === lastLang) return;
    lastLang = lang();
    texts();
    renderFiles();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  texts();

  return { element: root, addFiles, record };
}
