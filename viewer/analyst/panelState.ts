/**
 * The analyst panel's state, explicit and DOM-free: the files given (their import summaries, the
 * File objects for re-imports, names while reading), which failed to compute and why, and whether
 * the viewer shows the 2018 replay or the files. The rules of which files count are functions here.
 */
import type { FileSummary } from "./protocol.ts";
import { sameBytes } from "./sameName.ts";
import type { SameNameOverlap, SameNameSide, SameNameWhy } from "./sameName.ts";
import type { ColumnChoices } from "./workspace.ts";

export interface AnalystState {
  files: Map<string, FileSummary>;
  /** Files whose replay could not be computed (dropped), with the reason shown. */
  failed: Map<string, string>;
  /** The File objects, kept to re-import with a fixed column mapping. */
  fileObjects: Map<string, File>;
  /** Names of files being read (before their first summary). */
  pendingNames: Map<string, string>;
  nextId: number;
  showing: "2018" | "files";
  /** The 2018 replay is shown because no listed file can be used any more (not by a reset). */
  noneLeft?: boolean;
  /** What became of a file given under a listed file's name (sameName.ts), by the new file's id. */
  sameName: Map<string, SameNameNote>;
  /** Listed files given again unchanged (the same bytes): read once, said on their entry. */
  redropped: Set<string>;
  /** Files that share their name with another file of the same drop (two folders): both read. */
  sameNameInDrop: Set<string>;
  /** Per new file: the listed files of its name it is weighed against once it is read. */
  decideAgainst: Map<string, string[]>;
}

/** The earlier entry a new version replaced, kept with the note so that "Keep both" can bring it back. */
export interface EarlierVersion {
  file: File;
  accepted: number;
  places: number;
  days?: [string, string];
  /** The column choices made on it (by its own column indices) and whether it was used anyway. */
  choices: ColumnChoices;
  forced: boolean;
}

/** What the panel says on a new file of a listed name, and what its button undoes. */
export type SameNameNote = {
  why: SameNameWhy | "analyst";
  /** What was compared with the earlier file (its points and days the new one holds). */
  overlap?: SameNameOverlap;
  /** A namesake's column choices laid on this file by header text, and the headers no longer there. */
  choicesKept: number;
  choicesMissing: string[];
} & (
  | {
      decision: "replace";
      earlier: EarlierVersion;
      /** "Use anyway" carried over: this version, held, is used as the earlier one was. */
      forcedKept: boolean;
    }
  | {
      decision: "keep_both";
      earlierId: string;
      /** Which of the two is held (more rows rejected than accepted): not in the replay. */
      held?: "new" | "earlier" | "both";
    }
);

export function createAnalystState(): AnalystState {
  return {
    files: new Map(),
    failed: new Map(),
    fileObjects: new Map(),
    pendingNames: new Map(),
    nextId: 0,
    showing: "2018",
    sameName: new Map(),
    redropped: new Set(),
    sameNameInDrop: new Set(),
    decideAgainst: new Map(),
  };
}

/** Gives new files their ids (`f1`, `f2`, …) and keeps them for re-imports. */
export function addFileObjects(state: AnalystState, files: readonly File[]): [string, File][] {
  const items: [string, File][] = files.map((f) => [`f${++state.nextId}`, f]);
  for (const [id, f] of items) state.fileObjects.set(id, f);
  return items;
}

/**
 * Sorts a drop against the listed files (those read and those still being read), by content:
 * - a file whose bytes a listed file of its name has is that file given again: not read twice,
 *   the listed entry is marked `redropped` (unless its replay failed: then it is read again);
 * - every other file gets its id; one that shares its name with a listed file is weighed against
 *   it once read (`decideAgainst`, sameName.ts: its new version, or another file).
 * Within one drop every file is read: a folder cannot hold two files of one name, so two
 * `conteo.csv` in one drop come from two folders (two offices filling one template) and are never
 * one sheet's two versions (`sameNameInDrop`; a listed file given again in that drop counts as one
 * of them, and is not weighed against its namesakes).
 * @returns the new files with their ids, to import.
 */
export async function takeDrop(
  state: AnalystState,
  files: readonly File[],
): Promise<[string, File][]> {
  const listed = [...state.fileObjects];
  const fresh: File[] = [];
  const again = new Set<string>();
  for (const f of files) {
    let match: string | undefined;
    for (const [id, g] of listed) {
      // A listed file whose replay failed is read again when given again (a retry).
      if (g.name !== f.name || again.has(id) || state.failed.has(id)) continue;
      if (await sameBytes(f, g)) {
        match = id;
        break;
      }
    }
    if (match === undefined) fresh.push(f);
    else again.add(match);
  }
  for (const id of again) state.redropped.add(id);
  const items = addFileObjects(state, fresh);
  const count = new Map<string, number>();
  for (const f of files) count.set(f.name, (count.get(f.name) ?? 0) + 1);
  const shared = (name: string) => (count.get(name) ?? 0) > 1;
  for (const id of again) if (shared(state.fileObjects.get(id)!.name)) state.sameNameInDrop.add(id);
  for (const [id, f] of items) {
    if (shared(f.name)) state.sameNameInDrop.add(id);
    const earlier = listed.filter(([e, g]) => g.name === f.name && !again.has(e)).map(([e]) => e);
    if (earlier.length) state.decideAgainst.set(id, earlier);
  }
  return items;
}

