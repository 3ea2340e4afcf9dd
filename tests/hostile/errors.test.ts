/**
 * Hostile arguments, dates, routes and files for every command: each is refused with exit 2 and
 * one sentence naming the value or file and what to do, the same way by every command that takes
 * it; faults of dtm-flow itself exit 3 with one sentence and where to report them; no stack trace
 * unless DTM_DEBUG=1.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../cli/main.ts";
import { commands } from "../../cli/registry.ts";
import { describeError, EXIT } from "../../cli/errors.ts";
import { capture } from "../cli/capture.ts";
import { errorSentence, expectRefusal, routeFile, runIn, sandbox } from "./harness.ts";
import type { Sandbox } from "./harness.ts";

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => {
  box.remove();
  vi.restoreAllMocks();
  delete process.env["DTM_DEBUG"];
});

/** Routes no command can use, with what the sentence must say. */
const BAD_ROUTES: [string, string, RegExp][] = [
  [
    "antimeridian.geojson",
    routeFile([
      [179.5, 10],
      [-179.5, 10.5],
    ]),
    /antimeridian/,
  ],
  [
    "one-point.geojson",
    routeFile([
      [-92.1, 14.6],
      [-92.1, 14.6],
    ]),
    /same point/,
  ],
  ["empty.geojson", "", /is empty/],
  ["not-json.json", "route: Tecún Umán → Tapachula\n", /is not JSON/],
  ["points.geojson", JSON.stringify({ type: "FeatureCollection", features: [] }), /not a GeoJSON/],
];

/** Every command that reads --route, with the rest of a command line that would run. */
const ROUTE_READERS: string[][] = [
  ["estimate", "--out", "out"],
  ["ledger", "--out", "out"],
  ["report", "--as-of", "2018-12-15", "--out", "out"],
  ["forecast", "--out", "out"],
  ["scenario", "scenario.json", "--out", "out"],
];

describe("routes no command can use", () => {
  for (const [file, text, why] of BAD_ROUTES) {
    it.each(ROUTE_READERS)(`${file}: %s exits 2 naming the file`, async (...argv) => {
      box.write(file, text);
      box.copy("data/scenarios/tecun-uman-2019-01-15.json", "scenario.json");
      const r = await runIn(box, [...argv, "--route", file]);
      expectRefusal(r, [new RegExp(file.replace(".", "\\.")), why]);
    });
    it(`${file}: import and validate exit 2 naming the file (never "wrote , rejected.csv (0)")`, async () => {
      box.write(file, text);
      expectRefusal(await runIn(box, ["import", file, "--out", "out"]), [why]);
      expectRefusal(await runIn(box, ["validate", file]), [why]);
    });
  }
});

describe("dates are refused the same way by every command, never rolled over", () => {
  const DATE_USERS: [string, string[]][] = [
    ["estimate --as-of", ["estimate", "--out", "out", "--as-of"]],
    ["forecast --as-of", ["forecast", "--out", "out", "--as-of"]],
    ["ledger --from", ["ledger", "--out", "out", "--from"]],
    ["ledger --to", ["ledger", "--out", "out", "--to"]],
    ["report --as-of", ["report", "--out", "out", "--as-of"]],
    ["import --from", ["import", "conteo.csv", "--out", "out", "--from"]],
    ["validate --to", ["validate", "conteo.csv", "--to"]],
  ];
  for (const bad of ["2018-10-32", "2018-02-29", "2018-13-01", "2018-11-01T25:00", "1/11/2018"]) {
    it.each(DATE_USERS)(`%s ${bad}`, async (label, argv) => {
      const r = await runIn(box, [...argv, bad]);
      const flag = label.split(" ")[1]!;
      expectRefusal(r, [
        new RegExp(`${flag} ${bad.replace(/[/]/g, "\\/")} is not (a valid|an) ISO`),
      ]);
      expect(r.err).toHaveLength(1);
    });
  }
});

