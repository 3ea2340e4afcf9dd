/**
 * The analyst panel's state, explicit and DOM-free: the files given (their import summaries, the
 * File objects for re-imports, names while reading), which failed to compute and why, and whether
 * the viewer shows the 2018 replay or the files. The rules of which files count are functions here.
 */
import type { FileSummary } from "./protocol.ts";

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
}

export function createAnalystState(): AnalystState {
  return {
    files: new Map(),
    failed: new Map(),
    fileObjects: new Map(),
    pendingNames: new Map(),
    nextId: 0,
    showing: "2018",
  };
}

/** Gives new files their ids (`f1`, `f2`, …) and keeps them for re-imports. */
export function addFileObjects(state: AnalystState, files: readonly File[]): [string, File][] {
  const items: [string, File][] = files.map((f) => [`f${++state.nextId}`, f]);
  for (const [id, f] of items) state.fileObjects.set(id, f);
  return items;
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
  state.files.delete(id);
  state.failed.delete(id);
  state.fileObjects.delete(id);
}

/** Forgets every file (back to the 2018 replay). */
export function forgetAll(state: AnalystState): void {
  state.files.clear();
  state.failed.clear();
  state.fileObjects.clear();
}
