/**
 * A figure whose thousands separator disagrees with the file's (`1,250` in a file that writes
 * `1.250`): read as 1,250 people, as any figure of people, and warned with its line and column and
 * the row that decided the file's style (`thousands_separator_mismatch`), never silently read; a
 * file that keeps to one style gets no such warning (docs/import.md, Values).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

describe("thousands grouped against the file's style", () => {
  it("counts: each 1,250 in a file of 1.250 is warned with line, column and the first row; the figures kept", async () => {
    const csv = [
      "fecha,punto,sentido,total",
      "2018-10-20,GT-TEC,norte,1.250",
      '2018-10-21,GT-TEC,norte,"1,250"',
      "2018-10-22,GT-TEC,norte,2.300",
      '2018-10-23,GT-TEC,norte,"3,100"',
      "2018-10-24,GT-TEC,norte,450",
    ].join("\n");
    const { dir, file } = tempFile("dtm-thousands-", "conteo.csv", csv);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    const text = io.out.join("\n");
    expect(text).toContain("5 data rows: 5 accepted, 0 rejected; 2 warnings");
    for (const [row, cell] of [
      [3, "1,250"],
      [5, "3,100"],
    ] as const)
      expect(text).toContain(
        `row ${row} [total] thousands_separator_mismatch: total "${cell}" groups thousands with ",", but this file writes them with "." (first at row 2: "1.250")`,
      );
    const out = join(dir, "out");
    expect(await run(["import", file, "--out", out], capture(dir).context)).toBe(0);
    const totals = readFileSync(join(out, "counts.csv"), "utf8")
      .split("\r\n")
      .slice(2, -1)
      .map((l) => l.split(",")[7]);
    expect(totals).toEqual(["1250", "1250", "2300", "3100", "450"]);
    const report = JSON.parse(readFileSync(join(out, "import-report.json"), "utf8"));
    const warnings = (report.files ?? [report])[0].warnings.filter(
      (w: { code: string }) => w.code === "thousands_separator_mismatch",
    );
    expect(warnings.map((w: { line: number; column: string }) => [w.line, w.column])).toEqual([
      [3, "total"],
      [5, "total"],
    ]);
    expect(warnings[0].params).toMatchObject({ mark: ",", fileMark: ".", first: 2, read: 1250 });
  });

  it("sightings: a size grouped otherwise than the file's first is warned too; one style throughout is not", async () => {
    const mixed = [
      "observed_at,place_name,caravan_label,size_best",
      "2018-10-20,Tapachula,Caravana 1,7.000",
      '2018-10-21,Huixtla,Caravana 1,"6,500"',
    ].join("\n");
    const a = tempFile("dtm-thousands-", "avist.csv", mixed);
    const io = capture(a.dir);
    expect(await run(["validate", a.file], io.context)).toBe(0);
    expect(io.out.join("\n")).toMatch(
      /row 3 \[size_best\] thousands_separator_mismatch: size_best "6,500" groups thousands with ","/,
    );
    const same = mixed.replace('"6,500"', "6.500");
    const b = tempFile("dtm-thousands-", "avist-igual.csv", same);
    const io2 = capture(b.dir);
    expect(await run(["validate", b.file], io2.context)).toBe(0);
    expect(io2.out.join("\n")).not.toContain("thousands_separator_mismatch");
  });
});
