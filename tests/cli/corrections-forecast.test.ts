/**
 * `nowcast` with corrections and `dtm-flow forecast --corrections`: the forecast starts from the
 * corrected state (the file `estimate`, `ledger` and `report --corrections` read), and the
 * viewer's forecast panel of the corrected replay (`computeForecastView` with the corrections)
 * lists the same dates and people as forecast.csv.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "./capture.ts";
import { readCsvRows } from "./csvRows.ts";
import {
  embedded2018,
  estimateWithCorrections,
  forecastArrivals,
  mulberry32,
  nowcast,
} from "../../src/index.ts";
import type { CorrectionsFile, Nowcast } from "../../src/index.ts";
import { computeForecastView } from "../../viewer/forecast/view.ts";

// S050, a national figure with no place (data/corrections/example-2018.json): without it the
// people of Honduran caravan 1 as of 17 Nov 2018 change.
const REJECT: CorrectionsFile = {
  version: 1,
  corrections: [{ kind: "reject", sightingId: "S050" }],
};
const AS_OF = "2018-11-17";

const folder = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, "fix.json"), JSON.stringify(REJECT));
  return dir;
};

/** A group's start people (median) in a nowcast. */
const people = (now: Nowcast, group: string) =>
  now.groups.find((g) => g.group === group)?.size?.median;

describe("nowcast with corrections", () => {
  let plain: Nowcast;
  let corrected: Nowcast;
  beforeAll(() => {
    plain = nowcast(embedded2018(), { asOf: AS_OF });
    corrected = nowcast(embedded2018(), { asOf: AS_OF, corrections: REJECT });
  });

  it("is the nowcast of the corrected estimate, and says what the corrections did", () => {
    // The one corrected pipeline: the estimate of estimateWithCorrections with the same as-of.
    const timeZone = embedded2018().timeZone;
    const direct = estimateWithCorrections(embedded2018(), REJECT, { asOf: AS_OF, timeZone });
    expect(corrected.estimate.tracks).toEqual(direct.estimate.tracks);
    expect(corrected.corrected?.rejected).toEqual(["S050"]);
    expect(corrected.corrected?.applied).toHaveLength(1);
    expect(corrected.corrected?.dataset.sightings.some((s) => s.id === "S050")).toBe(false);
    expect(plain.corrected).toBeUndefined();
    // The start state changed: the people the runs move.
    const a = people(corrected, "Honduran caravan 1");
    const b = people(plain, "Honduran caravan 1");
    expect(a).toBeDefined();
    expect(Math.round(a!)).not.toBe(Math.round(b!));
  });

  it("no corrections is the plain nowcast", () => {
    const none = nowcast(embedded2018(), {
      asOf: AS_OF,
      corrections: { version: 1, corrections: [] },
    });
    expect(none.groups.map((g) => [g.group, g.km.median, g.size?.median])).toEqual(
      plain.groups.map((g) => [g.group, g.km.median, g.size?.median]),
    );
  });

  it("a correction that does not fit the data is a CorrectionsError", () => {
    expect(() =>
      nowcast(embedded2018(), {
        asOf: AS_OF,
        corrections: { version: 1, corrections: [{ kind: "reject", sightingId: "S999" }] },
      }),
    ).toThrow(/S999/);
  });

  it("the forecast from it differs from the plain one", () => {
    const dataset = embedded2018();
    const f = (now: Nowcast) =>
      forecastArrivals(now, { dataset, runs: 100, random: mulberry32(1) }).arrivals.find(
        (x) => x.group === "Honduran caravan 1" && x.placeName === "Tijuana",
      )?.people?.p50;
    expect(f(corrected)).toBeDefined();
    expect(f(corrected)).not.toBe(f(plain));
  });
});

