import { describe, expect, it } from "vitest";
import { buildLedger } from "../../src/ledger/buildLedger.ts";
import { smallMultiplesSvg, stackedAreaSvg } from "../../src/report/charts.ts";
import { escapeHtml, formatDate, formatPeople } from "../../src/report/format.ts";
import { renderHtml, renderMarkdown } from "../../src/report/render.ts";
import { buildSituationUpdate, situationWarnings } from "../../src/report/situationUpdate.ts";
import type { StockFigure } from "../../src/model/stock.ts";
import { embedded2018 } from "../../src/embedded/index.ts";
import { runReplay } from "../../src/replay/replay.ts";
import { dataset, days, PLACES, track } from "../ledger/fixtures.ts";

const stocks: StockFigure[] = [
  {
    date: "2018-11-01",
    category: "asylum_claim",
    basis: "cumulative",
    country: "MEX",
    value: 1700,
    sourceOrg: "COMAR <script>",
    sourceType: "government",
    confidence: "high",
    url: "https://example.org/comar?a=1&b=2",
  },
  {
    date: "2018-11-03",
    category: "remaining",
    basis: "present",
    placeName: "Benito Juárez sports complex",
    value: 2500,
    sourceOrg: "Tijuana municipality",
    sourceType: "government",
  },
  {
    date: "2018-11-04",
    category: "remaining",
    basis: "present",
    placeName: "Tijuana",
    value: 2400,
  },
];

function update(asOf = "2018-11-04") {
  const data = dataset(stocks);
  const ledger = buildLedger({ dataset: data, tracks: track("A", days("2018-10-30", 6), 5000) });
  return buildSituationUpdate({ ledger, dataset: data, asOf }, { title: "Caravan update" });
}

