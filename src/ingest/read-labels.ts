/**
 * Caravan labels as analysts type them: `Caravana 1`, `caravana 1`, `CARAVANA  1` and
 * `Caravána 1` in one file are one group. The estimator keeps the groups of a file apart by their
 * label as written, so a label that differs only in case, accents, spacing or punctuation would
 * make a second group of the same people; within one file (every sheet of a workbook) such a
 * label is read as the spelling first met, kept as written in the extra attribute
 * `caravan_label_as_written`, with the warning `caravan_label_spelling` once per spelling.
 */
import { normalizeKey } from "./normalize.ts";
import type { RowReader } from "./row-reader.ts";

/** The extra attribute that keeps a label respelt to the file's first spelling. */
export const LABEL_AS_WRITTEN = "caravan_label_as_written";

/** The first spelling of each label in one file, by its key (case, accents, spacing ignored). */
export class LabelSpellings {
  private readonly first = new Map<string, { label: string; line: number; sheet?: string }>();
  private readonly warned = new Set<string>();

  /**
   * The label to record for `label` as written on `line`, and whether this spelling is met for the
   * first time (then the caller warns).
   */
  read(
    label: string,
    line: number,
    sheet?: string,
  ): { label: string; first?: { line: number; sheet?: string }; newSpelling: boolean } {
    const key = normalizeKey(label) || label;
    const seen = this.first.get(key);
    if (!seen) {
      this.first.set(key, { label, line, ...(sheet !== undefined ? { sheet } : {}) });
      return { label, newSpelling: false };
    }
    if (seen.label === label) return { label, newSpelling: false };
    const newSpelling = !this.warned.has(label);
    if (newSpelling) this.warned.add(label);
    return { label: seen.label, first: seen, newSpelling };
  }
}

/**
 * The row's caravan label, respelt as first written in the file (see the module comment); the
 * label as written goes to `extra`.
 * @example
 * // rows "Caravana 1", then "caravana 1": the second is read as "Caravana 1" (warning once)
 */
export function readCaravanLabel(
  r: RowReader,
  extra: Record<string, string> | undefined,
): { value?: string; extra?: Record<string, string> } {
  const written = r.text("caravan_label");
  const spellings = r.ctx.labels;
  if (written === undefined || !spellings) return { value: written, extra };
  const got = spellings.read(written, r.ctx.line, r.ctx.sheet);
  if (got.label === written) return { value: written, extra };
  if (got.newSpelling) {
    const where =
      got.first?.sheet !== undefined && got.first.sheet !== r.ctx.sheet
        ? `row ${got.first.line} of sheet "${got.first.sheet}"`
        : `row ${got.first?.line}`;
    r.warn(
      "caravan_label",
      "caravan_label_spelling",
      `${r.column("caravan_label")} "${written}" read as "${got.label}", as ${where} writes it (the same label in another case, accents or spacing: one group, not two); kept as written in ${LABEL_AS_WRITTEN}.`,
      written,
      { label: got.label, first: got.first?.line ?? 0 },
    );
  }
  return { value: got.label, extra: { ...(extra ?? {}), [LABEL_AS_WRITTEN]: written } };
}
