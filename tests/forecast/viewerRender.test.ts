import { describe, expect, it } from "vitest";
import { toSvgString } from "../../viewer/render/vnode.ts";
import {
  arrivalRows,
  forecastCones,
  forecastGroupStatus,
  forecastTable,
  forecastText,
} from "../../viewer/forecast/render.ts";
import type { ForecastView } from "../../viewer/forecast/view.ts";

const view: ForecastView = {
  asOf: "2018-11-01T12:00:00",
  asOfDate: "2018-11-01",
  horizonDays: 14,
  staleDays: 7,
  groups: [
    {
      group: "A",
      routeId: "main",
      lastObserved: "2018-11-01",
      daysSinceObserved: 0,
      status: "on_road",
      lastReport: "2018-10-25",
    },
    {
      group: "B",
      routeId: "main",
      lastObserved: "2018-10-30",
      daysSinceObserved: 2,
      status: "on_road",
    },
    {
      group: "C <i>",
      routeId: "main",
      lastObserved: "2018-10-20",
      daysSinceObserved: 12,
      status: "dissolved",
      place: "Orizaba",
      lastReport: "2018-10-18",
    },
    {
      group: "D",
      routeId: "main",
      lastObserved: "2018-10-31",
      daysSinceObserved: 1,
      status: "arrived",
      place: "Tijuana",
      lastReport: "2018-10-31",
    },
  ],
  arrivals: [
    { group: "A", placeId: "p2", place: "Far", km: 900, prob: 0.05 },
    {
      group: "A",
      placeId: "p1",
      place: "Near <b>",
      km: 500,
      p10: "2018-11-02",
      p50: "2018-11-03",
      p90: "2018-11-06",
      people: { p10: 900, p50: 1000, p90: 1100 },
      prob: 0.97,
      head: { p10: "2018-11-01", p50: "2018-11-02", p90: "2018-11-04" },
    },
    {
      group: "B",
      placeId: "p1",
      place: "Near <b>",
      km: 500,
      p10: "2018-11-09",
      prob: 0.3,
      head: { p10: "2018-11-01", p50: "2018-11-01", p90: "2018-11-01" },
      headReached: true,
    },
  ],
  cones: [
    {
      group: "A",
      routeId: "main",
      days: Array.from({ length: 15 }, (_, i) => ({
        date: `2018-11-${String(i + 1).padStart(2, "0")}`,
        km: { p10: 400 + i * 10, p50: 410 + i * 20, p90: 420 + i * 40 },
        band: [
          [-90 - i * 0.1, 15],
          [-90.5 - i * 0.1, 15.2],
        ] as [number, number][],
        at: [-90.2 - i * 0.1, 15.1] as [number, number],
      })),
    },
  ],
};

