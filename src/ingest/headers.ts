/**
 * Header mapping: finds the header row (title rows above it are skipped), the HXL hashtag row,
 * and maps each column to a field by canonical name, alias, Kobo group prefix (`grp/field`),
 * two-level headers (`Adultos | Hombres`) or HXL hashtag. Unmatched columns are kept as extras.
 */
import { DISTINCTIVE, KIND_SPECS, TABLE_KINDS } from "./fields.ts";
import type { FieldSpec, KindSpec, TableKind } from "./fields.ts";
import { isHashtagRow, matchHxlRule, parseHashtag } from "./hxl.ts";
import type { ColumnMapping, IssueParams, MatchHow } from "./report.ts";
import { cleanCell, normalizeKey } from "./normalize.ts";
import {
  SIZE_FIELDS,
  headerScope,
  labelTail,
  matchQuestion,
  withoutCountingWords,
} from "./question-headers.ts";

interface Lookup {
  canonical: Map<string, string>;
  alias: Map<string, string>;
  spec: KindSpec;
}

const LOOKUPS = new Map<TableKind, Lookup>();

/**
 * A column mapping chosen by the caller (`ImportOptions.columns`): input column → what it holds.
 * Keys name a column by its header text as written in the file (compared case- and
 * accent-insensitively; for Kobo exports the part after the group prefix also matches, for HXL
 * files the hashtag too), or by its 0-based position as digits (`"3"`) when no header is written
 * so. Values are a field name of the table kind, {@link KEEP_AS_EXTRA} or {@link IGNORE_COLUMN}.
 */
export type ColumnOverrides = Readonly<Record<string, string>>;

/** Override value: the column holds no field; it is kept as an extra attribute of each record. */
export const KEEP_AS_EXTRA = "extra";
/** Override value: the column is not read at all (no field, not an extra attribute). */
export const IGNORE_COLUMN = "ignore";

/**
 * The field names of a table kind, in their canonical order: the values `ImportOptions.columns`
 * accepts besides `"extra"` and `"ignore"`.
 * @example fieldNames("stocks").slice(0, 3) // => ["date", "category", "value"]
 */
export function fieldNames(kind: TableKind): string[] {
  return KIND_SPECS[kind].fields.map((f) => f.name);
}

/** Why the caller's column mapping cannot be applied to a header. */
export type OverrideProblem =
  | { code: "unknown_field" | "column_mapping_conflict"; message: string; params: IssueParams }
  | { code: "unknown_column"; key: string };

