import { describe, expect, it } from "vitest";
import {
  flowDetails,
  groupDetails,
  groupEstimateAt,
  headlineList,
  headlinesAt,
} from "../../viewer/charts/details.ts";
import { presenceChart } from "../../viewer/charts/presenceChart.ts";
import { situationOn, situationPanel } from "../../viewer/charts/situation.ts";
import { splitChart } from "../../viewer/charts/splitChart.ts";
import { prepareReplay } from "../../viewer/data/prepare.ts";
import type { SituationDay } from "../../viewer/data/replay.ts";
import { normaliseSvg, toSvgString } from "../../viewer/render/vnode.ts";
import type { VNode } from "../../viewer/render/vnode.ts";
import { formatCount } from "../../viewer/i18n.ts";
import { fixtureInput } from "./fixture.ts";

const replay = prepareReplay(fixtureInput());
const base = fixtureInput();
// The fixture's replay with a made-up split of one row per category and day (the chart reads the
// ledger's split).
const ledger = prepareReplay({
  ...base,
  ledger: { ...base.ledger, split: splitRows() },
});

function splitRows() {
  return Array.from({ length: 40 }, (_, d) => {
    const date = new Date(Date.UTC(2018, 9, 13 + d)).toISOString().slice(0, 10);
    const left = 2000 + 100 * d;
    const ret = Math.min(left, 40 * d);
    return [
      { date, category: "return" as const, value: ret, valueLow: ret * 0.9, valueHigh: ret * 1.1 },
      {
        date,
        category: "in_transit" as const,
        value: left - ret - 200,
        valueLow: left - ret - 400,
        valueHigh: left - ret,
      },
      { date, category: "unknown" as const, value: 200, valueLow: 0, valueHigh: 400 },
    ];
  }).flat();
}

/** Compares a builder's normalised SVG with tests/output/<name>.svg (regenerate with `vitest -u`). */
async function snapshot(name: string, node: VNode) {
  await expect(normaliseSvg(toSvgString(node)) + "\n").toMatchFileSnapshot(`../output/${name}.svg`);
}

describe("chart builders (normalised SVG snapshots in tests/output)", () => {
  it("splitChart(ledger split) stacks categories with a hatched unknown band and a cursor", async () => {
    const node = splitChart(ledger.split, { width: 600, height: 190, lang: "en", t: 20.5 });
    await snapshot("split-ledger-en", node);
    const svg = toSvgString(node);
    expect(svg).toContain('data-category="unknown"');
    expect(svg).toContain("url(#hatch-unknown)");
    expect(svg).toContain('data-role="cursor"');
  });

  it("splitChart(the library's ledger split of the fixture) labels in Spanish", async () => {
    await snapshot(
      "split-fixture-es",
      splitChart(replay.split, { width: 600, height: 190, lang: "es", t: 30 }),
    );
  });

  it("presenceChart(place) draws people present against the capacity line", async () => {
    const node = presenceChart(replay.presence[0]!, {
      width: 220,
      height: 80,
      lang: "en",
      days: replay.days,
      t: 42,
    });
    await snapshot("presence-shelter", node);
    const svg = toSvgString(node);
    expect(svg).toContain('data-role="capacity"');
    // t 42 is 24 Nov: the state's people present at Tijuana that day, with the count it rests on;
    // people and capacity on lines of their own, so neither is cut at 220 px.
    const day = base.state.find((d) => d.date === "2018-11-24")!;
    const tijuana = day.places.find((p) => p.placeName === "Tijuana")!;
    expect(svg).toContain(`>${formatCount("en", tijuana.present)} present</text>`);
    expect(svg).toContain(">/ 3,000 capacity</text>");
    expect(svg).toContain("counted 22 Nov");
  });

  it("flowDetails(border point) draws daily counts up (northbound) and down (southbound)", async () => {
    const flow = replay.flows[0]!;
    await snapshot("flow-details", flowDetails(flow, 7.5, "en", replay.days));
  });

  it("flowDetails names the point in Spanish when it has a Spanish name, in English otherwise", () => {
    const flow = {
      ...replay.flows[0]!,
      name: "El Chaparral border crossing",
      nameEs: "Garita El Chaparral",
    };
    expect(toSvgString(flowDetails(flow, 7.5, "es", replay.days))).toContain(
      "<h3>Garita El Chaparral</h3>",
    );
    expect(toSvgString(flowDetails(flow, 7.5, "en", replay.days))).toContain(
      "<h3>El Chaparral border crossing</h3>",
    );
  });
});

