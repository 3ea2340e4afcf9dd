import { describe, expect, it } from "vitest";
import { embedded2018, reportDayPlace, reportRange } from "../../src/index.ts";
import { computeAsOfDay } from "../../viewer/data/asOfDay.ts";
import { situationPanel } from "../../viewer/charts/situation.ts";
import { toSvgString } from "../../viewer/render/vnode.ts";

describe("the days a situation update can be made for (one rule: report and the viewer)", () => {
  const data = embedded2018();
  const tz = "America/Mexico_City";

  it("as of a date: the data's days, narrowed by from and to; with hindsight: the ledger's days", () => {
    expect(reportRange(data, tz)).toEqual({ first: "2018-10-13", last: "2019-01-14" });
    expect(reportRange(data, tz, { from: "2018-11-01", to: "2020-01-01" })).toEqual({
      first: "2018-11-01",
      last: "2019-01-14",
    });
    const ledgerDays = [{ date: "2018-10-20" }, { date: "2018-12-31" }];
    expect(reportRange(data, tz, { hindsight: true, ledgerDays })).toEqual({
      first: "2018-10-20",
      last: "2018-12-31",
    });
    expect(reportRange(data, tz, { hindsight: true })).toBeUndefined();
    const empty = { ...data, stocks: [], counts: [], sightings: [] };
    expect(reportRange(empty, tz)).toBeUndefined();
  });

  it("places a day before, within or after the range, with an optional margin", () => {
    const range = { first: "2018-10-19", last: "2018-11-15" };
    expect(reportDayPlace("2018-10-18", range)).toBe("before");
    expect(reportDayPlace("2018-10-19", range)).toBe("within");
    expect(reportDayPlace("2018-11-15", range)).toBe("within");
    expect(reportDayPlace("2018-11-16", range)).toBe("after");
    expect(reportDayPlace("2018-11-16", range, 1)).toBe("within");
    expect(reportDayPlace("2018-11-17", range, 1)).toBe("after");
  });

  it("the viewer's as-of day outside the range has no figures and says which side (review23a L1)", () => {
    const after = computeAsOfDay(data, "2019-01-15");
    expect(after.situation).toBeUndefined();
    expect(after.outside).toEqual({ first: "2018-10-13", last: "2019-01-14", place: "after" });
    expect(computeAsOfDay(data, "2018-10-12").outside?.place).toBe("before");
    const basis = { mode: "as-of", status: "ready" } as const;
    const en = toSvgString(
      situationPanel(undefined, "2019-01-15", "en", {
        warnings: [],
        rows: {},
        basis,
        outside: after.outside,
      }),
    );
    expect(en).toContain('data-outside="after"');
    expect(en).toContain("After the data: no figures as known on this day");
    expect(en).toContain("13 Oct 2018 to 14 Jan 2019.");
    const es = toSvgString(
      situationPanel(undefined, "2019-01-15", "es", {
        warnings: [],
        rows: {},
        basis,
        outside: after.outside,
      }),
    );
    expect(es).toContain("Después de los datos");
    // With hindsight the note is not shown (the replay's own figures of the day are).
    const h = toSvgString(
      situationPanel(undefined, "2019-01-15", "en", {
        warnings: [],
        rows: {},
        basis: { mode: "hindsight", status: "ready" },
        outside: after.outside,
      }),
    );
    expect(h).not.toContain("After the data");
  });
});
