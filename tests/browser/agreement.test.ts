/**
 * One state of the corridor (issue 14): on five days of Oct–Dec 2018 the viewer in Chromium (the
 * map's groups, the split readout, the presence panels and the situation panel), the CLI's outputs
 * for the same day (`estimate`, `ledger` and `report --as-of`, run as child processes) and the
 * library's replay computed here give the same number for the same thing.
 */
import Papa from "papaparse";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embedded2018, runReplay, situationHeadlines } from "../../src/index.ts";
import type { CorridorDay, Replay, SplitCategory } from "../../src/index.ts";
import { CATEGORY_LABELS } from "../../src/report/format.ts";
import { daysSince } from "../../viewer/data/replay.ts";
import { hasBrowser, open2018, SHOTS, useViewerSession } from "./harness.ts";
import { markdownTable, num } from "./situationPanel.ts";

const DAYS = [
  "2018-10-17",
  "2018-10-25",
  "2018-11-04",
  "2018-11-05",
  "2018-11-15",
  "2018-11-25",
  "2018-12-15",
];
const execFileAsync = promisify(execFile);

/** Runs `dtm-flow <args>` as a child process (exit 0 expected); returns its stderr. */
async function dtmFlow(args: string[]): Promise<string> {
  const { stderr } = await execFileAsync(process.execPath, [resolve("bin/dtm-flow.js"), ...args], {
    env: { ...process.env, TZ: "UTC" },
    maxBuffer: 1 << 24,
  });
  return stderr;
}

/** A CSV file (with or without a byte-order mark) as objects keyed by its header. */
function readCsv(path: string): Record<string, string>[] {
  // The Excel-ready CSVs (departed.csv, places.csv) start with a UTF-8 byte-order mark.
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));

interface PagePlace {
  placeName?: string;
  country?: string;
  travelling: number;
  resting: number;
  waiting: number;
  staying: number;
  present: number;
}

/** What the page shows for the day on screen, read from the data-* attributes of each panel. */
function readPage(page: Page) {
  return page.evaluate(() => {
    const n = (v: string | null | undefined) =>
      v === undefined || v === null || v === "" ? NaN : Number(v);
    const all = <T extends Element>(sel: string) => [...document.querySelectorAll<T>(sel)];
    return {
      date: document.querySelector<HTMLElement>("#situation section")?.dataset.date,
      basis: document.querySelector<HTMLElement>("#situation section")?.dataset.basis,
      basisNote: document.querySelector("#situation .situation-basis")?.textContent ?? "",
      groups: all<SVGElement>("#map-hits circle.hit").map((e) => ({
        group: e.dataset.group!,
        size: n(e.dataset.size),
        onRoad: n(e.dataset.onRoad),
        day: n(e.dataset.day),
      })),
      split: Object.fromEntries(
        all<HTMLElement>("#split-readout li").map((e) => [e.dataset.category!, n(e.dataset.value)]),
      ),
      splitRange: Object.fromEntries(
        all<HTMLElement>("#split-readout li").map((e) => [
          e.dataset.category!,
          { valueLow: n(e.dataset.low), valueHigh: n(e.dataset.high) },
        ]),
      ),
      presence: Object.fromEntries(
        all<HTMLElement>("#multiples > div[data-place]").map((e) => [
          e.dataset.place!,
          n(e.querySelector('[data-role="figure"]')?.getAttribute("data-value")),
        ]),
      ),
      // Each panel's figure line as shown, and the people travelling through and estimated it carries.
      presenceLines: Object.fromEntries(
        all<HTMLElement>("#multiples > div[data-place]").map((e) => {
          const f = e.querySelector('[data-role="figure"]');
          return [
            e.dataset.place!,
            {
              text: f?.textContent ?? "",
              travelling: n(f?.getAttribute("data-travelling")),
              estimated: n(f?.getAttribute("data-estimated")),
            },
          ];
        }),
      ),
      placeText: Object.fromEntries(
        all<HTMLElement>("#situation tbody tr").map((e) => [
          e.dataset.place ?? "",
          e.textContent ?? "",
        ]),
      ),
      headlines: all<HTMLElement>("#situation li[data-category]").map((e) => ({
        category: e.dataset.category!,
        value: n(e.dataset.value),
        valueLow: n(e.dataset.low),
        valueHigh: n(e.dataset.high),
      })),
      places: all<HTMLElement>("#situation tbody tr").map((e) => ({
        placeName: e.dataset.place || undefined,
        country: e.dataset.country || undefined,
        travelling: n(e.dataset.travelling),
        resting: n(e.dataset.resting),
        waiting: n(e.dataset.waiting),
        staying: n(e.dataset.staying),
        present: n(e.dataset.present),
      })),
    };
  });
}

