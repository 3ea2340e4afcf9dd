/**
 * Caravan labels as analysts type them: `Caravana 1`, `caravana 1`, `CARAVANA  1` and
 * `Caravána 1` in one file are one group. The estimator keeps the groups of a file apart by their
 * label as written, so a label that differs only in case, accents, spacing or punctuation would
 * make a second group of the same people; within one file (every sheet of a workbook) such a
 * label is read as the spelling of the first accepted row that has it, kept as written in the extra
 * attribute `caravan_label_as_written`, with the warning `caravan_label_spelling` once per spelling.
 */
import { normalizeKey } from "./normalize.ts";
import type { Issue, RowReader } from "./row-reader.ts";

/** The extra attribute that keeps a label respelt to the file's first spelling. */
export const LABEL_AS_WRITTEN = "caravan_label_as_written";

/** Label keys remembered (label as written → key): labels repeat, the key costs a normalisation. */
const KEY_MEMO_LIMIT = 10_000;

/** A label read on a row that is not yet accepted. */
interface PendingLabel {
  written: string;
  key: string;
  line: number;
  sheet?: string;
  column: string;
}

/**
 * The first spelling of each label in one file, by its key (case, accents, spacing ignored). Only
 * accepted rows set a first spelling: a row is read (`read`, a look-up), then, once the sheet
 * reader has accepted it (after its date, place and duplicate checks), `accept` registers its
 * spelling or gives the once-per-spelling warning. A rejected row leaves no trace.
 */
export class LabelSpellings {
  private readonly first = new Map<string, { label: string; line: number; sheet?: string }>();
  private readonly warned = new Set<string>();
  private readonly keys = new Map<string, string>();
  private pending?: PendingLabel;

  private key(label: string): string {
    let key = this.keys.get(label);
    if (key === undefined) {
      key = normalizeKey(label) || label;
      if (this.keys.size < KEY_MEMO_LIMIT) this.keys.set(label, key);
    }
    return key;
  }

  /**
   * The label to record for `label` as written on `line` (in `column`): the first spelling of the
   * file with the same key, or `label` itself. Remembered until `accept` or the next read.
   */
  read(label: string, line: number, sheet: string | undefined, column: string): string {
    const key = this.key(label);
    this.pending = { written: label, key, line, column, ...(sheet !== undefined ? { sheet } : {}) };
    return this.first.get(key)?.label ?? label;
  }

  /** The row being read has no label. */
  clear(): void {
    this.pending = undefined;
  }

  /**
   * The row on `line` was accepted: its label becomes the first spelling when its key is new;
   * when it was respelt, the warning `caravan_label_spelling` the first time this spelling is met.
   */
  accept(line: number, sheet: string | undefined): Issue | undefined {
    const p = this.pending;
    this.pending = undefined;
    if (!p || p.line !== line || p.sheet !== sheet) return undefined;
    const seen = this.first.get(p.key);
    if (!seen) {
      this.first.set(p.key, { label: p.written, line, ...(sheet !== undefined ? { sheet } : {}) });
      return undefined;
    }
    if (seen.label === p.written || this.warned.has(p.written)) return undefined;
    this.warned.add(p.written);
    const other = seen.sheet !== undefined && seen.sheet !== sheet;
    const where = other ? `row ${seen.line} of sheet "${seen.sheet}"` : `row ${seen.line}`;
    return {
      column: p.column,
      value: p.written,
      code: "caravan_label_spelling",
      message: `${p.column} "${p.written}" read as "${seen.label}", as ${where} writes it (the same label in another case, accents or spacing: one group, not two); kept as written in ${LABEL_AS_WRITTEN}.`,
      params: {
        label: seen.label,
        first: seen.line,
        ...(other ? { firstSheet: seen.sheet! } : {}),
      },
    };
  }
}

/**
 * The row's caravan label, respelt as first written in the file's accepted rows (see the module
 * comment); the label as written goes to `extra`. The warning comes when the row is accepted
 * (`LabelSpellings.accept`).
 * @example
 * // rows "Caravana 1", then "caravana 1": the second is read as "Caravana 1"
 */
export function readCaravanLabel(
  r: RowReader,
  extra: Record<string, string> | undefined,
): { value?: string; extra?: Record<string, string> } {
  const written = r.text("caravan_label");
  const spellings = r.ctx.labels;
  if (!spellings) return { value: written, extra };
  if (written === undefined) {
    spellings.clear();
    return { value: written, extra };
  }
  const label = spellings.read(written, r.ctx.line, r.ctx.sheet, r.column("caravan_label"));
  if (label === written) return { value: written, extra };
  return { value: label, extra: { ...(extra ?? {}), [LABEL_AS_WRITTEN]: written } };
}
