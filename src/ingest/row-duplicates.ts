/**
 * Rows that repeat earlier ones: the same cells (`duplicate_row`), the same Kobo `_uuid`
 * (`resubmission`), and in places files the same place id or a name taken by a place far away
 * (place-conflicts.ts). The first row is kept; each repeat is rejected naming it.
 */
import type { Place } from "../model/place.ts";
import type { Sighting } from "../model/sighting.ts";
import type { ImporterCore } from "./import-core.ts";
import { RowHashTable, rowHash } from "./row-hash.ts";
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
    const { code, message, value } = rejected;
    im.reject({ line, column: column(rejected.column), value, code, message }, sheet);
    return false;
  }
  for (const c of found)
    im.warn({ line, column: column(c.column), code: c.code, message: c.message }, sheet);
  places.add(place, line);
  return true;
}

/**
 * Sightings that read as an earlier one of the file though written otherwise (`Huixtla` and
 * `huixtla`, `7.000` and `7000`, `13/10/2018` and `2018-10-13`): the same report typed twice,
 * which the estimator would count as two. Compared on what the estimator reads — when, where,
 * which group, how many, from which source — not on notes or extra columns, nor on ids the
 * importer made (`file:line`); a file's own `sighting_id` (a Kobo `_uuid`) says two reports are
 * two. Sightings only: two count rows with the same figures can be two groups that passed a point
 * the same day.
 */
export class DuplicateSightings {
  private readonly seen = new Map<string, number>();

  /** True (and the row rejected) when `s` repeats an earlier sighting of the file. */
  isDuplicate(
    im: ImporterCore,
    sheet: string | undefined,
    s: Sighting,
    line: number,
    ownIds: boolean,
  ): boolean {
    const key = [
      ownIds ? s.id : "",
      s.observedAt,
      s.placeName,
      s.lat,
      s.lon,
      s.caravanLabel,
      s.sizeBest,
      s.sizeMin,
      s.sizeMax,
      s.estimateMethod,
      s.sourceType,
      s.sourceOrg,
      s.url,
      s.part,
    ].join("\u0001");
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, line);
      return false;
    }
    im.report.rejected++;
    im.report.duplicates.push({
      line,
      firstLine: first,
      by: "record",
      ...(sheet ? { sheet } : {}),
    });
    im.reject(
      {
        line,
        code: "duplicate_record",
        message: `reads as row ${first} (same time, place, group, figures and source, written otherwise); kept once.`,
        params: { first },
      },
      sheet,
    );
    return true;
  }
}
