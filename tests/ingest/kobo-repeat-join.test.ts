import { describe, expect, it } from "vitest";
import { joinRepeatSheet } from "../../src/ingest/kobo-repeat-join.ts";

describe("kobo-repeat-join", () => {
  const main = {
    name: "main",
    rows: [
      ["fecha", "punto", "_uuid", "_index"],
      ["2018-11-19", "MX-TAP", "u1", "1"],
    ],
  };
  it("puts the submission's columns before each repeat row; names rows with no submission", () => {
    const repeat = {
      name: "g",
      rows: [
        ["nac", "total", "_index", "_parent_index", "_submission__uuid"],
        ["HND", "390", "1", "1", "u1"],
        ["SLV", "180", "2", "9", "u9"],
      ],
    };
    const j = joinRepeatSheet(main, repeat)!;
    expect(j.through).toBe("_submission__uuid");
    expect(j.sheet.rows).toEqual([
      ["fecha", "punto", "nac", "total", "_index", "_parent_index", "_submission__uuid"],
      ["2018-11-19", "MX-TAP", "HND", "390", "1", "1", "u1"],
      ["", "", "SLV", "180", "2", "9", "u9"],
    ]);
    expect(j.orphans).toEqual([3]);
  });
  it("joins through _parent_index when there is no _submission__uuid; none without a key", () => {
    const repeat = {
      name: "g",
      rows: [
        ["total", "_parent_index"],
        ["390", "1"],
      ],
    };
    expect(joinRepeatSheet(main, repeat)!.sheet.rows[1]).toEqual([
      "2018-11-19",
      "MX-TAP",
      "390",
      "1",
    ]);
    expect(joinRepeatSheet(main, { name: "g", rows: [["total"], ["390"]] })).toBeUndefined();
  });
});
