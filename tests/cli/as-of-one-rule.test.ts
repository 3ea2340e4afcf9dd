/**
 * One rule for "as of a date" (review21b HIGH 1): `estimate --as-of D`, `forecast --as-of D` and
 * `report --as-of D` read the same reports — everything known by the end of D, local time
 * (asOfMoment) — so they place a group at the same km with the same size. Honduran caravan 1 on
 * 13 Nov 2018 was reported at 19:00 and 22:00 that day: read at noon (the old estimate/forecast
 * rule) it was at km 2,204 with 5,749 people; by the end of the day, at km 2,373 near Guadalajara
 * with 5,580 (5,410 of them on the road: 170 stayed in Mexico City).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { embedded2018, runReplay } from "../../src/index.ts";
import { capture } from "./capture.ts";
import { readCsvRows } from "./csvRows.ts";

describe("estimate, forecast and report --as-of 2018-11-13 read the same reports", () => {
  const dir = mkdtempSync(join(tmpdir(), "dtm-asof-one-rule-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const group = "Honduran caravan 1";
  const day = "2018-11-13";

  it("place Honduran caravan 1 at the same km with the same people", async () => {
    for (const command of ["estimate", "forecast", "report"]) {
      const io = capture();
      const args = [command, "--as-of", day, "--out", join(dir, command)];
      expect(await run(args, io.context), io.err.join("\n")).toBe(0);
    }
    const track = readCsvRows(join(dir, "estimate", "tracks.csv")).find(
      (r) => r.group === group && r.date === day,
    )!;
    const position = readCsvRows(join(dir, "forecast", "positions.csv")).find(
      (r) => r.group === group && r.date === day,
    )!;
    // The reports at 19:00 and 22:00 are in: past Irapuato (km 2,138), at Guadalajara.
    expect(Number(track.km)).toBeGreaterThan(2300);
    expect(position.km_p50).toBe(track.km);
    // The situation update: the group is "travelling through" Guadalajara with that many people,
    // from the same replay as the library's as-of state, less the 170 of it who stayed in Mexico
    // City (CDHDF, 10 Nov: a figure naming the group, src/ledger/groupFigures.ts); the forecast
    // moves the same people (src/forecast/startPeople.ts), not the whole group.
    const md = readFileSync(join(dir, "report", "situation-update.md"), "utf8");
    const size = (Number(track.size) - 170).toLocaleString("en-US");
    expect(md).toMatch(new RegExp(`\\| Guadalajara \\| ${size} \\|`));
    expect(Number(position.size_p50)).toBe(Number(track.size) - 170);
    const state = runReplay(embedded2018(), { asOf: day }).state.find((d) => d.date === day)!;
    const onRoad = state.groups.find((g) => g.group === group)!;
    expect(onRoad.km.toFixed(1)).toBe(track.km);
  }, 240_000);

  it("a date-time keeps its time: estimate --as-of 2018-11-13T12:00 leaves out the evening reports", async () => {
    const io = capture();
    const out = join(dir, "noon");
    expect(await run(["estimate", "--as-of", `${day}T12:00`, "--out", out], io.context)).toBe(0);
    const track = readCsvRows(join(out, "tracks.csv")).find(
      (r) => r.group === group && r.date === day,
    )!;
    expect(Number(track.km)).toBeLessThan(2300);
  }, 120_000);
});
