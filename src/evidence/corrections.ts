/**
 * Analysts' corrections (`corrections.json`, docs/contracts.md §4): a small, ordered list of
 * changes to the evidence — reassign a report to a group, reject or accept a report, split a
 * group at a date, merge one group into another, set a group's destination. `applyCorrections`
 * turns them into the dataset the estimator then runs on, so the CLI, the viewer and notebooks
 * give the same figures from the same file. Inputs are never changed: the result is a copy.
 */
import type { Dataset } from "../model/dataset.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import type { Sighting } from "../model/sighting.ts";
import type { IsoDate, IsoDateTime } from "../model/units.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import { correctionProblemEnglish } from "./correctionProblemText.ts";
import type { CorrectionProblemCode, CorrectionProblemParams } from "./correctionProblemText.ts";
import { dayToIsoDate, isoDateToDay, toLocalTime } from "../estimate/time.ts";
import { jsonErrorPlace } from "../text/jsonErrorPlace.ts";

/** Fields every correction may carry: who made it, when, and why. */
export interface CorrectionMeta {
  note?: string;
  author?: string;
  /** ISO 8601 date-time the correction was made. */
  at?: IsoDateTime;
}

export type Correction = CorrectionMeta &
  (
    | { kind: "reassign"; sightingId: string; group: string }
    | { kind: "reject"; sightingId: string }
    | { kind: "accept"; sightingId: string }
    | { kind: "split"; group: string; date: IsoDate; newGroup: string }
    | { kind: "merge"; group: string; into: string }
    | { kind: "destination"; group: string; place?: string; routeId?: string }
  );

export type CorrectionKind = Correction["kind"];
export const CORRECTION_KINDS: readonly CorrectionKind[] = [
  "reassign",
  "reject",
  "accept",
  "split",
  "merge",
  "destination",
];

/** The file: a version and the corrections, applied in order. */
export interface CorrectionsFile {
  version: 1;
  corrections: Correction[];
}

/** One problem: where (JSON pointer, RFC 6901) and what is wrong, as a sentence. */
export interface CorrectionProblem {
  pointer: string;
  /** The problem in English. */
  message: string;
  /**
   * The code and params of its sentence (correctionProblemText.ts says it in Spanish too): a
   * problem of the file's shape or a correction that does not fit the data (`applyCorrections`).
   */
  code?: CorrectionProblemCode;
  params?: object;
}

/** Thrown by {@link applyCorrections} (and {@link parseCorrections}) for an unusable file. */
export class CorrectionsError extends RangeError {
  readonly problems: CorrectionProblem[];
  constructor(problems: CorrectionProblem[]) {
    const first = problems[0];
    super(
      first
        ? `${first.pointer || "/"}: ${first.message}` +
            (problems.length > 1 ? ` (and ${problems.length - 1} more)` : "")
        : "invalid corrections",
    );
    this.name = "CorrectionsError";
    this.problems = problems;
  }
}