/** The caller's mapping resolved against one header: column index → field, extra or ignore. */
function resolveOverrides(
  overrides: ColumnOverrides,
  names: readonly string[],
  hxl: readonly string[] | undefined,
  kind: TableKind,
): { byIndex: Map<number, string>; problem?: OverrideProblem } {
  const byIndex = new Map<number, string>();
  const fields = fieldNames(kind);
  const keys = names.map(normalizeKey);
  const tails = names.map((n) => normalizeKey(n.slice(n.lastIndexOf("/") + 1)));
  const tags = names.map((_, i) => (hxl?.[i] ?? "").replace(/\s+/g, "").toLowerCase());
  const fieldAt = new Map<string, number>();
  for (const [rawKey, rawValue] of Object.entries(overrides)) {
    const key = cleanCell(rawKey);
    const nkey = normalizeKey(key);
    const tag = key.replace(/\s+/g, "").toLowerCase();
    let at = names.indexOf(key);
    if (at < 0 && nkey) at = keys.indexOf(nkey);
    if (at < 0 && tag.startsWith("#")) at = tags.indexOf(tag);
    if (at < 0 && nkey && tails.filter((t) => t === nkey).length === 1) at = tails.indexOf(nkey);
    if (at < 0 && /^\d+$/.test(key) && Number(key) < names.length) at = Number(key);
    if (at < 0) return { byIndex, problem: { code: "unknown_column", key } };
    const value = cleanCell(rawValue);
    const lower = value.toLowerCase();
    const target =
      lower === KEEP_AS_EXTRA || lower === IGNORE_COLUMN
        ? lower
        : (fields.find((f) => f === value) ?? fields.find((f) => f === normalizeKey(value)));
    if (target === undefined) {
      return {
        byIndex,
        problem: {
          code: "unknown_field",
          message: `the column mapping gives column "${names[at]}" the field "${value}", which is not a field of a ${kind} table: use one of ${fields.join(", ")}, or "${KEEP_AS_EXTRA}" or "${IGNORE_COLUMN}".`,
          params: { column: names[at]!, field: value, kind, fields: fields.join(", ") },
        },
      };
    }
    const before = byIndex.get(at);
    const other = fieldAt.get(target);
    if ((before !== undefined && before !== target) || (other !== undefined && other !== at)) {
      const twoMeanings = before !== undefined && before !== target;
      const message = twoMeanings
        ? `the column mapping gives column "${names[at]}" two meanings ("${before}" and "${target}").`
        : `the column mapping gives the field "${target}" to two columns ("${names[other!]}" and "${names[at]}").`;
      const params: IssueParams = twoMeanings
        ? { variant: "two_meanings", column: names[at]!, first: before, second: target }
        : { variant: "two_columns", field: target, first: names[other!]!, second: names[at]! };
      return { byIndex, problem: { code: "column_mapping_conflict", message, params } };
    }
    byIndex.set(at, target);
    if (target !== KEEP_AS_EXTRA && target !== IGNORE_COLUMN) fieldAt.set(target, at);
  }
  return { byIndex };
}

function lookup(kind: TableKind): Lookup {
  let l = LOOKUPS.get(kind);
  if (!l) {
    const spec = KIND_SPECS[kind];
    const canonical = new Map<string, string>();
    const alias = new Map<string, string>();
    for (const field of spec.fields) {
      canonical.set(field.name, field.name);
      for (const a of field.aliases) {
        const key = normalizeKey(a);
        if (!alias.has(key)) alias.set(key, field.name);
      }
    }
    l = { canonical, alias, spec };
    LOOKUPS.set(kind, l);
  }
  return l;
}

const MALE = new Set([
  "hombres",
  "hombre",
  "varones",
  "varon",
  "masculino",
  "men",
  "male",
  "males",
  "m",
  "h",
]);
const FEMALE = new Set(["mujeres", "mujer", "femenino", "women", "female", "females", "f"]);
const CHILD = new Set([
  "ninos",
  "ninas",
  "nino",
  "nina",
  "nna",
  "menores",
  "children",
  "child",
  "boys",
  "girls",
]);

/** The field a question or label header asks for (see question-headers.ts), if it is one of `kind`. */
function questionField(text: string, kind: TableKind, l: Lookup): string | undefined {
  const key = normalizeKey(text);
  const bare = withoutCountingWords(key);
  if (bare !== key) {
    const hit =
      l.canonical.get(bare) ??
      l.alias.get(bare) ??
      (kind === "counts" ? tokenRule(bare) : undefined);
    if (hit && hit !== "n") return hit;
  }
  const asked = matchQuestion(text, kind);
  return asked && l.canonical.has(asked) ? asked : undefined;
}

/** Composite headers of hand-made sheets ("Niños Hombres", "Adultos / Mujeres"). */
function tokenRule(key: string): string | undefined {
  const tokens = key.split("_");
  const has = (set: Set<string>) => tokens.some((t) => set.has(t));
  if (key.includes("no_acompanad") || key.includes("unaccompanied")) return "uac";
  const male = has(MALE);
  const female = has(FEMALE);
  const child = has(CHILD);
  if (male && !female) return child ? "boys" : "men";
  if (female && !male) return child ? "girls" : "women";
  return undefined;
}