describe("details and headlines", () => {
  it("groupDetails shows size and km with intervals and every report behind the group", () => {
    const a = replay.groups.find((g) => g.id === "A")!;
    const day = groupEstimateAt(a, 9.7)!;
    expect(day.date).toBe("2018-10-22");
    const text = toSvgString(groupDetails(a, 9.7, "en", replay.start));
    expect(text).toContain(`${formatCount("en", day.size)} (`);
    expect(text).toContain(" km (");
    expect((text.match(/<li/g) ?? []).length).toBe(a.reports.length);
    expect(a.reports.length).toBeGreaterThan(2);
  });

  it("groupDetails renders markup in a source name as text and never links a javascript: URL", () => {
    const a = replay.groups.find((g) => g.id === "A")!;
    const text = toSvgString(groupDetails(a, 9.5, "en", replay.start));
    expect(text).toContain("Press &lt;b&gt;agency&lt;/b&gt;");
    expect(text).not.toContain("javascript:");
    expect(text).toContain('href="https://example.org/un"');
  });

  it("headlinesAt(t) gives the latest cumulative figure per category reported on or before t", () => {
    expect(headlinesAt(replay.headlines, 5)).toEqual([]);
    expect(headlinesAt(replay.headlines, 10).map((h) => [h.category, h.value])).toEqual([
      ["asylum_claim", 380],
      ["return", 3500],
    ]);
    expect(headlinesAt(replay.headlines, 30).map((h) => [h.category, h.value])).toEqual([
      ["asylum_claim", 3230],
      ["return", 3500],
    ]);
  });

  it("headlineList names the source and the as-of date of each figure", () => {
    const text = toSvgString(headlineList(replay.headlines, 30, "es", replay.start));
    expect(text).toContain("Últimas cifras reportadas por las fuentes, al 12 nov 2018");
    expect(text).toContain("SEGOB");
    expect(text).toContain("Solicitudes de asilo");
  });

  it("headlineList lists a figure several sources published once, with every source", () => {
    const same = (sourceOrg: string) => ({
      category: "return" as const,
      basis: "cumulative" as const,
      t: 60,
      date: "2018-12-12",
      value: 27,
      country: "GTM",
      sourceOrg,
      from: "stock" as const,
    });
    const reported = [same("IOM (UN inter-agency report)"), same("IOM")];
    const text = toSvgString(headlineList(reported, 63, "en", "2018-10-13"));
    expect(text.match(/<li/g)).toHaveLength(1);
    expect(text).toContain("IOM (UN inter-agency report), IOM");
    // A different figure on the same day keeps its own line.
    const other = { ...same("UNHCR"), value: 30 };
    const two = toSvgString(headlineList([...reported, other], 63, "en", "2018-10-13"));
    expect(two.match(/<li/g)).toHaveLength(2);
  });

  it("headlineList gives a reported figure exactly, as its source did, with the place's Spanish name", () => {
    const reported = [
      {
        category: "remaining" as const,
        basis: "present" as const,
        t: 40,
        date: "2018-11-22",
        value: 4731,
        placeName: "Benito Juárez sports complex",
        sourceOrg: "official figures (via AFP)",
        from: "stock" as const,
      },
    ];
    const places = [
      { name: "Benito Juárez sports complex", nameEs: "Unidad Deportiva Benito Juárez" },
    ];
    const es = toSvgString(headlineList(reported, 43, "es", "2018-10-13", places));
    expect(es).toMatch(/data-value="4731"[^>]*>4,731</);
    expect(es).toContain("Unidad Deportiva Benito Juárez");
    expect(es).not.toContain("sports complex");
    const en = toSvgString(headlineList(reported, 43, "en", "2018-10-13", places));
    expect(en).toContain("Latest figures reported by the sources, as of 25 Nov 2018");
    expect(en).toMatch(/>4,731</);
    expect(en).toContain("Benito Juárez sports complex");
  });

  it("headlineList shows situation-report figures with their qualifier and agency, and people remaining", () => {
    const withSeeds = prepareReplay({
      ...fixtureInput(),
      seeds: [
        {
          id: "sr-02",
          value: 3700,
          unit: "people",
          qualifier: "over",
          measure: "people who sought asylum in Mexico",
          category: "asylum_claim",
          countries: ["MEX"],
          placeNames: [],
          asOf: "2018-11-24",
          agency: "UN inter-agency",
          section: "Background",
          quote: "Over 3,700 persons have sought asylum in Mexico",
        },
        {
          id: "sr-04",
          value: 17,
          unit: "government bodies",
          qualifier: "at_least",
          measure: "bodies",
          countries: ["MEX"],
          placeNames: [],
          asOf: "2018-11-24",
          agency: "Civil Protection",
          section: "Mexico",
          quote: "at least 17",
        },
      ],
    });
    const shown = headlinesAt(withSeeds.headlines, 43);
    expect(shown.map((h) => [h.category, h.value, h.from])).toEqual([
      ["asylum_claim", 3700, "report"],
      ["return", 3500, "stock"],
      ["remaining", 5800, "stock"],
    ]);
    const text = toSvgString(headlineList(withSeeds.headlines, 43, "en", withSeeds.start));
    expect(text).toContain("over 3,700");
    expect(text).toContain("UN inter-agency");
  });
});