const META = ["note", "author", "at"];
const FIELDS: Record<CorrectionKind, { required: string[]; optional: string[] }> = {
  reassign: { required: ["sightingId", "group"], optional: [] },
  reject: { required: ["sightingId"], optional: [] },
  accept: { required: ["sightingId"], optional: [] },
  split: { required: ["group", "date", "newGroup"], optional: [] },
  merge: { required: ["group", "into"], optional: [] },
  destination: { required: ["group"], optional: ["place", "routeId"] },
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks the shape of a parsed corrections.json (no dataset needed): every problem with its JSON
 * pointer, all at once.
 * @example
 * validateCorrections({ version: 1, corrections: [{ kind: "reject" }] }).problems[0];
 * // => { pointer: "/corrections/0/sightingId", message: "a reject correction needs sightingId (text)." }
 */
export function validateCorrections(json: unknown): {
  file?: CorrectionsFile;
  problems: CorrectionProblem[];
} {
  const problems: CorrectionProblem[] = [];
  const add: AddProblem = (pointer, code, params) =>
    problems.push({ pointer, message: correctionProblemEnglish(code, params), code, params });
  if (!isObject(json)) {
    add("", "not_an_object", {});
    return { problems };
  }
  for (const key of Object.keys(json)) {
    if (!["version", "corrections", "$schema"].includes(key)) {
      add(`/${escape(key)}`, "unknown_top_field", { field: key });
    }
  }
  if (json.version !== 1)
    add("/version", "bad_version", { value: String(JSON.stringify(json.version)) });
  if (!Array.isArray(json.corrections)) {
    add("/corrections", "corrections_not_list", {});
    return { problems };
  }
  json.corrections.forEach((c: unknown, i: number) => checkOne(c, `/corrections/${i}`, add));
  if (problems.length > 0) return { problems };
  return { file: json as unknown as CorrectionsFile, problems };
}

/** Records one problem of shape: its pointer, code and params (the English from the table). */
type AddProblem = <C extends CorrectionProblemCode>(
  pointer: string,
  code: C,
  params: CorrectionProblemParams[C],
) => void;

function checkOne(c: unknown, at: string, add: AddProblem): void {
  if (!isObject(c)) return add(at, "correction_not_object", {});
  const kind = c.kind as CorrectionKind;
  if (!CORRECTION_KINDS.includes(kind)) {
    return add(`${at}/kind`, "bad_kind", {
      value: String(JSON.stringify(c.kind)),
      kinds: [...CORRECTION_KINDS],
    });
  }
  const { required, optional } = FIELDS[kind];
  for (const key of Object.keys(c)) {
    if (
      key !== "kind" &&
      !required.includes(key) &&
      !optional.includes(key) &&
      !META.includes(key)
    ) {
      add(`${at}/${escape(key)}`, "field_unknown", { kind, field: key });
    }
  }
  for (const key of [...required, ...optional, ...META]) {
    const v = c[key];
    if (v === undefined) {
      if (required.includes(key)) add(`${at}/${key}`, "field_missing", { kind, field: key });
    } else if (typeof v !== "string" || v.trim() === "") {
      add(`${at}/${key}`, "field_not_text", { field: key, value: String(JSON.stringify(v)) });
    }
  }
  if (kind === "split" && typeof c.date === "string" && isoDateToDay(c.date) === undefined) {
    add(`${at}/date`, "bad_date", { value: c.date });
  }
  if (kind === "destination" && c.place === undefined && c.routeId === undefined) {
    add(at, "destination_empty", {});
  }
  if (kind === "merge" && c.group === c.into && typeof c.group === "string") {
    add(`${at}/into`, "merge_self", { group: c.group });
  }
  if (typeof c.at === "string" && toLocalTime(c.at, "UTC") === undefined) {
    add(`${at}/at`, "bad_at", { value: c.at });
  }
}

/** A header cell as sheets write them: a word or words, HXL tags, maybe quoted ("Fecha de registro"). */
const HEADER_CELL = /^"?[\p{L}#_][\p{L}\p{N}_ .#+\-/()]*"?$/u;

/**
 * True when text that is not JSON reads as a table: its first non-empty line does not start a
 * JSON value and has a comma, a semicolon or a tab, and either splits into at least two cells that
 * are all bare header words, or the next non-empty line has as many of that separator. A comma
 * alone is not enough: `version: 1, corrections: []` or a `// note, …` line is not a table.
 * @example looksLikeTable("sightingId,group\nS1,A\n") // => true
 * @example looksLikeTable("version: 1, corrections: []") // => false
 */
function looksLikeTable(text: string): boolean {
  const [first, second] = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  if (first === undefined || /^\s*[[{"]/.test(first)) return false;
  const count = (line: string, sep: string) => line.split(sep).length - 1;
  // The separator the first line uses most; none at all is not a table.
  const sep = [",", ";", "\t"].reduce((a, b) => (count(first, b) > count(first, a) ? b : a));
  if (count(first, sep) === 0) return false;
  const cells = first
    .split(sep)
    .map((c) => c.trim())
    .filter((c) => c !== "");
  if (cells.length >= 2 && cells.every((c) => HEADER_CELL.test(c))) return true;
  return second !== undefined && count(second, sep) === count(first, sep);
}

/**
 * Parses and checks corrections.json text.
 * @throws CorrectionsError naming the JSON pointer of the first problem.
 */
export function parseCorrections(text: string): CorrectionsFile {
  let json: unknown;
  const body = text.replace(/^\uFEFF/, "");
  try {
    json = JSON.parse(body);
  } catch (error) {
    // A CSV table given as corrections: said as such, not with the JSON parser's words. Else
    // the parser's reason, with its position as a line and column.
    const message = (error as Error).message;
    const place = jsonErrorPlace(message, body);
    const params = place
      ? {
          reason: place.reason,
          table: looksLikeTable(text),
          line: place.line,
          column: place.column,
        }
      : { reason: message, table: looksLikeTable(text) };
    throw new CorrectionsError([
      {
        pointer: "",
        message: correctionProblemEnglish("not_json", params),
        code: "not_json",
        params,
      },
    ]);
  }
  const { file, problems } = validateCorrections(json);
  if (!file) throw new CorrectionsError(problems);
  return file;
}

/**
 * A destination an analyst set: the estimator puts the group on that route (or the route passing
 * nearest the place) and ends its track when its median person reaches the place
 * (`EstimateOptions.destinations`).
 */
export interface GroupDestination {
  group: string;
  place?: string;
  routeId?: string;
}

export interface CorrectedInput {
  /** The dataset the estimator runs on (a copy; the input is unchanged). */
  dataset: Dataset;
  /** What the estimator needs besides the dataset: the accepted reports to keep (never outliers). */
  estimateOptions: { keep: string[]; destinations: GroupDestination[] };
  /** Sightings an analyst accepted (kept, confidence high) and rejected (removed). */
  accepted: string[];
  rejected: string[];
  destinations: GroupDestination[];
  /** What each correction did, in order, in one sentence (for the report and the viewer's list). */
  applied: { index: number; kind: CorrectionKind; effect: string }[];
}

export interface ApplyOptions {
  /**
   * The group each sighting belongs to in the uncorrected estimate (sightingId → group), needed
   * only when a correction names a group the estimator started from unlabelled reports
   * (`unlabelled-3`). Default: none (such a correction is then an error).
   */
  membership?: ReadonlyMap<string, string>;
}

/**
 * Applies corrections to a dataset: the result is what the estimator runs on.
 *
 * - reassign: the report's caravan_label becomes the group (a new name starts a new group);
 * - reject: the report is removed (listed in `rejected`);
 * - accept: the report is kept: in `estimateOptions.keep` (the estimator never reads it as an
 *   outlier) and its confidence becomes `high`; listed in `accepted`;
 * - split: the group's reports from `date` on (local date) get the label `newGroup`;
 * - merge: the group's reports (and stock figures) get the label of `into`;
 * - destination: in `estimateOptions.destinations` and `destinations` (the place must be in the
 *   gazetteer, the route in the dataset): the estimator takes that route and ends the track there.
 * Group names are caravan labels of the data, names of the uncorrected estimate (via
 * `membership`; its reports are then labelled with that name so the name holds), or names an
 * earlier correction created.
 * @throws CorrectionsError with the JSON pointer of each correction that does not fit the data.
 */
export function applyCorrections(
  dataset: Dataset,
  file: CorrectionsFile,
  options: ApplyOptions = {},
): CorrectedInput {
  const timeZone = dataset.timeZone ?? DEFAULT_TIME_ZONE;
  const sightings: Sighting[] = dataset.sightings.map((s, i) => ({
    ...s,
    id: s.id ?? `sighting-${i + 1}`,
  }));
  let stocks = dataset.stocks;
  const byId = new Map(sightings.map((s) => [s.id as string, s]));
  const membership = options.membership ?? new Map<string, string>();
  const groups = new Set<string>();
  for (const s of sightings) if (s.caravanLabel) groups.add(s.caravanLabel);
  const estimated = new Set(membership.values());
  const problems: CorrectionProblem[] = [];
  const applied: CorrectedInput["applied"] = [];
  const accepted: string[] = [];
  const rejected = new Set<string>();
  const destinations: GroupDestination[] = [];
  const gazetteer = createGazetteer(dataset.places);
  const routeIds = new Set(dataset.routes.features.map((f) => f.properties.route_id));

  /** Makes a group known by name; an estimator-named group gets its reports labelled. */
  const known = (name: string): boolean => {
    if (groups.has(name)) return true;
    if (!estimated.has(name)) return false;
    for (const [id, g] of membership) {
      const s = byId.get(id);
      if (g === name && s && !s.caravanLabel) s.caravanLabel = name;
    }
    groups.add(name);
    return true;
  };
  const labelled = (group: string) => sightings.filter((s) => s.caravanLabel === group);

  file.corrections.forEach((c, index) => {
    const at = `/corrections/${index}`;
    const fail = <C extends CorrectionProblemCode>(
      field: string,
      code: C,
      params: CorrectionProblemParams[C],
    ) =>
      problems.push({
        pointer: field ? `${at}/${field}` : at,
        message: correctionProblemEnglish(code, params),
        code,
        params,
      });
    const done = (effect: string) => applied.push({ index, kind: c.kind, effect });
    switch (c.kind) {
      case "reassign":
      case "reject":
      case "accept": {
        const s = byId.get(c.sightingId);
        if (!s) return fail("sightingId", "no_sighting", { id: c.sightingId });
        if (c.kind === "reject") {
          rejected.add(c.sightingId);
          return done(`${c.sightingId} rejected: the estimate no longer uses it.`);
        }
        if (c.kind === "accept") {
          s.confidence = "high";
          rejected.delete(c.sightingId);
          accepted.push(c.sightingId);
          return done(`${c.sightingId} accepted: kept with high confidence.`);
        }
        const isNew = !known(c.group);
        s.caravanLabel = c.group;
        groups.add(c.group);
        return done(`${c.sightingId} now belongs to ${isNew ? "a new group " : ""}"${c.group}".`);
      }
      case "split": {
        if (!known(c.group)) return fail("group", "no_group", { group: c.group });
        if (known(c.newGroup)) return fail("newGroup", "group_exists", { group: c.newGroup });
        const moved = labelled(c.group).filter((s) => localDate(s, timeZone) >= c.date);
        if (moved.length === 0) {
          return fail("date", "no_report_from", { group: c.group, date: c.date });
        }
        for (const s of moved) s.caravanLabel = c.newGroup;
        groups.add(c.newGroup);
        return done(`"${c.group}" split on ${c.date}: ${moved.length} reports to "${c.newGroup}".`);
      }
      case "merge": {
        if (!known(c.group)) return fail("group", "no_group", { group: c.group });
        if (!known(c.into)) return fail("into", "no_group", { group: c.into });
        const moved = labelled(c.group);
        for (const s of moved) s.caravanLabel = c.into;
        stocks = stocks.map((f) =>
          f.caravanLabel === c.group ? { ...f, caravanLabel: c.into } : f,
        );
        groups.delete(c.group);
        return done(`"${c.group}" merged into "${c.into}" (${moved.length} reports).`);
      }
      case "destination": {
        if (!known(c.group)) return fail("group", "no_group", { group: c.group });
        if (c.place !== undefined && !gazetteer.find(c.place)) {
          return fail("place", "place_unknown", { place: c.place });
        }
        if (c.routeId !== undefined && !routeIds.has(c.routeId)) {
          return fail("routeId", "route_unknown", { routeId: c.routeId });
        }
        const d: GroupDestination = { group: c.group };
        if (c.place !== undefined) d.place = c.place;
        if (c.routeId !== undefined) d.routeId = c.routeId;
        const i = destinations.findIndex((x) => x.group === c.group);
        if (i >= 0) destinations[i] = d;
        else destinations.push(d);
        return done(`"${c.group}" heads for ${[c.place, c.routeId].filter(Boolean).join(" on ")}.`);
      }
    }
  });
  if (problems.length > 0) throw new CorrectionsError(problems);
  return {
    dataset: {
      ...dataset,
      sightings: sightings.filter((s) => !rejected.has(s.id as string)),
      stocks,
    },
    estimateOptions: { keep: [...accepted], destinations },
    accepted,
    rejected: [...rejected],
    destinations,
    applied,
  };
}

/** Local calendar date of a sighting ("" when its time is not an ISO date). */
function localDate(s: Sighting, timeZone: string): IsoDate {
  const t = toLocalTime(s.observedAt, timeZone);
  return t ? dayToIsoDate(t.t) : "";
}

/** JSON pointer escaping (RFC 6901). */
function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * The membership map {@link applyCorrections} needs, from an estimate's associations.
 * @example
 * membershipOf(estimateTracks(dataset).report.associations).get("S001"); // => "Honduran caravan 1"
 */
export function membershipOf(
  associations: readonly { sightingId: string; group: string }[],
): Map<string, string> {
  return new Map(associations.map((a) => [a.sightingId, a.group]));
}

/** Whether any correction names a group that is not a caravan label of the data. */
export function needsMembership(dataset: Dataset, file: CorrectionsFile): boolean {
  const labels = new Set(dataset.sightings.map((s) => s.caravanLabel).filter(Boolean));
  return file.corrections.some((c) => {
    const names =
      c.kind === "split" || c.kind === "destination"
        ? [c.group]
        : c.kind === "merge"
          ? [c.group, c.into]
          : c.kind === "reassign"
            ? [c.group]
            : [];
    return names.some((n) => !labels.has(n));
  });
}