describe("dtm-flow forecast --corrections", () => {
  it("writes the forecast of the corrected state, lists the corrections in forecast.json, and equals the viewer's corrected forecast", async () => {
    const dir = folder("forecast-corrections-");
    const io = capture(dir);
    const args = ["forecast", "--as-of", AS_OF, "--corrections", "fix.json", "--out", "out"];
    expect(await run(args, io.context)).toBe(0);
    expect(io.err).toContain("applied 1 correction");
    const report = JSON.parse(readFileSync(join(dir, "out", "forecast.json"), "utf8"));
    expect(report.corrections).toMatchObject({ file: "fix.json", rejected: ["S050"] });
    const rows = readCsvRows(join(dir, "out", "forecast.csv")).filter(
      (r) => r.status === "ahead" || r.status === "most_passed",
    );
    // The viewer's forecast panel of the corrected replay: the same dates and people.
    const view = computeForecastView(embedded2018(), AS_OF, 14, undefined, REJECT);
    expect(view.arrivals.length).toBe(rows.length);
    for (const a of view.arrivals) {
      const row = rows.find((r) => r.group === a.group && r.place_name === a.place);
      expect(row, `${a.group} ${a.place}`).toBeDefined();
      expect([a.p10 ?? "", a.p50 ?? "", a.p90 ?? "", String(a.people?.p50 ?? "")]).toEqual([
        row!.arrival_p10,
        row!.arrival_p50,
        row!.arrival_p90,
        row!.people_p50,
      ]);
    }
    // Without --corrections: another forecast, and no "corrections" in forecast.json.
    const io2 = capture(dir);
    expect(await run(["forecast", "--as-of", AS_OF, "--out", "plain"], io2.context)).toBe(0);
    expect(readFileSync(join(dir, "plain", "forecast.csv"), "utf8")).not.toBe(
      readFileSync(join(dir, "out", "forecast.csv"), "utf8"),
    );
    expect(
      JSON.parse(readFileSync(join(dir, "plain", "forecast.json"), "utf8")).corrections,
    ).toBeUndefined();
  }, 120_000);

  it("a file that does not fit exits 2 with the file and the JSON pointer; a missing one before --out is made", async () => {
    const dir = folder("forecast-corrections-bad-");
    writeFileSync(
      join(dir, "bad.json"),
      JSON.stringify({ version: 1, corrections: [{ kind: "reject", sightingId: "S999" }] }),
    );
    const io = capture(dir);
    const args = ["forecast", "--as-of", AS_OF, "--corrections", "bad.json", "--out", "out"];
    expect(await run(args, io.context)).toBe(2);
    expect(io.err.at(-1)).toBe(
      'dtm-flow forecast: bad.json at /corrections/0/sightingId: no sighting has the id "S999".',
    );
    const io2 = capture(dir);
    expect(
      await run(["forecast", "--corrections", "nothing.json", "--out", "o2"], io2.context),
    ).toBe(2);
    expect(io2.err.at(-1)).toBe("dtm-flow forecast: cannot read nothing.json: no such file.");
    expect(existsSync(join(dir, "o2"))).toBe(false);
    // A folder is not a missing file.
    const io3 = capture(dir);
    expect(await run(["forecast", "--corrections", ".", "--out", "o3"], io3.context)).toBe(2);
    expect(io3.err.at(-1)).toBe("dtm-flow forecast: cannot read .: it is a folder, not a file.");
  }, 60_000);

  it("never writes over the corrections file", async () => {
    const dir = folder("forecast-corrections-over-");
    writeFileSync(join(dir, "forecast.json"), JSON.stringify(REJECT));
    const io = capture(dir);
    expect(
      await run(["forecast", "--corrections", "forecast.json", "--out", "."], io.context),
    ).toBe(2);
    // Refused for that reason, not another (e.g. stale data without --as-of).
    expect(io.err.at(-1)).toMatch(
      /^dtm-flow forecast: refusing to overwrite the input file \S*forecast\.json with the output \S*forecast\.json/,
    );
    expect(JSON.parse(readFileSync(join(dir, "forecast.json"), "utf8"))).toEqual(REJECT);
  });
});
