/**
 * A new user's files in the built viewer (`npm run build`, served by a plain static server), in
 * real Chromium: the 2018 replay plays; a Kobo export with label headers (the question texts)
 * is read, opens on the calendar day the 2018 replay showed, and its shelter counts show as
 * "≥ n" in the evidence; a count sheet whose points are
 * written as P-codes gets their positions; a binary file under a table's name is refused with the
 * importer's one sentence and the replay stays as it was. No script error, no foreign request.
 * Screenshots go to build/screenshots/newuser-*.png.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  SHOTS,
  hasBrowser,
  launchBrowser,
  serveBuiltViewer,
  settle,
  waitFor2018,
  watchPage,
} from "./harness.ts";
import type { BuiltSite } from "./harness.ts";
import { pngBytes } from "../ingest/helpers.ts";

const KOBO_LABELS = [
  '"start";"Fecha de la observación";"¿Dónde está el grupo?";"Caravana";"¿Cuántas personas hay en el albergue?";"_uuid"',
  '"2018-10-20T08:00:00.000-06:00";"20/10/2018";"Tapachula";"Honduran caravan 1";"1.200";"a1"',
  '"2018-10-21T08:00:00.000-06:00";"21/10/2018";"Huixtla";"Honduran caravan 1";"3 mil";"a2"',
].join("\r\n");

const PCODE_COUNTS = "fecha;punto de monitoreo;dirección;total\n20/10/2018;GT1217;norte;120\n";

/** Chooses one file through the panel's file input, as a user does with "Choose files…". */
const choose = (page: Page, name: string, body: string | Uint8Array) =>
  settle(page, () =>
    page.setInputFiles("#analyst-input", {
      name,
      mimeType: "text/csv",
      buffer: Buffer.from(body),
    }),
  );

const replayName = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { dtmViewer: { replay: { name: string } } }).dtmViewer.replay.name,
  );

describe.skipIf(!hasBrowser)("a new user's files in the built viewer", () => {
  let site: BuiltSite;
  let browser: Browser;
  let page: Page;
  let watched: ReturnType<typeof watchPage>;
  beforeAll(async () => {
    site = await serveBuiltViewer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    watched = watchPage(page, site.url);
    await page.goto(site.url);
    await waitFor2018(page);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("the 2018 replay plays: Space moves the scrubber on", async () => {
    const before = Number(await page.locator("#scrubber").inputValue());
    await page.keyboard.press("Space");
    await page.waitForFunction(
      (b) => Number((document.querySelector("#scrubber") as HTMLInputElement).value) > b + 0.5,
      before,
    );
    await page.keyboard.press("Space");
  });

  it("a Kobo export with the questions as headers is read, and its shelter counts show as at least", async () => {
    // At 21 Oct 2018 noon in the 2018 replay (day 8.5 from 13 Oct): the file, from 20 Oct, opens
    // on the same calendar day (its day 1.5), where its group is, not 8.5 days into it.
    await page.evaluate(() =>
      (window as unknown as { dtmViewer: { setState(p: unknown): void } }).dtmViewer.setState({
        t: 8.5,
        playing: false,
      }),
    );
    await choose(page, "kobo-etiquetas.csv", KOBO_LABELS);
    const t = await page.evaluate(
      () =>
        (window as unknown as { dtmViewer: { getState(): { t: number } } }).dtmViewer.getState().t,
    );
    expect(t).toBe(1.5);
    expect(await page.locator("#date").innerText()).toBe("21 Oct 2018");
    const item = page.locator("#analyst-files li").last();
    expect(await item.getAttribute("data-status")).toBe("used");
    expect(await item.getAttribute("data-kind")).toBe("sightings");
    expect(await item.getAttribute("data-accepted")).toBe("2");
    // The mapping shows the question columns read as fields.
    const mapping = await item
      .locator(".mapping-table tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector("td")!.textContent, tr.querySelector("select")!.value]),
      );
    expect(mapping).toContainEqual(["¿Dónde está el grupo?", "place_name"]);
    expect(mapping).toContainEqual(["¿Cuántas personas hay en el albergue?", "size"]);
    // The warning names the column that counts one place (in the folded Warnings list; its code
    // is in the row's data-code attribute, its reason in words).
    expect(await item.locator('[data-code="count_scope_from_header"]').count()).toBe(1);
    expect(await item.textContent()).toContain("counts the people at one place");
    expect(await replayName(page)).toBe("kobo-etiquetas.csv");
    // The evidence of the group's first day lists both reports as "≥ n", a count of one place.
    await page.evaluate(() => {
      location.hash = "#t=0.5&sel=group%3AHonduran+caravan+1";
    });
    const scoped = page.locator('[data-count-scope="place"]');
    await scoped.first().waitFor({ timeout: 30_000 });
    expect(await scoped.allInnerTexts()).toEqual(["≥ 1,200", "≥ 3,000"]);
    await page.screenshot({ path: join(SHOTS, "newuser-kobo-labels.png"), fullPage: true });
  });

  it("a count sheet whose points are P-codes is placed at those points", async () => {
    await choose(page, "conteo-pcodes.csv", PCODE_COUNTS);
    const item = page.locator("#analyst-files li").last();
    expect(await item.getAttribute("data-status")).toBe("used");
    expect(await item.getAttribute("data-rejected")).toBe("0");
    const flows = await page.evaluate(
      () =>
        (window as unknown as { dtmViewer: { replay: { flows: { id: string }[] } } }).dtmViewer
          .replay.flows.length,
    );
    expect(flows).toBeGreaterThan(0);
  });

  it("a binary file under a table's name is refused in one sentence and changes nothing", async () => {
    const before = await replayName(page);
    const png = pngBytes(300);
    await choose(page, "conteo.csv", png);
    const bad = page.locator('#analyst-files li[data-status="unusable"]');
    expect(await bad.locator(".fatal").innerText()).toContain(
      "the file holds binary data, not a table written as text",
    );
    expect(await replayName(page)).toBe(before);
    await page.screenshot({ path: join(SHOTS, "newuser-binary.png") });
  });

  it("no script error and no request to another host happened", () => {
    expect(watched.errors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
