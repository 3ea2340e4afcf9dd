import { beforeAll, describe, expect, it } from "vitest";
import { embedded2018, estimateTracks, timeDistance } from "../../src/index.ts";
import type { TimeDistance } from "../../src/index.ts";
import { isoOfDay, mareyChart, mareyTable } from "../../viewer/marey/chart.ts";
import {
  groupAt,
  layoutMarey,
  linear,
  MAREY_MARGIN,
  mareyFrame,
  nearestReport,
} from "../../viewer/marey/layout.ts";
import { toSvgString } from "../../viewer/render/vnode.ts";

let td: TimeDistance;
const size = { width: 900, height: 520 };
beforeAll(() => {
  const d = embedded2018();
  td = timeDistance(d, estimateTracks(d));
});

describe("marey layout", () => {
  it("linear scales map and invert", () => {
    const s = linear([0, 10], [100, 200]);
    expect(s(5)).toBe(150);
    expect(s.invert(150)).toBe(5);
  });

  it("places every report once inside the plot, km down, dates across", () => {
    const layout = layoutMarey(td, size, td.dayRange[0]);
    expect(layout.reports).toHaveLength(td.reports.length);
    for (const r of layout.reports) {
      expect(r.x).toBeGreaterThanOrEqual(MAREY_MARGIN.left);
      expect(r.x).toBeLessThanOrEqual(size.width - MAREY_MARGIN.right);
      if (!r.noPlace) expect(r.y).toBeGreaterThanOrEqual(MAREY_MARGIN.top);
      else expect(r.y).toBeLessThan(MAREY_MARGIN.top);
    }
    // Tapachula is below the Suchiate bridge (further along the route).
    const y = (name: string) => layout.y(td.stops.find((s) => s.name === name)!.km);
    expect(y("Tapachula")).toBeGreaterThan(y("Tecún Umán"));
    // Area ∝ people: a report of four times the people has twice the radius (above the minimum).
    const big = layout.reports.reduce((a, b) => (b.r > a.r ? b : a));
    expect(big.r).toBeCloseTo(11, 0);
    // Outliers are hollow.
    for (const r of layout.reports)
      expect(r.hollow).toBe(r.status !== "used" && r.status !== "accepted");
    // Stop labels never overlap.
    const ys = layout.stops.map((s) => s.y);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(10.9);
  });

  it("moves the cursor and each group's median person with t", () => {
    const layout = layoutMarey(td, size, td.dayRange[0]);
    const a = mareyFrame(layout, 5);
    const b = mareyFrame(layout, 6);
    expect(b.cursorX).toBeGreaterThan(a.cursorX);
    const first = layout.bands[0];
    const t = first.ts[3] - layout.day0;
    const f = mareyFrame(layout, t);
    expect(f.groups[0].y).toBeCloseTo(layout.y(first.kms[3]), 0);
    expect(mareyFrame(layout, -50).groups.every((g) => g.y === undefined)).toBe(true);
    // Hit testing: the report under the pointer, the group under the pointer.
    const r = layout.reports[0];
    const hit = nearestReport(layout, r.x + 1, r.y)!;
    expect([hit.x, hit.y]).toEqual([r.x, r.y]);
    expect(nearestReport(layout, -100, -100)).toBeUndefined();
    expect(groupAt(layout, f.cursorX, f.groups[0].y!)).toBe(first.group);
  });
});

describe("marey chart", () => {
  it("is an image labelled 'Time–distance chart' with every report once and a table alternative", () => {
    const layout = layoutMarey(td, size, td.dayRange[0]);
    const svg = toSvgString(mareyChart(layout, td, { lang: "en", t: 10 }));
    expect(svg).toMatch(/role="img" aria-label="Time–distance chart: 8 groups and 86 reports/);
    const ids = [...svg.matchAll(/data-report-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(86);
    expect(new Set(ids).size).toBe(86);
    const table = toSvgString(mareyTable(td, "es"));
    expect((table.match(/<tr data-report-id=/g) ?? []).length).toBe(86);
    expect(table).toContain("Reportes");
    expect(isoOfDay(17826)).toBe("2018-10-22");
  });

  it("emphasises the hovered group's band (class and thicker median), apart from the selected one", () => {
    const layout = layoutMarey(td, size, td.dayRange[0]);
    const [a, b] = layout.bands.map((x) => x.group);
    const svg = toSvgString(mareyChart(layout, td, { lang: "en", t: 10, selected: a, hovered: b }));
    const cls = (g: string) =>
      svg.match(new RegExp(`data-group="${g}"(?: class="([^"]*)")?`))?.[1] ?? "";
    expect(cls(a!)).toBe("selected");
    expect(cls(b!)).toBe("hovered");
    expect(svg.match(/stroke-width="2.5"/g)).toHaveLength(2);
    const same = toSvgString(
      mareyChart(layout, td, { lang: "en", t: 10, selected: a, hovered: a }),
    );
    expect(same).toContain(`data-group="${a}" class="selected hovered"`);
    const none = toSvgString(mareyChart(layout, td, { lang: "en", t: 10 }));
    expect(none).not.toMatch(/class="(selected|hovered)/);
  });

  it("writes file text as text, never markup", () => {
    const evil: TimeDistance = {
      ...td,
      reports: td.reports.map((r, i) =>
        i === 0 ? { ...r, placeName: "<img src=x onerror=alert(1)>" } : r,
      ),
    };
    const table = toSvgString(mareyTable(evil, "en"));
    expect(table).not.toContain("<img");
    expect(table).toContain("&lt;img src=x");
  });
});