/** Maps one header text to a field of `kind`. */
export function matchHeader(
  raw: string,
  kind: TableKind,
): { field: string; how: MatchHow } | undefined {
  const l = lookup(kind);
  const key = normalizeKey(raw);
  if (!key) return undefined;
  const direct = l.canonical.get(key);
  if (direct) return { field: direct, how: "canonical" };
  const alias = l.alias.get(key);
  if (alias) return { field: alias, how: "alias" };
  // Kobo / ODK group prefixes: grp_conteo/hombres, grp.hombres, grp-hombres.
  for (const sep of ["/", ".", ":", "-"]) {
    const at = raw.lastIndexOf(sep);
    if (at > 0 && at < raw.length - 1) {
      const tail = normalizeKey(raw.slice(at + 1));
      const hit = l.canonical.get(tail) ?? l.alias.get(tail);
      if (hit) return { field: hit, how: "kobo_prefix" };
    }
  }
  if (/_latitude$/.test(key))
    return l.canonical.has("lat") ? { field: "lat", how: "kobo_prefix" } : undefined;
  if (/_longitude$/.test(key))
    return l.canonical.has("lon") ? { field: "lon", how: "kobo_prefix" } : undefined;
  if (kind === "counts") {
    const token = tokenRule(key);
    if (token) return { field: token, how: "alias" };
  }
  // Kobo label headers: the question text ("¿Cuántas personas hay en el albergue?",
  // "Número de niñas": the field after the counting words), with or without the group's label
  // before a "/" (Kobo's hierarchy in labels: "Conteo/¿Cuántas personas…?").
  const slash = raw.lastIndexOf("/");
  for (const text of slash > 0 ? [raw, raw.slice(slash + 1)] : [raw]) {
    const asked = questionField(text, kind, l);
    if (asked) return { field: asked, how: "question" };
  }
  // A hint in brackets after the name, as Excel templates write them: "Fecha (dd/mm/aaaa)",
  // "Niños (0-17)", "Personas [aprox.]". Tried last, so "Niños (no acompañados)" stays uac.
  const bare = raw.replace(BRACKETED, " ").trim();
  return bare && bare !== raw.trim() ? matchHeader(bare, kind) : undefined;
}

/** A bracketed part of a header: "(dd/mm/aaaa)", "[aprox.]". */
const BRACKETED = /[([][^)\]]*[)\]]/g;

function matchHxl(text: string, spec: KindSpec): string | undefined {
  const tag = parseHashtag(text);
  if (!tag) return undefined;
  let best: { field: FieldSpec; score: number } | undefined;
  for (const field of spec.fields) {
    for (const rule of field.hxl) {
      const score = matchHxlRule(tag, rule);
      if (score !== undefined && (!best || score > best.score)) best = { field, score };
    }
  }
  return best?.field.name;
}

/** Header matches that name a field exactly; any other header match yields to a HXL tag. */
const EXACT_HOW: ReadonlySet<MatchHow> = new Set<MatchHow>([
  "canonical",
  "alias",
  "kobo_meta",
  "two_level_header",
]);

/** Kobo metadata columns, kept as extras (and `_uuid` used to find resubmissions). */
const KOBO_META =
  /^_(id|uuid|submission_time|validation_status|notes|status|submitted_by|tags|index|parent_index|parent_table_name|submission__uuid|version_)$|^__version__$|^meta\/|^formhub\//;

export interface HeaderMapping {
  kind: TableKind;
  columns: ColumnMapping[];
  /** field → column index */
  fieldIndex: Map<string, number>;
  /** Column of the Kobo `_uuid`, when present. */
  uuidIndex?: number;
  missing: string[][];
  /** Set when the caller's column mapping cannot be applied (then none of it is). */
  overrideProblem?: OverrideProblem;
  /** Later columns whose header maps to a field an earlier column already holds (0-based). */
  duplicateFields: DuplicateField[];
}

