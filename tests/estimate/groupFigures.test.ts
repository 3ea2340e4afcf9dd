import { describe, expect, it } from "vitest";
import {
  groupFigures,
  joinFigures,
  logSizeAfter,
  oversizedAfter,
} from "../../src/estimate/groupFigures.ts";
import { groupLogSize, oversized } from "../../src/estimate/trackCost.ts";
import type { CostReport } from "../../src/estimate/trackCost.ts";
import { mulberry32 } from "../../src/util/random.ts";

describe("groupFigures", () => {
  it("gives groupLogSize and oversized of the group with a report added, removed or not", () => {
    const random = mulberry32(31);
    for (let trial = 0; trial < 400; trial++) {
      const n = Math.floor(random() * 12);
      // Few distinct values (ties), parts, reports without a figure, figures 10× the group's.
      const report = (): CostReport => ({
        t: 0,
        logSize:
          random() < 0.3
            ? undefined
            : Math.log([300, 300, 1000, 4000, 40000][Math.floor(random() * 5)]),
        part: random() < 0.25,
      });
      const group = Array.from({ length: n }, report);
      const f = groupFigures(group);
      const extra = report();
      const added = { logSize: extra.logSize, part: extra.part, change: 1 as const };
      expect(logSizeAfter(f, added)).toBe(groupLogSize([...group, extra]));
      expect(oversizedAfter(f, added)).toBe(oversized([...group, extra]));
      expect(logSizeAfter(f, { change: 0 })).toBe(groupLogSize(group));
      expect(oversizedAfter(f, { change: 0 })).toBe(oversized(group));
      if (n > 0) {
        const k = Math.floor(random() * n);
        const gone = { logSize: group[k].logSize, part: group[k].part, change: -1 as const };
        const rest = group.filter((_, j) => j !== k);
        expect(logSizeAfter(f, gone)).toBe(groupLogSize(rest));
        expect(oversizedAfter(f, gone)).toBe(oversized(rest));
      }
      // Two groups' figures together (mergeTracklets.ts scores a merge by them).
      const other = Array.from({ length: Math.floor(random() * 12) }, report);
      const both = joinFigures(f, groupFigures(other));
      expect(both).toEqual(groupFigures([...group, ...other]));
      expect(logSizeAfter(both, { change: 0 })).toBe(groupLogSize([...group, ...other]));
      expect(oversizedAfter(both, { change: 0 })).toBe(oversized([...group, ...other]));
    }
  });
});