describe("situation update", () => {
  it("buildSituationUpdate() gives the people who left first, then each category with its sources up to the date", () => {
    const u = update();
    expect(u.covered).toBe(true);
    expect(u.headlines[0]!.category).toBe("departed");
    const asylum = u.headlines.find((h) => h.category === "asylum_claim")!;
    expect(asylum.value).toBe(1700);
    expect(asylum.sources.map((s) => s.sourceOrg)).toEqual(["COMAR <script>"]);
    const total = u.headlines
      .filter((h) => h.category !== "departed")
      .reduce((s, h) => s + h.value, 0);
    expect(total).toBe(u.headlines[0]!.value);
  });

  it("buildSituationUpdate() lists sources dated on or before the date only", () => {
    const u = update("2018-11-02");
    expect(u.headlines.find((h) => h.category === "remaining")).toBeUndefined();
    expect(u.places).toEqual([]);
  });

  it("buildSituationUpdate() sums shelter capacity into the city panel", () => {
    const u = update();
    expect(u.places.map((p) => [p.placeName, p.capacity])).toEqual([["Tijuana", 3000]]);
  });

  it("buildSituationUpdate() says a date outside the data is not covered", () => {
    const u = update("2019-06-01");
    expect(u.covered).toBe(false);
    expect(renderMarkdown(u)).toMatch(/outside the data/);
    expect(renderHtml(u)).toMatch(/outside the data/);
  });

  it("situationWarnings() lists a row left out for its date on every day, dated warnings up to the day", () => {
    const bad = [
      { date: "2018-13-45", category: "return", value: 5, basis: "present", country: "HND" },
      { date: "27/10/2018", category: "return", value: 5, basis: "present", country: "HND" },
      { date: "2018-10-25", category: "nonsense", value: 5, basis: "present" },
    ] as never as StockFigure[];
    const data = dataset(bad);
    const ledger = buildLedger({ dataset: data, tracks: [] });
    expect(ledger.warnings.map((w) => w.date)).toEqual(["2018-13-45", "27/10/2018", "2018-10-25"]);
    const rowsOn = (asOf: string) => situationWarnings(ledger.warnings, asOf).map((w) => w.rows[0]);
    expect(rowsOn("2018-10-20")).toEqual([0, 1]);
    expect(rowsOn("2018-12-15")).toEqual([0, 1, 2]);
    const report = buildSituationUpdate({ ledger, dataset: data, asOf: "2018-10-20" });
    expect(report.warnings.map((w) => w.rows[0])).toEqual([0, 1]);
  });

  it("renderHtml() is self-contained: no scripts, no external loads, URLs only as visible text", () => {
    const html = renderHtml(update());
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(src|href|xlink:href)\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    // Every web address sits in a visible text span.
    const urls = html.match(/https?:\/\/[^\s<"]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(html).toContain(`<span class="url">${url}</span>`);
    expect(html).toContain("COMAR &lt;script&gt;");
    expect(html.match(/<svg /g)).toHaveLength(2);
  });

  it("renderMarkdown() has the headline table, sources and the per-place table", () => {
    const md = renderMarkdown(update());
    expect(md).toMatch(/^# Caravan update — as of 4 Nov 2018/);
    expect(md).toMatch(/\| Asylum claims \| 1,700 \|/);
    expect(md).toMatch(/COMAR \\<script\\>/);
    // 2,500 rests on Benito Juárez's 3 Nov count; Tijuana's own 4 Nov count is read too.
    expect(md).toMatch(/\| Tijuana \| 2,500 \(counted 3 Nov–4 Nov\) \|/);
    expect(md).toMatch(/shelters of Tijuana add up to 2,500/);
  });

  it("buildSituationUpdate() sets a report's figures dated on or before the date beside the ledger", () => {
    const data = dataset(stocks);
    const ledger = buildLedger({ dataset: data, tracks: [] });
    const seed = (id: string, asOf: string, value: number) => ({
      id,
      value,
      unit: "people",
      qualifier: "over" as const,
      measure: "asylum claims in Mexico",
      category: "asylum_claim" as const,
      countries: ["MEX"],
      placeNames: [],
      asOf,
      agency: "UN",
      section: "Mexico",
      quote: `over ${value}`,
    });
    const u = buildSituationUpdate(
      { ledger, dataset: data, asOf: "2018-11-04" },
      {
        seeds: [
          seed("a", "2018-11-02", 1500),
          seed("b", "2018-11-03", 2000),
          seed("c", "2018-12-01", 1),
        ],
      },
    );
    expect(u.seedChecks.map((c) => [c.seed.id, c.matches])).toEqual([
      ["a", true],
      ["b", false],
    ]);
    expect(renderMarkdown(u)).toMatch(/\| over 1,500 \| 1,700 .*\| fits the wording \|/);
    expect(renderHtml(u)).toContain("does not fit");
    // Each comparison names the figure it rests on and, when it does not fit, why.
    expect(u.seedChecks[1]!.gap).toMatch(/300 below the report's over 2,000/);
    expect(renderHtml(u)).toContain("MEX 1,700 (1 Nov, COMAR &lt;script&gt;)");
    expect(renderHtml(u)).not.toContain("COMAR <script>");
  });

  it("stackedAreaSvg() draws one path per category, stacked to the daily total", () => {
    const svg = stackedAreaSvg({
      dates: ["2018-10-13", "2018-10-14"],
      series: [
        { category: "return", values: [100, 200] },
        { category: "unknown", values: [50, 0] },
      ],
    });
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain("Returned");
    expect(svg).not.toMatch(/NaN|undefined/);
    expect(stackedAreaSvg({ dates: [], series: [] })).toMatch(/No split/);
  });

  it("smallMultiplesSvg() draws a capacity line only where a capacity is known, and breaks lines at gaps", () => {
    const svg = smallMultiplesSvg(
      [
        {
          placeName: "Tijuana",
          capacity: 3000,
          series: [
            { date: "2018-11-01", value: 10, valueLow: 5, valueHigh: 20 },
            { date: "2018-11-02", value: 12, valueLow: 6, valueHigh: 22 },
            { date: "2018-11-09", value: 30, valueLow: 20, valueHigh: 40 },
          ],
        },
        {
          placeName: "Mexicali",
          series: [{ date: "2018-11-05", value: 7, valueLow: 7, valueHigh: 7 }],
        },
      ],
      ["2018-11-01", "2018-11-10"],
    );
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(1);
    expect(svg).toContain("capacity not known");
    // Tijuana: two segments (band + line each); Mexicali: one.
    expect(svg.match(/<path /g)).toHaveLength(6);
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it("formatPeople(), formatDate() and escapeHtml() write figures as reports do", () => {
    expect(formatPeople(8523.4)).toBe("8,523");
    expect(formatPeople(undefined)).toBe("");
    expect(formatDate("2018-12-15")).toBe("15 Dec 2018");
    expect(escapeHtml(`<a href="x">'&`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;");
    expect(PLACES.length).toBeGreaterThan(0);
  });
});

describe("situation update on the embedded 2018 replay", () => {
  const data = embedded2018();
  const replay = runReplay(data);
  it.each(["2018-11-14", "2018-11-25", "2018-12-01", "2018-12-15"])(
    "on %s the presence panels and the headline give the same number per place",
    (asOf) => {
      const u = buildSituationUpdate({
        ledger: replay.ledger,
        dataset: data,
        asOf,
        state: replay.state,
      });
      const remaining = u.headlines.find((h) => h.category === "remaining");
      const today = (name: string) =>
        u.places.find((p) => p.placeName === name)?.series.find((s) => s.date === asOf)?.value;
      for (const p of u.places) {
        // Every panel runs to the date: the value shown is the value on the date.
        expect(p.series[p.series.length - 1]!.date).toBe(asOf);
        const inHeadline =
          remaining?.breakdown.find((b) => b.placeName === p.placeName)?.value ?? 0;
        expect(today(p.placeName)).toBe(inHeadline);
      }
      for (const b of remaining?.breakdown ?? []) {
        if (b.placeName) expect(today(b.placeName)).toBe(b.value);
      }
      // The table by status is the state of the day.
      const day0 = replay.state.find((d) => d.date === asOf)!;
      expect(u.presence).toEqual(day0.places);
      const inTransit = u.headlines.find((h) => h.category === "in_transit")?.value ?? 0;
      const day = replay.state.find((d) => d.date === asOf)!;
      expect(inTransit).toBe(day.totals.inTransit);
    },
  );
  it("on 2018-12-15 the people who left are explained even when they come from an earlier day", () => {
    const u = buildSituationUpdate({ ledger: replay.ledger, dataset: data, asOf: "2018-12-15" });
    const departed = u.headlines[0]!;
    const row = replay.ledger.departed.find((d) => d.date === "2018-12-15")!;
    // 29,111 is neither 16,000 (tracks and counts) nor 18,968 (accounted for): it is the total
    // reached earlier, which never falls; the method must say so.
    expect(departed.value).toBeGreaterThan(Math.max(row.fromTracks, row.accounted));
    expect(departed.method).toMatch(/the people who had left by the day before/);
  });
});

describe("situation update: people at places by status", () => {
  it("renders the state's places on the date in Markdown and HTML, place names escaped", () => {
    const data = embedded2018();
    const replay = runReplay(data);
    const u = buildSituationUpdate({
      ledger: replay.ledger,
      dataset: data,
      asOf: "2018-12-15",
      state: replay.state,
    });
    const md = renderMarkdown(u);
    expect(md).toMatch(/## People at places on the date, by status/);
    expect(md).toMatch(/\| Tijuana \| 0 \| 0 \| 0 \| 4,000 \| 4,000 \| /);
    expect(md).toMatch(/\| MEX \(no place given\) \| 0 \| 0 \| 3,736 \|/);
    const html = renderHtml({
      ...u,
      presence: [{ ...u.presence[0]!, placeName: "<b>x</b>" }],
    });
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(html).not.toContain("<b>x</b>");
  });
});
