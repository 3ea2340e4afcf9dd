/**
 * The importer's named parts, each alone: row kinds, row hashes, duplicates, running totals, the
 * held rows and date order, the sheet plan, the sheet reader, the text feed and the workbook
 * import. The whole importer is tested in importer.test.ts and the other files here.
 */
import { describe, expect, it } from "vitest";
import { HeldRows, decideSheetOrder, sheetWindow } from "../../src/ingest/date-order-gate.ts";
import { ImporterCore } from "../../src/ingest/import-core.ts";
import type { ImportOptions } from "../../src/ingest/import-options.ts";
import { DuplicateRows } from "../../src/ingest/row-duplicates.ts";
import { RowHashTable, rowHash } from "../../src/ingest/row-hash.ts";
import {
  RepeatedHeader,
  isBlankRow,
  totalWord,
  unquoteFormulas,
} from "../../src/ingest/row-kinds.ts";
import { RunningTotals } from "../../src/ingest/running-totals.ts";
import { columnLabel, planSheet } from "../../src/ingest/sheet-plan.ts";
import { HEAD_ROWS, SheetReader } from "../../src/ingest/sheet-reader.ts";
import { TextFeed } from "../../src/ingest/text-feed.ts";
import { importWorkbook } from "../../src/ingest/workbook-import.ts";
import type { CountRecord } from "../../src/model/count.ts";

const core = (options: ImportOptions = {}) => new ImporterCore({ today: "2026-01-01", ...options });
const HEADER = ["fecha", "punto", "sentido", "total"];

describe("row kinds", () => {
  it("tells blank rows (spaces, NBSP, BOM) from rows with data", () => {
    expect(isBlankRow(["", " ", "\u00a0", "\ufeff"])).toBe(true);
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow(["", "x"])).toBe(false);
  });

  it("unquotes neutralised formulas and leaves other cells (and the array) alone", () => {
    const plain = ["a", "'quoted", "12"];
    expect(unquoteFormulas(plain)).toBe(plain);
    const raw = ["'=1+1", "'-5", "b"];
    expect(unquoteFormulas(raw)).toEqual(["=1+1", "-5", "b"]);
    expect(raw).toEqual(["'=1+1", "'-5", "b"]);
  });

  it("recognises a copy of the header whatever its case and accents", () => {
    const h = new RepeatedHeader(["Fecha", "Dirección"]);
    expect(h.matches(["Fecha", "DIRECCION"])).toBe(true);
    expect(h.matches(["fecha", "Dirección"])).toBe(false); // first cell as written
    expect(h.matches(["Fecha", "total"])).toBe(false);
    expect(new RepeatedHeader(undefined).matches([""])).toBe(false);
  });

  it("finds Total and sub-total words among the first text cells only", () => {
    expect(totalWord(["Total", "", "120"])).toBe("total");
    expect(totalWord(["  Gran total "])).toBe("total");
    expect(totalWord(["", "Subtotal"])).toBe("subtotal");
    expect(totalWord(["Tapachula", "total"])).toBe("total");
    expect(totalWord(["a", "b", "c", "d", "total"])).toBeUndefined();
    expect(totalWord(["Tototlán", "sur"])).toBeUndefined();
  });
});

describe("row hashes and duplicates", () => {
  it("keeps the first line of each hash through growth", () => {
    const t = new RowHashTable();
    for (let i = 0; i < 5000; i++) expect(t.getOrAdd(i * 7919, i + 1)).toBeUndefined();
    for (let i = 0; i < 5000; i += 97) expect(t.getOrAdd(i * 7919, 99_999)).toBe(i + 1);
  });

  it("hashes cells with their boundaries", () => {
    expect(rowHash(["ab", "c"])).not.toBe(rowHash(["a", "bc"]));
    expect(rowHash(["a", "b"])).toBe(rowHash(["a", "b"]));
  });

  it("rejects a repeated row and a Kobo resubmission, naming the first line", () => {
    const im = core();
    const d = new DuplicateRows();
    expect(d.isDuplicate(im, undefined, ["x", "u1"], 1, 2)).toBe(false);
    expect(d.isDuplicate(im, undefined, ["x", "u1"], 1, 3)).toBe(true);
    expect(d.isDuplicate(im, "S", ["y", "u1"], 1, 4)).toBe(true);
    expect(d.isDuplicate(im, undefined, ["z", ""], 1, 5)).toBe(false);
    expect(im.report.duplicates).toEqual([
      { line: 3, firstLine: 2, by: "row" },
      { line: 4, firstLine: 2, by: "uuid", sheet: "S" },
    ]);
    expect(im.report.rejections.map((r) => r.code)).toEqual(["duplicate_row", "resubmission"]);
    expect(im.report.rejected).toBe(2);
  });
});

