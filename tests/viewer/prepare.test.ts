import { describe, expect, it } from "vitest";
import { assertInDelta } from "../asserts.ts";
import { prepareReplay } from "../../viewer/data/prepare.ts";
import { createLocalProvider } from "../../viewer/data/provider.ts";
import { dateOf, daysSince } from "../../viewer/data/replay.ts";
import { fixtureDataset, fixtureTracks } from "./fixture.ts";

describe("replay times", () => {
  it("daysSince(start, date) counts days from the start, a date alone at noon", () => {
    expect(daysSince("2018-10-13", "2018-10-13")).toBe(0.5);
    expect(daysSince("2018-10-13", "2018-10-15T06:00")).toBe(2.25);
    expect(daysSince("2018-10-13", "2018-11-01")).toBe(19.5);
    expect(dateOf("2018-10-13", 19.9)).toBe("2018-11-01");
  });
});

describe("prepareReplay", () => {
  it("prepareReplay({ dataset }) without tracks interpolates labelled groups between sightings and says so", () => {
    const r = prepareReplay({ dataset: fixtureDataset() });
    expect(r.trackMethod).toBe("interpolated");
    expect(r.start).toBe("2018-10-13");
    expect(r.groups.map((g) => g.id)).toEqual(["A", "B"]);
    const a = r.groups[0]!;
    // One frame per day from the first to the last sighting (13 Oct … 20 Nov).
    expect(a.frames).toHaveLength(39);
    for (const f of a.frames) {
      expect(f.sizeLow).toBeLessThanOrEqual(f.size);
      expect(f.sizeHigh).toBeGreaterThanOrEqual(f.size);
      expect(f.kmLow).toBeLessThanOrEqual(f.km);
      expect(f.kmHigh).toBeGreaterThanOrEqual(f.km);
    }
    // Moves forward along the route: km never decreases for this group.
    for (let i = 1; i < a.frames.length; i++)
      expect(a.frames[i]!.km).toBeGreaterThanOrEqual(a.frames[i - 1]!.km - 1e-9);
    // Exactly on the sized report of 22 Oct (t = 9.5): the reported size.
    assertInDelta(a.frames.find((f) => f.t === 9.5)!.size, 7000, 1e-6);
  });

  it("prepareReplay keeps the reports behind a group, unlabelled sightings stay out of groups", () => {
    const r = prepareReplay({ dataset: fixtureDataset() });
    expect(r.groups[0]!.reports.map((x) => x.id)).toEqual(["a1", "a2", "a3", "a4", "a5"]);
    expect(r.groups.flatMap((g) => g.reports.map((x) => x.id))).not.toContain("u1");
  });

  it("prepareReplay uses the estimator's tracks when given, with the along-route interval as a band", () => {
    const r = prepareReplay({ dataset: fixtureDataset(), tracks: fixtureTracks() });
    expect(r.trackMethod).toBe("estimate");
    const a = r.groups.find((g) => g.id === "A")!;
    expect(a.frames.map((f) => f.t)).toEqual([0.5, 1.5, 2.5]);
    expect(a.frames[1]!.band.length).toBeGreaterThanOrEqual(2);
  });

  it("prepareReplay sums border-point counts by day and direction, leaving blank totals out (not zero)", () => {
    const r = prepareReplay({ dataset: fixtureDataset() });
    const tu = r.flows.find((f) => f.id === "GT-TU")!;
    expect(tu.name).toBe("Tecún Umán");
    expect(tu.days.map((d) => d.byDirection)).toEqual([
      { northbound: 3000 },
      { northbound: 900, southbound: 500 },
      {},
    ]);
    // Heading points north-west along the corridor at Tecún Umán.
    expect(tu.heading[0]).toBeLessThan(0);
  });

  it("prepareReplay without a ledger draws the split from cumulative stock figures, held until the next report", () => {
    const r = prepareReplay({ dataset: fixtureDataset() });
    expect(r.split.basis).toBe("stocks");
    const asylum = r.split.values[r.split.categories.indexOf("asylum_claim")]!;
    expect(asylum[8]).toBe(0);
    expect(asylum[9]).toBe(380);
    expect(asylum[20]).toBe(380);
    expect(asylum[24]).toBe(3230);
  });

  it("prepareReplay sums ledger rows over countries into one column per day", () => {
    const r = prepareReplay({
      dataset: fixtureDataset(),
      split: [
        { date: "2018-10-14", category: "in_transit", value: 100, valueLow: 80, valueHigh: 120 },
        {
          date: "2018-10-14",
          category: "return",
          country: "HND",
          value: 10,
          valueLow: 10,
          valueHigh: 10,
        },
        {
          date: "2018-10-14",
          category: "return",
          country: "SLV",
          value: 5,
          valueLow: 4,
          valueHigh: 6,
        },
      ],
    });
    expect(r.split.basis).toBe("ledger");
    expect(r.split.categories).toEqual(["return", "in_transit"]);
    expect(r.split.values[0]![1]).toBe(15);
    expect(r.split.high[0]![1]).toBe(16);
  });

  it("prepareReplay lists people present at places with the shelter's capacity", () => {
    const r = prepareReplay({ dataset: fixtureDataset() });
    expect(r.presence).toEqual([
      {
        placeName: "Benito Juárez shelter",
        capacity: 3000,
        points: [
          { t: 40.5, date: "2018-11-22", value: 4730, sourceOrg: "Tijuana" },
          { t: 43.5, date: "2018-11-25", value: 5800, sourceOrg: "DIF" },
        ],
      },
    ]);
  });

  it("the replay data survives structuredClone unchanged (it can cross a Worker boundary)", () => {
    const r = prepareReplay({ dataset: fixtureDataset() });
    expect(structuredClone(r)).toEqual(r);
  });
});

describe("createLocalProvider", () => {
  it("load() reports its stages and returns the prepared replay", async () => {
    const stages: string[] = [];
    const p = createLocalProvider("test", () => fixtureDataset());
    const r = await p.load({ onProgress: (x) => stages.push(x.stage) });
    expect(p.id).toBe("test");
    expect(r.groups).toHaveLength(2);
    expect(stages).toEqual(["reading", "preparing", "done"]);
  });

  it("load() rejects when the dataset cannot be read (the caller keeps its replay)", async () => {
    const p = createLocalProvider("bad", () => {
      throw new Error("unreadable file");
    });
    await expect(p.load()).rejects.toThrow("unreadable file");
  });
});
