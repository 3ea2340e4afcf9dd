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
  takeDrop,
  choicesByHeader,
  remapChoices,
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

  it("a drop sorted by content: the same bytes are a re-drop, other bytes are weighed, one drop's namesakes all read", async () => {
    const s = createAnalystState();
    const v1 = new File(["fecha;punto\n23/10/2018;Tecún Umán\n"], "conteo.csv");
    const [[first]] = (await takeDrop(s, [v1])) as [[string, File]];
    s.pendingNames.set(first, "conteo.csv"); // still being read: no summary yet
    // The same bytes under the same name (another copy of the file): not read again.
    const copy = new File(["fecha;punto\n23/10/2018;Tecún Umán\n"], "conteo.csv");
    expect(await takeDrop(s, [copy])).toEqual([]);
    expect(s.redropped.has(first)).toBe(true);
    // Other bytes under that name: read, then weighed against the listed one (even while it is read).
    const v2 = new File(
      ["fecha;punto\n23/10/2018;Tecún Umán\n24/10/2018;Tecún Umán\n"],
      "conteo.csv",
    );
    const [[second]] = (await takeDrop(s, [v2])) as [[string, File]];
    expect(s.decideAgainst.get(second)).toEqual([first]);
    expect(s.fileObjects.has(first)).toBe(true);
    // A folder cannot hold two files of one name: two in one drop come from two folders, and a
    // listed file given again in that drop is one of them, not weighed against the other.
    const x1 = new File(["a"], "x.csv");
    const [[x]] = (await takeDrop(s, [x1])) as [[string, File]];
    const batch = await takeDrop(s, [
      new File(["a"], "x.csv"),
      new File(["b"], "y.csv"),
      new File(["c"], "x.csv"),
    ]);
    expect(batch.map(([, f]) => f.name)).toEqual(["y.csv", "x.csv"]);
    expect([s.redropped.has(x), s.sameNameInDrop.has(x)]).toEqual([true, true]);
    expect(batch.map(([id]) => s.sameNameInDrop.has(id))).toEqual([false, true]);
    expect(batch.map(([id]) => s.decideAgainst.has(id))).toEqual([false, false]);
    forgetAll(s);
    expect([s.redropped.size, s.decideAgainst.size, s.sameNameInDrop.size]).toEqual([0, 0, 0]);
  });

  it("a file whose replay failed, given again unchanged, is read again (a retry), not taken as a re-drop", async () => {
    const s = createAnalystState();
    const [[id]] = (await takeDrop(s, [new File(["a;b\n1;2\n"], "c.csv")])) as [[string, File]];
    s.failed.set(id, "the estimator could not place the groups");
    const retry = await takeDrop(s, [new File(["a;b\n1;2\n"], "c.csv")]);
    expect(retry).toHaveLength(1);
    expect(s.redropped.has(id)).toBe(false);
    expect(s.decideAgainst.get(retry[0]![0])).toEqual([id]);
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