/** Two columns whose headers both map to `field`: `first` holds it, `other` is kept as an extra. */
export interface DuplicateField {
  field: string;
  first: number;
  other: number;
}

/**
 * A Spanish `punto` column beside a point-code column (`punto_id`, `cod_punto` …): both read as
 * `fmp_id`, but with a code column there `punto` is the point's name (`Tecún Umán`), not a second
 * id. It is read as `fmp_name` (when no column is already) and the code column as `fmp_id`,
 * whichever comes first; the pair is no longer a duplicate. A `punto` column alone stays `fmp_id`
 * (its cells are read as names there too: convert-count.ts).
 */
function pointNameBesideId(
  columns: ColumnMapping[],
  fieldIndex: Map<string, number>,
  duplicateFields: DuplicateField[],
  keys: readonly string[],
  userFields: ReadonlySet<string>,
): void {
  if (fieldIndex.has("fmp_name") || userFields.has("fmp_name")) return;
  const d = duplicateFields.findIndex(
    (x) => x.field === "fmp_id" && (keys[x.first] === "punto") !== (keys[x.other] === "punto"),
  );
  if (d < 0) return;
  const { first, other } = duplicateFields[d]!;
  const [nameAt, idAt] = keys[first] === "punto" ? [first, other] : [other, first];
  columns[nameAt] = { ...columns[nameAt]!, field: "fmp_name", how: "alias" };
  columns[idAt] = { ...columns[idAt]!, field: "fmp_id", how: "alias" };
  fieldIndex.set("fmp_name", nameAt);
  fieldIndex.set("fmp_id", idAt);
  duplicateFields.splice(d, 1);
}

/**
 * Maps the columns of a header row (and optional hashtag row) for one kind; `overrides` (the
 * caller's mapping) win over what is detected, and a field they give to a column is taken from
 * the column that would otherwise have had it.
 */
