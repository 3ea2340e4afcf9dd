/**
 * runReplay with an analyst's corrections: the one pipeline (corrected estimate → ledger → state)
 * that `dtm-flow estimate/ledger/report --corrections` and the viewer's evidence worker run.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/embedded/index.ts";
import { CorrectionsError } from "../../src/evidence/corrections.ts";
import type { CorrectionsFile } from "../../src/evidence/corrections.ts";
import { estimateWithCorrections } from "../../src/evidence/estimateCorrected.ts";
import type { Dataset } from "../../src/model/dataset.ts";
import { runReplay } from "../../src/replay/replay.ts";
import type { Replay } from "../../src/replay/replay.ts";

const corrections: CorrectionsFile = {
  version: 1,
  corrections: [
    // A national figure with no place (data/corrections/example-2018.json) and the LGBT group
    // taken as part of the second caravan.
    { kind: "reject", sightingId: "S050" },
    { kind: "merge", group: "LGBT group", into: "Honduran caravan 2" },
  ],
};

let data: Dataset;
let plain: Replay;
let corrected: Replay;
beforeAll(() => {
  data = embedded2018();
  plain = runReplay(data);
  corrected = runReplay(data, { corrections });
});

describe("runReplay with corrections", () => {
  it("estimates with the corrections applied, as estimateWithCorrections (the CLI's estimate) does", () => {
    expect(corrected.corrections?.rejected).toEqual(["S050"]);
    expect(corrected.corrections?.applied.map((a) => a.kind)).toEqual(["reject", "merge"]);
    expect(corrected.dataset.sightings.some((s) => s.id === "S050")).toBe(false);
    // The input is unchanged.
    expect(data.sightings.some((s) => s.id === "S050")).toBe(true);
    expect(plain.dataset).toBe(data);
    expect(plain.corrections).toBeUndefined();
    const direct = estimateWithCorrections(data, corrections, { timeZone: data.timeZone });
    expect(corrected.estimate?.tracks).toEqual(direct.estimate.tracks);
    // And the estimate changed: no LGBT group, other sizes.
    const groups = (r: Replay) => r.estimate!.groups.map((g) => g.group).sort();
    expect(groups(plain)).toContain("LGBT group");
    expect(groups(corrected)).not.toContain("LGBT group");
    const size = (r: Replay) =>
      r.tracks.find((p) => p.group === "Honduran caravan 2" && p.date === "2018-11-10")?.size;
    expect(size(corrected)).not.toBe(size(plain));
  });

  it("builds the ledger and the state from the corrected estimate: they agree and conserve people", () => {
    expect(corrected.state.map((d) => d.date)).toEqual(
      corrected.ledger.departed.map((d) => d.date),
    );
    let changed = 0;
    for (const day of corrected.state) {
      const t = day.totals;
      expect(t.inTransit + t.presentAtPlaces + t.returned + t.onward + t.unknown).toBe(t.departed);
      const atPlaces = day.places.reduce((s, p) => s + p.resting + p.waiting + p.staying, 0);
      expect(atPlaces).toBe(t.presentAtPlaces);
      // The state's groups are the corrected tracks of the day, and its departed the ledger's.
      const tracks = corrected.tracks.filter((p) => p.date === day.date).map((p) => p.group);
      expect(day.groups.map((g) => g.group).sort()).toEqual(tracks.sort());
      expect(t.departed).toBe(corrected.ledger.departed.find((d) => d.date === day.date)?.value);
      const transit = corrected.ledger.split
        .filter((r) => r.date === day.date && r.category === "in_transit")
        .reduce((s, r) => s + r.value, 0);
      expect(t.inTransit).toBe(transit);
      const before = plain.state.find((d) => d.date === day.date);
      if (before && before.totals.inTransit !== t.inTransit) changed++;
    }
    expect(corrected.state.some((d) => d.groups.some((g) => g.group === "LGBT group"))).toBe(false);
    // The correction's effect reaches the ledger's in transit on many days.
    expect(changed).toBeGreaterThan(10);
  });

  it("a correction that does not fit the data is a CorrectionsError with its pointer", () => {
    expect(() =>
      runReplay(data, {
        corrections: { version: 1, corrections: [{ kind: "reject", sightingId: "S999" }] },
      }),
    ).toThrow(CorrectionsError);
  });
});
