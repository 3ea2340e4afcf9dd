/**
 * `dtm-flow estimate` and the replay give the same group-days: a track that ends only because the
 * data end is held until the group is unseen by ONE library function (carryTracks,
 * src/state/onRoad.ts), so tracks.csv has the days the state, the ledger and the map have (2018:
 * four groups last reported 13–18 Nov are held up to 9 Dec), flagged `held_after_data`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { embedded2018, runReplay } from "../../src/index.ts";
import type { Replay } from "../../src/index.ts";
import { capture } from "./capture.ts";
import { readCsvRows } from "./csvRows.ts";

const scratch = mkdtempSync(join(tmpdir(), "dtm-held-after-data-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("estimate writes the replay's held days (2018)", () => {
  let rows: Record<string, string>[];
  let replay: Replay;
  beforeAll(async () => {
    const io = capture(scratch);
    expect(await run(["estimate", "--no-bom", "--out", "out"], io.context)).toBe(0);
    rows = readCsvRows(join(scratch, "out", "tracks.csv"));
    replay = runReplay(embedded2018());
  }, 300_000);

  it("has held_after_data before status (the last column), true only after each held track's last estimate", () => {
    const header = readFileSync(join(scratch, "out", "tracks.csv"), "utf8").split("\r\n")[0]!;
    expect(header.split(",").slice(-2)).toEqual(["held_after_data", "status"]);
    const held = rows.filter((r) => r.held_after_data === "true");
    // Four groups held on the road past their tracks, and two arrived groups (LGBT group,
    // Honduran caravan 1) held at their route's end (docs/ledger.md, an arrived group stays).
    expect(new Set(held.map((r) => r.group)).size).toBe(6);
    expect(held.filter((r) => r.status === "arrived").map((r) => r.group)).toContain("LGBT group");
    expect(held.some((r) => r.date === "2018-12-01")).toBe(true);
    for (const r of rows) expect(["", "true"]).toContain(r.held_after_data);
  });

  it("has the same group-days as the replay's tracks and state", () => {
    const key = (group: string, date: string) => `${group}|${date}`;
    const csvDays = new Set(rows.map((r) => key(r.group!, r.date!)));
    const replayDays = new Set(replay.tracks.map((p) => key(p.group, p.date)));
    expect([...csvDays].sort()).toEqual([...replayDays].sort());
    // Every group of the state on a day is a row of tracks.csv (1 Dec: the held groups too).
    for (const day of replay.state) {
      for (const g of day.groups) expect(csvDays.has(key(g.group, day.date))).toBe(true);
    }
    const dec1 = replay.state.find((d) => d.date === "2018-12-01")!;
    const heldDec1 = rows.filter((r) => r.date === "2018-12-01" && r.held_after_data === "true");
    expect(heldDec1.length).toBeGreaterThan(0);
    for (const r of heldDec1) expect(dec1.groups.map((g) => g.group)).toContain(r.group);
  });

  it("counts on the road in the state the tracks.csv sizes of the held on-road days", () => {
    for (const day of replay.state) {
      for (const g of day.groups) {
        const row = rows.find((r) => r.group === g.group && r.date === day.date)!;
        // A blank size (unknown) is NaN in the state.
        expect(row.size === "" ? NaN : Number(row.size)).toBe(g.size);
        // A held group on the road, not at a place and not unseen, has all of its people there
        // but those its destination's count took in (src/state/takenIn.ts).
        if (
          row.held_after_data === "true" &&
          g.status === "on_road" &&
          g.atPlace === undefined &&
          !g.unseenSince
        )
          expect(g.onRoad).toBeCloseTo(Number(row.size) * (1 - (g.takenIn ?? 0)), 6);
      }
    }
    const dec1 = replay.state.find((d) => d.date === "2018-12-01")!;
    const onRoadHeld = dec1.groups
      .filter((g) =>
        rows.some(
          (r) => r.group === g.group && r.date === dec1.date && r.held_after_data === "true",
        ),
      )
      .reduce((s, g) => s + g.onRoad, 0);
    expect(onRoadHeld).toBeGreaterThan(0);
  });
});
