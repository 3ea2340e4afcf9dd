import { describe, expect, it } from "vitest";
import type { ImportReport, RouteImportReport } from "../../src/index.ts";
import { legendTexts } from "../../viewer/analyst/exportBar.ts";
import {
  countsLine,
  formatLine,
  MAX_ROWS,
  rejectionRows,
  warningRows,
} from "../../viewer/analyst/fileReport.ts";
import { stageKey } from "../../viewer/analyst/panel.ts";
import {
  addFileObjects,
  anyInUse,
  changedForReplay,
  createAnalystState,
  forgetAll,
  forgetFile,
  isInUse,
  takeSameNames,
  choicesByHeader,
  remapChoices,
  markReplacements,
} from "../../viewer/analyst/panelState.ts";
import type { FileSummary } from "../../viewer/analyst/protocol.ts";

const table = {
  accepted: 12,
  rejected: 1,
  dataRows: 13,
  warnings: [{ line: 4, column: "fecha", message: "date guessed", code: "date_guess" }],
  rejections: [
    {
      line: 7,
      column: "total",
      value: "muchos",
      message: "not a number",
      code: "bad_number",
      suggestions: ["0"],
    },
  ],
  encoding: "utf-8",
  delimiter: ";",
  headerRow: 1,
  columns: [],
  truncated: false,
} as unknown as ImportReport;
const route = {
  features: 1,
  accepted: 1,
  rejected: 0,
  rejections: [],
  warnings: [],
} as unknown as RouteImportReport;
const summary = (id: string, status: FileSummary["status"]) =>
  ({ id, name: `${id}.csv`, status, report: table }) as unknown as FileSummary;
const file = (name: string) => ({ name }) as File;

describe("analyst panel state", () => {
  it("numbers new files and keeps them for re-imports", () => {
    const s = createAnalystState();
    const items = addFileObjects(s, [file("a.csv"), file("b.csv")]);
    expect(items.map(([id]) => id)).toEqual(["f1", "f2"]);
    expect(addFileObjects(s, [file("c.csv")])[0]![0]).toBe("f3");
    expect(s.fileObjects.get("f2")!.name).toBe("b.csv");
  });

  it("a file feeds the replay when used and not dropped after a failed compute", () => {
    const s = createAnalystState();
    s.files.set("f1", summary("f1", "used"));
    s.files.set("f2", summary("f2", "held"));
    expect([isInUse(s, "f1"), isInUse(s, "f2")]).toEqual([true, false]);
    s.failed.set("f1", "the estimator could not place the groups");
    expect(anyInUse(s)).toBe(false);
    forgetFile(s, "f1");
    expect(s.failed.has("f1")).toBe(false);
    forgetAll(s);
    expect(s.files.size).toBe(0);
  });

  it("a file dropped again replaces one still being read; two files of one name in one drop are both read", () => {
    const s = createAnalystState();
    const [[first]] = addFileObjects(s, [file("conteo.csv")]) as [[string, File]];
    s.pendingNames.set(first, "conteo.csv"); // being read: no summary yet
    const again = file("conteo.csv");
    const taken = takeSameNames(s, [again]);
    expect(taken.ids).toEqual([first]);
    expect(taken.files).toEqual([again]);
    expect([s.fileObjects.has(first), s.pendingNames.has(first)]).toEqual([false, false]);
    // A folder cannot hold two files of one name: two in one drop come from two folders.
    const x1 = file("x.csv");
    const x2 = file("x.csv");
    const batch = takeSameNames(s, [x1, file("y.csv"), x2]);
    expect(batch.files.map((f) => f.name)).toEqual(["x.csv", "y.csv", "x.csv"]);
    expect([batch.files[0], batch.files[2]]).toEqual([x1, x2]);
    expect(batch.names).toEqual(new Set());
    expect(batch.shared).toEqual(new Set(["x.csv"]));
    const items = addFileObjects(s, batch.files);
    markReplacements(s, items, batch.names, batch.shared);
    expect(items.map(([id]) => s.sameNameInDrop.has(id))).toEqual([true, false, true]);
    expect(items.map(([id]) => s.replaced.has(id))).toEqual([false, false, false]);
  });

  it("a replacing file's column choices follow the header text, not the position", () => {
    const earlier = [{ column: "fecha" }, { column: "codigo_xyz" }, { column: "Hora" }];
    const byHeader = choicesByHeader({ 1: "fmp_id", 2: null }, earlier);
    expect(byHeader).toEqual({ codigo_xyz: "fmp_id", Hora: null });
    const next = [{ column: "codigo_xyz" }, { column: "fecha" }, { column: "total" }];
    expect(remapChoices(byHeader, next)).toEqual({ choices: { 0: "fmp_id" }, missing: ["Hora"] });
  });

  it("an import needs a new replay when a file is used now or was used before", () => {
    const before = new Map([
      ["f1", true],
      ["f2", false],
    ]);
    expect(
      changedForReplay(before, [
        summary("f1", "held"),
        summary("f2", "held"),
        summary("f3", "used"),
      ]),
    ).toEqual(["f1", "f3"]);
  });
});

describe("file reports", () => {
  it("count and format lines of a table and of a route", () => {
    expect(countsLine("en", table)).toMatch(/^12 .* · 1 .* · 13 .* · 1 /);
    expect(formatLine("en", table)).toBe("utf-8 · “;” · header row 1");
    expect(formatLine("en", route)).toBe("GeoJSON");
    expect(countsLine("en", route)).toContain("1 ");
  });

  it("rejected rows keep line, column, value, reason and code; suggestions follow the reason", () => {
    // The code is its own field (the row's data-code), never in the reason's words.
    expect(rejectionRows(table)).toEqual([
      [7, undefined, "total", "muchos", "not a number → 0", "bad_number"],
    ]);
    expect(warningRows(table)).toEqual([
      [4, undefined, "fecha", undefined, "date guessed", "date_guess"],
    ]);
    // A reason that names its suggestions is not followed by them again.
    const named = {
      ...table,
      rejections: [
        {
          line: 3,
          column: "lugar",
          value: "Tapachulita",
          code: "unknown_place" as const,
          message: 'lugar "Tapachulita" is not a known place; did you mean "Tapachula"?',
          suggestions: ["Tapachula"],
        },
      ],
    };
    expect(rejectionRows(named)[0]![4]).toBe(named.rejections[0]!.message);
    expect(MAX_ROWS).toBe(200);
  });
});

describe("panel texts", () => {
  it("names the library's step in progress and the legend of the exports", () => {
    expect(stageKey({ stage: "estimating" })).toBe("estimating");
    expect(stageKey({ stage: "ledger" })).toBe("ledger");
    expect(stageKey({ stage: "reading" })).toBe("computing");
    expect(legendTexts("en")[0]).toBe("group body; dot: median person");
  });
});
