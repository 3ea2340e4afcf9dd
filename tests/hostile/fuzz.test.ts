/**
 * Random command lines (fast-check): any command with any mix of known options carrying hostile
 * values, unknown options, stray arguments and dashes, and an --out that is a regular file. Every
 * run must end in exit 2 with one sentence and no stack trace, before any work (so quickly), and
 * touch nothing on disk. And random date strings: a date option is accepted exactly when it is a
 * real calendar date and time, whatever the command.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateOption } from "../../cli/dataset-options.ts";
import { commands } from "../../cli/registry.ts";
import { expectRefusal, runIn, sandbox } from "./harness.ts";
import type { Sandbox } from "./harness.ts";

/**
 * Seeded, so a run is repeatable; FUZZ_SEED and FUZZ_RUNS (environment) explore further, e.g.
 * FUZZ_RUNS=3000 FUZZ_SEED=7 npx vitest run --project unit tests/hostile/fuzz.test.ts
 */
const FUZZ_SEED = Number(process.env["FUZZ_SEED"] ?? 20181013);
const FUZZ_RUNS = Number(process.env["FUZZ_RUNS"] ?? 150);

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
  box.write("taken", "a regular file where --out should be\n");
  box.write(
    "conteo.csv",
    "date,fmp_name,direction,total\n2018-10-29,Suchiate bridge,northbound,5\n",
  );
});
afterAll(() => box.remove());

/** Options the commands know (except --out and --help), each given a hostile value. */
const VALUED = [
  "--as-of",
  "--from",
  "--to",
  "--horizon",
  "--runs",
  "--seed",
  "--hold-days",
  "--suppress-below",
  "--kind",
  "--date-order",
  "--incoming-is",
  "--delimiter",
  "--columns",
  "--tz",
  "--title",
  "--sightings",
  "--counts",
  "--stocks",
  "--places",
  "--route",
  "--max-lines",
];

const hostileValue = fc.oneof(
  fc.constantFrom(
    "",
    "-1",
    "1e309",
    "NaN",
    "2018-10-32",
    "3000-01-01",
    "0x10",
    "../../etc/passwd",
    "/dev/null",
    "taken",
    "conteo.csv",
    "Mars/Olympus_Mons",
    "%s%n",
    "\u0000",
    "'; rm -rf /",
    "<svg onload=alert(1)>",
    "9007199254740993",
    "ñandú.csv",
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map(String),
);

const token = fc.oneof(
  fc.tuple(fc.constantFrom(...VALUED), hostileValue).map(([flag, value]) => [flag, value]),
  fc.tuple(fc.constantFrom(...VALUED), hostileValue).map(([flag, value]) => [`${flag}=${value}`]),
  fc.constantFrom(["--json"], ["--no-bom"], ["--no-hxl"], ["--frobnicate"], ["-x"], ["--"]),
  fc.constantFrom(["conteo.csv"], ["missing.csv"], ["taken"]),
);

describe("random command lines", () => {
  it("exit 2 with one sentence, no stack trace, nothing touched, when --out is a file", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...commands.map((c) => c.name)),
        fc.array(token, { maxLength: 6 }),
        async (name, tokens) => {
          const argv = [name, ...tokens.flat(), "--out", "taken"];
          if (argv.includes("--")) return; // After "--" everything is positional: another test.
          const r = await runIn(box, argv, "none");
          expectRefusal(r);
        },
      ),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
  });
});

describe("random date strings", () => {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  /** An independent check: a real calendar day and time of day. */
  function real(y: number, m: number, d: number, hh?: number, mm?: number): boolean {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
    if (days === undefined || d < 1 || d > days) return false;
    if (hh === undefined) return true;
    return (hh < 24 && mm! < 60) || (hh === 24 && mm === 0);
  }

  it("a date option is accepted exactly when the date (and time) is real", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2999 }),
        fc.integer({ min: 0, max: 19 }),
        fc.integer({ min: 0, max: 39 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 69 }))),
        (y, m, d, time) => {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}${time ? `T${pad(time[0], 2)}:${pad(time[1], 2)}` : ""}`;
          const ok = real(y, m, d, time?.[0], time?.[1]);
          const read = () => dateOption({ "as-of": text }, "as-of");
          if (ok) expect(read()).toBe(text);
          else expect(read).toThrow(/is not a valid ISO 8601 date/);
        },
      ),
      { numRuns: 500, seed: FUZZ_SEED },
    );
  });
});
