/**
 * One file's import report in the panel: status, counts, format, the rejected rows and warnings
 * with line numbers and reasons, and the column mapping editor with its re-import. Builders only:
 * what a button does comes in as a callback.
 */
import { TABLE_KINDS, columnShown, madeFromText } from "../../src/index.ts";
import type { ImportReport, RouteImportReport, TableKind } from "../../src/index.ts";
import { numberLocale } from "../i18n.ts";
import type { Lang } from "../state.ts";
import { issueReason, issueText, issueWhere } from "./issueText.ts";
import { el } from "./panelDom.ts";
import type { FileSummary, IncomingChoice } from "./protocol.ts";
import type { SameNameNote } from "./panelState.ts";
import { sameNameNoteText, sameNameWord } from "./sameNameText.ts";
import { at, countOf, fieldName, howName, kindName } from "./texts.ts";
import type { AnalystTextKey } from "./texts.ts";
import type { ColumnChoices } from "./workspace.ts";

/** Rows of a rejection or warning list shown per file (the counts above are always exact). */
export const MAX_ROWS = 200;

export const isTableReport = (r: ImportReport | RouteImportReport): r is ImportReport =>
  "columns" in r;

/** "12 accepted · 1 rejected · 13 data rows · 0 warnings" (a route: features instead of rows). */
export function countsLine(L: Lang, r: ImportReport | RouteImportReport): string {
  const head = `${countOf(L, r.accepted, "accepted")} · ${countOf(L, r.rejected, "rejected")}`;
  const warnings = countOf(L, r.warnings.length, "warnings");
  if (!isTableReport(r))
    return `${head} · ${countOf(L, r.features, "routeFeatures")} · ${warnings}`;
  const capped = r.truncated ? ` (${at(L, "capped")})` : "";
  return `${head} · ${countOf(L, r.dataRows, "dataRows")} · ${warnings}${capped}`;
}