describe("bounded arguments", () => {
  it("forecast --as-of far from the data says the data are stale, with the last data date", async () => {
    const r = await runIn(box, ["forecast", "--as-of", "3000-01-01", "--out", "out"]);
    expectRefusal(r, [/stale/, /last observation is from 2018-\d\d-\d\d/, /within 60 days/]);
  });

  it("forecast --runs 100000 --horizon 365 is refused before computing, naming the --runs that fit", async () => {
    const r = await runIn(box, ["forecast", "--runs", "100000", "--horizon", "365", "--out", "o"]);
    expectRefusal(r, [
      /--runs 100000 over \d+ days/,
      /limit of 2,000,000/,
      /give --runs \d+ or fewer/,
    ]);
  });

  it("report --as-of outside the data, without --out: exit 2 and its default folder is not left behind", async () => {
    const r = await runIn(box, ["report", "--as-of", "2030-01-01"]);
    expectRefusal(r, [/--as-of 2030-01-01 is outside the data, which runs from \S+ to \S+; give/]);
  });

  it.each([
    ["forecast", "--horizon", "366"],
    ["forecast", "--horizon", "-1"],
    ["forecast", "--runs", "1e9"],
    ["forecast", "--seed", "0x10"],
    ["scenario", "--seed", "1e3"],
    ["ledger", "--hold-days", "0x3"],
    ["scenario", "--runs", "0"],
    ["scenario", "--runs", "NaN"],
    ["import", "--suppress-below", "0.5"],
    ["ledger", "--hold-days", "-3"],
  ])("%s %s %s exits 2 naming the value", async (cmd, flag, value) => {
    box.write("a.csv", "date,total\n");
    box.copy("data/scenarios/tecun-uman-2019-01-15.json", "s.json");
    const extra = cmd === "import" ? ["a.csv"] : cmd === "scenario" ? ["s.json"] : [];
    const r = await runIn(box, [cmd, ...extra, flag, value, "--out", "out"]);
    expectRefusal(r, [new RegExp(`${flag}`), new RegExp(value.replace(/[.+]/g, "\\$&"))]);
  });

  it.each(commands.map((c) => c.name))("%s with an unknown option exits 2", async (name) => {
    const r = await runIn(box, [name, "--frobnicate", "--out", "out"]);
    expectRefusal(r, [/--frobnicate/]);
  });

  it.each([
    ["validate", "missing.csv"],
    ["import", "missing.csv", "--out", "out"],
    ["estimate", "--sightings", "missing.csv", "--out", "out"],
    ["ledger", "--stocks", "missing.csv", "--out", "out"],
    ["report", "--as-of", "2018-12-15", "--counts", "missing.csv", "--out", "out"],
    ["scenario", "missing.csv", "--out", "out"],
    ["forecast", "--places", "missing.csv", "--out", "out"],
  ])("%s with a missing file exits 2 naming it", async (...argv) => {
    expectRefusal(await runIn(box, argv), [/missing\.csv/]);
  });

  it.each([
    ["estimate", "--sightings"],
    ["ledger", "--stocks"],
    ["forecast", "--counts"],
  ])("%s %s <a folder> exits 2", async (cmd, flag) => {
    box.write("folder/x.txt", "x");
    expectRefusal(await runIn(box, [cmd, flag, "folder", "--out", "out"]), [/folder/]);
  });

  it.each([
    ["validate", "/dev/zero"],
    ["import", "/dev/null", "--out", "out"],
    ["estimate", "--sightings", "/dev/null", "--out", "out"],
  ])("%s %s (not a regular file) exits 2 naming it", async (...argv) => {
    expectRefusal(await runIn(box, argv), [/\/dev\/(zero|null) is not a regular file/]);
  });

  it("import <a folder> says it is a folder", async () => {
    box.write("folder/x.txt", "x");
    expectRefusal(await runIn(box, ["import", "folder", "--out", "out"]), [/folder is a folder/]);
  });

  it("a scenario file with problems: one sentence, then each problem with its JSON pointer", async () => {
    box.write("s.json", JSON.stringify({ waves: [{ origin: "Atlantis", people: "many" }] }));
    const r = await runIn(box, ["scenario", "s.json", "--out", "out"]);
    expectRefusal(r, [/s\.json has \d+ problems?, listed below/]);
    expect(r.err.slice(1).every((l) => /^ {2}line \d+, \/\S*: /.test(l))).toBe(true);
  });

  it("a scenario file that is not JSON exits 2 naming it", async () => {
    box.write("s.json", "{ runs: 10 ");
    expectRefusal(await runIn(box, ["scenario", "s.json", "--out", "out"]), [/s\.json/]);
  });
});

describe("faults of dtm-flow itself", () => {
  it("exit 3 with one sentence naming where to report it, and no stack trace", async () => {
    const estimate = commands.find((c) => c.name === "estimate")!;
    vi.spyOn(estimate, "run").mockRejectedValue(new TypeError("x.map is not a function"));
    const r = await runIn(box, ["estimate", "--out", "out"]);
    expect(r.code).toBe(EXIT.internal);
    const sentence = errorSentence(r);
    expect(sentence).toMatch(/internal error \(x\.map is not a function\)/);
    expect(sentence).toMatch(/issue tracker/);
    expect(r.err).toHaveLength(1);
  });

  it("DTM_DEBUG=1 adds the stack trace", async () => {
    process.env["DTM_DEBUG"] = "1";
    const ledger = commands.find((c) => c.name === "ledger")!;
    vi.spyOn(ledger, "run").mockRejectedValue(new Error("boom"));
    const io = capture(box.dir);
    expect(await run(["ledger", "--out", "out"], io.context)).toBe(EXIT.internal);
    expect(io.err.join("\n")).toMatch(/\n\s+at /);
  });

  it("a library RangeError on the user's data is the user's error (exit 2), not a fault", async () => {
    const forecast = commands.find((c) => c.name === "forecast")!;
    const { userInputStep } = await import("../../cli/dataset-options.ts");
    vi.spyOn(forecast, "run").mockImplementation(async () =>
      userInputStep(() => {
        throw new RangeError("horizon of 4,000 days is beyond the limit of 3,650; shorten it.");
      }),
    );
    const r = await runIn(box, ["forecast", "--out", "out"]);
    expectRefusal(r, [/beyond the limit/]);
  });

  it("errors Node raises about files are the user's: one sentence naming the path", () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/x/y.csv'"), {
      code: "EACCES",
      path: "/x/y.csv",
    });
    const { message, exit } = describeError(error, "import");
    expect(exit).toBe(EXIT.unusable);
    expect(message).toBe(
      "dtm-flow import: /x/y.csv cannot be accessed (permission denied); check its permissions or choose another path.",
    );
  });
});
