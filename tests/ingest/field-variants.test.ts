import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { createGazetteer, embedded2018, importTable } from "../../src/index.ts";
import { capture } from "../cli/capture.ts";

const gazetteer = createGazetteer(embedded2018().places);

describe("figures of people in a sightings file", () => {
  it("a decimal figure is rejected as not a whole number of people, as in a count sheet", () => {
    const csv = [
      "fecha;lugar;caravana;cantidad",
      "17/10/2018;Guatemala City;Caravana 1;12,5",
      "18/10/2018;Guatemala City;Caravana 1;entre 2,5 y 4",
      "19/10/2018;Guatemala City;Caravana 1;1,5 mil",
      "20/10/2018;Guatemala City;Caravana 1;4.000",
    ].join("\n");
    const { records, report } = importTable(csv, { kind: "sightings", gazetteer });
    expect(report.rejections.map((r) => [r.line, r.code, r.message])).toEqual([
      [2, "not_integer", 'cantidad "12,5" is not a whole number of people.'],
      [3, "not_integer", 'cantidad "entre 2,5 y 4" is not a whole number of people.'],
    ]);
    expect(records.map((s) => (s as { sizeBest?: number }).sizeBest)).toEqual([1500, 4000]);
  });
});

describe("slashed dates whose order nothing decides", () => {
  it("the warning names the command-line option that changes it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-date-order-"));
    const file = join(dir, "cifras.csv");
    writeFileSync(file, "fecha;categoría;valor;base\n05/12/2018;asilo;3.700;acumulado\n");
    const x = capture(dir);
    expect(await run(["validate", file], x.context)).toBe(0);
    expect(x.out.join("\n")).toMatch(
      /date_order_undecided: .*read as dd\/mm\/yyyy \(if they are mm\/dd, give --date-order mdy/,
    );
    const y = capture(dir);
    expect(await run(["validate", file, "--date-order", "mdy"], y.context)).toBe(0);
    expect(y.out.join("\n")).toMatch(/dates mdy \(option\), dates 2018-05-12 to 2018-05-12/);
  });
});
