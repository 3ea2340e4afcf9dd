/**
 * A file that gives one `sighting_id` to two reports that read differently: the later row is
 * rejected as `duplicate_sighting_id`, naming both rows (and the first row's sheet in a workbook),
 * and the first kept; the estimator keys a report by its id (repeats, corrections, evidence), so
 * the two would otherwise be read as one (docs/contracts.md §1.2, docs/import.md).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { capture, tempFile } from "./capture.ts";

const HEADER = ["sighting_id", "observed_at", "place_name", "caravan_label", "size_best"];

describe("the same sighting_id on two reports of one file", () => {
  it("validate lists each repeat with its line and the first row's; import keeps the first and writes the repeat to rejected.csv", async () => {
    const csv = [
      HEADER.join(","),
      "S1,2018-10-20T10:00,Tapachula,Caravana 1,7000",
      "S2,2018-10-21T10:00,Huixtla,Caravana 1,6500",
      "S1,2018-10-22T10:00,Escuintla,Caravana 1,6000",
      "S2,2018-10-23T10:00,Pijijiapan,Caravana 1,5800",
      "S3,2018-10-24T10:00,Arriaga,Caravana 1,5600",
    ].join("\n");
    const { dir, file } = tempFile("dtm-ids-", "avistamientos.csv", csv);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(1);
    const text = io.out.join("\n");
    expect(text).toContain("5 data rows: 3 accepted, 2 rejected");
    expect(text).toContain(
      'row 4 [sighting_id] duplicate_sighting_id: sighting_id "S1" is already the id of row 2',
    );
    expect(text).toContain(
      'row 5 [sighting_id] duplicate_sighting_id: sighting_id "S2" is already the id of row 3',
    );
    const out = join(dir, "out");
    expect(await run(["import", file, "--out", out], capture(dir).context)).toBe(1);
    const kept = readFileSync(join(out, "sightings.csv"), "utf8");
    expect(kept).toContain("S1,2018-10-20");
    expect(kept).not.toContain("Escuintla");
    const rejected = readFileSync(join(out, "rejected.csv"), "utf8");
    expect(rejected.match(/duplicate_sighting_id/g)).toHaveLength(2);
    const report = JSON.parse(readFileSync(join(out, "import-report.json"), "utf8"));
    const duplicates = (report.files ?? [report])[0].duplicates;
    expect(duplicates).toEqual([
      { line: 4, firstLine: 2, by: "sighting_id" },
      { line: 5, firstLine: 3, by: "sighting_id" },
    ]);
  });

  it("in a workbook an id an earlier sheet gave is qualified with the sheet, and every report kept (review22b H2)", async () => {
    const { dir, file } = tempFile(
      "dtm-ids-",
      "avistamientos.xlsx",
      writeXlsx([
        {
          name: "Octubre",
          rows: [HEADER, ["S1", "2018-10-20T10:00", "Tapachula", "Caravana 1", "7000"]],
        },
        {
          name: "Noviembre",
          rows: [HEADER, ["S1", "2018-11-02T10:00", "Puebla", "Caravana 1", "5000"]],
        },
      ]),
    );
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    const text = io.out.join("\n");
    expect(text).toMatch(/2 accepted, 0 rejected/);
    expect(text).toMatch(
      /sighting_id_qualified: sighting_id "S1" is also the id of row 2 of sheet "Octubre": this report is kept as "Noviembre:S1"/,
    );
    const out = join(dir, "out");
    expect(await run(["import", file, "--out", out], capture(dir).context)).toBe(0);
    const io2 = capture(dir);
    expect(await run(["validate", join(out, "sightings.csv")], io2.context)).toBe(0);
    expect(io2.out.join("\n")).toMatch(/2 accepted, 0 rejected/);
  });

  it("a file without its own ids is not checked (the importer's file:line ids are unique)", async () => {
    const csv = [
      "observed_at,place_name,caravan_label,size_best",
      "2018-10-20T10:00,Tapachula,Caravana 1,7000",
      "2018-10-21T10:00,Huixtla,Caravana 1,6500",
    ].join("\n");
    const { dir, file } = tempFile("dtm-ids-", "sin-ids.csv", csv);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
  });
});
