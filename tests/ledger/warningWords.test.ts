/**
 * The ledger's data-quality sentences read as a situation report would write them: categories in
 * words ("asylum claims", not `asylum_claim`) and people with thousands separators (12,849), on
 * the embedded 2018 data, where the sources contradict each other in every way the ledger warns of.
 */
import { describe, expect, it } from "vitest";
import { embedded2018, runReplay } from "../../src/index.ts";
import { categoryWords, describeRow, formatPeople } from "../../src/ledger/describe.ts";

describe("ledger warnings in words (src/ledger/describe.ts)", () => {
  it("categoryWords, formatPeople and describeRow write words and grouped numbers", () => {
    expect(categoryWords("asylum_claim")).toBe("asylum claims");
    expect(categoryWords("return")).toBe("returns");
    expect(categoryWords("departed")).toBe("people who left");
    expect(categoryWords("not_a_category")).toBe("not_a_category");
    expect(formatPeople(12849.4)).toBe("12,849");
    expect(formatPeople(NaN)).toBe("");
    expect(
      describeRow(
        {
          date: "2018-12-13",
          category: "asylum_claim",
          value: 3700,
          basis: "cumulative",
          country: "MEX",
        },
        45,
      ),
    ).toBe("stock row 45 (2018-12-13, asylum claims, MEX, 3,700)");
  });

  it("on the 2018 data no warning names a category by its code or writes a large number ungrouped", () => {
    const { ledger } = runReplay(embedded2018());
    const messages = ledger.warnings.map((w) => w.message);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      expect(m).not.toMatch(/asylum_claim|in_transit|\bregularized\b|(?<!people )remaining/);
      expect(m).not.toMatch(/\d{4}-\d\d-\d\d (return|asylum)/);
      // Dates aside, a number of four digits or more is grouped (5,000, not 5000).
      const withoutDates = m.replace(/\d{4}-\d\d-\d\d/g, "");
      expect(withoutDates, m).not.toMatch(/\d{4,}/);
    }
    const all = messages.join("\n");
    expect(all).toMatch(/cumulative total of asylum claims in MEX falls from \d{1,3},\d{3}/);
    expect(all).toMatch(/the sources account for \d{1,3},\d{3} people/);
  }, 30_000);
});
