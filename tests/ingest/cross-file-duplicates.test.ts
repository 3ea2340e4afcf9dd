/** Rows repeated across input files: said once per line, with both files' lines. */
import { describe, expect, it } from "vitest";
import { CrossFileDuplicates } from "../../src/ingest/cross-file-duplicates.ts";

describe("CrossFileDuplicates", () => {
  it("says a repeated line once, though a tally line is two rows (one per direction)", () => {
    const seen = new CrossFileDuplicates();
    const north = ["2018-10-25", "Ciudad Hidalgo", "northbound", "1200"];
    const south = ["2018-10-25", "Ciudad Hidalgo", "southbound", "35"];
    expect(seen.check(north, "a.csv", 2)).toBeUndefined();
    expect(seen.check(south, "a.csv", 2)).toBeUndefined();
    expect(seen.check(north, "b.xlsx", 3, "Resumen")).toEqual({
      file: "b.xlsx",
      line: 3,
      sheet: "Resumen",
      firstFile: "a.csv",
      firstLine: 2,
    });
    expect(seen.check(south, "b.xlsx", 3, "Resumen")).toBeUndefined();
    // Another line of the later file repeating the same line is said again.
    expect(seen.check(north, "b.xlsx", 4, "Resumen")?.line).toBe(4);
  });
  it("never reports a row repeated within one file", () => {
    const seen = new CrossFileDuplicates();
    expect(seen.check(["x", "1"], "a.csv", 2)).toBeUndefined();
    expect(seen.check(["x", "1"], "a.csv", 3)).toBeUndefined();
  });
});