export function mapHeaders(
  header: readonly string[],
  hxl: readonly string[] | undefined,
  kind: TableKind,
  above?: readonly string[],
  overrides?: ColumnOverrides,
): HeaderMapping {
  const l = lookup(kind);
  // Headers as written (matched against fields) and made unique (the names columns are shown and
  // kept under, so a repeated `total,total` does not write one extra attribute twice).
  const written = header.map((h, i) => cleanCell(h) || `column_${i + 1}`);
  const names = uniqueNames(written);
  const resolved = overrides ? resolveOverrides(overrides, names, hxl, kind) : undefined;
  const user = resolved && !resolved.problem ? resolved.byIndex : undefined;
  const userFields = new Set(user?.values());
  // Two-level headers: when names repeat and the row above has group labels, prefix them.
  // (One pass with a set: a header of 20,000 columns must not cost 20,000² comparisons.)
  const keys = written.map(normalizeKey);
  const repeated = repeatedKeys(keys);
  const columns: ColumnMapping[] = [];
  const fieldIndex = new Map<string, number>();
  const duplicateFields: DuplicateField[] = [];
  let uuidIndex: number | undefined;
  let group = "";
  for (let i = 0; i < names.length; i++) {
    const column = names[i]!;
    const asWritten = written[i]!;
    const aboveCell = above ? cleanCell(above[i] ?? "") : "";
    if (aboveCell) group = aboveCell;
    const tag = hxl ? cleanCell(hxl[i] ?? "") : "";
    let match: { field: string; how: MatchHow } | undefined;
    const chosen = user?.get(i);
    if (chosen !== undefined) {
      if (/^_uuid$/.test(column)) uuidIndex = i;
      const entry: ColumnMapping = { index: i, column, how: "user", ...(tag ? { hxl: tag } : {}) };
      if (chosen === IGNORE_COLUMN) entry.ignored = true;
      else if (chosen !== KEEP_AS_EXTRA) {
        entry.field = chosen;
        fieldIndex.set(chosen, i);
      }
      columns.push(entry);
      continue;
    }
    if (repeated.has(keys[i]!) && group) {
      const composite = matchHeader(`${group} ${asWritten}`, kind);
      if (composite) match = { field: composite.field, how: "two_level_header" };
    }
    if (!match) {
      if (KOBO_META.test(asWritten)) {
        if (/^_uuid$/.test(asWritten)) uuidIndex ??= i;
        if (/^_uuid$/.test(asWritten) && l.canonical.has("record_id"))
          match = { field: "record_id", how: "kobo_meta" };
        else if (/^_uuid$/.test(asWritten) && l.canonical.has("sighting_id"))
          match = { field: "sighting_id", how: "kobo_meta" };
      } else {
        match = matchHeader(asWritten, kind);
      }
    }
    // An explicit HXL tag beats a loose reading of the header (a group prefix, a question, a
    // bracketed hint): `Cód. municipio [#adm2+code]` is the admin-2 code, not `municipio` after
    // a "." prefix. A header named exactly (canonical or alias) still wins.
    if (tag && (!match || !EXACT_HOW.has(match.how))) {
      const field = matchHxl(tag, l.spec);
      if (field && field !== match?.field) match = { field, how: "hxl" };
    }
    // First column wins; a later column that would hold the same field is kept as an extra and
    // named in `duplicateFields` (the importer warns). A field the caller placed is not taken again.
    if (match && userFields.has(match.field)) match = undefined;
    if (match && fieldIndex.has(match.field)) {
      duplicateFields.push({ field: match.field, first: fieldIndex.get(match.field)!, other: i });
      match = undefined;
    }
    const how: MatchHow = match
      ? match.how
      : KOBO_META.test(asWritten)
        ? "kobo_meta"
        : column.includes("/")
          ? "select_multiple_choice"
          : "extra";
    const entry: ColumnMapping = { index: i, column, how, ...(tag ? { hxl: tag } : {}) };
    if (match) {
      entry.field = match.field;
      fieldIndex.set(match.field, i);
    }
    columns.push(entry);
  }
  if (kind === "counts") pointNameBesideId(columns, fieldIndex, duplicateFields, keys, userFields);
  labelPrefixes(columns, fieldIndex, l, user, kind);
  kobotoday(columns, fieldIndex, kind);
  if (kind === "sightings") noteCountScopes(columns);
  const missing = l.spec.required.filter(
    (alts) => !alts.some((a) => fieldIndex.has(a) || (a === "lat" && fieldIndex.has("geopoint"))),
  );
  return {
    kind,
    columns,
    fieldIndex,
    ...(uuidIndex !== undefined ? { uuidIndex } : {}),
    missing,
    duplicateFields,
    ...(resolved?.problem ? { overrideProblem: resolved.problem } : {}),
  };
}

/**
 * Kobo label headers that begin with a field's name and go on ("Dirección del flujo", "Punto de
 * monitoreo de flujos", "Nacionalidad principal"): read as that field, but only for a field no
 * other column holds, so that a column named exactly wins, and never when the rest of the label
 * says it is about somewhere else (`labelTail`: "Lugar de origen" is not the place).
 */
function labelPrefixes(
  columns: ColumnMapping[],
  fieldIndex: Map<string, number>,
  l: Lookup,
  user: Map<number, string> | undefined,
  kind: TableKind,
): void {
  for (const c of columns) {
    if (c.field || c.ignored || user?.has(c.index)) continue;
    if (c.how !== "extra" && c.how !== "select_multiple_choice") continue;
    // The label as written, or after the group's label (`grp_datos/Dirección del flujo`), as
    // the question rule reads it (matchHeader). A header with "/" is read only after it, and only
    // when the part before is a group, not a question: `Dirección del flujo/norte` is a
    // select_multiple choice column (0/1 cells), kept as an extra (docs/import.md).
    const field = c.column.includes("/")
      ? choiceOfQuestion(c.column, l, kind)
        ? undefined
        : labelField(afterGroup(c.column), l)
      : labelField(c.column, l);
    if (!field || fieldIndex.has(field)) continue;
    c.field = field;
    c.how = "question";
    fieldIndex.set(field, c.index);
  }
}