describe("forecast panel builders", () => {
  it("arrivalRows keeps places with ≥ 10 % chance within the horizon, per group, nearest first, and always the route's end", () => {
    // "Far" (km 900, 5 % within the horizon) is group A's last place: kept, as the CLI prints it
    // (13 Oct 2018: Tijuana at ~0 % for Honduran caravan 1 at La Entrada).
    expect(arrivalRows(view).map((r) => `${r.group}:${r.place}`)).toEqual([
      "A:Near <b>",
      "A:Far",
      "B:Near <b>",
    ]);
  });

  it("arrivalRows keeps the place just passed by most of the group, then the places ahead, and the route's end when it cuts", () => {
    const place = (i: number, mostPassed: boolean) => ({
      group: "A",
      placeId: `p${i}`,
      place: `P${i}`,
      km: 100 * i,
      prob: 0.9,
      ...(mostPassed ? { mostPassed: true as const } : {}),
    });
    // 14 places behind most of the group, then 6 ahead (the last, its destination).
    const many: ForecastView = {
      ...view,
      groups: [view.groups[0]!],
      arrivals: Array.from({ length: 20 }, (_, i) => place(i, i < 14)),
    };
    // The place kept behind is the one just passed (P13), not the farthest behind (P0).
    expect(arrivalRows(many).map((r) => r.place)).toEqual([
      "P13",
      "P14",
      "P15",
      "P16",
      "P17",
      "P18",
      "P19",
    ]);
    // Cut to four rows: the one just passed, the next two ahead, and the destination.
    expect(arrivalRows(many, 0.1, 4).map((r) => r.place)).toEqual(["P13", "P14", "P15", "P19"]);
  });

  it("forecastTable says 'by now' for dates on or before the as-of day (the library's arrivedByNow), en and es", () => {
    const now: ForecastView = {
      ...view,
      arrivals: [
        {
          ...view.arrivals[1]!,
          p10: "2018-11-01",
          p50: "2018-11-01",
          head: { p10: "2018-10-31", p50: "2018-11-01", p90: "2018-11-04" },
        },
      ],
    };
    const en = toSvgString(forecastTable(now, "en"));
    expect(en).toContain("by now");
    expect(en).not.toMatch(/1 Nov|31 Oct/);
    expect(toSvgString(forecastTable(now, "es"))).toContain("ya a la fecha");
  });

  it("forecastTable writes 'later' for quantiles past the horizon and place names as text", () => {
    const svg = toSvgString(forecastTable(view, "en"));
    expect(svg).toMatch(/later/);
    expect(svg).toContain("Near &lt;b&gt;");
    expect(svg).not.toContain("<b>");
    expect(svg).toMatch(/97 %/);
    expect(toSvgString(forecastTable({ ...view, arrivals: [] }, "es"))).toMatch(/Ningún|ningún/);
  });

  it("forecastTable gives the first people's p50 arrival beside the median person's", () => {
    const svg = toSvgString(forecastTable(view, "en"));
    expect(svg).toContain("First people (p50)");
    expect(svg).toMatch(/data-head-date="2018-11-02"[^>]*>2 Nov</);
    // Without a head forecast the cell says so with a dash, never a date.
    const headless = {
      ...view,
      arrivals: view.arrivals.map(({ head: _head, headReached: _reached, ...a }) => a),
    };
    expect(toSvgString(forecastTable(headless, "en"))).toMatch(/data-head-date=""[^>]*>–</);
    // A group no source sized: its people are "size not given" / "sin cifra", not a dash.
    expect(toSvgString(forecastTable(view, "en"))).toMatch(
      /data-people="unknown"[^>]*>size not given</,
    );
    expect(toSvgString(forecastTable(view, "es"))).toMatch(/data-people="unknown"[^>]*>sin cifra</);
    expect(toSvgString(forecastTable(view, "es"))).toContain("Primeras personas (p50)");
    // A place the head had already passed: "already there", not the as-of day as a date.
    expect(svg).toMatch(/data-head-date="2018-11-01" data-head-reached="1"[^>]*>already there</);
    expect(toSvgString(forecastTable(view, "es"))).toMatch(
      /data-head-reached="1"[^>]*>ya llegaron</,
    );
  });

  it("forecastTable says 'most already past' with the p90 for a place behind most of the group", () => {
    const passed: ForecastView = {
      ...view,
      arrivals: [
        {
          ...view.arrivals[1]!,
          p10: "2018-11-01",
          p50: "2018-11-01",
          p90: "2018-11-04",
          mostPassed: true,
        },
      ],
    };
    const en = toSvgString(forecastTable(passed, "en"));
    expect(en).toMatch(
      /data-most-passed="1"[^>]*>\s*most already past\s*<span[^>]*>the last may arrive by 4 Nov</,
    );
    // Not the as-of day as a median date, which would read as a place ahead.
    expect(en).not.toMatch(/>1 Nov</);
    const es = toSvgString(forecastTable(passed, "es"));
    expect(es).toMatch(
      /data-most-passed="1"[^>]*>\s*la mayoría ya pasó\s*<span[^>]*>los últimos pueden llegar hasta el /,
    );
    expect(toSvgString(forecastTable(view, "en"))).not.toContain("data-most-passed");
  });

  it("forecastTable says the last may arrive after the horizon when the p90 is past it", () => {
    const passed: ForecastView = {
      ...view,
      arrivals: [
        {
          ...view.arrivals[1]!,
          p10: "2018-11-01",
          p50: "2018-11-01",
          p90: undefined,
          mostPassed: true,
        },
      ],
    };
    const en = toSvgString(forecastTable(passed, "en"));
    expect(en).toMatch(/<span[^>]*>the last may arrive after the horizon</);
    expect(en).not.toMatch(/arrive by later/);
    const es = toSvgString(forecastTable(passed, "es"));
    expect(es).toMatch(/<span[^>]*>los últimos pueden llegar después del horizonte</);
    expect(es).not.toMatch(/hasta el después/);
  });

  it("forecastTable says beside each group when it was last reported", () => {
    const svg = toSvgString(forecastTable(view, "en"));
    expect(svg).toMatch(/data-last-report="2018-10-25"[^>]*> · last position report 25 Oct</);
    expect(toSvgString(forecastTable(view, "es"))).toMatch(
      /> · último reporte de posición 25 oct</,
    );
    // B has no position report: nothing said rather than a date.
    expect((svg.match(/data-last-report=/g) ?? []).length).toBe(1);
  });

  it("forecastGroupStatus names the groups not moved on: arrived (where) and dissolved (last placed), as text", () => {
    const svg = forecastGroupStatus(view, "en")
      .map((n) => toSvgString(n))
      .join("");
    expect(svg).toContain('data-status="dissolved"');
    expect(svg).toMatch(
      /C &lt;i&gt;: dissolved \(no report for more than 7 days\); last placed near Orizaba \(last position report 18 Oct\)/,
    );
    expect(svg).toMatch(
      /D: arrived at the end of its route: Tijuana \(last position report 31 Oct\)/,
    );
    expect(svg).not.toContain(">A:");
    expect(
      forecastGroupStatus(view, "es")
        .map((n) => toSvgString(n))
        .join(""),
    ).toMatch(/llegó al final de su ruta: Tijuana/);
    // The days are the forecast's staleDays, not a number in the text.
    const five = forecastGroupStatus({ ...view, staleDays: 5 }, "es")
      .map((n) => toSvgString(n))
      .join("");
    expect(five).toContain("hace más de 5 días");
    expect(five).not.toContain("{days}");
    const onRoad = { ...view, groups: view.groups.filter((g) => g.status === "on_road") };
    expect(forecastGroupStatus(onRoad, "en")).toEqual([]);
  });

  it("the panel's texts are plain text (a backtick would show as written), the command to run spelt out", () => {
    for (const lang of ["en", "es"] as const) {
      for (const key of ["note", "otherData", "none"] as const) {
        expect(forecastText(lang, key)).not.toContain("`");
      }
      expect(forecastText(lang, "otherData")).toMatch(
        /npx dtm-flow forecast --sightings \S+ --out/,
      );
    }
  });

  it("forecastCones draws a band per day and p50 dots 7 and 14 days ahead, projected", () => {
    const g = forecastCones(
      view,
      (lon, lat) => [lon * 10, -lat * 10],
      () => "#e69f00",
    );
    const svg = toSvgString(g);
    expect((svg.match(/<path /g) ?? []).length).toBe(15);
    expect((svg.match(/<circle /g) ?? []).length).toBe(2);
    expect(svg).toContain('d="M-900.0,-150.0L-905.0,-152.0"');
  });
});
