/**
 * tryout23 LOW 12, LOW 13 (and MED 11, LOW 14 below): the docs say what forecast.csv's `people_*` are of, and no longer
 * say the viewer's forecast is "from the data up to 12:00" (the panel and `forecast --as-of D`
 * use the data up to the end of the day, 24:00).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (p: string) => readFileSync(p, "utf8").replace(/\s+/g, " ");

describe("forecast docs", () => {
  it("say the viewer's forecast uses the data up to 24:00, as the panel writes it", () => {
    const panel = readFileSync("viewer/forecast/panel.ts", "utf8");
    expect(panel).toMatch(/24:00/);
    for (const doc of ["docs/viewer.md", "docs/forecasts.md"]) {
      expect(read(doc), doc).not.toMatch(/data up to (…|\.\.\.)? ?12:00/);
    }
    expect(read("docs/forecasts.md")).toMatch(/From the data up to … 24:00 only/);
  });

  it("define people_p10/p50/p90 of forecast.csv: the group's whole size over all runs on the median run's arrival day", () => {
    const doc = read("docs/forecasts.md");
    expect(doc).toMatch(
      /`people_p10`\/`people_p50`\/`people_p90` are the quantiles of the group's whole size \(people in the group, not at the place\)/,
    );
    // tryout24 #12: over all runs on the day the median run arrives, not the arriving runs alone.
    expect(doc).toMatch(/over all runs on the day the group's median run reaches the place/);
  });
});

describe("ledger docs (tryout23 MED 11, LOW 14)", () => {
  it("say what becomes of southbound counts, and that as-of series are fresh replays that may fall", () => {
    const doc = read("docs/ledger.md");
    expect(doc).toMatch(/\*\*Southbound counts\*\*/);
    expect(doc).toMatch(/`southbound_counts` warning/);
    expect(doc).toMatch(/A series of as-of figures is a series of fresh replays, and it may fall/);
  });
});
