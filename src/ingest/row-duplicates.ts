/**
 * Rows that repeat earlier ones: the same cells (`duplicate_row`), the same Kobo `_uuid`
 * (`resubmission`), a sighting again (`duplicate_record`) or its `sighting_id` again
 * (`duplicate_sighting_id`), and in places files the same place id or a name taken by a place far away
 * (place-conflicts.ts). The first row is kept; each repeat is rejected naming it.
 */
import type { Place } from "../model/place.ts";
import type { Sighting } from "../model/sighting.ts";
import type { ImporterCore } from "./import-core.ts";
import { FieldHash, RowHashTable, rowHash } from "./row-hash.ts";
import type { SheetPlan } from "./sheet-plan.ts";

/** Rows and `_uuid`s seen so far in a sheet. */
export class DuplicateRows {
  private readonly seen = new RowHashTable();
  private readonly uuids = new Map<string, number>();

  /** True (and the row rejected) when the row repeats an earlier row or its `_uuid`. */
  isDuplicate(
    im: ImporterCore,
    sheet: string | undefined,
    cells: readonly string[],
    uuidIndex: number | undefined,
    line: number,
  ): boolean {
    const report = im.report;
    const first = this.seen.getOrAdd(rowHash(cells), line);
    if (first !== undefined) {
      report.rejected++;
      report.duplicates.push({ line, firstLine: first, by: "row", ...(sheet ? { sheet } : {}) });
      im.reject(
        {
          line,
          code: "duplicate_row",
          message: `same as row ${first}; kept once.`,
          params: { first },
        },
        sheet,
      );
      return true;
    }
    const uuid = uuidIndex !== undefined ? cells[uuidIndex]?.trim() : undefined;
    if (!uuid) return false;
    const firstUuid = this.uuids.get(uuid);
    if (firstUuid === undefined) {
      this.uuids.set(uuid, line);
      return false;
    }
    report.rejected++;
    report.duplicates.push({
      line,
      firstLine: firstUuid,
      by: "uuid",
      ...(sheet ? { sheet } : {}),
    });
    im.reject(
      {
        line,
        column: "_uuid",
        value: uuid,
        code: "resubmission",
        params: { first: firstUuid },
        message: `Kobo resubmission: same _uuid as row ${firstUuid}; the first submission is kept.`,
      },
      sheet,
    );
    return true;
  }
}

/**
 * Places files: false (the row rejected) when the place repeats an earlier row's id or takes a
 * name an earlier row gives to a place far away; warnings for names shared otherwise.
 */
export function keepPlace(
  im: ImporterCore,
  sheet: string | undefined,
  plan: SheetPlan,
  place: Place,
  line: number,
): boolean {
  const places = plan.places!;
  const found = places.check(place);
  const column = (c: string) => {
    const i = plan.ctx.fieldIndex.get(c);
    return i !== undefined ? plan.ctx.columnNames[i]! : c;
  };
  const rejected = found.find((c) => c.action === "reject");
  if (rejected) {
    im.report.rejected++;
    im.report.duplicates.push({
      line,
      firstLine: rejected.firstLine,
      by: rejected.code === "duplicate_place_id" ? "place_id" : "place_name",
      ...(sheet ? { sheet } : {}),
    });
    const { code, message, value, params } = rejected;
    im.reject({ line, column: column(rejected.column), value, code, message, params }, sheet);
    return false;
  }
  for (const c of found)
    im.warn(
      {
        line,
        column: column(c.column),
        value: c.value,
        code: c.code,
        message: c.message,
        params: c.params,
      },
      sheet,
    );
  places.add(place, line);
  return true;
}

/**
 * Sightings that read as an earlier one of the file though written otherwise (`Huixtla` and
 * `huixtla`, `7.000` and `7000`, `13/10/2018` and `2018-10-13`): the same report typed twice,
 * which the estimator would count as two. Compared on every field the record keeps — when,
 * where, which group, how many, from which source, how sure, the notes (case, accents and spacing
 * ignored) and the extra columns — so that two reports that differ in anything but the writing
 * stay two (`otro grupo` in the notes is another group). Left out: ids the importer made
 * (`file:line`), and the importer's own extras (`*_as_written`, which differ exactly when a row
 * is written otherwise, and `reported_at`), and the `sizeApproximate` flag: `aprox. 7000` and
 * `7000` from the same source the same day are one figure written two ways. A file's own `sighting_id` (a Kobo `_uuid`) says two
 * reports are two. Sightings only: two count rows with the same figures can be two groups that
 * passed a point the same day. Records are kept as 53-bit hashes (row-hash.ts), not as strings.
 */
export class DuplicateSightings {
  private readonly seen = new RowHashTable();
  private readonly hash = new FieldHash();
  /**
   * The sheets met, in order, each with the offset added to its lines in `seen` (a workbook's
   * lines restart at 1 on every sheet; the table keeps one number per row).
   */
  private readonly sheets: { sheet: string | undefined; base: number }[] = [];
  private last = 0;
  /** The file's own ids (a repeated one is rejected: SightingIds). */
  private readonly ids = new SightingIds();

