/** The evidence table's km read as the estimate line's ("1,832 km"), never "1832.2". */
import { describe, expect, it } from "vitest";
import { kmCell } from "../../viewer/evidence/panel.ts";

describe("evidence table km", () => {
  it("whole km grouped by thousands, with the unit, in both languages", () => {
    expect(kmCell("en", 1832.2)).toBe("1,832 km");
    expect(kmCell("es", 1832.2)).toBe("1,832 km");
    expect(kmCell("en", 4522)).toBe("4,522 km");
  });
  it("one decimal below 10 km; a dash when unknown", () => {
    expect(kmCell("en", 0.44)).toBe("0.4 km");
    expect(kmCell("en", undefined)).toBe("–");
    expect(kmCell("en", Number.NaN)).toBe("–");
  });
});
