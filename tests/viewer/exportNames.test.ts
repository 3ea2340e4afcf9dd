/**
 * The names of the analyst panel's downloads: a picture is of the day shown, a table of every day
 * of the replay (the tryout's `dtm-flow-2018-11-25-tracks.csv` held all 207 group-days).
 */
import { describe, expect, it } from "vitest";
import { exportName, tableExportName } from "../../viewer/analyst/exports.ts";
import { defaultState } from "../../viewer/state.ts";
import type { ReplayData } from "../../viewer/data/replay.ts";

describe("export names", () => {
  const replay = { start: "2018-10-13", days: 93 } as unknown as ReplayData;

  it("a table is named by the replay's first and last days, a frame by the day shown", () => {
    expect(tableExportName(replay)).toBe("dtm-flow-2018-10-13-to-2019-01-14");
    const state = { ...defaultState(["en"]), t: 43.5 };
    expect(exportName(replay, state)).toBe("dtm-flow-2018-11-25");
  });

  it("a table of the corrected replay says so in its name", () => {
    const corrected = { ...replay, corrected: true as const };
    expect(tableExportName(corrected)).toBe("dtm-flow-corrected-2018-10-13-to-2019-01-14");
  });
});
