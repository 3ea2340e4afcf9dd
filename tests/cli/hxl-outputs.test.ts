/**
 * `--hxl` on the commands that write results (docs/cli.md "CSV files", docs/contracts.md §3
 * "HXL"): with it, the second row of every CSV is the HXL hashtag row of src/export/outputHxl.ts,
 * the file keeps its byte-order mark (or lack of one), and skipping that row gives the file
 * written without --hxl byte for byte — the default output is what readers have always read.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { DEPARTED_COLUMNS, PLACES_COLUMNS } from "../../src/export/ledger.ts";
import { FORECAST_COLUMNS, POSITION_COLUMNS } from "../../src/export/forecast.ts";
import {
  OUTPUT_HXL,
  SCENARIO_PLACE_DAY_COLUMNS,
  SCENARIO_TOTAL_COLUMNS,
  SPLIT_COLUMNS,
  TRACK_COLUMNS,
  outputHxl,
} from "../../src/index.ts";
import type { OutputTable } from "../../src/index.ts";
import { capture } from "./capture.ts";

const scratch = mkdtempSync(join(tmpdir(), "dtm-hxl-outputs-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SIGHTINGS = "data/samples/avistamientos-rangos.csv";
/** A hashtag with attributes: `#tag+attr+attr`, lower case (HXL 1.1). */
const HASHTAG = /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/;

const COMMANDS: {
  name: string;
  args: string[];
  exit: number;
  tables: Record<string, OutputTable>;
}[] = [
  {
    name: "estimate",
    args: ["--sightings", SIGHTINGS],
    exit: 1,
    tables: { "tracks.csv": "tracks" },
  },
  {
    name: "ledger",
    args: ["--sightings", SIGHTINGS, "--stocks", "data/samples/cifras-stock.csv"],
    exit: 1,
    tables: { "split.csv": "split", "departed.csv": "departed", "places.csv": "placesByStatus" },
  },
  {
    name: "forecast",
    args: ["--sightings", SIGHTINGS, "--horizon", "3", "--runs", "10"],
    exit: 1,
    tables: { "forecast.csv": "forecast", "positions.csv": "positions" },
  },
  {
    name: "scenario",
    args: ["data/scenarios/tecun-uman-2019-01-15.json", "--runs", "10"],
    exit: 0,
    tables: {
      "scenario-place-days.csv": "scenarioPlaceDays",
      "scenario-summary.csv": "scenarioSummary",
      "scenario-totals.csv": "scenarioTotals",
    },
  },
];

/** The CSV files a command wrote, by name. */
async function written(name: string, args: string[], exit: number, tag: string) {
  const out = join(scratch, `${name}-${tag}`);
  const io = capture();
  expect(await run([name, ...args, "--out", out], io.context)).toBe(exit);
  const files = new Map<string, Buffer>();
  for (const f of readdirSync(out).filter((x) => x.endsWith(".csv")))
    files.set(f, readFileSync(join(out, f)));
  return files;
}

/** The bytes without the second CRLF-ended line (the hashtag row). */
function withoutSecondLine(bytes: Buffer): { rest: Buffer; second: string } {
  const first = bytes.indexOf("\r\n") + 2;
  const second = bytes.indexOf("\r\n", first) + 2;
  return {
    rest: Buffer.concat([bytes.subarray(0, first), bytes.subarray(second)]),
    second: bytes.subarray(first, second - 2).toString("utf8"),
  };
}

describe("dtm-flow … --hxl: a hashtag row under the header of every CSV", () => {
  for (const command of COMMANDS) {
    it(`dtm-flow ${command.name} --hxl: row 2 is the hashtags, same BOM, and the rest is the plain file`, async () => {
      const plain = await written(command.name, command.args, command.exit, "plain");
      const tagged = await written(command.name, [...command.args, "--hxl"], command.exit, "hxl");
      expect([...tagged.keys()].sort()).toEqual(Object.keys(command.tables).sort());
      for (const [file, table] of Object.entries(command.tables)) {
        const p = plain.get(file)!;
        const t = tagged.get(file)!;
        const bom = (b: Buffer) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
        expect(bom(t), `${file}: BOM as without --hxl`).toBe(bom(p));
        // Without --hxl no row is a hashtag row.
        expect(p.toString("utf8").split("\r\n")[1]!.startsWith("#"), file).toBe(false);
        const { rest, second } = withoutSecondLine(t);
        expect(rest.equals(p), `${file}: skipping the HXL row reads the plain file`).toBe(true);
        const header = p
          .toString("utf8")
          .replace(/^\uFEFF/, "")
          .split("\r\n")[0]!
          .split(",");
        const tags = second.split(",");
        expect(tags).toEqual(header.map((c) => OUTPUT_HXL[table][c as never]));
        for (const tag of tags) expect(tag, `${file}`).toMatch(HASHTAG);
      }
    }, 90_000);
  }

  it("--hxl: tracks.csv starts with one BOM, then the header, then the hashtags", async () => {
    const files = await written("estimate", ["--sightings", SIGHTINGS, "--hxl"], 1, "bom-hxl");
    const text = files.get("tracks.csv")!.toString("utf8");
    expect(text.startsWith(`\uFEFF${TRACK_COLUMNS.join(",")}\r\n#event+name,#date,`)).toBe(true);
  }, 60_000);
});

describe("OUTPUT_HXL (src/export/outputHxl.ts)", () => {
  const lists: [OutputTable, readonly string[]][] = [
    ["tracks", TRACK_COLUMNS],
    ["split", SPLIT_COLUMNS],
    ["departed", DEPARTED_COLUMNS],
    ["placesByStatus", PLACES_COLUMNS],
    ["forecast", FORECAST_COLUMNS],
    ["positions", POSITION_COLUMNS],
    ["scenarioPlaceDays", SCENARIO_PLACE_DAY_COLUMNS],
    ["scenarioTotals", SCENARIO_TOTAL_COLUMNS],
  ];
  it("has a hashtag for every column of every output and no other, distinct within a table", () => {
    for (const [table, columns] of lists) {
      expect(Object.keys(OUTPUT_HXL[table]).sort(), table).toEqual([...columns].sort());
      const tags = Object.values(outputHxl(table, columns));
      expect(new Set(tags).size, `${table}: hashtags distinct`).toBe(tags.length);
    }
    const summary = Object.values(OUTPUT_HXL.scenarioSummary);
    expect(new Set(summary).size).toBe(summary.length);
  });

  it("refuses a column without a hashtag rather than writing a blank one", () => {
    expect(() => outputHxl("split", ["date", "extra"])).toThrow(/no HXL hashtag for column extra/);
  });
});
