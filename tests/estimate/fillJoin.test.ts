import { describe, expect, it } from "vitest";
import { joinByFill } from "../../src/estimate/fillJoin.ts";
import type { FillJoinOptions } from "../../src/estimate/fillJoin.ts";
import { DEFAULT_FILL_MODEL } from "../../src/estimate/bodyFill.ts";
import { DEFAULT_COST_MODEL } from "../../src/estimate/trackCost.ts";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { BIRTH_NATS } from "../../src/estimate/linkTracklets.ts";

const o: FillJoinOptions = {
  model: DEFAULT_COST_MODEL,
  fill: DEFAULT_FILL_MODEL,
  routeIds: ["r"],
  birth: BIRTH_NATS,
  maxGapDays: 10,
};

/** One report a day at `km0 + 25 d`, days 0…`days − 1`, at hour `hour` (of `size` people). */
function walk(days: number, km0: number, hour: number, size: number): LinkReport[] {
  const out: LinkReport[] = [];
  for (let d = 0; d < days; d++)
    out.push({
      t: d + hour / 24,
      kmByRoute: new Map([["r", km0 + 25 * d]]),
      logSize: Math.log(size),
    });
  return out;
}

describe("joinByFill", () => {
  it("joins the head and the tail of one body seen at two towns 100 km apart", () => {
    const reports = [...walk(10, 200, 9, 3000), ...walk(10, 100, 15, 3000)];
    const lists = joinByFill(
      reports,
      [[...Array(10).keys()], [...Array(10).keys()].map((i) => i + 10)],
      o,
    );
    expect(lists).toHaveLength(1);
    expect(lists[0]).toHaveLength(20);
  });

  it("keeps apart two groups 400 km apart seen on the same fifteen days", () => {
    const reports = [...walk(15, 500, 9, 3000), ...walk(15, 100, 15, 3000)];
    const a = [...Array(15).keys()];
    const lists = joinByFill(reports, [a, a.map((i) => i + 15)], o);
    expect(lists).toHaveLength(2);
  });

  it("does not give a report of 4,000 to a group of 300 (their figures)", () => {
    const reports = [...walk(10, 200, 9, 300), ...walk(3, 180, 15, 4000)];
    const lists = joinByFill(reports, [[...Array(10).keys()], [10, 11, 12]], o);
    expect(lists).toHaveLength(2);
  });
});