describe("running totals", () => {
  it("checks a Total row against the accepted rows above it", () => {
    const im = core();
    const fi = new Map([
      ["total", 3],
      ["men", 4],
    ]);
    const totals = new RunningTotals("counts", fi, false);
    totals.add({ date: "2018-10-20", direction: "northbound", total: 10, men: 4 } as CountRecord);
    totals.add({ date: "2018-10-21", direction: "northbound", total: 5 } as CountRecord);
    const ctx = { fieldIndex: fi, columnNames: ["a", "b", "c", "total", "hombres"] };
    totals.check(im, undefined, ctx as never, ["Total", "", "", "15", "5"], 9, "total");
    expect(im.report.totals).toEqual([
      { line: 9, column: "total", stated: 15, computed: 15, matches: true },
      { line: 9, column: "hombres", stated: 5, computed: 4, matches: false },
    ]);
    expect(im.report.warnings.map((w) => w.code)).toEqual(["total_row_mismatch"]);
    totals.check(im, undefined, ctx as never, ["Subtotal"], 10, "subtotal");
    expect(im.report.warnings.at(-1)?.code).toBe("subtotal_row");
  });
});

describe("held rows and the date order", () => {
  it("collects the slashed dates' parts and says when the buffer is full", () => {
    const held = new HeldRows(0);
    expect(held.add(["13/10/2018"], 2)).toBe(false);
    held.add(["2018-10-14"], 3);
    held.add(["05/11/2018"], 4);
    expect(held.evidence).toEqual([
      [13, 10],
      [5, 11],
    ]);
    expect(held.rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it("decides from the data, warns on a conflict, and the option wins", () => {
    const im = core();
    expect(decideSheetOrder(im, undefined, [[13, 10]], true)).toBe("dmy");
    expect(im.report.dateOrder).toEqual({
      order: "dmy",
      decidedBy: "data",
      dmyEvidence: 1,
      mdyEvidence: 0,
    });
    const conflict = core();
    const order = decideSheetOrder(
      conflict,
      undefined,
      [
        [13, 10],
        [10, 13],
        [10, 14],
      ],
      true,
    );
    expect(order).toBe("mdy");
    expect(conflict.report.warnings.map((w) => w.code)).toEqual(["date_order_conflict"]);
    const given = core({ dateOrder: "mdy" });
    expect(decideSheetOrder(given, undefined, [[13, 10]], true)).toBe("mdy");
    expect(given.report.dateOrder?.decidedBy).toBe("option");
  });

  it("makes the window from the held rows' dates, in the decided order", () => {
    const w = sheetWindow(core(), [{ cells: ["02/10/2018"], line: 2 }], 0, "dmy");
    expect(w.decidedBy).toBe("data");
    // 2 October 2018 read day-first: a date two years on is outside the window.
    expect(w.check(17806 + 800, "2020-12-11", "fecha")?.code).toBe("date_outside_window");
    expect(w.check(17806 + 30, "2018-11-01", "fecha")).toBeUndefined();
  });
});

describe("sheet plan", () => {
  it("labels columns as people see them", () => {
    expect(columnLabel(0)).toBe("1 (A)");
    expect(columnLabel(27)).toBe("28 (AB)");
  });

  it("finds the header below a title, records it, and makes the context", () => {
    const im = core({ kind: "counts" });
    const plan = planSheet(im, undefined, [["Conteo octubre"], HEADER, ["13/10/2018"]]);
    expect(plan.fatal).toBeUndefined();
    expect(plan.layout.dataIndex).toBe(2);
    expect(im.report.headerRow).toBe(2);
    expect(plan.dateIndex).toBe(0);
    expect(plan.pivot).toBeUndefined();
    expect(plan.header.matches(HEADER)).toBe(true);
  });

  it("says why a sheet is unusable", () => {
    expect(planSheet(core({ kind: "counts" }), undefined, [[""], [" "]]).fatal?.code).toBe(
      "empty_file",
    );
    const missing = planSheet(core({ kind: "counts" }), undefined, [["fecha", "total"]]);
    expect(missing.fatal?.code).toBe("missing_column");
  });

  it("uses the sheet name as the point when no column names one", () => {
    const im = core({ kind: "counts" });
    const plan = planSheet(im, "Tapachula", [["fecha", "sentido", "total"]]);
    expect(plan.fatal).toBeUndefined();
    expect(plan.sheetColumn).toBe(3);
    expect(im.report.warnings.map((w) => w.code)).toEqual(["point_from_sheet_name"]);
  });

  it("plans a long layout (sex, age, n) as a pivot with n as the total", () => {
    const im = core({ kind: "counts" });
    const plan = planSheet(im, undefined, [["fecha", "punto", "sentido", "sexo", "edad", "n"]]);
    expect(plan.pivot).toMatchObject({ sex: 3, age: 4 });
    expect(plan.ctx.fieldIndex.get("total")).toBe(5);
    expect(im.report.pivoted).toBe(true);
  });
});

describe("sheet reader", () => {
  it("holds dated rows back until the end, then accepts, skips and rejects with lines", () => {
    const im = core({ kind: "counts" });
    const reader = new SheetReader(im, undefined);
    const rows = [
      HEADER,
      ["13/10/2018", "Tapachula", "norte", "10"],
      ["", "", "", ""],
      ["13/10/2018", "Tapachula", "norte", "10"],
      HEADER,
      ["Total", "", "", "10"],
    ];
    for (const r of rows) reader.push(r);
    expect(im.report.accepted).toBe(0); // fewer than HEAD_ROWS rows: still reading the head
    reader.finish();
    expect(HEAD_ROWS).toBe(25);
    expect(im.records).toHaveLength(1);
    expect(im.report).toMatchObject({ accepted: 1, rejected: 1, blankRows: 1, nonDataRows: 2 });
    expect(im.report.rejections[0]).toMatchObject({ line: 4, code: "duplicate_row" });
    expect(im.report.totals[0]).toMatchObject({ line: 6, matches: true });
    expect(im.report.dateWindow).toMatchObject({ first: "2018-10-13", last: "2018-10-13" });
  });
});

describe("text feed", () => {
  it("sniffs the separator, drops a BOM and the empty last line, across chunk boundaries", () => {
    const im = core({ kind: "counts" });
    const feed = new TextFeed(im);
    const text = "\ufefffecha;punto;sentido;total\r\n13/10/2018;Tapachula;norte;5\r\n";
    feed.push(text.slice(0, 20), false);
    feed.push(text.slice(20, 41), false);
    feed.push(text.slice(41), true);
    feed.finish();
    expect(im.report.delimiter).toBe(";");
    expect(im.report.accepted).toBe(1);
    expect(im.report.rowsRead).toBe(1);
  });

  it("gives the file the sheet's fatal problem", () => {
    const im = core({ kind: "counts" });
    const feed = new TextFeed(im);
    feed.push("", true);
    feed.finish();
    expect(im.report.fatal?.code).toBe("empty_file");
  });
});

describe("workbook import", () => {
  it("refuses bytes that are not a workbook with one sentence", () => {
    const im = core();
    importWorkbook(im, [new Uint8Array([0x50, 0x4b, 3, 4]), new Uint8Array([0, 0, 0])]);
    expect(im.report.encoding).toBe("xlsx");
    expect(im.report.fatal?.code).toBe("unreadable_xlsx");
    expect(im.report.fatal?.message).toMatch(/^the workbook cannot be read/);
  });
});
