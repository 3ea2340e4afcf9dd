/**
 * The day-month order of a sheet's slashed dates, decided from its first rows: rows are held back
 * (up to ORDER_BUFFER_ROWS) while their date cells are read for evidence, then the order is
 * decided (option, data or default), reported, and the date window is made from the held rows'
 * dates (see date-window.ts) before they are converted.
 */
import { dayNumber, isoDate, utcDateOfInstant } from "../calendar/index.ts";
import type { ConvertContext } from "./convert.ts";
import { decideDateOrder, parseDate, slashedParts } from "./dates.ts";
import type { DateOrder } from "./dates.ts";
import { createDateWindow } from "./date-window.ts";
import type { DateWindow } from "./date-window.ts";
import type { ImporterCore } from "./import-core.ts";

/** Rows held back at most before the order is decided. */
export const ORDER_BUFFER_ROWS = 20_000;
/** Distinct date texts remembered at most (files repeat the same few dates). */
const EVIDENCE_MEMO_LIMIT = 50_000;

/** What a date cell says about the day-month order (see `HeldRows.add`). */
interface DateEvidence {
  parts: [number, number] | undefined;
}

/** A row held back, with its line. */
export interface HeldRow {
  cells: string[];
  line: number;
}

/** The rows held back until the order is decided, and what their date cells say about it. */
export class HeldRows {
  rows: HeldRow[] = [];
  evidence: [number, number][] = [];
  /** Date cells already read for evidence. */
  private memo = new Map<string, DateEvidence>();
  private readonly dateIndex: number | undefined;

  /** `dateIndex`: the column of the date (undefined: no evidence to collect). */
  constructor(dateIndex: number | undefined) {
    this.dateIndex = dateIndex;
  }

  /** Holds a row back; true when the buffer is full and the order must be decided now. */
  add(cells: string[], line: number): boolean {
    this.collect(cells);
    this.rows.push({ cells, line });
    return this.rows.length >= ORDER_BUFFER_ROWS;
  }

  private collect(cells: readonly string[]): void {
    const i = this.dateIndex;
    if (i === undefined) return;
    const t = cells[i]?.trim();
    if (!t) return;
    let e = this.memo.get(t);
    if (e === undefined) {
      e = { parts: slashedParts(t) };
      if (this.memo.size < EVIDENCE_MEMO_LIMIT) this.memo.set(t, e);
    }
    // The same parts pair may be pushed for many rows: it is only read.
    if (e.parts) this.evidence.push(e.parts);
  }
}

/**
 * Decides the order from the evidence (the `dateOrder` option wins), warns when the data leave it
 * undecided or disagree, and records it in the report (the first sheet's decision holds for all).
 * `dated`: the sheet has a usable date column.
 */
export function decideSheetOrder(
  im: ImporterCore,
  sheet: string | undefined,
  evidence: readonly [number, number][],
  dated: boolean,
): DateOrder {
  const o = im.options;
  const report = im.report;
  const decision = decideDateOrder(evidence);
  const order: DateOrder = o.dateOrder ?? decision.order ?? "dmy";
  const decidedBy = o.dateOrder ? "option" : decision.order ? "data" : "default";
  if (dated) {
    if (!o.dateOrder && decision.status === "undecided" && evidence.length > 0) {
      im.warn(
        {
          line: 0,
          code: "date_order_undecided",
          message: `no date in the first rows shows whether ${evidence.length} slashed ${evidence.length === 1 ? "date is" : "dates are"} day/month or month/day; read as dd/mm/yyyy (if they are mm/dd, give --date-order mdy, or dateOrder in the library).`,
          params: { dates: evidence.length },
        },
        sheet,
      );
    }
    if (!o.dateOrder && decision.status === "conflict") {
      im.warn(
        {
          line: 0,
          code: "date_order_conflict",
          message: `slashed dates disagree (${decision.evidence.dmy} ${decision.evidence.dmy === 1 ? "looks" : "look"} day/month, ${decision.evidence.mdy} month/day); ambiguous ones read as ${order === "dmy" ? "dd/mm" : "mm/dd"}.`,
          params: { dmy: decision.evidence.dmy, mdy: decision.evidence.mdy, order },
        },
        sheet,
      );
    }
    if (evidence.length > 0 || o.dateOrder) {
      report.dateOrder ??= {
        order,
        decidedBy,
        dmyEvidence: decision.evidence.dmy,
        mdyEvidence: decision.evidence.mdy,
      };
    }
  }
  return report.dateOrder?.order ?? order;
}

/** The sheet's date window: the caller's, or one taken from the held rows' dates. */
export function sheetWindow(
  im: ImporterCore,
  held: readonly HeldRow[],
  dateIndex: number | undefined,
  order: DateOrder,
): DateWindow {
  const o = im.options;
  return createDateWindow({
    ...o.dateWindow,
    today: o.today ?? utcDateOfInstant(Date.now()),
    sample: o.dateWindow || dateIndex === undefined ? [] : sampleDays(held, dateIndex, order),
  });
}

/** Days of the dates in the rows held back, read in the file's day-month order. */
function sampleDays(held: readonly HeldRow[], i: number, order: DateOrder): number[] {
  const memo = new Map<string, number | undefined>();
  const days: number[] = [];
  for (const { cells } of held) {
    const t = cells[i]?.trim();
    if (!t) continue;
    let day = memo.get(t);
    if (day === undefined && !memo.has(t)) {
      const d = parseDate(t, order);
      day = d.ok ? dayNumber(d.value.date) : undefined;
      if (memo.size < EVIDENCE_MEMO_LIMIT) memo.set(t, day);
    }
    if (day !== undefined) days.push(day);
  }
  return days;
}

/** Adds a sheet's window and the span of its dates to the report (earliest and latest). */
export function reportSheetWindow(im: ImporterCore, ctx: ConvertContext | undefined): void {
  const window = ctx?.window;
  if (!window) return;
  const report = im.report;
  const given = im.options.dateWindow;
  const w = (report.dateWindow ??= {
    decidedBy: window.decidedBy,
    ...(given?.from !== undefined ? { from: given.from } : {}),
    ...(given?.to !== undefined ? { to: given.to } : {}),
  });
  const span = window.span();
  if (!span) return;
  const [a, b] = span.map(isoDate) as [string, string];
  if (w.first === undefined || a < w.first) w.first = a;
  if (w.last === undefined || b > w.last) w.last = b;
}