/**
 * Whether `question/choice` is a select_multiple choice column: the part before the last "/"
 * reads as a field itself (named, aliased, or a label starting with one), so what follows is one
 * of its answers, not a question.
 */
function choiceOfQuestion(column: string, l: Lookup, kind: TableKind): boolean {
  const slash = column.lastIndexOf("/");
  if (slash <= 0) return false;
  const before = column.slice(0, slash);
  const question = before.slice(before.lastIndexOf("/") + 1);
  return labelField(question, l) !== undefined || matchHeader(question, kind) !== undefined;
}

/** The part of a header after the last "/" (a Kobo group's label or name); "" when none. */
function afterGroup(column: string): string {
  const slash = column.lastIndexOf("/");
  return slash > 0 ? column.slice(slash + 1) : "";
}

/** The longest name or alias (5 characters or more) a label starts with, word-wise, if its tail reads as a label. */
function labelField(label: string, l: Lookup): string | undefined {
  const key = normalizeKey(label);
  let field: string | undefined;
  for (let at = key.indexOf("_"); at > 0; at = key.indexOf("_", at + 1)) {
    const head = key.slice(0, at);
    const hit =
      head.length >= 5 && withoutCountingWords(`${head}_x`) === `${head}_x`
        ? (l.canonical.get(head) ?? l.alias.get(head))
        : undefined;
    if (hit && labelTail(key.slice(at + 1))) field = hit;
  }
  return field;
}

/** The date field of each kind (places have none). */
const DATE_FIELD: Record<TableKind, string | undefined> = {
  counts: "date",
  sightings: "observed_at",
  stocks: "date",
  places: undefined,
};

/**
 * Kobo's `today` metadata column (the day the form was filled in) is the date only when no column
 * holds it: Kobo puts `start`, `end`, `today` before the questions, so a `fecha` question must win.
 */
function kobotoday(
  columns: ColumnMapping[],
  fieldIndex: Map<string, number>,
  kind: TableKind,
): void {
  const field = DATE_FIELD[kind];
  if (!field || fieldIndex.has(field)) return;
  const today = columns.find(
    (c) =>
      !c.field &&
      !c.ignored &&
      c.how !== "user" &&
      normalizeKey(c.column.slice(c.column.lastIndexOf("/") + 1)) === "today",
  );
  if (!today) return;
  today.field = field;
  today.how = "kobo_meta";
  fieldIndex.set(field, today.index);
}

/**
 * A sightings figure whose header says what it covers ("¿Cuántas personas hay en el albergue?"):
 * the scope is set on its column, for the converter to carry into each row (convert.ts).
 */
function noteCountScopes(columns: ColumnMapping[]): void {
  for (const c of columns) {
    if (!c.field || !(SIZE_FIELDS as readonly string[]).includes(c.field)) continue;
    const scope = headerScope(c.column);
    if (scope) c.countScope = scope;
  }
}

/** Keys that occur more than once, in one pass. */
function repeatedKeys(keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) repeated.add(k);
    else seen.add(k);
  }
  return repeated;
}

