import { describe, expect, it } from "vitest";
import { sameDay } from "../../viewer/data/replay.ts";

describe("sameDay: the day shown when the viewer switches data sets", () => {
  it("keeps the calendar day when the new data cover it, else goes to their nearest end", () => {
    // 2018 replay from 13 Oct; the analyst's file from 20 Oct, 3 days long.
    const file = { start: "2018-10-20", days: 3 };
    expect(sameDay(8.5, "2018-10-13", file)).toBe(1.5); // 21 Oct at noon stays 21 Oct at noon
    expect(sameDay(2.375, "2018-10-13", file)).toBe(0); // 15 Oct is before the file: its first day
    expect(sameDay(40, "2018-10-13", file)).toBe(3); // 22 Nov is after it: its last day
    // And back: day 1.5 of the file is day 8.5 of the 2018 replay.
    expect(sameDay(1.5, "2018-10-20", { start: "2018-10-13", days: 80 })).toBe(8.5);
    expect(sameDay(1, "not a date", file)).toBe(0);
  });
});
