/**
 * The panel's export buttons: the current frame as PNG and SVG, the replay as WebM, and the
 * tables of the current replay (computed by the worker). Keeps the recording in progress.
 */
import { tr } from "../i18n.ts";
import type { Lang } from "../state.ts";
import type { AnalystClient } from "./client.ts";
import {
  download,
  exportName,
  framePng,
  frameSvg,
  recordWebm,
  tableExportName,
  webmType,
} from "./exports.ts";
import type { FrameSource, Recording } from "./exports.ts";
import { endProgress, setProgress, TABLES } from "./panelDom.ts";
import type { PanelDom } from "./panelDom.ts";
import { at } from "./texts.ts";
import { isOutputTable } from "../data/tables.ts";
import { TablesPendingError } from "../data/provider.ts";

/** The map legend's texts in `L`, for the SVG export. */
export function legendTexts(L: Lang): string[] {
  const keys = [
    "legendGroup",
    "legendHalo",
    "legendBand",
    "legendUncertain",
    "legendUnseen",
    "legendNorth",
    "legendSouth",
  ] as const;
  return keys.map((k) => tr(L, k));
}

export interface ExportBar {
  readonly recording: boolean;
  record(options?: { maxSeconds?: number }): Promise<Blob>;
}

/** Wires the export buttons; `changed` runs when the recording starts or stops (button texts). */
export function wireExports(
  dom: PanelDom,
  viewer: FrameSource,
  client: AnalystClient,
  changed: () => void,
): ExportBar {
  const lang = (): Lang => viewer.getState().lang;
  let recording: Recording | undefined;
  const name = () => (viewer.replay ? exportName(viewer.replay, viewer.getState()) : "dtm-flow");

  async function record(opts: { maxSeconds?: number } = {}): Promise<Blob> {
    const base = name();
    recording = recordWebm(viewer, opts);
    dom.root.dataset.recording = "1";
    changed();
    const blob = await recording.done;
    recording = undefined;
    delete dom.root.dataset.recording;
    changed();
    download(blob, `${base}.webm`);
    return blob;
  }

  dom.pngBtn.addEventListener("click", async () =>
    download(await framePng(viewer), `${name()}.png`),
  );
  dom.svgBtn.addEventListener("click", () =>
    download(frameSvg(viewer, legendTexts(lang())), `${name()}.svg`),
  );
  dom.webmBtn.addEventListener("click", () => {
    if (recording) recording.stop();
    else void record();
  });
  if (!webmType()) {
    dom.webmBtn.disabled = true;
    dom.webmBtn.title = at(lang(), "noRecorder");
  }
  dom.tableButtons.forEach((b, i) =>
    b.addEventListener(
      "click",
      () => void exportTable({ dom, viewer, client, changed }, TABLES[i]!),
    ),
  );
  return {
    get recording() {
      return recording !== undefined;
    },
    record,
  };
}

/** What a table export works with: the panel, the viewer, the analyst worker, the button texts. */
interface TableExportParts {
  dom: PanelDom;
  viewer: FrameSource;
  client: AnalystClient;
  changed: () => void;
}

/**
 * The status line when the tables could not be written, in `lang`: the reason in the viewer's
 * words when it has a code (corrections still being applied), else the error's own message.
 * @example tablesFailedText("es", new TablesPendingError()) // => "No se pudieron escribir las tablas: estas correcciones se están aplicando: …"
 */
export function tablesFailedText(lang: Lang, error: unknown): string {
  const why =
    error instanceof TablesPendingError
      ? at(lang, "tablesPending")
      : error instanceof Error
        ? error.message
        : String(error);
  return `${at(lang, "tablesFailed")} ${why}`;
}

/**
 * Downloads table `fileName` of the current replay and says in the status line what it holds:
 * after a correction tracks.* and split.csv are corrected, the input tables are as read.
 */
async function exportTable(parts: TableExportParts, fileName: string): Promise<void> {
  const { dom, viewer, client, changed } = parts;
  const lang = (): Lang => viewer.getState().lang;
  const replay = viewer.replay;
  const hxl = dom.hxlBox.checked;
  // The replay's own tables when its provider writes them (the corrected replay: the evidence
  // worker's, with the analyst's corrections), else the analyst worker's.
  const own = viewer.replayTables?.(hxl);
  dom.status.dataset.busy = "1";
  setProgress(dom, undefined, at(lang(), "preparingTables"));
  let said: string | undefined;
  try {
    const f = (await (own ?? client.tables(hxl))).find((x) => x.name === fileName);
    // Every day of the replay, not the day shown: named by the replay's days, and "corrected"
    // when the analyst's corrections are in it.
    const stem = replay ? tableExportName(replay) : "dtm-flow";
    if (f) download(new Blob([f.text], { type: f.mime }), `${stem}-${f.name}`);
    // After a correction only tracks.* and split.csv are corrected; the input tables are as read.
    if (f && replay?.corrected)
      said = at(lang(), isOutputTable(f.name) ? "tablesCorrected" : "tablesAsRead");
  } catch (error) {
    said = tablesFailedText(lang(), error);
  } finally {
    endProgress(dom);
    changed();
  }
  if (said !== undefined) dom.status.textContent = said;
}
