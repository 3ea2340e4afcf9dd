/**
 * The analyst panel's state, explicit and DOM-free: the files given (their import summaries, the
 * File objects for re-imports, names while reading), which failed to compute and why, and whether
 * the viewer shows the 2018 replay or the files. The rules of which files count are functions here.
 */
import type { FileSummary } from "./protocol.ts";
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
  /** Files that replaced an earlier file of the same name (a corrected version dropped again). */
  replaced: Set<string>;
  /** Files that share their name with another file of the same drop (two folders): both read. */
  sameNameInDrop: Set<string>;
}

export function createAnalystState(): AnalystState {
  return {
    files: new Map(),
    failed: new Map(),
    fileObjects: new Map(),
    pendingNames: new Map(),
    nextId: 0,
    showing: "2018",
    replaced: new Set(),
    sameNameInDrop: new Set(),
  };
}

/** Gives new files their ids (`f1`, `f2`, …) and keeps them for re-imports. */
export function addFileObjects(state: AnalystState, files: readonly File[]): [string, File][] {
  const items: [string, File][] = files.map((f) => [`f${++state.nextId}`, f]);
  for (const [id, f] of items) state.fileObjects.set(id, f);
  return items;
}

/**
 * Files given again under a name already in the list — the analyst corrected the sheet and drops
 * it anew — replace the earlier entry instead of being added beside it, which would count every
 * row twice. The earlier entries are those listed and those still being read (`fileObjects`
 * covers both). Within one drop every file is read: a folder cannot hold two files of one name,
 * so two `conteo.csv` in one drop come from two folders (two offices filling one template) and
 * are never one sheet's two versions; their name is returned in `shared`. The column choices
 * made on an earlier entry are returned by header text (`carried`, per name) for its new version.
 * Forgets the earlier
 * entries and returns their ids, the files to read (`files`), the names replaced and the names
 * shared; `markReplacements` marks the new files once `addFileObjects` has given them ids.
 */
export function takeSameNames(
  state: AnalystState,
  files: readonly File[],
): {
  ids: string[];
  names: Set<string>;
  shared: Set<string>;
  files: File[];
  carried: Map<string, Record<string, string | null>>;
} {
  const given = new Set(files.map((f) => f.name));
  const shared = new Set(
    files.filter((f, i) => files.findIndex((g) => g.name === f.name) !== i).map((f) => f.name),
  );
  const names = new Set<string>();
  const ids: string[] = [];
  const carried = new Map<string, Record<string, string | null>>();
  for (const [id, f] of [...state.fileObjects]) {
    if (!given.has(f.name)) continue;
    ids.push(id);
    names.add(f.name);
    const earlier = state.files.get(id);
    if (earlier && Object.keys(earlier.choices).length && "columns" in earlier.report)
      carried.set(f.name, choicesByHeader(earlier.choices, earlier.report.columns));
    forgetFile(state, id);
  }
  return { ids, names, shared, files: [...files], carried };
}

/**
 * Marks the new files whose name an earlier, replaced entry had (`replaced`), and those sharing
 * their name with another file of the same drop (`sameNameInDrop`).
 */
export function markReplacements(
  state: AnalystState,
  items: readonly [string, File][],
  replacedNames: ReadonlySet<string>,
  sharedNames: ReadonlySet<string> = new Set(),
): void {
  for (const [id, f] of items) {
    if (replacedNames.has(f.name)) state.replaced.add(id);
    if (sharedNames.has(f.name)) state.sameNameInDrop.add(id);
  }
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
  state.replaced.delete(id);
  state.sameNameInDrop.delete(id);
  state.files.delete(id);
  state.failed.delete(id);
  state.fileObjects.delete(id);
  state.pendingNames.delete(id);
}

/** Forgets every file (back to the 2018 replay). */
export function forgetAll(state: AnalystState): void {
  state.replaced.clear();
  state.sameNameInDrop.clear();
  state.files.clear();
  state.failed.clear();
  state.fileObjects.clear();
  state.pendingNames.clear();
}
