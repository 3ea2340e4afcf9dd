/**
 * `dtm-flow ledger` on the embedded 2018 data: people present at places whom the sources attribute
 * to a tracked group are that group's people arriving, not more people who left (tryout22 #4).
 * On 19 Nov 2018 Baja California counted 3,224 in Mexicali and 2,700 in Tijuana of the first
 * Honduran caravan while its track was at Tijuana; the ledger used to count its people still "on
 * the road" beside the Mexicali figure, and departed jumped 25,253 → 29,109 → 29,915 from 18 to
 * 20 Nov with the tracked groups unchanged. Now departed rises only by what the figures show
 * beyond the groups (src/ledger/groupFigures.ts, docs/ledger.md "People at places from a group").
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { dayNumber, embedded2018, runReplay } from "../../src/index.ts";
import type { Replay } from "../../src/index.ts";
import { areaGroups } from "../../src/ledger/groupFigures.ts";
import { buildTree } from "../../src/ledger/tree.ts";
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import { capture } from "./capture.ts";
import { readCsvRows } from "./csvRows.ts";

const scratch = mkdtempSync(join(tmpdir(), "dtm-group-figures-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Row = Record<string, string>;

describe("ledger: figures of a group's people at places (2018)", () => {
  let departed: Map<string, Row>;
  let split: Row[];
  let report: {
    warnings: { code: string; date?: string; rows: number[]; message: string }[];
    departedBasis: {
      value: number;
      fromTracks: number;
      beyondTracks: number;
      date: string;
      reachedOn: string;
      beyondGroups: number;
      fromTracksFigure?: { sourceOrg?: string; measure: string; value: number };
      beyondGroupsFigures: {
        group: string;
        size: number;
        places: { placeName: string; value: number }[];
      }[];
      beyondGroupsTakenIn: { group: string; place: string; people: number }[];
    };
  };
  let stderr: string;
  let replay: Replay;
  beforeAll(async () => {
    const io = capture(scratch);
    expect(await run(["ledger", "--no-bom", "--out", "out"], io.context)).toBe(0);
    departed = new Map(readCsvRows(join(scratch, "out", "departed.csv")).map((r) => [r.date!, r]));
    split = readCsvRows(join(scratch, "out", "split.csv"));
    report = JSON.parse(readFileSync(join(scratch, "out", "report.json"), "utf8"));
    stderr = io.err.join("\n");
    replay = runReplay(embedded2018());
  }, 300_000);

  const num = (date: string, column: string) => Number(departed.get(date)![column]);

  it("keeps people conserved on every day, with the new beyond_groups column", () => {
    for (const r of departed.values()) {
      const parts = ["in_transit", "present_at_places", "returned", "onward", "unknown"];
      expect(
        parts.reduce((s, c) => s + Number(r[c]), 0),
        r.date,
      ).toBe(Number(r.value));
      expect(Number(r.beyond_groups), r.date).toBeGreaterThanOrEqual(0);
    }
  });

  it("does not jump 18→20 Nov beyond what new figures beyond the groups show", () => {
    // What may raise departed from 18 Nov: people at places attributed to a group beyond its
    // size (beyond_groups), people at places no figure attributes to a group that had no one
    // counted on 18 Nov (Mexico City's 650 of 19 Nov), more returns, and the tracked groups'
    // own size changes (the estimator's sizes of the groups on the road those days); and the
    // people of groups arrived by 18 Nov that no report supported there (their estimated size less
    // the count or interval's low end held at their route's end, src/ledger/arrived.ts), whom the
    // counts of 19 Nov place.
    const data = embedded2018();
    const tree = buildTree(data.stocks, createGazetteer(data.places), 40, {}, Infinity);
    const groupAt = areaGroups(tree.entries, data.stocks);
    const remaining = (date: string) =>
      split.filter((r) => r.date === date && r.category === "remaining" && r.place_name !== "");
    const before = new Set(remaining("2018-11-18").map((r) => r.place_name));
    const sizes = (date: string) =>
      replay.tracks
        .filter((p) => p.date === date && Number.isFinite(p.size))
        .reduce((s, p) => s + p.size, 0);
    const unsupported = replay.ledger.groups
      .filter((g) => g.date === "2018-11-18" && g.atDestination !== undefined)
      .reduce((s, g) => {
        const p = replay.tracks.find((t) => t.date === g.date && t.group === g.group)!;
        return s + Math.max(0, p.size - g.atDestination!);
      }, 0);
    for (const date of ["2018-11-19", "2018-11-20"]) {
      const newUnattributed = remaining(date)
        .filter(
          (r) => !before.has(r.place_name) && !groupAt.groupOf(r.place_name!, dayNumber(date)!),
        )
        .reduce((s, r) => s + Number(r.value), 0);
      const allowed =
        num(date, "beyond_groups") +
        newUnattributed +
        (num(date, "returned") - num("2018-11-18", "returned")) +
        Math.max(0, sizes(date) - sizes("2018-11-18")) +
        unsupported +
        5; // rounding of the rows to whole people
      const rise = num(date, "value") - num("2018-11-18", "value");
      expect(rise, date).toBeLessThanOrEqual(allowed);
    }
    // 19 Nov: the 5,924 counted in Baja California are Honduran caravan 1's 5,227, and 697 more,
    // of whom 318 are Salvadoran caravan 1's, silent since 1 Nov and taken in at Tijuana
    // (src/state/takenIn.ts, stop 27): 379 beyond any group.
    expect(num("2018-11-19", "beyond_groups")).toBe(379);
    expect(num("2018-11-19", "value") - num("2018-11-18", "value") - unsupported).toBeLessThan(
      1500,
    );
    // Honduran caravan 1 is no longer on the road once its people are counted at places.
    const hc1 = replay.ledger.groups.find(
      (g) => g.date === "2018-11-19" && g.group === "Honduran caravan 1",
    )!;
    expect(hc1.onRoad).toBe(0);
  });

  it("warns, naming the figures, when a group's figures exceed it; says what departed rests on", () => {
    const w = report.warnings.find(
      (x) => x.code === "figures_exceed_group" && x.date === "2018-11-19",
    )!;
    expect(w.message).toContain("Honduran caravan 1");
    expect(w.message).toContain("Mexicali 3,224, Tijuana 2,700");
    // Rows 26 and 27 (0-based) are the 19 Nov Mexicali and Tijuana figures (data/stocks.csv).
    expect(w.rows).toEqual([26, 27]);
    const b = report.departedBasis;
    expect(b.beyondTracks).toBe(b.value - b.fromTracks);
    // The headline names what each part rests on (review24b H3): no "left with the caravans"
    // range, no "origin not tracked"; the 16,000 is UNICEF's departure total, named as such.
    expect(b).not.toHaveProperty("withGroupsHigh");
    expect(b.fromTracksFigure).toMatchObject({ sourceOrg: "UNICEF", value: b.fromTracks });
    expect(stderr).toContain(
      // The day the total was reached stands with the total; the parts are the last day's
      // (the 16,000 is a figure of 11-30, not known on the day reached).
      `${b.value.toLocaleString("en-US")} people who left by then; the total was reached on ${b.reachedOn}; ` +
        `as of ${b.date}, ${b.fromTracks.toLocaleString("en-US")} rest on the tracked groups' sizes, counts and departure totals ` +
        `(largest: people who transited Guatemala by 2018-11-30, UNICEF)`,
    );
    // The departure total is named in words, never by its measure id (issue 14).
    expect(stderr).not.toMatch(/transited_guatemala|_cumulative/);
    expect(stderr).not.toMatch(/left with the caravans|origin not tracked/);
  });

  it("ledger's summary calls the total the people who left, in English and Spanish, not 'accounted for'", async () => {
    expect(stderr).toMatch(/[\d,]+ people who left by then; the total was reached on /);
    expect(stderr).not.toMatch(/accounted for by then/);
    const io = capture(scratch);
    expect(await run(["ledger", "--no-bom", "--lang", "es", "--out", "out-es"], io.context)).toBe(
      0,
    );
    const es = io.err.join("\n");
    expect(es).toMatch(/[\d,]+ personas que salieron hasta entonces; el total se alcanzó el /);
    expect(es).not.toMatch(/contabilizadas/);
    expect(es).toContain(
      "Tijuana 6,200 (US DHS Secretary Nielsen, 2018-11-20); menos 766 de Salvadoran caravan 1 recibidas por el conteo de Tijuana",
    );
  }, 300_000);

  it("carries beyond_groups while departed holds (review22c M3): never falls, never above the stock part", () => {
    const rows = [...departed.values()];
    for (let i = 1; i < rows.length; i++) {
      const [prev, row] = [rows[i - 1]!, rows[i]!];
      const beyond = Number(row.beyond_groups);
      expect(beyond, row.date).toBeLessThanOrEqual(Number(row.value) - Number(row.from_tracks));
      if (Number(row.value) === Number(prev.value))
        expect(beyond, row.date).toBeGreaterThanOrEqual(Number(prev.beyond_groups));
    }
    // Honduran caravan 1's track ends on 29 Nov; the 3,805 beyond it on 20 Nov stay in the total,
    // less Salvadoran caravan 1's 766 taken in at Tijuana (stop 27): 3,039.
    expect(num("2018-11-20", "beyond_groups")).toBe(3039);
    expect(num("2018-11-30", "beyond_groups")).toBe(3039);
    expect(num("2018-12-15", "beyond_groups")).toBe(3039);
    expect(report.departedBasis.beyondGroups).toBe(3039);
    // The hindsight ledger's stderr says the part beyond the groups (docs/ledger.md).
    // … with the figures that set it and their sources, in the warning's words.
    expect(stderr).toContain(
      "of which 3,039 counted at places beyond a tracked group's estimated size (over-counts or missed by the tracks): " +
        "Honduran caravan 1 (5,488, 3,545–8,684): Mexicali 3,093 on 2018-11-20 (the ledger's value between the counts of 2018-11-19, 3,224 by Baja California state (Gustavo Magallanes), and 2018-12-06, 1,000 by Baja California state (Gustavo Magallanes) via La Jornada)",
    );
    // A figure quoted with its source is that source's figure, with its date.
    expect(stderr).toContain("Tijuana 6,200 (US DHS Secretary Nielsen, 2018-11-20)");
    expect(stderr).not.toMatch(/Mexicali 3,093 \(Baja/);
    // The sentence adds up from its own figures: the silent group's people taken in at Tijuana
    // are named in it (3,093 + 6,200 − 5,488 − 766 = 3,039).
    expect(stderr).toContain(
      "Tijuana 6,200 (US DHS Secretary Nielsen, 2018-11-20); less 766 of Salvadoran caravan 1 taken in at Tijuana",
    );
    const basis = report.departedBasis;
    const placed = basis.beyondGroupsFigures.reduce(
      (n, f) => n + f.places.reduce((m, p) => m + p.value, 0) - f.size,
      0,
    );
    const taken = basis.beyondGroupsTakenIn.reduce((n, t) => n + t.people, 0);
    expect(Math.abs(placed - taken - basis.beyondGroups)).toBeLessThanOrEqual(1);
    expect(report.departedBasis.beyondGroupsFigures.map((f) => f.group)).toEqual([
      "Honduran caravan 1",
    ]);
    const w = report.warnings.find((x) => x.code === "figures_exceed_group")!;
    expect(w.message).toContain("over-counts or people the tracks missed");
  });

  it("says the same beyond the groups whatever the as-of date after they entered (as of 3 Dec)", async () => {
    const io = capture(scratch);
    const args = ["ledger", "--as-of", "2018-12-03", "--no-bom", "--out", "asof"];
    expect(await run(args, io.context)).toBe(0);
    const rows = readCsvRows(join(scratch, "asof", "departed.csv"));
    const at = (date: string) => rows.find((r) => r.date === date)!;
    const on20 = Number(at("2018-11-20").beyond_groups);
    expect(on20).toBeGreaterThan(0);
    for (const date of ["2018-11-29", "2018-11-30", "2018-12-01", "2018-12-02", "2018-12-03"])
      expect(Number(at(date).beyond_groups), date).toBe(on20);
    for (const r of rows) {
      const parts = ["in_transit", "present_at_places", "returned", "onward", "unknown"];
      expect(
        parts.reduce((s, c) => s + Number(r[c]), 0),
        r.date,
      ).toBe(Number(r.value));
    }
    const basis = JSON.parse(readFileSync(join(scratch, "asof", "report.json"), "utf8"))
      .departedBasis as { beyondGroups: number };
    expect(basis.beyondGroups).toBe(on20);
  }, 300_000);

  it("keeps the situation report's 15 Dec figures", () => {
    const on15 = split.filter((r) => r.date === "2018-12-15");
    const total = (category: string, keep: (r: Row) => boolean = () => true) =>
      on15
        .filter((r) => r.category === category && keep(r))
        .reduce((s, r) => s + Number(r.value), 0);
    expect(total("asylum_claim")).toBeGreaterThan(3700);
    expect(total("return", (r) => r.country === "HND" || r.country === "SLV")).toBeGreaterThan(
      8500,
    );
    expect(total("remaining", (r) => r.place_name === "Tijuana")).toBeGreaterThanOrEqual(4000);
  });
});
