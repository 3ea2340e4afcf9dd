/**
 * A place's people resting on a count of an earlier day say how old it is, in the Markdown AND
 * the HTML situation update (review 23b M4: the HTML, the one planners open, had no count date).
 */
import { describe, expect, it } from "vitest";
import {
  buildSituationUpdate,
  embedded2018,
  renderHtml,
  renderMarkdown,
  runReplay,
} from "../../src/index.ts";

describe("count dates in the situation update (2018, as of 25 Nov)", () => {
  it("Mexicali's count of 19 Nov (3,224, read 6 days on as 2,015: review24b M2) says 'counted 19 Nov' in both renderings", () => {
    const dataset = embedded2018();
    const asOf = "2018-11-25";
    const { ledger, state, tracks } = runReplay(dataset, { asOf });
    const u = buildSituationUpdate({ ledger, dataset, asOf, state, tracks });
    expect(renderMarkdown(u)).toContain("2,015 (counted 19 Nov)");
    const html = renderHtml(u);
    expect(html).toContain("Mexicali 2,015 (counted 19 Nov)");
    // A place counted on the day has no age.
    expect(html).not.toMatch(/Tijuana [\d,]+ \(counted 25 Nov\)/);
  }, 120_000);
});

describe("a count that aged out (2018, as of 3 Dec; review 24b M1)", () => {
  it("Mexicali says 'not counted since 19 Nov', not 0, in Markdown and HTML, en and es", () => {
    const dataset = embedded2018();
    const asOf = "2018-12-03";
    const { ledger, state, tracks } = runReplay(dataset, { asOf });
    const u = buildSituationUpdate({ ledger, dataset, asOf, state, tracks });
    const md = renderMarkdown(u);
    expect(md).toContain("| Mexicali | not counted since 19 Nov |");
    expect(md).not.toContain("| Mexicali | 0 |");
    expect(renderHtml(u)).toContain("Mexicali not counted since 19 Nov");
    const es = buildSituationUpdate({ ledger, dataset, asOf, state, tracks }, { lang: "es" });
    expect(renderMarkdown(es)).toMatch(/\| Mexicali \| sin conteo desde el 19 nov/i);
    // A place present on the day keeps its figure.
    expect(md).toContain("| Tijuana | 6,838 (counted 29 Nov–3 Dec) |");
  }, 120_000);
});

describe("estimated people at a place (2018, as of 15 Nov; review 24b M4)", () => {
  it("the arrived LGBT group's people at Tijuana say 'estimated, not counted'", () => {
    const dataset = embedded2018();
    const asOf = "2018-11-15";
    const { ledger, state, tracks } = runReplay(dataset, { asOf });
    const day = state.find((d) => d.date === asOf)!;
    const tijuana = day.places.find((p) => p.placeName === "Tijuana")!;
    expect(tijuana.present).toBeGreaterThan(0);
    expect(tijuana.estimated).toBeCloseTo(tijuana.present, 0);
    // A counted place has no estimated people.
    expect(day.places.find((p) => p.placeName === "Mexico City")?.estimated).toBeUndefined();
    const u = buildSituationUpdate({ ledger, dataset, asOf, state, tracks });
    const md = renderMarkdown(u);
    expect(md).toMatch(/\| Tijuana \| [\d,]+ \(estimated, not counted\) \|/);
    const es = renderMarkdown(
      buildSituationUpdate({ ledger, dataset, asOf, state, tracks }, { lang: "es" }),
    );
    expect(es).toMatch(/\| Tijuana \| [\d,]+ \(estimadas, no contadas\) \|/);
  }, 120_000);
});