  /** True (and the row rejected) when `s` repeats an earlier sighting of the file. */
  isDuplicate(
    im: ImporterCore,
    sheet: string | undefined,
    s: Sighting,
    line: number,
    ownIds: boolean,
  ): boolean {
    let current = this.sheets[this.sheets.length - 1];
    if (!current || current.sheet !== sheet) {
      current = { sheet, base: this.last };
      this.sheets.push(current);
    }
    const at = current.base + line;
    this.last = Math.max(this.last, at);
    const found = this.seen.getOrAdd(sightingHash(this.hash, s, ownIds), at);
    if (found === undefined)
      return ownIds && s.id !== undefined && this.ids.taken(im, sheet, s, line);
    const from = this.sheets.findLast((x) => x.base < found)!;
    const first = found - from.base;
    const other = from.sheet !== undefined && from.sheet !== sheet;
    const where = other ? `row ${first} of sheet "${from.sheet}"` : `row ${first}`;
    im.report.rejected++;
    im.report.duplicates.push({
      line,
      firstLine: first,
      by: "record",
      ...(sheet ? { sheet } : {}),
      ...(other ? { firstSheet: from.sheet } : {}),
    });
    im.reject(
      {
        line,
        code: "duplicate_record",
        message: `reads as ${where} (same time, place, group, figures, source and notes, written otherwise); kept once.`,
        params: { first, ...(other ? { firstSheet: from.sheet! } : {}) },
      },
      sheet,
    );
    return true;
  }
}

/**
 * The file's own `sighting_id`s met so far (every sheet), each with the row that first gave it.
 * An id is the key of a report for the estimator (which reports of a group repeat one another),
 * corrections and the evidence table. Within one sheet a second row with an id already given
 * would be read as the first report, so it is rejected (`duplicate_sighting_id`), naming both
 * rows, and the first kept. A workbook whose sheets each number their reports 1..n (one sheet per
 * day) is common: an id an earlier sheet gave is qualified with the sheet's name
 * (`<sheet>:<id>`, warning `sighting_id_qualified`), so every report is kept and ids stay unique
 * in the table written.
 */
class SightingIds {
  private readonly first = new Map<string, { line: number; sheet: string | undefined }>();

  /** True (and the row rejected) when the sighting's id was given by an earlier row of its sheet. */
  taken(im: ImporterCore, sheet: string | undefined, s: Sighting, line: number): boolean {
    const id = s.id!;
    const first = this.first.get(id);
    if (first === undefined) {
      this.first.set(id, { line, sheet });
      return false;
    }
    const other = first.sheet !== undefined && first.sheet !== sheet;
    if (other && sheet !== undefined) {
      let qualified = `${sheet}:${id}`;
      for (let n = 2; this.first.has(qualified); n++) qualified = `${sheet}:${id}#${n}`;
      this.first.set(qualified, { line, sheet });
      s.id = qualified;
      im.warn(
        {
          line,
          column: "sighting_id",
          value: id,
          code: "sighting_id_qualified",
          message: `sighting_id "${id}" is also the id of row ${first.line} of sheet "${first.sheet}": this report is kept as "${qualified}" so that each report has its own id.`,
          params: { first: first.line, firstSheet: first.sheet!, id: qualified },
        },
        sheet,
      );
      return false;
    }
    const where = other ? `row ${first.line} of sheet "${first.sheet}"` : `row ${first.line}`;
    im.report.rejected++;
    im.report.duplicates.push({
      line,
      firstLine: first.line,
      by: "sighting_id",
      ...(sheet ? { sheet } : {}),
      ...(other ? { firstSheet: first.sheet! } : {}),
    });
    im.reject(
      {
        line,
        column: "sighting_id",
        value: id,
        code: "duplicate_sighting_id",
        message: `sighting_id "${id}" is already the id of ${where}, a report that reads otherwise; the first is kept and this row left out: give each report its own id and import the file again.`,
        params: { first: first.line, ...(other ? { firstSheet: first.sheet! } : {}) },
      },
      sheet,
    );
    return true;
  }
}

/** The hash of what a sighting says (see DuplicateSightings). */
function sightingHash(h: FieldHash, s: Sighting, ownIds: boolean): number {
  h.reset()
    .text(ownIds ? s.id : "")
    .text(s.observedAt)
    .text(s.placeName)
    .number(s.lat)
    .number(s.lon)
    .text(s.country)
    .text(s.caravanLabel)
    .number(s.sizeBest)
    .number(s.sizeMin)
    .number(s.sizeMax)
    .text(s.estimateMethod)
    .text(s.sourceType)
    .text(s.sourceOrg)
    .text(s.url)
    .text(s.part)
    .text(s.confidence)
    .looseText(s.notes);
  const extra = s.extra;
  if (extra)
    for (const key in extra) {
      if (key === "reported_at" || key.endsWith("_as_written")) continue;
      h.text(key).looseText(extra[key]);
    }
  return h.value;
}
