/**
 * Where the people unknown on a day were last seen (src/state/unknownLastSeen.ts) and the words
 * the situation update says of them (src/report/unknownText.ts), on the embedded 2018 data.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { embedded2018, runReplay, unknownLastSeen, unknownLastSeenLines } from "../../src/index.ts";
import type { CorridorDay, Replay } from "../../src/index.ts";

let replay: Replay;
beforeAll(() => {
  replay = runReplay(embedded2018());
});

/** A state of three days: a group of 1,000 that leaves the road, then a place that counts 400. */
function day(date: string, onRoad: number, present: number, departed: number): CorridorDay {
  const unknown = departed - onRoad - present;
  return {
    date,
    groups: onRoad
      ? [
          {
            group: "A",
            routeId: "main",
            km: 2000,
            kmLow: 1500,
            kmHigh: 3000,
            headKm: 2000,
            headKmLow: 1500,
            headKmHigh: 3000,
            tailKm: 2000,
            tailKmLow: 1500,
            tailKmHigh: 3000,
            lon: 0,
            lat: 0,
            size: 1000,
            sizeLow: 800,
            sizeHigh: 1200,
            onRoad,
            onRoadLow: onRoad,
            onRoadHigh: onRoad,
            status: "on_road",
          },
        ]
      : [],
    places: present
      ? [
          {
            placeName: "Tijuana",
            travelling: 0,
            resting: 0,
            waiting: 0,
            staying: present,
            present,
            presentLow: present,
            presentHigh: present,
          },
        ]
      : [],
    totals: {
      departed,
      inTransit: onRoad,
      presentAtPlaces: present,
      returned: 0,
      onward: 0,
      unknown,
    },
  };
}

describe("where the unknown people were last seen", () => {
  it("a group's people who leave the road are unknown last seen with it; those a count then places come out of its pool", () => {
    const state = [
      day("2018-11-01", 1000, 0, 1000),
      day("2018-11-02", 0, 0, 1000),
      day("2018-11-03", 0, 400, 1000),
    ];
    expect(unknownLastSeen(state, "2018-11-02")).toEqual([
      expect.objectContaining({
        kind: "group",
        name: "A",
        people: 1000,
        lastSeen: "2018-11-01",
        kmLow: 1500,
        kmHigh: 3000,
      }),
    ]);
    expect(unknownLastSeen(state, "2018-11-03")).toEqual([
      expect.objectContaining({ kind: "group", name: "A", people: 600 }),
    ]);
    expect(unknownLastSeen(state, "2018-11-01")).toEqual([]);
  });

  it("people who left with no holder rising were never placed", () => {
    const state = [day("2018-11-01", 1000, 0, 1000), day("2018-11-02", 1000, 0, 1500)];
    expect(unknownLastSeen(state, "2018-11-02")).toEqual([
      expect.objectContaining({ kind: "unplaced", people: 500 }),
    ]);
  });

  it("2018: the origins add up to the day's unknown on every day", () => {
    for (const d of replay.state) {
      const sum = unknownLastSeen(replay.state, d.date).reduce((s, u) => s + u.people, 0);
      expect(sum, d.date).toBe(d.totals.unknown);
    }
  });

  it("2018, 15 Dec: people no longer counted at Tijuana and Mexicali, and the silent groups where the law last placed them", () => {
    const seen = unknownLastSeen(replay.state, "2018-12-15");
    expect(seen[0]).toMatchObject({ kind: "place", name: "Tijuana" });
    const names = seen.map((u) => u.name);
    expect(names).toContain("Mexicali");
    expect(names).toContain("Caravans 2+3 combined");
    const lines = unknownLastSeenLines(seen, replay.dataset, "en");
    expect(lines[0]!.text).toMatch(
      /no longer in Tijuana's count since .* most likely crossed into the United States/,
    );
    // The line reads beside the places table: the city's count of the day is said with the
    // peak, and when more left the count than its fall from the peak, that others came after it.
    const tijuana = seen[0]!;
    const today = replay.state
      .find((d) => d.date === "2018-12-15")!
      .places.filter((p) => p.placeName === "Tijuana")
      .reduce((n, p) => n + p.present, 0);
    expect(tijuana.presentOn).toBeCloseTo(today, 6);
    expect(tijuana.presentDate).toBe("2018-12-15");
    const now = Math.round(today).toLocaleString("en-US");
    expect(lines[0]!.text).toContain(`(${tijuana.peak!.toLocaleString("en-US")} at its peak on `);
    expect(lines[0]!.text).toContain(`, ${now} counted on 15 Dec 2018`);
    expect(lines[0]!.text.includes("others arrived after the peak")).toBe(
      tijuana.people > tijuana.peak! - today + 0.5,
    );
    expect(lines.find((l) => l.label === "Caravans 2+3 combined")!.text).toMatch(
      /of Caravans 2\+3 combined: last placed on the road between \S.* and Tijuana \(km [\d,]+–4,522\) on \d+ Dec 2018/,
    );
    const es = unknownLastSeenLines(seen, replay.dataset, "es");
    expect(es[0]!.text).toMatch(
      /ya no están en el conteo de Tijuana desde el .* contadas el 15 dic 2018.* cruzado a Estados Unidos/,
    );
    expect(es.map((l) => l.text).join("\n")).not.toMatch(/no longer|most likely/);
  });
});
