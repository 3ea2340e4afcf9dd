/**
 * The viewer in real Chromium: loads offline with no errors, plays, follows the keyboard, keeps
 * its state in the URL, switches language, and works as a built static site. Screenshots of the
 * main states are kept in build/screenshots/ (test artefacts; look at them).
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/index.ts";
import { enrichDataset } from "../../viewer/data/embedded.ts";
import { prepareReplay } from "../../viewer/data/prepare.ts";
import { dateOf } from "../../viewer/data/replay.ts";
import { formatDate, formatCount, notSeenSinceText } from "../../viewer/i18n.ts";
import { groupLabel, LABEL_MIN_PEOPLE, peopleText } from "../../viewer/map/groupLayer.ts";
import {
  SHOTS,
  serveBuiltViewer,
  hasBrowser,
  launchBrowser,
  useViewerSession,
  waitForReplay,
  watchPage,
} from "./harness.ts";

interface ViewerState {
  t: number;
  speed: number;
  playing: boolean;
  selection: { kind: string; id: string } | null;
  layers: Record<string, boolean>;
  theme: string;
  lang: string;
  zoom: { k: number; x: number; y: number };
}

const getState = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { dtmViewer: { getState(): ViewerState } }).dtmViewer.getState(),
  );

async function open(page: Page, url: string, estimate = true): Promise<void> {
  await page.goto(url);
  await waitForReplay(page);
  if (estimate) await page.waitForSelector('#map[data-tracks="estimate"]', { timeout: 60_000 });
  await page.waitForTimeout(200);
}

describe.skipIf(!hasBrowser)("viewer in Chromium", () => {
  const viewer = useViewerSession();

  async function newPage() {
    const page = await viewer.browser.newPage({
      viewport: { width: 1400, height: 1000 },
      locale: "en-GB",
    });
    return { page, watch: watchPage(page, viewer.url) };
  }

  it("loads the 2018 replay with map, groups, scrubber, split chart and headlines, no console error and no request to another host", async () => {
    const { page, watch } = await newPage();
    await open(page, `${viewer.url}#t=25.5`);
    expect(await page.locator("#map-canvas").count()).toBe(1);
    expect(await page.locator("#map-overlay g.place").count()).toBeGreaterThan(20);
    expect(await page.locator("#map-hits circle.hit").count()).toBeGreaterThan(1);
    expect(await page.locator("#scrubber").getAttribute("max")).toMatch(/^\d+/);
    expect(
      await page.locator("#split svg.split-chart path[data-category]").count(),
    ).toBeGreaterThan(1);
    expect(await page.locator("#headlines li").count()).toBeGreaterThan(0);
    expect(await page.locator("#multiples svg").count()).toBeGreaterThan(0);
    expect(await page.locator("#date").textContent()).toBe("7 Nov 2018");
    // The canvas is drawn (not blank): sample pixels across it.
    const inked = await page.evaluate(() => {
      const c = document.getElementById("map-canvas") as HTMLCanvasElement;
      const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 97)
        colours.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return colours.size;
    });
    expect(inked).toBeGreaterThan(20);
    await page.screenshot({ path: join(SHOTS, "viewer-light-en.png"), fullPage: true });
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it("play advances the date and moves the groups; pause stops them", async () => {
    const { page, watch } = await newPage();
    await open(page, `${viewer.url}#t=10.5&speed=4`);
    const before = await page.locator("#map-hits circle.hit").first().getAttribute("cx");
    await page.click("#play");
    await page.waitForTimeout(1200);
    await page.click("#play");
    const s = await getState(page);
    expect(s.playing).toBe(false);
    expect(s.t).toBeGreaterThan(12);
    const after = await page.locator("#map-hits circle.hit").first().getAttribute("cx");
    expect(after).not.toBe(before);
    const t = (await getState(page)).t;
    await page.waitForTimeout(400);
    expect((await getState(page)).t).toBe(t);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it("keyboard: →/← step a day, Home/End jump to the ends, Space plays and pauses", async () => {
    const { page } = await newPage();
    await open(page, `${viewer.url}#t=20.5`);
    await page.locator("body").focus();
    await page.keyboard.press("ArrowRight");
    expect((await getState(page)).t).toBe(21.5);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    expect((await getState(page)).t).toBe(19.5);
    await page.keyboard.press("Home");
    expect((await getState(page)).t).toBe(0);
    await page.keyboard.press("End");
    const end = await getState(page);
    expect(end.t).toBe(Number(await page.locator("#scrubber").getAttribute("max")));
    await page.keyboard.press("Home");
    await page.keyboard.press("Space");
    expect((await getState(page)).playing).toBe(true);
    await page.keyboard.press("Space");
    expect((await getState(page)).playing).toBe(false);
    // Zoom from the keyboard: + and - keys, and the zoom buttons.
    await page.locator("body").focus();
    await page.keyboard.press("+");
    await expect.poll(async () => (await getState(page)).zoom.k).toBeCloseTo(2, 5);
    await page.locator("#zoom-in").focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await getState(page)).zoom.k).toBeCloseTo(4, 5);
    await page.locator("#zoom-reset").click();
    await expect.poll(async () => (await getState(page)).zoom).toEqual({ k: 1, x: 0, y: 0 });
    // The scrubber itself: arrows step by a day too.
    await page.locator("#scrubber").focus();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    expect((await getState(page)).t).toBe(Math.floor(end.t) - 1 + 0.5);
    await page.close();
  });

  it("the split chart's cursor, the multiples and the headline figures follow the scrubber", async () => {
    const { page } = await newPage();
    await open(page, `${viewer.url}#t=5.5`);
    const cursor = () => page.locator("#split > .cursor-line").getAttribute("style");
    const heading = () => page.locator("#headlines h2").textContent();
    const c0 = await cursor();
    const h0 = await heading();
    const figures0 = await page.locator("#headlines li").allTextContents();
    await page.locator("#scrubber").fill("40");
    // Drawn on the next animation frame: wait for it (a loaded machine may take longer than 100 ms).
    await expect.poll(() => heading()).toContain("22 Nov 2018");
    expect(await cursor()).not.toBe(c0);
    expect(await heading()).not.toBe(h0);
    expect(await page.locator("#headlines li").allTextContents()).not.toEqual(figures0);
    // Hovering the chart shows that day's figures with their intervals.
    // Scrolled into view first: the side panels' height decides how far down the chart sits.
    await page.locator("#split svg").scrollIntoViewIfNeeded();
    const box = (await page.locator("#split svg").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const tip = page.locator("#split .chart-tooltip");
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/2018[\s\S]*\(\d[\d,]*–\d/);
    await page.screenshot({ path: join(SHOTS, "viewer-split-hover.png"), fullPage: true });
    const mx = await page.locator("#multiples .cursor-line").first().getAttribute("style");
    // Moved off the chart's left edge (22 Nov is about a third into the replay's days).
    expect(Number(/translateX\(([\d.]+)px\)/.exec(mx ?? "")?.[1])).toBeGreaterThan(50);
    await page.close();
  });

  it("the URL round-trips the view state (date, speed, selection, layers, theme, language, zoom)", async () => {
    const { page, watch } = await newPage();
    await open(page, viewer.url);
    await page.evaluate(() => {
      const v = (window as unknown as { dtmViewer: { setState(p: object): void } }).dtmViewer;
      v.setState({
        t: 30.25,
        speed: 0.25,
        theme: "dark",
        lang: "es",
        selection: { kind: "group", id: "Honduran caravan 1" },
        layers: {
          routes: true,
          places: true,
          labels: false,
          groups: true,
          uncertainty: true,
          trails: false,
          flows: true,
        },
        zoom: { k: 2, x: -300, y: -250 },
      });
    });
    // The URL is written shortly after a change (debounced), not on every frame.
    await expect
      .poll(() => page.url(), { timeout: 5000 })
      .toContain("sel=group%3AHonduran+caravan+1");
    const shared = page.url();
    const state = await getState(page);
    await page.screenshot({ path: join(SHOTS, "viewer-dark-es-selected.png"), fullPage: true });

    const other = await viewer.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await open(other, shared);
    expect(await getState(other)).toEqual(state);
    expect(await other.locator("html").getAttribute("data-theme")).toBe("dark");
    expect(await other.locator("#details h3").first().textContent()).toBe("Honduran caravan 1");
    expect(await other.locator('#details [data-field="size"]').textContent()).toMatch(
      /\d.*\(\d.*–\d.*\)/,
    );
    expect(await other.locator("#details ol.reports li").count()).toBeGreaterThan(5);
    expect(watch.errors).toEqual([]);
    await other.close();
    await page.close();
  });

  it("the language toggle switches every interface text between English and Spanish", async () => {
    const { page } = await newPage();
    await open(page, `${viewer.url}#t=30.5&lang=en`);
    expect(await page.locator("#play").textContent()).toBe("Play");
    await page.click("#lang");
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.locator("#play").textContent()).toBe("Reproducir");
    expect(await page.locator("#date").textContent()).toMatch(/nov/);
    expect(await page.locator("#split-title").textContent()).toBe(
      "Dónde están las personas que salieron",
    );
    await expect.poll(() => page.url(), { timeout: 5000 }).toContain("lang=es");
    await page.click("#lang");
    expect(await page.locator("#play").textContent()).toBe("Play");
    await page.close();
  });

  it("the default language follows the browser (Spanish for es-MX)", async () => {
    const page = await viewer.browser.newPage({ locale: "es-MX" });
    await open(page, viewer.url, false);
    await expect
      .poll(() => page.locator("html").getAttribute("lang"), { timeout: 5000 })
      .toBe("es");
    expect(await page.locator("#play").textContent()).toBe("Reproducir");
    await page.close();
  });

  it("a group and a border point can be selected by keyboard (Tab, Enter) and show their details", async () => {
    const { page } = await newPage();
    await open(page, `${viewer.url}#t=16.5`);
    // Border point with counts: Suchiate bridge on 29 Oct.
    await page.locator('#map-overlay g.place[data-id="MX-SUCH"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#details h3").textContent()).toBe("Suchiate bridge");
    expect(await page.locator("#details svg.flow-bars rect").count()).toBeGreaterThan(1);
    await page.locator("#map-hits circle.hit").first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator('#details [data-kind="group"]').count()).toBe(1);
    expect((await getState(page)).selection?.kind).toBe("group");
    await page.keyboard.press("Escape");
    expect((await getState(page)).selection).toBeNull();
    // Every control is reachable with Tab.
    const reached = new Set<string>();
    await page.locator("body").focus();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      reached.add(await page.evaluate(() => document.activeElement?.id ?? ""));
    }
    for (const id of ["theme", "lang", "play", "step-back", "step-forward", "scrubber", "speed"])
      expect(reached).toContain(id);
    await page.close();
  });
});

describe.skipIf(!hasBrowser)("the viewer shows the library's figures", () => {
  const viewer = useViewerSession();

  it("on several days the map's groups, sizes and labels and the split's in-transit figure equal the library's tracks and split computed in Node", async () => {
    // The library in Node: the estimator's tracks and the ledger's split of the 2018 data.
    const input = enrichDataset(embedded2018());
    const start = prepareReplay(input).start;
    const page = await viewer.browser.newPage({
      viewport: { width: 1400, height: 1000 },
      locale: "en-GB",
    });
    await open(page, `${viewer.url}#t=10.5&lang=en`);
    // Five days across the replay; groups are tracked until accounted for, so every one has some.
    for (const day of [8, 16, 25, 31, 41]) {
      const date = dateOf(start, day);
      await page.evaluate((t) => {
        (window as unknown as { dtmViewer: { setState(p: object): void } }).dtmViewer.setState({
          t,
          playing: false,
        });
      }, day + 0.75);
      const expected = input.tracks
        .filter((p) => p.date === date)
        .map((p) => ({ group: p.group, size: p.size }))
        .sort((a, b) => a.group.localeCompare(b.group));
      expect(expected.length > 0, date).toBe(true);
      await expect
        .poll(() =>
          page
            .locator("#map-hits circle.hit")
            .evaluateAll((els) => els.map((e) => (e as SVGElement).dataset.day)),
        )
        .toEqual(expected.map(() => String(day)));
      const shown = await page.locator("#map-hits circle.hit").evaluateAll((els) =>
        els.map((e) => ({
          group: (e as SVGElement).dataset.group!,
          size: Number((e as SVGElement).dataset.size),
          aria: e.getAttribute("aria-label"),
          unseen: (e as SVGElement).dataset.unseenSince,
          status: (e as SVGElement).dataset.status,
          held: (e as SVGElement).dataset.held,
        })),
      );
      shown.sort((a, b) => a.group.localeCompare(b.group));
      expect(
        shown.map(({ group, size }) => ({ group, size })),
        date,
      ).toEqual(expected);
      // A group not reported for longer than the silence limit is marked, not sized on the road;
      // an arrived group says what the state holds at its destination (arrived-map.test.ts).
      const arrived = new Set(shown.filter((g) => g.status === "arrived").map((g) => g.group));
      for (const g of shown)
        if (arrived.has(g.group)) expect(g.aria).toMatch(/estimated, not counted|arrived/);
        else
          expect(g.aria).toBe(
            g.unseen
              ? `${g.group}: ${notSeenSinceText("en", g.unseen)}`
              : `${g.group}: ${peopleText("en", g.size)} people`,
          );
      // The labels drawn beside the groups on the road: name · the library's people that day.
      const labels = await page.locator("#map-hits text.group-label").allTextContents();
      expect(labels.filter((l) => !arrived.has(l.split(" · ")[0])).sort()).toEqual(
        expected
          .filter(
            (g) =>
              g.size >= LABEL_MIN_PEOPLE &&
              !arrived.has(g.group) &&
              !shown.some((m) => m.group === g.group && m.unseen),
          )
          .map((g) => groupLabel("en", { id: g.group, size: g.size }))
          .sort(),
      );
      // An arrived group's label: its held people (estimated) or the day it arrived, no size.
      for (const g of shown.filter(
        (s) => arrived.has(s.group) && s.held !== "" && Number(s.held) >= LABEL_MIN_PEOPLE,
      ))
        expect(labels).toContain(
          groupLabel("en", { id: g.group, size: g.size, status: "arrived", held: Number(g.held) }),
        );
      // The split readout's in-transit figure: the ledger's rows of that day, summed.
      const rows = input.ledger.split.filter((r) => r.date === date && r.category === "in_transit");
      const inTransit = rows.reduce((sum, r) => sum + r.value, 0);
      const li = page.locator('#split-readout li[data-category="in_transit"]');
      expect(Number(await li.getAttribute("data-value")), date).toBe(inTransit);
      expect(await li.textContent()).toContain(`In transit: ${formatCount("en", inTransit)}`);
      expect(await page.locator("#date").textContent()).toBe(formatDate("en", date));
    }
    await page.close();
  });

  it("draws each group's body along the road from tail to head when the tracks give one", async () => {
    // The 2018 tracks with a body added to each point (a test fixture: the estimate on main gives
    // no head/tail yet), shown through the viewer's public load seam. Two lengths: only the
    // bodies differ between the two frames, so the pixels that change are the bodies'.
    const input = enrichDataset(embedded2018());
    const withBodies = (behind: number, ahead: number) =>
      prepareReplay({
        ...input,
        tracks: input.tracks.map((p) => ({
          ...p,
          tailKm: Math.max(0, p.km - behind),
          headKm: p.km + ahead,
        })),
      });
    const page = await viewer.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const watch = watchPage(page, viewer.url);
    await open(page, `${viewer.url}#t=20.5&lang=en`);
    // The forecast cones (an SVG layer over the canvas) off, to see the bodies in the screenshot.
    await page.locator("#forecast-cones-toggle").uncheck();
    const show = (replay: ReturnType<typeof prepareReplay>) =>
      page.evaluate(async (r) => {
        const v = (window as unknown as { dtmViewer: { load(p: object): Promise<void> } })
          .dtmViewer;
        await v.load({ id: "bodies", load: async () => r });
        await new Promise((resolve) => setTimeout(resolve, 300));
      }, replay);
    const canvasPixels = `(() => {
      const c = document.getElementById("map-canvas");
      return c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    })()`;
    await show(withBodies(10, 5));
    await page.evaluate(`window.before = ${canvasPixels}`);
    await show(withBodies(120, 40));
    expect(await page.locator("#map").getAttribute("data-provider")).toBe("bodies");
    const changed = await page.evaluate(`(() => {
      const d = ${canvasPixels};
      let n = 0;
      for (let i = 0; i < d.length; i += 4)
        if (Math.abs(d[i] - window.before[i]) + Math.abs(d[i + 1] - window.before[i + 1]) > 30) n++;
      return n;
    })()`);
    expect(changed).toBeGreaterThan(100); // 0 if no body were drawn
    // Zoomed on the largest group for the screenshot.
    const hit = page.locator('#map-hits circle.hit[data-group="Honduran caravan 1"]');
    const [cx, cy] = [Number(await hit.getAttribute("cx")), Number(await hit.getAttribute("cy"))];
    const box = (await page.locator("#map").boundingBox())!;
    await page.evaluate(
      (z) =>
        (window as unknown as { dtmViewer: { setState(p: object): void } }).dtmViewer.setState({
          zoom: z,
        }),
      { k: 5, x: box.width / 2 - 5 * cx, y: box.height / 2 - 5 * cy },
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, "viewer-bodies.png") });
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!hasBrowser)("built viewer from a static server", () => {
  it("npm run build output works from a plain static server with no network", async () => {
    const site = await serveBuiltViewer();
    try {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const watch = watchPage(page, site.url);
        await open(page, `${site.url}#t=35.5&theme=dark`);
        expect(await page.locator("#map-overlay g.place").count()).toBeGreaterThan(20);
        expect(await page.locator("#split svg path[data-category]").count()).toBeGreaterThan(0);
        await page.screenshot({ path: join(SHOTS, "viewer-built-dark.png") });
        expect(watch.errors).toEqual([]);
        expect(watch.foreignRequests).toEqual([]);
      } finally {
        await browser.close();
      }
    } finally {
      await site.close();
    }
  });
});
