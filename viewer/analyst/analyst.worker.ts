/// <reference lib="webworker" />
/**
 * The analyst worker: reads the dropped files in chunks (File.stream(), so a 100 MB file never
 * sits whole in memory as text), runs them through the library's importer (the same as the
 * CLI's), keeps the records, and re-runs the library's replay (runReplay, through enrichDataset) + prepareReplay on request.
 * All of it off the page's thread: the page never freezes, and only reports, progress and the
 * ReplayData cross over. Nothing is sent anywhere else: files never leave the machine.
 */
import {
  createGazetteer,
  embedded2018,
  importRoute,
  createTableImporter,
  KIND_SPECS,
  reportsFarFromRoutes,
  farFromRoutesText,
  leftOutOfFiles,
} from "../../src/index.ts";
import type {
  Dataset,
  Gazetteer,
  ImportedRecord,
  LeftOutOfFiles,
  Place,
  SplitRow,
  TableKind,
  TrackEndFacts,
  TrackPoint,
} from "../../src/index.ts";
import { computeAsOfDay } from "../data/asOfDay.ts";
import type { AsOfDay } from "../data/asOfDay.ts";
import { enrichDataset } from "../data/embedded.ts";
import { prepareReplay } from "../data/prepare.ts";
import { replayTables } from "../data/tables.ts";
import type {
  AnalystMessage,
  AnalystRequest,
  DatasetReply,
  DatasetRequest,
  ExportFile,
  FileSummary,
  IncomingChoice,
} from "./protocol.ts";
import { fingerprintOf } from "./sameName.ts";
import { assembleDataset, columnOverrides, fileStatus, usedFiles } from "./workspace.ts";
import type { ColumnChoices, WorkspaceFile } from "./workspace.ts";

const post = (m: AnalystMessage) => (self as unknown as Worker).postMessage(m);

interface Entry {
  file: File;
  choices: ColumnChoices;
  /** The kind the analyst said the file holds (`--kind`); undefined: told by the importer. */
  kind?: TableKind;
  /** Which of entrada/salida is northbound, as the analyst said (`--incoming-is`). */
  incomingIs?: "northbound" | "southbound";
  ws: WorkspaceFile;
}

const entries = new Map<string, Entry>();
let base: Dataset | undefined;
const embedded = () => (base ??= embedded2018());

/** What the last compute produced (its number `id`), for the table exports and the evidence worker. */
let last:
  | {
      dataset: Dataset;
      tracks: TrackPoint[];
      split: SplitRow[];
      trackEnds: readonly TrackEndFacts[];
      id?: number;
    }
  | undefined;
let computed = 0;
/** The situation as known on a day, of the last compute's dataset, by day (emptied by a compute). */
const asOfDays = new Map<string, AsOfDay>();

/**
 * "As known on <date>" for the situation panel: the library's replay of the files as of the day
 * (`computeAsOfDay`, the figures of `dtm-flow report --as-of <date>` on the same files).
 * @throws Error when the replay shown is not the last computed (the files changed meanwhile).
 */
function asOfDay(date: string, source: number): AsOfDay {
  if (last?.id !== source)
    throw new Error("the files changed since this replay was computed; wait for the new one.");
  let day = asOfDays.get(date);
  if (!day) {
    day = computeAsOfDay(last.dataset, date);
    asOfDays.set(date, day);
  }
  return day;
}

/** The channels opened with a key (a scenario worker's each), to close when it is stopped. */
const keyedPorts = new Map<number, MessagePort>();

/**
 * Answers the evidence or a scenario worker's requests for the dataset of a compute
 * (ReplayData.source); a channel with a `key` is kept to be closed by it ("unport").
 */
function answerDatasets(port: MessagePort, key?: number): void {
  if (key !== undefined) keyedPorts.set(key, port);
  port.addEventListener("message", (event: MessageEvent<DatasetRequest>) => {
    const { id } = event.data;
    const reply: DatasetReply = { type: "dataset", id };
    if (last?.id === id) reply.dataset = last.dataset;
    port.postMessage(reply);
  });
  port.start();
}

/**
 * Rows rejected and sheets not read in the files the replay uses (the library's `leftOutOfFiles`
 * of their import reports, as `dtm-flow report` reads the files it was given).
 */
function leftOutOfUsed(): LeftOutOfFiles | undefined {
  const used = usedFiles([...entries.values()].map((e) => e.ws));
  return leftOutOfFiles(used.map((f) => f.report));
}

function gazetteer(): Gazetteer {
  const files = [...entries.values()].map((e) => e.ws);
  const mine = files
    .filter((f) => f.kind === "places" && fileStatus(f.report, f.forced) === "used")
    .flatMap((f) => f.records as Place[]);
  const ids = new Set(mine.map((p) => p.placeId));
  return createGazetteer([...mine, ...embedded().places.filter((p) => !ids.has(p.placeId))]);
}