describe("situation panel", () => {
  const day: SituationDay = {
    date: "2018-11-25",
    headlines: [
      { category: "departed", value: 29111, valueLow: 25102, valueHigh: 40858 },
      { category: "in_transit", value: 4941, valueLow: 2014, valueHigh: 15632 },
    ],
    places: [
      {
        placeName: "<b>Tijuana</b>",
        country: "MEX",
        capacity: 9000,
        travelling: 12.5,
        resting: 0,
        waiting: 0,
        staying: 5516,
        present: 5516,
        presentLow: 4909,
        presentHigh: 5954,
      },
      {
        country: "MEX",
        travelling: 0,
        resting: 0,
        waiting: 3736,
        staying: 0,
        present: 3736,
        presentLow: 3493,
        presentHigh: 4070,
      },
    ],
  };

  it("shows the library's figures of the day in its data-* attributes (people whole, as places.csv), place names as text", () => {
    const text = toSvgString(situationPanel(day, "2018-11-25", "en"));
    expect(text).toContain(
      'data-category="departed" data-value="29111" data-low="25102" data-high="40858"',
    );
    expect(text).toContain("People who left: 29,111 (25,102–40,858)");
    expect(text).toContain('data-category="in_transit" data-value="4941"');
    expect(text).toContain('data-place="&lt;b&gt;Tijuana&lt;/b&gt;"');
    // Whole people, as places.csv writes them (tryout21 item 17: 383.99999999999983 was written).
    expect(text).toContain('data-travelling="13"');
    expect(text).not.toMatch(/data-(travelling|resting|waiting|staying|present)="[\d]+\.\d/);
    expect(text).toContain("MEX (no place given)");
    expect(text).not.toContain("<b>");
    expect(
      toSvgString(
        situationPanel(day, "2018-11-25", "es", { warnings: [], rows: {}, placesOpen: true }),
      ),
    ).toContain("Personas que salieron");
    // The place's Spanish name is shown in Spanish; data-place keeps the library's name.
    const places = [
      {
        placeId: "T",
        name: "<b>Tijuana</b>",
        nameEs: "<b>Tiyuana</b>",
        aliases: [],
        lat: 32.5,
        lon: -117,
        kind: "city" as const,
      },
    ];
    const es = toSvgString(
      situationPanel(day, "2018-11-25", "es", { warnings: [], rows: {}, places }),
    );
    expect(es).toContain("&lt;b&gt;Tiyuana&lt;/b&gt;");
    expect(es).toContain('data-place="&lt;b&gt;Tijuana&lt;/b&gt;"');
    const en = toSvgString(
      situationPanel(day, "2018-11-25", "en", { warnings: [], rows: {}, places }),
    );
    expect(en).not.toContain("Tiyuana");
  });

  it("says so on a day with no ledger figures, and finds a day by its date", () => {
    expect(situationOn([day], "2018-11-25")).toBe(day);
    expect(situationOn([day], "2018-11-26")).toBeUndefined();
    expect(toSvgString(situationPanel(undefined, "2019-02-01", "en"))).toContain(
      "No ledger figures on this day.",
    );
  });
});
