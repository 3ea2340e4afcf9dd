import { describe, expect, it } from "vitest";
import { endsAsWritten, lastTrackDates } from "../../src/index.ts";

describe("one last day of a track for tracks.csv and report.json", () => {
  const tracks = [
    { group: "Caravana 2", date: "2021-03-24" },
    { group: "Caravana 2", date: "2021-03-26" }, // held after the data (held_after_data)
    { group: "Caravana 2", date: "2021-03-25" },
    { group: "Caravana Tenosique", date: "2021-03-24" },
  ];
  it("reads the last row written, held days included", () => {
    expect(lastTrackDates(tracks).get("Caravana 2")).toBe("2021-03-26");
  });
  it("gives report.json groups the last row and trackEnds the day it is held through", () => {
    const ends = endsAsWritten(
      [
        { group: "Caravana 2", lastDate: "2021-03-24" },
        { group: "Caravana Tenosique", lastDate: "2021-03-24" },
      ],
      [
        { group: "Caravana 2", lastDate: "2021-03-24", reason: "end_of_data" },
        { group: "Caravana Tenosique", lastDate: "2021-03-24", reason: "destination" },
      ],
      tracks,
    );
    expect(ends.groups.map((g) => g.lastDate)).toEqual(["2021-03-26", "2021-03-24"]);
    expect(ends.trackEnds[0]).toEqual({
      group: "Caravana 2",
      lastDate: "2021-03-24",
      reason: "end_of_data",
      heldThrough: "2021-03-26",
    });
    expect(ends.trackEnds[1]).not.toHaveProperty("heldThrough");
  });
});