/**
 * Header texts made unique: the second and later copies of a name get `_2`, `_3`… (the first
 * keeps its name), so two columns never write the same extra attribute or output column.
 * @example uniqueNames(["total", "lugar", "total"]) // => ["total", "lugar", "total_2"]
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set(names);
  const count = new Map<string, number>();
  return names.map((name) => {
    const n = (count.get(name) ?? 0) + 1;
    count.set(name, n);
    if (n === 1) return name;
    let k = n;
    while (taken.has(`${name}_${k}`)) k++;
    const unique = `${name}_${k}`;
    taken.add(unique);
    return unique;
  });
}

/** Score of a header row for a kind: fields matched by name, distinctive ones counting triple. */
function score(mapping: HeaderMapping, viaHeaderOnly: boolean): number {
  let s = 0;
  const distinct = new Set(DISTINCTIVE[mapping.kind]);
  for (const c of mapping.columns) {
    if (!c.field || (viaHeaderOnly && c.how === "hxl")) continue;
    if (c.how === "kobo_meta") continue;
    s += distinct.has(c.field) ? 3 : 1;
  }
  // A kind or row the caller's mapping does not fit is a worse guess than one it fits.
  return s - mapping.missing.length * 2 - (mapping.overrideProblem ? 10 : 0);
}

export interface HeaderLayout {
  /** 0-based row index of the header in the rows given. */
  headerIndex: number;
  /** 0-based row index of the hashtag row, when found. */
  hxlIndex?: number;
  /** First data row, 0-based. */
  dataIndex: number;
  mapping: HeaderMapping;
  kindSource: "given" | "detected";
  /**
   * When the kind was given: another kind whose columns the header row matches better (a count
   * sheet given as sightings), for the caller to refuse or warn. Undefined when the given kind
   * fits best or ties.
   */
  betterKind?: TableKind;
}

/**
 * Finds the header row among the first 25 rows, the HXL row, and the kind (when not given).
 * Rows are the cells as parsed; blank rows count as rows (row numbers stay those of the file).
 */
export function detectLayout(
  rows: readonly (readonly string[])[],
  kind?: TableKind,
  overrides?: ColumnOverrides,
): HeaderLayout {
  const limit = Math.min(rows.length, 25);
  let hxlIndex: number | undefined;
  for (let r = 0; r < limit; r++) {
    if (isHashtagRow(rows[r]!)) {
      hxlIndex = r;
      break;
    }
  }
  const kinds = kind ? [kind] : TABLE_KINDS;
  let best: { r: number; mapping: HeaderMapping; s: number } | undefined;
  for (let r = 0; r < limit; r++) {
    if (r === hxlIndex) continue;
    const row = rows[r]!;
    if (!row.some((c) => c.trim())) continue;
    const hx = hxlIndex !== undefined && hxlIndex > r ? rows[hxlIndex] : undefined;
    for (const k of kinds) {
      const mapping = mapHeaders(row, hx, k, r > 0 ? rows[r - 1] : undefined, overrides);
      const s = score(mapping, true);
      if (!best || s > best.s) best = { r, mapping, s };
    }
  }
  let headerIndex = best?.r ?? 0;
  // Two header rows of an Excel sheet with merged cells: the second row's cells, the first's where
  // the second is blank (a cell merged down), each under the group label above it.
  const merged =
    best && hxlIndex === undefined
      ? mergedHeader(rows, best.r, limit, kinds, best.s, overrides)
      : undefined;
  if (merged) headerIndex = merged.sub;
  // A header that matches nothing by name: take the non-blank row above the hashtag row (HXL only).
  if ((!best || best.s <= 0) && hxlIndex !== undefined) {
    headerIndex = hxlIndex;
    for (let r = hxlIndex - 1; r >= 0; r--) {
      if (rows[r]!.some((c) => c.trim())) {
        headerIndex = r;
        break;
      }
    }
  }
  const hx = hxlIndex !== undefined && hxlIndex >= headerIndex ? rows[hxlIndex] : undefined;
  let mapping: HeaderMapping | undefined;
  let bestScore = -Infinity;
  let betterKind: TableKind | undefined;
  let betterScore = -Infinity;
  // With a given kind the others are scored too, on the same header row, to say when one fits better.
  for (const k of TABLE_KINDS) {
    if (kind && k !== kind && overrides) continue;
    const header = merged?.cells ?? rows[headerIndex] ?? [];
    const m = mapHeaders(
      hxlIndex === headerIndex ? header.map(() => "") : header,
      hx,
      k,
      headerIndex > 0 ? rows[headerIndex - 1] : undefined,
      overrides,
    );
    const s = score(m, false);
    if (kind && k !== kind) {
      if (s > betterScore) [betterKind, betterScore] = [k, s];
    } else if (s > bestScore) {
      bestScore = s;
      mapping = m;
    }
  }
  const dataIndex = Math.max(headerIndex, hx ? hxlIndex! : headerIndex) + 1;
  return {
    headerIndex,
    ...(hx ? { hxlIndex } : {}),
    dataIndex,
    mapping: mapping!,
    kindSource: kind ? "given" : "detected",
    ...(betterKind && betterScore > bestScore ? { betterKind } : {}),
  };
}

