/**
 * Every CSV the command line writes, checked against the table of docs/cli.md "CSV files": each
 * file a command writes is listed there for that command, and starts with the UTF-8 byte-order
 * mark exactly when the table says so: every one (Excel-ready, one rule with the viewer's
 * downloads), and --no-bom leaves it out. Small inputs keep it quick: the samples, few runs, a
 * short horizon.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "./capture.ts";

const scratch = mkdtempSync(join(tmpdir(), "dtm-csv-files-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SIGHTINGS = "data/samples/avistamientos-rangos.csv";

/** The rows of the table under "## CSV files" in docs/cli.md: per command, file → BOM or not. */
function documented(): Map<string, Map<string, boolean>> {
  const doc = readFileSync("docs/cli.md", "utf8");
  const section = doc.slice(doc.indexOf("\n## CSV files\n"));
  const table = section.slice(0, section.indexOf("\n\n", section.indexOf("| file |")));
  const byCommand = new Map<string, Map<string, boolean>>();
  for (const line of table.split("\n").filter((l) => l.startsWith("| `"))) {
    const [files, command, bom] = line.split("|").slice(1, 4);
    const name = /`([a-z]+)`/.exec(command!)![1]!;
    const files_ = [...files!.matchAll(/`([^`]+\.csv)`/g)].map((m) => m[1]!);
    const map = byCommand.get(name) ?? new Map<string, boolean>();
    for (const f of files_) map.set(f, bom!.trim().startsWith("yes"));
    byCommand.set(name, map);
  }
  return byCommand;
}

/** Each command that writes files, on small inputs, with the exit status it should give. */
const COMMANDS: { name: string; args: string[]; exit: number }[] = [
  {
    name: "import",
    args: [
      "data/samples/kobo-conteo-tecun-uman.csv",
      SIGHTINGS,
      "data/samples/lugares-conflictos.csv",
      "data/samples/cifras-stock.csv",
    ],
    exit: 1,
  },
  { name: "estimate", args: ["--sightings", SIGHTINGS], exit: 1 },
  {
    name: "ledger",
    args: ["--sightings", SIGHTINGS, "--stocks", "data/samples/cifras-stock.csv"],
    exit: 1,
  },
  { name: "forecast", args: ["--sightings", SIGHTINGS, "--horizon", "3", "--runs", "10"], exit: 1 },
  {
    name: "scenario",
    args: ["data/scenarios/tecun-uman-2019-01-15.json", "--runs", "10"],
    exit: 0,
  },
];

describe("the CSV files of dtm-flow (docs/cli.md, CSV files)", () => {
  const table = documented();

  it("the table lists every CSV with a BOM, the contract tables included", () => {
    for (const files of table.values()) for (const bom of files.values()) expect(bom).toBe(true);
    expect(table.get("estimate")?.get("tracks.csv")).toBe(true);
    expect(table.get("ledger")?.get("split.csv")).toBe(true);
    expect(table.get("ledger")?.get("departed.csv")).toBe(true);
    expect(table.get("forecast")?.get("forecast.csv")).toBe(true);
    expect([...table.keys()].sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  });

  for (const command of COMMANDS) {
    it(`dtm-flow ${command.name}: every CSV it writes is in the table, with a BOM exactly when it says so`, async () => {
      const out = join(scratch, command.name);
      const io = capture();
      expect(await run([command.name, ...command.args, "--out", out], io.context)).toBe(
        command.exit,
      );
      const expected = table.get(command.name)!;
      const written = readdirSync(out).filter((f) => f.endsWith(".csv"));
      expect(written.length).toBeGreaterThan(0);
      for (const file of written) {
        expect(expected.has(file), `${file} of ${command.name} is listed in docs/cli.md`).toBe(
          true,
        );
        const bytes = readFileSync(join(out, file));
        const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
        expect(bom, `${file} of ${command.name} starts with a BOM`).toBe(expected.get(file));
        // Never two marks, and the header follows at once.
        expect(bytes.subarray(bom ? 3 : 0, bom ? 6 : 3).toString("utf8")).toMatch(/^[a-z_]/);
      }
    }, 60_000);
  }

  // Every CSV carries the mark by default (docs/cli.md, CSV files); --no-bom, one option rule for
  // every command that writes CSV (cli/csv-options.ts), gives the same bytes without it, so a
  // contract header is the contract's byte for byte; --bom (the earlier opt-in) is still accepted
  // and changes nothing.
  for (const [command, files, header] of [
    ["estimate", ["tracks.csv"], "group,date,route_id,km,km_low,km_high,lat,lon,size,size_low,"],
    [
      "ledger",
      ["split.csv", "departed.csv", "places.csv"],
      "date,category,country,place_name,value,value_low,value_high\r\n",
    ],
    ["forecast", ["forecast.csv", "positions.csv"], "group,place_name,km,arrival_p10,"],
    [
      "scenario",
      ["scenario-place-days.csv", "scenario-summary.csv", "scenario-totals.csv"],
      undefined,
    ],
  ] as const) {
    it(`dtm-flow ${command} starts ${files.join(", ")} with one BOM; --no-bom leaves it out, the rest unchanged`, async () => {
      const { args, exit } = COMMANDS.find((c) => c.name === command)!;
      const bytes: Buffer[][] = [];
      for (const [i, extra] of [["--no-bom"], [], ["--bom"]].entries()) {
        const out = join(scratch, `${command}-bom-${i}`);
        const io = capture();
        expect(await run([command, ...args, ...extra, "--out", out], io.context)).toBe(exit);
        bytes.push(files.map((file) => readFileSync(join(out, file))));
      }
      for (const [f, file] of files.entries()) {
        const [plain, marked, asked] = bytes.map((b) => b[f]!) as [Buffer, Buffer, Buffer];
        expect(asked.equals(marked), file).toBe(true);
        if (f === 0 && header)
          expect(plain.subarray(0, header.length).toString("utf8")).toBe(header);
        expect(plain.subarray(0, 1).toString("utf8"), file).toMatch(/^[a-z]/);
        expect([...marked.subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
        expect(marked.subarray(3).equals(plain), file).toBe(true);
      }
    }, 60_000);
  }

  it("--bom is an option of the commands that write CSV only (report refuses it, exit 2)", async () => {
    const io = capture();
    const out = join(scratch, "report-bom");
    expect(await run(["report", "--as-of", "2018-11-25", "--bom", "--out", out], io.context)).toBe(
      2,
    );
  });
});