const isRoute = (name: string, head: Uint8Array) =>
  /\.(geo)?json$/i.test(name) || /^\s*\{/.test(new TextDecoder().decode(head.subarray(0, 64)));

/** Reads a File chunk by chunk, reporting progress at most every 1 % or 150 ms. */
async function* chunks(id: string, file: File, rows: () => number): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  let loaded = 0;
  let lastPost = 0;
  let lastFraction = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.length;
    yield value;
    const now = performance.now();
    if (now - lastPost > 150 || loaded / file.size - lastFraction > 0.01) {
      lastPost = now;
      lastFraction = loaded / file.size;
      post({ type: "reading", id, loaded, total: file.size, rows: rows() });
    }
  }
  post({ type: "reading", id, loaded: file.size, total: file.size, rows: rows() });
}

function summary(id: string, e: Entry): FileSummary {
  const kind = e.ws.kind;
  return {
    id,
    name: e.ws.name,
    size: e.file.size,
    kind,
    status: fileStatus(e.ws.report, e.ws.forced),
    report: e.ws.report,
    choices: e.choices,
    fields: kind && kind !== "route" ? KIND_SPECS[kind].fields.map((f) => f.name) : [],
    forced: e.ws.forced,
    ...(e.kind ? { kindChosen: e.kind } : {}),
    ...(e.incomingIs ? { incomingIs: e.incomingIs } : {}),
    fingerprint: fingerprintOf(
      e.ws.records,
      (e.ws.routes?.features ?? []).map((f) => f.properties.route_id),
    ),
  };
}

async function importEntry(id: string, e: Entry): Promise<void> {
  const { file } = e;
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  if (isRoute(file.name, head)) {
    const r = importRoute(await file.text(), file.name);
    e.ws = {
      id,
      name: file.name,
      kind: "route",
      records: [],
      ...(r.routes ? { routes: r.routes } : {}),
      report: r.report,
      forced: e.ws.forced,
    };
    if (!r.routes) r.report.fatal ??= { code: "no_routes", message: "no usable route." };
    post({ type: "reading", id, loaded: file.size, total: file.size, rows: r.report.features });
    return;
  }
  const records: ImportedRecord[] = [];
  // The analyst's fixes go to the importer as its column mapping, for the kind they were made in
  // (the editor offers that kind's fields); the report keeps the file's own header names.
  const fixed = Object.keys(e.choices).length > 0;
  const kind = e.kind ?? (fixed && e.ws.kind && e.ws.kind !== "route" ? e.ws.kind : undefined);
  const columns = fixed
    ? columnOverrides(e.choices, "columns" in e.ws.report ? e.ws.report.columns : [])
    : undefined;
  const importer = createTableImporter(kind, {
    fileName: file.name,
    gazetteer: gazetteer(),
    onRecord: (r) => records.push(r),
    ...(columns ? { columns } : {}),
    // The analyst named the kind: read as it even a header dtm-flow writes, as the CLI's `--kind`
    // does (the importer's one rule, `kindSaid`).
    ...(e.kind ? { kindSaid: e.kind } : {}),
    // Entrada/salida read as the analyst said, as `import --incoming-is` reads them.
    ...(e.incomingIs ? { incomingIs: e.incomingIs } : {}),
  });
  const rows = () => importer.report.rowsRead;
  for await (const chunk of chunks(id, file, rows)) importer.push(chunk);
  const result = importer.finish();
  e.ws = {
    id,
    name: file.name,
    kind: result.kind,
    records,
    report: result.report,
    forced: e.ws.forced,
  };
}

/** Places changed: the other tables are read again so their place names resolve against them. */
async function reimportOthers(except: string): Promise<void> {
  for (const [id, e] of entries) {
    if (id === except || e.ws.kind === "places" || e.ws.kind === "route" || !e.ws.kind) continue;
    await importEntry(id, e);
    post({ type: "imported", file: summary(id, e) });
  }
}

async function onImport(
  id: string,
  file: File,
  choices?: ColumnChoices,
  kind?: TableKind | "header",
  incomingIs?: IncomingChoice,
): Promise<void> {
  const prev = entries.get(id);
  const e: Entry = prev ?? {
    file,
    choices: {},
    ws: {
      id,
      name: file.name,
      kind: undefined,
      records: [],
      report: emptyRouteReport(),
      forced: false,
    },
  };
  if (choices) e.choices = { ...e.choices, ...choices };
  if (incomingIs === "unsaid") delete e.incomingIs;
  else if (incomingIs) e.incomingIs = incomingIs;
  // Another kind: the columns are another kind's, the earlier fixes do not apply.
  if (kind === "header" && e.kind) {
    // The kind said is taken back: read as its header says, the fixes made for that kind dropped.
    delete e.kind;
    e.choices = {};
  } else if (kind && kind !== "header" && kind !== e.kind) {
    e.kind = kind;
    e.choices = {};
  }
  // Places before or after (a places file read as another kind, or another file read as
  // places): the gazetteer changed, so the other tables' place names are read again.
  const wasPlaces = e.ws.kind === "places";
  entries.set(id, e);
  await importEntry(id, e);
  post({ type: "imported", file: summary(id, e) });
  if (wasPlaces || e.ws.kind === "places") await reimportOthers(id);
}