/**
 * A header written over two rows with merged cells, as Excel templates have it:
 *
 *     Fecha | Punto | Adultos         | Niños (0-17)    | Total
 *           |       | Hombres | Mujeres | Hombres | Mujeres |
 *
 * The single columns are merged down (blank in the second row), the groups merged across (blank
 * to their right in the first). Either row alone misses columns; the second row with the first's
 * cells where it is blank, each under the group above it, has them all. Tried for the best row
 * found (`r`) with the row below it and with the row above it; taken only when it maps better
 * than the best row alone, so a data row under a header is never read as part of it.
 * @returns the row the data follows (`sub`) and the header cells, or undefined.
 */
function mergedHeader(
  rows: readonly (readonly string[])[],
  r: number,
  limit: number,
  kinds: readonly TableKind[],
  bestScore: number,
  overrides?: ColumnOverrides,
): { sub: number; cells: string[] } | undefined {
  let found: { sub: number; cells: string[]; s: number } | undefined;
  for (const top of [r, r - 1]) {
    const sub = top + 1;
    if (top < 0 || sub >= limit) continue;
    const upper = rows[top]!;
    const lower = rows[sub]!;
    const width = Math.max(upper.length, lower.length);
    const cells = Array.from({ length: width }, (_, i) =>
      (lower[i] ?? "").trim() ? lower[i]! : (upper[i] ?? ""),
    );
    // Both rows must add something: a merged-down cell above and a label of its own below.
    const fromUpper = cells.filter((c, i) => c && !(lower[i] ?? "").trim()).length;
    const fromLower = lower.filter((c, i) => c.trim() && c.trim() !== (upper[i] ?? "").trim());
    if (!fromUpper || !fromLower.length) continue;
    for (const k of kinds) {
      const s = score(mapHeaders(cells, undefined, k, upper, overrides), true);
      if (s > (found?.s ?? bestScore)) found = { sub, cells, s };
    }
  }
  return found && { sub: found.sub, cells: found.cells };
}

/**
 * The headers the importer reads as a field, for a sentence in any language: the field's name, its
 * first four aliases and its HXL tag (`direction, direccion, sentido, …, #x_direction`).
 */
export function fieldHeaders(kind: TableKind, field: string): string {
  const spec = KIND_SPECS[kind].fields.find((x) => x.name === field);
  if (!spec) return field;
  const hxl = spec.hxl[0]
    ? [`${spec.hxl[0].tag}${(spec.hxl[0].with ?? []).map((a) => "+" + a).join("")}`]
    : [];
  return [field, ...spec.aliases.slice(0, 4), ...hxl].join(", ");
}

/** The names looked for, for the "missing column" sentence: canonical name, a few aliases, HXL. */
export function describeField(kind: TableKind, field: string): string {
  const spec = KIND_SPECS[kind].fields.find((x) => x.name === field);
  if (!spec) return field;
  const aliases = spec.aliases.slice(0, 4).join(", ");
  const hxl = spec.hxl[0]
    ? ` or the HXL tag ${spec.hxl[0].tag}${(spec.hxl[0].with ?? []).map((a) => "+" + a).join("")}`
    : "";
  return `${field} (also ${aliases}${hxl})`;
}
