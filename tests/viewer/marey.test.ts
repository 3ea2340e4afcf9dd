import { beforeAll, describe, expect, it } from "vitest";
import { embedded2018, estimateTracks, timeDistance } from "../../src/index.ts";
import type { TimeDistance } from "../../src/index.ts";
import {
  bandOrder,
  cursorNote,
  isoOfDay,
  mareyChart,
  mareyTable,
} from "../../viewer/marey/chart.ts";
import { mareySvgText } from "../../viewer/marey/view.ts";
import { CANVAS_MARKS, drawMarks } from "../../viewer/marey/marks.ts";
import type { MarksContext } from "../../viewer/marey/marks.ts";
import {
  groupAt,
  layoutMarey,
  linear,
  MAREY_MARGIN,
  mareyFrame,
  nearestReport,
} from "../../viewer/marey/layout.ts";
import { toSvgString } from "../../viewer/render/vnode.ts";
import { formatDate } from "../../viewer/i18n.ts";

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
    // A day outside the chart's days holds the cursor at the edge and says which side (the
    // replay runs on after the tracks end; the cursor used to leave the chart).
    expect(a.beyond).toBeUndefined();
    const late = mareyFrame(layout, td.dayRange[1] - layout.day0 + 30);
    expect(late.beyond).toBe("after");
    expect(late.cursorX).toBe(layout.width - MAREY_MARGIN.right);
    const early = mareyFrame(layout, -50);
    expect(early.beyond).toBe("before");
    expect(early.cursorX).toBe(MAREY_MARGIN.left);
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
    // Km grouped by thousands ("2,078"), as the details, the evidence and the map tooltip say.
    const en = toSvgString(mareyTable(td, "en"));
    expect(en).toMatch(/<td>\d,\d{3}<\/td>/);
    expect(en).not.toMatch(/<td>\d{4}<\/td>/);
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

  it("draws the hovered band last (on top), then restores the layout's order", () => {
    const layout = layoutMarey(td, size, td.dayRange[0]);
    const names = layout.bands.map((b) => b.group);
    const order = (selected?: string, hovered?: string) =>
      [
        ...toSvgString(mareyChart(layout, td, { lang: "en", t: 10, selected, hovered })).matchAll(
          /<g data-group="([^"]*)"/g,
        ),
      ].map((m) => m[1]);
    const [a, b] = [names[1]!, names[3]!];
    expect(order()).toEqual(names);
    expect(order(a).at(-1)).toBe(a);
    // Hovered above the selected one; the others keep their order.
    expect(order(a, b).slice(-2)).toEqual([a, b]);
    expect(order(a, b).slice(0, -2)).toEqual(names.filter((n) => n !== a && n !== b));
    expect(order(undefined, b).at(-1)).toBe(b);
    expect(order(undefined, undefined)).toEqual(names);
    expect(bandOrder([{ group: "x" }, { group: "y" }], undefined, "x").map((g) => g.group)).toEqual(
      ["y", "x"],
    );
  });

  it("leaves the marks out of the SVG when they go on a canvas, and the canvas draws each once", () => {
    const layout = layoutMarey(td, size, td.dayRange[0]);
    const svg = toSvgString(mareyChart(layout, td, { lang: "en", t: 10, marksElsewhere: true }));
    expect(svg).not.toContain("data-report-id");
    expect(svg).toContain(`data-marks="canvas" data-count="${layout.reports.length}"`);
    expect(svg).toMatch(/aria-label="Time–distance chart: 8 groups and 86 reports/);
    // A recording context: one circle per report, filled unless set aside, a cross when rejected.
    const calls: string[] = [];
    const ctx = new Proxy({} as Record<string, unknown>, {
      get:
        (_t, k) =>
        (...args: unknown[]) =>
          calls.push(`${String(k)}:${args.length}`),
      set: () => true,
    }) as unknown as MarksContext;
    drawMarks(ctx, layout.reports, layout, 2);
    expect(calls.filter((c) => c.startsWith("arc")).length).toBe(layout.reports.length);
    expect(calls.filter((c) => c.startsWith("fill:")).length).toBe(
      layout.reports.filter((r) => !r.hollow).length,
    );
    expect(calls.filter((c) => c.startsWith("fillRect")).length).toBe(
      layout.reports.filter((r) => r.bar).length,
    );
    expect(calls[0]).toBe("setTransform:6");
    expect(CANVAS_MARKS).toBeGreaterThan(layout.reports.length);
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

describe("the cursor past the chart's days", () => {
  it("the SVG export shows what the screen shows: the cursor dashed at the edge and the note with both dates", () => {
    const layout = layoutMarey(td, size, td.dayRange[0]);
    // 15 days after the chart's last day (2018: the replay runs on with the ledger after the tracks).
    const t = td.dayRange[1] - layout.day0 + 15.5;
    const shown = formatDateFor(td.dayRange[1] + 15);
    const svg = mareySvgText(layout, td, { lang: "en", theme: "light", t, places: [] });
    const cursor = /<line[^>]*id="marey-cursor"[^>]*>/.exec(svg)![0];
    expect(cursor).toContain('stroke-dasharray="3 3"');
    expect(cursor).toContain(`x1="${layout.width - MAREY_MARGIN.right}"`);
    const last = formatDateFor(td.dayRange[1], false);
    expect(svg).toMatch(
      new RegExp(
        `id="marey-cursor-note"[^>]*>${shown}: after the chart(&#39;|')s last day \\(${last}\\) →</text>`,
      ),
    );
    expect(cursorNote("es", layout, t, mareyFrame(layout, t)).text).toMatch(
      /: después del último día del gráfico \(\d+ [a-z]+\.?\) →$/,
    );
    // Within the chart's days: a solid cursor and no note, on screen and in the file.
    const inside = mareySvgText(layout, td, { lang: "en", theme: "light", t: 5.5, places: [] });
    expect(/<line[^>]*id="marey-cursor"[^>]*>/.exec(inside)![0]).not.toContain("dasharray");
    expect(inside).toMatch(/id="marey-cursor-note"[^>]*><\/text>|id="marey-cursor-note"[^>]*\/>/);
    const before = cursorNote("en", layout, -3, mareyFrame(layout, -3));
    expect(before).toMatchObject({ dash: "3 3", anchor: "start" });
    expect(before.text).toMatch(/^← .*: before the chart's first day \(/);
  });
});

function formatDateFor(day: number, withYear = true): string {
  return formatDate("en", isoOfDay(day), withYear);
}