/**
 * A listed file as the same-name decision sees it. With `earlier` (the file it meets), a held new
 * version of a file the analyst chose to use anyway counts as not held when it rejects no more
 * rows than that one did: the "use anyway" is carried to it (panel.ts replaceEarlier). Otherwise
 * a held new version never pushes a used one out (sameName.ts).
 */
export function sameNameSide(s: FileSummary, earlier?: FileSummary): SameNameSide {
  const held = s.status === "held" && !(earlier && forceCarries(earlier, s));
  return { kind: s.kind, usable: s.status !== "unusable", held, fingerprint: s.fingerprint };
}

/** Which of two files kept side by side is held (not used), or undefined when neither is. */
export function heldOf(
  earlier: Pick<FileSummary, "status">,
  next: Pick<FileSummary, "status">,
): "new" | "earlier" | "both" | undefined {
  const e = earlier.status === "held";
  const n = next.status === "held";
  return e && n ? "both" : n ? "new" : e ? "earlier" : undefined;
}

/**
 * Whether an earlier file's "use anyway" carries to its new version: it was forced, and the new
 * one rejects no more rows (a new hold with more rejections is the analyst's to look at again).
 */
export function forceCarries(
  earlier: Pick<FileSummary, "forced" | "report">,
  next: Pick<FileSummary, "report">,
): boolean {
  return earlier.forced && next.report.rejected <= earlier.report.rejected;
}

/** The earlier entry as kept for "Keep both", from its summary (or its File alone, when it failed). */
export function earlierVersion(file: File, s: FileSummary | undefined): EarlierVersion {
  return {
    file,
    accepted: s?.report.accepted ?? 0,
    places: s?.fingerprint.where.length ?? 0,
    ...(s?.fingerprint.days ? { days: s.fingerprint.days } : {}),
    choices: s?.choices ?? {},
    forced: s?.forced ?? false,
  };
}

/** The column choices a file's analyst made (by 0-based index), keyed by their header text instead. */
export function choicesByHeader(
  choices: ColumnChoices,
  columns: readonly { column: string }[],
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [i, choice] of Object.entries(choices)) {
    const header = columns[Number(i)]?.column;
    if (header !== undefined) out[header] = choice;
  }
  return out;
}

/**
 * Choices kept by header text (`choicesByHeader`) laid on another version of the file: each goes
 * to the column of the same header wherever it now stands; `missing` lists the headers gone.
 */
export function remapChoices(
  byHeader: Readonly<Record<string, string | null>>,
  columns: readonly { column: string }[],
): { choices: ColumnChoices; missing: string[] } {
  const choices: ColumnChoices = {};
  const missing: string[] = [];
  for (const [header, choice] of Object.entries(byHeader)) {
    const i = columns.findIndex((c) => c.column === header);
    if (i < 0) missing.push(header);
    else choices[i] = choice;
  }
  return { choices, missing };
}

/** A file that feeds the replay: imported as usable and not dropped after a failed compute. */
export function isInUse(state: AnalystState, id: string): boolean {
  return state.files.get(id)?.status === "used" && !state.failed.has(id);
}

/** Whether any file still feeds the replay. */
export function anyInUse(state: AnalystState): boolean {
  return [...state.files.keys()].some((id) => isInUse(state, id));
}

/**
 * After an import: the files whose change needs a new replay (used now, or used before and
 * changed), given which were used before.
 */
export function changedForReplay(
  before: ReadonlyMap<string, boolean>,
  summaries: readonly FileSummary[],
): string[] {
  return summaries.filter((s) => s.status === "used" || before.get(s.id)).map((s) => s.id);
}

/** Forgets one file. */
export function forgetFile(state: AnalystState, id: string): void {
  state.sameName.delete(id);
  state.redropped.delete(id);
  state.decideAgainst.delete(id);
  state.sameNameInDrop.delete(id);
  state.files.delete(id);
  state.failed.delete(id);
  state.fileObjects.delete(id);
  state.pendingNames.delete(id);
}

/** Forgets every file (back to the 2018 replay). */
export function forgetAll(state: AnalystState): void {
  state.sameName.clear();
  state.redropped.clear();
  state.decideAgainst.clear();
  state.sameNameInDrop.clear();
  state.files.clear();
  state.failed.clear();
  state.fileObjects.clear();
  state.pendingNames.clear();
}
