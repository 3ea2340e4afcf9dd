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
