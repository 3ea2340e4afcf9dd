/**
 * Findings of the newcomer's tryout of stop 20: each test fails without its fix.
 */
import { describe, expect, it } from "vitest";
import { countsLeftOutNote } from "../../cli/commands/estimate.ts";

describe("countsLeftOutNote: why counts were left out (tryout20 item 1)", () => {
  it("says that counts without sightings have no group to attach to, and what to give", () => {
    const note = countsLeftOutNote(4, 0, 0) ?? "";
    expect(note).toMatch(
      /^4 counts left out: no sightings were given, so the counts have no group/,
    );
    expect(note).toContain("give --sightings too");
    expect(note).toContain("dtm-flow ledger");
  });
  it("names sightings that found no group apart from no sightings at all", () => {
    expect(countsLeftOutNote(1, 3, 0)).toMatch(
      /^1 count left out: no group was found from the sightings/,
    );
  });
  it("points to report.json when groups exist, and says nothing when every count was used", () => {
    expect(countsLeftOutNote(2, 10, 3)).toBe(
      "2 counts left out; the reason for each is in report.json countsLeftOut",
    );
    expect(countsLeftOutNote(0, 0, 0)).toBeUndefined();
  });
});