/** Encoding, delimiter and header row of a table ("GeoJSON" for a route). */
export function formatLine(L: Lang, r: ImportReport | RouteImportReport): string {
  if (!isTableReport(r)) return "GeoJSON";
  return [
    r.encoding,
    r.delimiter !== undefined ? `“${r.delimiter === "\t" ? "tab" : r.delimiter}”` : undefined,
    r.headerRow !== undefined ? `${at(L, "headerRow")} ${r.headerRow}` : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
}

/**
 * One row of an issue table: line, sheet, column, value, reason, code. The reason is words only;
 * the code goes into the row's `data-code` attribute, for tests and programs, not into the text.
 */
export type IssueRow = [
  number,
  string | undefined,
  string | undefined,
  string | undefined,
  string,
  string,
];

/**
 * The rejected rows, each reason in `L` (issueReason: Spanish from the code and its values, the
 * suggested names after it only when the reason does not already name them).
 */
export function rejectionRows(r: ImportReport | RouteImportReport, L: Lang = "en"): IssueRow[] {
  return r.rejections.map((x) => [x.line, x.sheet, x.column, x.value, issueReason(L, x), x.code]);
}

/** The warnings; in `L` where issueText has the code's form, else the library's English. */
export function warningRows(r: ImportReport | RouteImportReport, L: Lang = "en"): IssueRow[] {
  return r.warnings.map((x) => [x.line, x.sheet, x.column, undefined, issueText(L, x), x.code]);
}

/** A folded table of rejected rows or warnings, the first MAX_ROWS shown, the count exact. */
export function issuesTable(
  L: Lang,
  heading: string,
  cls: string,
  rows: IssueRow[],
  total: number,
) {
  if (!rows.length) return null;
  const t = (k: AnalystTextKey) => at(L, k);
  const head = el(
    "tr",
    {},
    ...[t("line"), t("column"), t("value"), t("reason")].map((h) => el("th", { scope: "col" }, h)),
  );
  const body = rows
    .slice(0, MAX_ROWS)
    .map(([line, sheet, column, value, reason, code]) =>
      el(
        "tr",
        { "data-line": String(line), "data-code": code },
        el("td", {}, issueWhere(L, { line, sheet })),
        el("td", {}, column ?? ""),
        el("td", {}, value ?? ""),
        el("td", {}, reason),
      ),
    );
  const more = total - Math.min(rows.length, MAX_ROWS);
  return el(
    "details",
    { class: cls, ...(cls === "rejections" ? { open: "" } : {}) },
    el("summary", {}, `${heading} (${total.toLocaleString(numberLocale(L))})`),
    el("table", { class: `issues ${cls}` }, el("thead", {}, head), el("tbody", {}, ...body)),
    more > 0
      ? el("p", { class: "small muted" }, `… ${more.toLocaleString(numberLocale(L))} ${t("more")}`)
      : null,
  );
}

function fieldSelect(
  L: Lang,
  f: FileSummary,
  c: ImportReport["columns"][number],
): HTMLSelectElement {
  const select = el("select", {
    "data-column": String(c.index),
    "aria-label": `${at(L, "field")}: ${c.column}`,
  });
  const current = f.choices[c.index] !== undefined ? f.choices[c.index] : c.field;
  select.append(el("option", { value: "" }, at(L, "noField")));
  for (const name of f.fields) {
    const o = el("option", { value: name }, fieldName(L, name));
    if (name === current) o.selected = true;
    select.append(o);
  }
  if (!current) select.value = "";
  return select;
}

/** The column → field table with a re-import button, enabled once a field is changed. */
export function mappingEditor(
  L: Lang,
  f: FileSummary,
  r: ImportReport,
  onReimport: (choices: ColumnChoices) => void,
): HTMLElement {
  const t = (k: AnalystTextKey) => at(L, k);
  const choices: ColumnChoices = {};
  const apply = el("button", { type: "button", class: "reimport" }, t("reimport"));
  apply.disabled = true;
  apply.addEventListener("click", () => onReimport(choices));
  const rows = r.columns.map((c) => {
    // A column the importer made (a tally's direction and total): named by the file's columns,
    // read as its layout says, with nothing to remap (the file has no such column).
    if (c.madeFrom)
      return el(
        "tr",
        { "data-index": String(c.index), "data-made": c.madeFrom.part },
        el("td", {}, columnShown(c)),
        el("td", {}, c.field ? fieldName(L, c.field) : ""),
        el("td", { class: "small muted" }, madeFromText(L, c) ?? ""),
      );
    const select = fieldSelect(L, f, c);
    select.addEventListener("change", () => {
      choices[c.index] = select.value || null;
      apply.disabled = false;
    });
    return el(
      "tr",
      { "data-index": String(c.index) },
      el("td", {}, c.column),
      el("td", {}, select),
      el("td", { class: "small muted", "data-how": c.how }, howName(L, c.how)),
    );
  });
  const head = el(
    "tr",
    {},
    ...[t("column"), t("field"), t("how")].map((h) => el("th", { scope: "col" }, h)),
  );
  return el(
    "details",
    { class: "mapping", ...(r.fatal || f.status !== "used" ? { open: "" } : {}) },
    el("summary", {}, t("mapping")),
    el("table", { class: "mapping-table" }, el("thead", {}, head), el("tbody", {}, ...rows)),
    apply,
  );
}

/**
 * A file refused as one of dtm-flow's own outputs (or read as the kind the analyst said): a select
 * to say what it holds, read again as that kind — the CLI's `--kind`, by the importer's one rule
 * (`readOwnOutputs`, src/ingest/own-outputs.ts). Nothing for any other file.
 */
export function kindChooser(
  L: Lang,
  f: FileSummary,
  onChoose: (kind: TableKind | "header") => void,
): HTMLElement | null {
  if (f.report.fatal?.code !== "own_output" && !f.kindChosen) return null;
  const select = el("select", { class: "read-as", "aria-label": at(L, "readAs") });
  // Once a kind is said, the blank choice is the way back: read as its header says.
  const back = f.kindChosen !== undefined;
  select.append(el("option", { value: "" }, at(L, back ? "readAsHeader" : "readAsChoose")));
  for (const kind of TABLE_KINDS) {
    const o = el("option", { value: kind }, kindName(L, kind));
    if (kind === f.kindChosen) o.selected = true;
    select.append(o);
  }
  if (!f.kindChosen) select.value = "";
  select.addEventListener("change", () => {
    if (select.value) onChoose(select.value as TableKind);
    else if (back) onChoose("header");
  });
  return el(
    "p",
    { class: "small read-as", "data-kind-chosen": f.kindChosen ?? "" },
    el("label", {}, `${at(L, f.kindChosen ? "readAsChosen" : "readAs")} `, select),
  );
}

/**
 * A count sheet whose direction is entrada/salida (the importer's `direction_relative` warning),
 * or one the analyst already said it of: a select to say which is northbound at its points, read
 * again so — the CLI's `--incoming-is`, the importer's `incomingIs`. Nothing for any other file.
 */
export function incomingChooser(
  L: Lang,
  f: FileSummary,
  onChoose: (incomingIs: IncomingChoice) => void,
): HTMLElement | null {
  if (!needsIncomingChoice(f) && !(f.kind === "counts" && f.incomingIs)) return null;
  const select = el("select", { class: "incoming-is", "aria-label": at(L, "incomingIs") });
  for (const [value, key] of [
    ["unsaid", "incomingUnsaid"],
    ["northbound", "incomingNorthbound"],
    ["southbound", "incomingSouthbound"],
  ] as const)
    select.append(el("option", { value }, at(L, key)));
  select.value = f.incomingIs ?? "unsaid";
  select.addEventListener("change", () => onChoose(select.value as IncomingChoice));
  return el(
    "p",
    { class: "small incoming-is", "data-incoming-is": f.incomingIs ?? "" },
    el("label", {}, `${at(L, "incomingIs")} `, select),
  );
}

/**
 * A count sheet read with entrada/salida unsaid (the importer's `direction_relative` warning):
 * its rows' directions are unknown until the analyst says which is northbound, so its entry is
 * open with the choice in view, whichever file was dropped last.
 */
export function needsIncomingChoice(f: FileSummary): boolean {
  return (
    f.kind === "counts" &&
    !f.incomingIs &&
    f.report.warnings.some((w) => w.code === "direction_relative")
  );
}

export interface FileItemActions {
  /** The analyst said what the file holds: read it again as that kind. */
  readAs(id: string, kind: TableKind | "header"): void;
  /** The analyst said which of entrada/salida is northbound: read the count sheet again so. */
  readIncomingAs(id: string, incomingIs: IncomingChoice): void;
  remove(id: string): void;
  force(id: string): void;
  reimport(id: string, choices: ColumnChoices): void;
  /** A new version replaced a listed file of its name: bring the earlier one back beside it. */
  keepBoth(id: string): void;
  /** A file kept beside a listed file of its name: replace that one after all. */
  replaceEarlier(id: string): void;
}

/** What the entry says about files of its name (panelState: `sameName`, `redropped`, `sameNameInDrop`). */
export interface SameNameView {
  note?: SameNameNote | undefined;
  /** Whether a listed file is still there (a "Replace the earlier one" needs it). */
  earlierListed(id: string): boolean;
  redropped: boolean;
  inDrop: boolean;
}

/** The entry's same-name lines: a note with its button, a re-drop, a name shared in one drop. */
function sameNameLines(L: Lang, f: FileSummary, same: SameNameView, actions: FileItemActions) {
  const out: HTMLElement[] = [];
  const note = same.note;
  if (note) {
    const p = el(
      "p",
      { class: `small same-name-note ${note.decision}`, "data-why": note.why },
      sameNameNoteText(L, note),
    );
    const undo =
      note.decision === "replace"
        ? el("button", { type: "button", class: "keep-both" }, sameNameWord(L, "keepBoth"))
        : same.earlierListed(note.earlierId)
          ? el(
              "button",
              { type: "button", class: "replace-earlier" },
              sameNameWord(L, "replaceEarlier"),
            )
          : null;
    undo?.addEventListener("click", () =>
      note.decision === "replace" ? actions.keepBoth(f.id) : actions.replaceEarlier(f.id),
    );
    if (undo) p.append(" ", undo);
    out.push(p);
  }
  if (same.redropped) out.push(el("p", { class: "small redropped" }, sameNameWord(L, "redropped")));
  if (same.inDrop) out.push(el("p", { class: "small same-name" }, sameNameWord(L, "inDrop")));
  return out;
}

/**
 * A file's entry in the list. The newest file is open; older ones only while they need the
 * analyst (held, failed, not used, or entrada/salida to be said: `needsIncomingChoice`).
 * @param why the reason its replay could not be computed, when it could not.
 * @param same what became of it beside the listed files of its name (panelState `takeDrop`).
 */
export function fileItem(
  L: Lang,
  f: FileSummary,
  newest: boolean,
  why: string | undefined,
  actions: FileItemActions,
  same: SameNameView = { earlierListed: () => false, redropped: false, inDrop: false },
): HTMLElement {
  const t = (k: AnalystTextKey) => at(L, k);
  const r = f.report;
  const status = why ? "failed" : f.status;
  const remove = el("button", { type: "button", class: "remove" }, t("remove"));
  remove.addEventListener("click", () => actions.remove(f.id));
  const force = el("button", { type: "button", class: "force" }, t("useAnyway"));
  force.addEventListener("click", () => actions.force(f.id));
  return el(
    "li",
    {
      "data-file-id": f.id,
      "data-status": status,
      "data-kind": f.kind ?? "",
      "data-accepted": String(r.accepted),
      "data-rejected": String(r.rejected),
      "data-warnings": String(r.warnings.length),
    },
    el(
      "details",
      newest || why || f.status !== "used" || needsIncomingChoice(f) ? { open: "" } : {},
      el(
        "summary",
        {},
        el("strong", { class: "file-name" }, f.name),
        ` · ${t("kind")}: ${kindName(L, f.kind)}`,
      ),
      el("p", { class: `file-status ${status}` }, t(status), why ? ` (${why})` : ""),
      ...sameNameLines(L, f, same, actions),
      r.fatal
        ? el("p", { class: "fatal", "data-code": r.fatal.code }, issueText(L, r.fatal))
        : null,
      kindChooser(L, f, (kind) => actions.readAs(f.id, kind)),
      incomingChooser(L, f, (dir) => actions.readIncomingAs(f.id, dir)),
      el("p", { class: "small counts" }, countsLine(L, r)),
      el("p", { class: "small muted" }, formatLine(L, r)),
      f.status === "held" && !why ? force : null,
      isTableReport(r) && r.columns.length
        ? mappingEditor(L, f, r, (c) => actions.reimport(f.id, c))
        : null,
      issuesTable(L, t("rejectedRows"), "rejections", rejectionRows(r, L), r.rejected),
      issuesTable(L, t("warningRows"), "warnings", warningRows(r, L), r.warnings.length),
      remove,
    ),
  );
}