/** The CLI's outputs: one `estimate`, one `ledger` and one `report --as-of` per day. */
interface CliOutputs {
  tracks: Record<string, string>[];
  split: Record<string, string>[];
  departed: Record<string, string>[];
  places: Record<string, string>[];
  reports: Map<string, string>;
}

describe.skipIf(!hasBrowser)("one state of the corridor: viewer, CLI and library agree", () => {
  const viewer = useViewerSession();
  let lib: Replay;
  let cli: CliOutputs;
  let out: string;

  beforeAll(async () => {
    const dataset = embedded2018();
    lib = runReplay(dataset);
    out = mkdtempSync(join(tmpdir(), "dtm-agreement-"));
    // One at a time: the machine is shared.
    await dtmFlow(["estimate", "--out", join(out, "estimate")]);
    await dtmFlow(["ledger", "--out", join(out, "ledger")]);
    const reports = new Map<string, string>();
    for (const date of DAYS) {
      const dir = join(out, `report-${date}`);
      // The viewer's situation panel is the hindsight replay: `report --hindsight` is its file.
      await dtmFlow(["report", "--as-of", date, "--hindsight", "--out", dir]);
      reports.set(date, readFileSync(join(dir, "situation-update.md"), "utf8"));
    }
    cli = {
      tracks: readCsv(join(out, "estimate", "tracks.csv")),
      split: readCsv(join(out, "ledger", "split.csv")),
      departed: readCsv(join(out, "ledger", "departed.csv")),
      places: readCsv(join(out, "ledger", "places.csv")),
      reports,
    };
  }, 600_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("on 17 Oct, 25 Oct, 4 Nov, 5 Nov, 15 Nov, 25 Nov and 15 Dec 2018: the map, the split, the presence panels, the situation panel, the CLI and the library give the same numbers", async () => {
    const { page, watch } = await open2018(viewer, { hash: "t=10.5&lang=en", locale: "en-GB" });
    const start = await page.evaluate(
      () =>
        (window as unknown as { dtmViewer: { replay: { start: string } } }).dtmViewer.replay.start,
    );
    for (const date of DAYS) {
      const state = lib.state.find((d) => d.date === date)!;
      expect(state, date).toBeDefined();
      const day = Math.floor(daysSince(start, date));
      await page.evaluate((t) => {
        (window as unknown as { dtmViewer: { setState(p: object): void } }).dtmViewer.setState({
          t,
          playing: false,
        });
      }, day + 0.5);
      await expect
        .poll(async () => {
          const shown = await readPage(page);
          return (
            shown.date === date &&
            shown.groups.length === state.groups.length &&
            shown.groups.every((g) => g.day === day)
          );
        })
        .toBe(true);
      const shown = await readPage(page);
      expectGroups(date, shown.groups, state, cli);
      expectSplit(date, shown.split, state, lib, cli);
      expectTransitIsGroupsOnRoad(date, shown, lib);
      expectPresence(date, shown.presence, state, cli);
      expectMarks(date, shown, state, cli);
      expectSituation(date, shown, state, lib, cli);
      // The table of places, unfolded on 25 Nov, stays unfolded on the following days.
      if (date === "2018-12-15")
        expect(await page.locator("#situation details.situation-places").getAttribute("open")).toBe(
          "",
        );
      if (date === "2018-11-25") {
        await page.locator("#situation details.situation-places summary").click();
        await expect
          .poll(() => page.locator("#situation details.situation-places").getAttribute("open"))
          .toBe("");
        await page.screenshot({ path: join(SHOTS, "viewer-situation.png"), fullPage: true });
      }
    }
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});

type Shown = Awaited<ReturnType<typeof readPage>>;

/** The map's groups (ids, people, people on the road) = the library's state = tracks.csv. */
function expectGroups(date: string, groups: Shown["groups"], state: CorridorDay, cli: CliOutputs) {
  const fromPage = groups.map(({ group, size, onRoad }) => ({ group, size, onRoad }));
  // The page writes people on the road in whole people (tryout22 item 15).
  const fromLib = state.groups.map((g) => ({
    group: g.group,
    size: g.size,
    onRoad: Math.round(g.onRoad),
  }));
  expect(fromPage.sort(byKey((g) => g.group)), `${date} map vs library`).toEqual(
    fromLib.sort(byKey((g) => g.group)),
  );
  const fromCli = cli.tracks
    .filter((r) => r.date === date)
    .map((r) => ({ group: r.group!, size: num(r.size) }))
    .sort(byKey((g) => g.group));
  expect(
    fromCli.map((g) => g.group),
    `${date} map vs tracks.csv`,
  ).toEqual(fromPage.map((g) => g.group));
  fromCli.forEach((g, i) => {
    const size = fromPage[i]!.size;
    if (Number.isNaN(size)) expect(g.size, `${date} ${g.group}`).toBeNaN();
    else expect(Math.abs(g.size - size), `${date} ${g.group} size`).toBeLessThanOrEqual(0.5);
  });
}

const PRESENT_AT_PLACES: SplitCategory[] = ["remaining", "asylum_claim", "regularized", "other"];

/** The split readout = the ledger's rows of the day = split.csv; its totals = departed.csv = the state's. */
function expectSplit(
  date: string,
  split: Record<string, number>,
  state: CorridorDay,
  lib: Replay,
  cli: CliOutputs,
) {
  const sum = (rows: { category: string; value: number }[], c: string) =>
    rows.filter((r) => r.category === c).reduce((s, r) => s + r.value, 0);
  const libRows = lib.ledger.split.filter((r) => r.date === date);
  const cliRows = cli.split
    .filter((r) => r.date === date)
    .map((r) => ({ category: r.category!, value: num(r.value) }));
  expect(Object.keys(split).length, date).toBeGreaterThan(3);
  for (const [c, value] of Object.entries(split)) {
    expect(value, `${date} ${c}: page vs library`).toBe(sum(libRows, c));
    expect(value, `${date} ${c}: page vs split.csv`).toBe(sum(cliRows, c));
  }
  const part = (c: string) => split[c] ?? 0;
  const totals = cli.departed.find((r) => r.date === date)!;
  const fromPage = {
    departed: Object.values(split).reduce((s, v) => s + v, 0),
    inTransit: part("in_transit"),
    presentAtPlaces: PRESENT_AT_PLACES.reduce((s, c) => s + part(c), 0),
    returned: part("return"),
    onward: part("onward"),
    unknown: part("unknown"),
  };
  expect(fromPage, `${date} page totals vs state`).toEqual(state.totals);
  expect(
    {
      departed: num(totals.value),
      inTransit: num(totals.in_transit),
      presentAtPlaces: num(totals.present_at_places),
      returned: num(totals.returned),
      onward: num(totals.onward),
      unknown: num(totals.unknown),
    },
    `${date} departed.csv vs state`,
  ).toEqual(state.totals);
}

/** The ledger's in transit on the page is the map's groups on the road (rounded per country). */
function expectTransitIsGroupsOnRoad(date: string, shown: Shown, lib: Replay) {
  const rows = lib.ledger.split.filter((r) => r.date === date && r.category === "in_transit");
  const onRoad = shown.groups.reduce((s, g) => s + (Number.isFinite(g.onRoad) ? g.onRoad : 0), 0);
  expect(
    Math.abs((shown.split.in_transit ?? 0) - onRoad),
    `${date}: in transit ${shown.split.in_transit} vs groups on the road ${onRoad}`,
  ).toBeLessThanOrEqual(Math.max(1, rows.length));
}

/** The presence panels' figure per place = the state's people present = places.csv. */
function expectPresence(
  date: string,
  presence: Record<string, number>,
  state: CorridorDay,
  cli: CliOutputs,
) {
  const positive = (entries: [string, number][]) =>
    Object.fromEntries(entries.filter(([, v]) => v > 0).sort(([a], [b]) => a.localeCompare(b)));
  const fromPage = positive(Object.entries(presence));
  const fromLib = positive(
    state.places.flatMap((p) =>
      p.placeName ? [[p.placeName, p.present] as [string, number]] : [],
    ),
  );
  const fromCli = positive(
    cli.places
      .filter((r) => r.date === date && r.place_name)
      .map((r) => [r.place_name!, num(r.present)] as [string, number]),
  );
  expect(fromPage, `${date} presence panels vs library`).toEqual(fromLib);
  expect(fromCli, `${date} places.csv vs library`).toEqual(fromLib);
  // Every panel with no one there today reads 0 (or nothing yet), never an older figure.
  for (const [place, value] of Object.entries(presence))
    if (!(place in fromLib))
      expect(value === 0 || Number.isNaN(value), `${date} ${place}`).toBe(true);
}

/**
 * The marks beside the figures: a figure estimated, not counted, says so in the
 * presence panel and the situation table as the report does; the people travelling through a
 * place are beside its people present in its panel (0 present, not "–"), as the table by status.
 */
function expectMarks(date: string, shown: Shown, state: CorridorDay, cli: CliOutputs) {
  const md = md_(cli, date);
  const marked = (text: string) => text.includes("(estimated, not counted)");
  let estimated = 0;
  let travelling = 0;
  for (const p of state.places) {
    if (!p.placeName) continue;
    const line = shown.presenceLines[p.placeName];
    const row = shown.placeText[p.placeName] ?? "";
    const isEstimated = p.estimated !== undefined && p.estimated >= 0.5;
    expect(marked(row), `${date} ${p.placeName} situation row mark`).toBe(isEstimated);
    if (isEstimated) {
      estimated++;
      expect(md, `${date} ${p.placeName} report mark`).toMatch(
        new RegExp(`\\| ${escapeRegExp(p.placeName)} \\| [^|]*\\(estimated, not counted\\)`),
      );
    }
    if (!line) continue;
    if (p.present > 0)
      expect(marked(line.text), `${date} ${p.placeName} panel mark`).toBe(isEstimated);
    if (p.travelling >= 0.5) {
      travelling++;
      expect(line.travelling, `${date} ${p.placeName} panel travelling`).toBe(p.travelling);
      expect(line.text, `${date} ${p.placeName} panel`).toContain(
        ` · ${Math.round(p.travelling).toLocaleString("en-US")} travelling through`,
      );
      expect(line.text.startsWith("–"), `${date} ${p.placeName}: – beside the table's 0`).toBe(
        false,
      );
    }
  }
  // The two days the tryout named: Tijuana's estimated 80 on 15 Nov, Mexico City on 5 Nov.
  if (date === "2018-11-15") expect(estimated, date).toBeGreaterThan(0);
  if (date === "2018-11-05") {
    expect(travelling, date).toBeGreaterThan(0);
    expect(shown.presenceLines["Mexico City"]?.text, date).toMatch(
      /^0 present · [\d,]+ travelling through$/,
    );
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The `report --as-of <date> --hindsight` Markdown of a date. */
function md_(cli: CliOutputs, date: string): string {
  return cli.reports.get(date) ?? "";
}

/** The situation panel = the library's situation update = `report --as-of` = the other panels. */
function expectSituation(
  date: string,
  shown: Shown,
  state: CorridorDay,
  lib: Replay,
  cli: CliOutputs,
) {
  const dataset = embedded2018();
  // The panel reads the hindsight replay and says so (report --as-of alone is as of the day).
  expect(shown.basis, `${date} situation panel basis`).toBe("hindsight");
  expect(shown.basisNote).toMatch(/^With hindsight: .*report --as-of/);
  expect(md_(cli, date)).toContain("Estimated with hindsight");
  const fromLib = situationHeadlines({ ledger: lib.ledger, dataset, asOf: date }).map(
    ({ category, value, valueLow, valueHigh }) => ({ category, value, valueLow, valueHigh }),
  );
  expect(shown.headlines, `${date} situation panel vs library`).toEqual(fromLib);
  // The same figures as the split readout and departed on the page.
  for (const h of shown.headlines) {
    const expected =
      h.category === "departed" ? state.totals.departed : (shown.split[h.category] ?? 0);
    expect(h.value, `${date} ${h.category}: situation vs split`).toBe(expected);
    // One figure, one 90 % interval: the split chart's legend reads the library's interval too.
    if (h.category !== "departed")
      expect(
        shown.splitRange[h.category],
        `${date} ${h.category}: situation vs split interval`,
      ).toEqual({
        valueLow: h.valueLow,
        valueHigh: h.valueHigh,
      });
  }
  // `report --as-of`: its headline table, then its tables of places.
  const md = cli.reports.get(date)!;
  const label = Object.fromEntries(Object.entries(CATEGORY_LABELS).map(([c, l]) => [l, c]));
  const reported = markdownTable(md, "Headline figures").map(([name, value, range]) => {
    const [low, high] = range ? range.split("–") : [value, value];
    return { category: label[name!], value: num(value), valueLow: num(low), valueHigh: num(high) };
  });
  const rounded = shown.headlines.map((h) => ({
    category: h.category,
    value: Math.round(h.value),
    valueLow: Math.round(h.valueLow),
    valueHigh: Math.round(h.valueHigh),
  }));
  expect(reported, `${date} situation panel vs report --as-of`).toEqual(rounded);
  // The page writes whole people, as places.csv does (tryout21 item 17).
  const libPlaces: PagePlace[] = state.places.map((p) => ({
    placeName: p.placeName,
    country: p.country,
    travelling: Math.round(p.travelling),
    resting: Math.round(p.resting),
    waiting: Math.round(p.waiting),
    staying: Math.round(p.staying),
    present: Math.round(p.present),
  }));
  expect(shown.places, `${date} situation places vs library`).toEqual(libPlaces);
  const wholeRow = (p: PagePlace) => [
    p.placeName ?? `${p.country} (no place given)`,
    Math.round(p.travelling),
    p.resting,
    p.waiting,
    p.staying,
    p.present,
  ];
  const byStatus = markdownTable(md, "People at places on the date, by status").map((r) => [
    r[0],
    ...r.slice(1, 6).map(num),
  ]);
  expect(byStatus, `${date} report --as-of places by status`).toEqual(shown.places.map(wholeRow));
  const csvPlaces = cli.places
    .filter((r) => r.date === date)
    .map((r) => [
      r.place_name || `${r.country} (no place given)`,
      num(r.travelling),
      num(r.resting),
      num(r.waiting),
      num(r.staying),
      num(r.present),
    ]);
  expect(csvPlaces, `${date} places.csv places by status`).toEqual(shown.places.map(wholeRow));
  // The report's presence panels "on the date" = the viewer's presence panels.
  const panels = Object.fromEntries(
    markdownTable(md, "People present per place")
      .map(([place, today]) => [place!, num(leadingFigure(today))] as const)
      .filter(([, today]) => today > 0),
  );
  const pagePanels = Object.fromEntries(Object.entries(shown.presence).filter(([, v]) => v > 0));
  expect(panels, `${date} report presence panels vs viewer`).toEqual(pagePanels);
}

/** A cell's figure before any note after it: "3,224 (counted 19 Nov)" → "3,224". */
function leadingFigure(cell: string | undefined): string {
  return (cell ?? "").split(" (")[0];
}