function emptyRouteReport() {
  return { features: 0, accepted: 0, rejected: 0, rejections: [], warnings: [] };
}

/**
 * The CLI's check for a forgotten route (`dtm-flow estimate` without --route, exit 2): the
 * analyst's sightings, most of them over 60 km from every route, with no route file of hers (the
 * 2018 routes stand in) are refused in the library's sentence (`reportsFarFromRoutes`,
 * `farFromRoutesText`): an estimate from the few reports near another corridor is wrong, not
 * uncertain, so nothing is drawn from them.
 * @throws Error with the sentence in `lang`.
 */
function checkRoutesFit(dataset: Dataset, lang: "en" | "es"): void {
  const base = embedded();
  if (dataset.sightings === base.sightings || dataset.routes !== base.routes) return;
  const far = reportsFarFromRoutes(dataset.sightings, dataset.routes);
  if (far) throw new Error(farFromRoutesText(far, { via: "viewer" }, lang));
}

/**
 * Tracks and split of a dataset: the library's estimator and ledger (the replay worker's
 * `enrichDataset`). Either failing is an error the panel shows; there is no fallback replay.
 */
function compute(
  req: number,
  dataset: Dataset,
  withSeeds: boolean,
  leftOut?: LeftOutOfFiles,
): void {
  const fractions = { reading: 0.1, estimating: 0.3, ledger: 0.7, preparing: 0.9, done: 1 };
  const input = enrichDataset(dataset, (p) =>
    post({ type: "progress", req, progress: { ...p, fraction: fractions[p.stage] } }),
  );
  post({ type: "progress", req, progress: { stage: "preparing", fraction: 0.9 } });
  const replay = prepareReplay({
    ...input,
    ...(withSeeds ? {} : { seeds: undefined }),
    ...(leftOut ? { leftOut } : {}),
  });
  // Where the data are, so that the evidence panel estimates and explains these files; the
  // evidence worker asks for the dataset itself over its channel (answerDatasets).
  const id = ++computed;
  replay.source = { id, seeds: withSeeds };
  last = {
    dataset,
    tracks: input.tracks,
    split: input.ledger.split,
    trackEnds: input.trackEnds ?? [],
    id,
  };
  asOfDays.clear();
  post({ type: "done", req, replay, notes: [] });
}

function current(req: number): NonNullable<typeof last> {
  if (last) return last;
  // Nothing computed here yet: the exports are of the embedded 2018 replay.
  const dataset = embedded();
  const { tracks, ledger, trackEnds = [] } = enrichDataset(dataset);
  post({ type: "progress", req, progress: { stage: "preparing", fraction: 0.9 } });
  return (last = { dataset, tracks, split: ledger.split, trackEnds });
}

/** The tables of the current replay (viewer/data/tables.ts, as the CLI writes them). */
function tables(req: number, hxl: boolean): ExportFile[] {
  return replayTables(current(req), hxl);
}

let queue: Promise<void> = Promise.resolve();

self.addEventListener("message", (event: MessageEvent<AnalystRequest>) => {
  const m = event.data;
  // One request at a time, in order: an import finishes before the compute that follows it.
  queue = queue.then(async () => {
    try {
      if (m.type === "port") answerDatasets(m.port, m.key);
      else if (m.type === "unport") {
        keyedPorts.get(m.key)?.close();
        keyedPorts.delete(m.key);
      } else if (m.type === "import") await onImport(m.id, m.file, m.choices, m.kind, m.incomingIs);
      else if (m.type === "asOf")
        post({ type: "asOf", req: m.req, day: asOfDay(m.date, m.source) });
      else if (m.type === "remove") {
        const wasPlaces = entries.get(m.id)?.ws.kind === "places";
        entries.delete(m.id);
        post({ type: "removed", id: m.id });
        if (wasPlaces) await reimportOthers(m.id);
      } else if (m.type === "force") {
        const e = entries.get(m.id);
        if (e) {
          e.ws.forced = true;
          post({ type: "imported", file: summary(m.id, e) });
          if (e.ws.kind === "places") await reimportOthers(m.id);
        }
      } else if (m.type === "reset") {
        entries.clear();
        last = undefined;
        asOfDays.clear();
      } else if (m.type === "compute") {
        const dataset = assembleDataset(
          [...entries.values()].map((e) => e.ws),
          embedded(),
        );
        if (!dataset) {
          // Nothing left to replay: the exports and the as-of figures are no longer of the
          // last compute's files (the page shows the 2018 replay again).
          last = undefined;
          asOfDays.clear();
          throw new Error("no usable file.");
        }
        const movementIsEmbedded = dataset.sightings === embedded().sightings;
        checkRoutesFit(dataset, m.lang ?? "en");
        compute(m.req, dataset, movementIsEmbedded, leftOutOfUsed());
      } else if (m.type === "tables") {
        post({ type: "tables", req: m.req, files: tables(m.req, m.hxl) });
      }
    } catch (err) {
      post({
        type: "error",
        ...("req" in m ? { req: m.req } : {}),
        ...("id" in m ? { id: m.id } : {}),
        message: err instanceof Error ? err.message : String(err),
      });
    }
  });
});
