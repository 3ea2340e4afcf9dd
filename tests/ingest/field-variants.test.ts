import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { createGazetteer, embedded2018, importTable } from "../../src/index.ts";
import { capture, tempFile } from "../cli/capture.ts";

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
    const { dir, file } = tempFile(
      "dtm-date-order-",
      "cifras.csv",
      "fecha;categoría;valor;base\n05/12/2018;asilo;3.700;acumulado\n",
    );
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

describe("rows that do not fit the header", () => {
  it("cells past the header's last column and a quote never closed are said, with their row", async () => {
    const { dir, file } = tempFile(
      "dtm-ragged-",
      "conteo.csv",
      [
        "fecha,punto de monitoreo,direccion,total",
        "2018-10-20,Tapachula,norte,10,extra1,,extra2",
        "2018-10-21,Tapachula,norte,8",
        '2018-10-23,Tapachula,norte,"7',
        "2018-10-24,Tapachula,norte,9",
      ].join("\n"),
    );
    const x = capture(dir);
    expect(await run(["validate", file], x.context)).toBe(1);
    const text = x.out.join("\n");
    expect(text).toMatch(
      /row 2 cells_beyond_header: the row has 7 cells but the header 4: 5 \(E\) "extra1", 7 \(G\) "extra2" past the last column are not read/,
    );
    // The quote opened in row 4 swallows row 5: one cell "7\n2018-10-24,…" is read, and said.
    expect(text).toMatch(/row 4 unclosed_quote: a quote \("\) opened in this row is never closed/);
    expect(text).toMatch(
      /row 4 \[total\] invalid_number: total "7\\n2018-10-24,Tapachula,norte,9"/,
    );
    expect(text).toMatch(/3 data rows: 2 accepted, 1 rejected/);
  });
});
