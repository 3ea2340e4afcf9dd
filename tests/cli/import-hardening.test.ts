// import and validate on the files of the importer hardening: multi-year series and --from/--to,
// legacy and OpenDocument workbooks, places files with repeated ids.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "./capture.ts";

const dir = mkdtempSync(join(tmpdir(), "dtm-import-hard-"));
const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
// Three years of monthly counts, with a mix of line endings.
const monthly = write(
  "mensual.csv",
  "fecha,punto,sentido,total\r\n" +
    Array.from({ length: 36 }, (_, i) => {
      const y = 2016 + Math.floor(i / 12);
      return `${y}-${String((i % 12) + 1).padStart(2, "0")}-01,GT-TEC,norte,${i + 1}`;
    })
      .map((line, i) => line + ["\n", "\r\n", "\r"][i % 3])
      .join("") +
    "\r",
);

describe("validate and import: the date window", () => {
  it("validate of three years of monthly counts accepts all 36 rows (exit 0)", async () => {
    const x = capture();
    expect(await run(["validate", monthly], x.context)).toBe(0);
    expect(x.out.join("\n")).toMatch(/36 data rows: 36 accepted, 0 rejected/);
    expect(x.out.join("\n")).toMatch(
      /dates 2016-01-01 to 2018-12-01 accepted \(window from the data\)/,
    );
  });
  it("--from/--to restrict the dates; rows outside are listed with line and reason (exit 1)", async () => {
    const x = capture();
    expect(
      await run(["validate", monthly, "--from", "2017-01-01", "--to", "2017-12-31"], x.context),
    ).toBe(1);
    const text = x.out.join("\n");
    expect(text).toMatch(/36 data rows: 12 accepted, 24 rejected/);
    expect(text).toMatch(/\(window given: from 2017-01-01 to 2017-12-31\)/);
    expect(text).toMatch(
      /row 2 \[fecha\] date_outside_window: fecha 2016-01-01 is outside the dates asked for \(2017-01-01 to 2017-12-31\)/,
    );
    const out = join(dir, "out-window");
    const y = capture();
    expect(await run(["import", monthly, "--out", out, "--from", "2018-01-01"], y.context)).toBe(1);
    expect(readFileSync(join(out, "rejected.csv"), "utf8")).toMatch(/date_outside_window/);
  });
  it("a bad --from or --to is one sentence, exit 2, nothing written", async () => {
    for (const args of [
      ["--from", "2018-13-01"],
      ["--to", "13/10/2018"],
      ["--from", "2018-12-01", "--to", "2018-01-01"],
    ]) {
      const out = join(dir, "out-bad");
      const x = capture();
      expect(await run(["import", monthly, "--out", out, ...args], x.context)).toBe(2);
      expect(x.err).toHaveLength(1);
      expect(x.err[0]).toMatch(/--(from|to) .*(not an ISO date|after --to)/);
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe("validate and import: workbooks the importer does not read", () => {
  const xls = new Uint8Array(2048);
  xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const ods = zipSync({
    mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
    "content.xml": strToU8("<office:document-content/>"),
  });
  it("an .xls (also one renamed .csv) and an .ods: exit 2, one sentence to save as .xlsx or CSV", async () => {
    for (const [name, bytes, what] of [
      ["conteo.xls", xls, /Excel 97–2003/],
      ["conteo-renombrado.csv", xls, /Excel 97–2003/],
      ["conteo.ods", ods, /OpenDocument/],
    ] as const) {
      const path = write(name, bytes);
      const x = capture();
      expect(await run(["validate", path], x.context)).toBe(2);
      expect(x.err).toHaveLength(1);
      expect(x.err[0]).toMatch(what);
      expect(x.err[0]).toMatch(/save it as \.xlsx or CSV/);
      expect(x.err[0]).not.toMatch(/column/);
      const out = join(dir, `out-${name}`);
      expect(await run(["import", path, "--out", out], capture().context)).toBe(2);
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe("import: a places file with a repeated id", () => {
  it("the later row is in rejected.csv with the earlier row's line; the first is written", async () => {
    const places = write(
      "lugares.csv",
      "place_id,nombre,pais,lat,lon,tipo\nGT-XYZ,Xyz,GTM,14.6,-92.1,city\nGT-XYZ,Xyz bis,GTM,15.6,-91.1,city\n",
    );
    const out = join(dir, "out-places");
    const x = capture();
    expect(await run(["import", places, "--out", out], x.context)).toBe(1);
    const rejected = readFileSync(join(out, "rejected.csv"), "utf8");
    expect(rejected).toMatch(/lugares\.csv,,3,place_id,GT-XYZ,duplicate_place_id,.*row 2/);
    const report = JSON.parse(readFileSync(join(out, "import-report.json"), "utf8"));
    expect(report.files[0].duplicates).toEqual([{ line: 3, firstLine: 2, by: "place_id" }]);
    expect(readFileSync(join(out, "places.csv"), "utf8")).toMatch(/GT-XYZ,Xyz,/);
  });
});

describe("import: route files that are not GeoJSON", () => {
  it("an empty or non-JSON route file is exit 2 with one sentence, nothing written", async () => {
    for (const [name, content, why] of [
      ["vacia.geojson", "", /not JSON/],
      ["texto.json", "no es json", /not JSON/],
      ["objeto.geojson", "{}", /not a GeoJSON FeatureCollection/],
      // dtm-flow's other JSON files are named, with the command that reads them.
      [
        "escenario.json",
        readFileSync("data/scenarios/tecun-uman-2019-01-15.json", "utf8"),
        /is a scenario file \(it has waves\), not a route: run it with dtm-flow scenario/,
      ],
      [
        "correcciones.json",
        '{ "version": 1, "corrections": [] }',
        /corrections file, not a route: give it to dtm-flow estimate --corrections/,
      ],
    ] as const) {
      const path = write(name, content);
      const out = join(dir, `out-${name}`);
      const x = capture();
      expect(await run(["import", monthly, path, "--out", out], x.context)).toBe(2);
      expect(x.err).toHaveLength(1);
      expect(x.err[0]).toMatch(why);
      expect(x.err[0]).toContain(name);
      expect(existsSync(out)).toBe(false);
    }
  });
});
