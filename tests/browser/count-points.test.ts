/**
 * The viewer's border flows key count rows by the library's one rule for a count's point
 * (`countPoint`, src/geo/countPoint.ts), the rule the ledger and the estimator use: a row whose
 * point id the gazetteer does not hold but whose name it does (`PT-01`, `Tecún Umán`) is the same
 * point as a row giving `GT-TEC`, and a row giving only coordinates is its own point, not dropped.
 * Through the user's entry point: the file chosen in the analyst panel of the running viewer.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countPoint, createGazetteer, embedded2018, importTable } from "../../src/index.ts";
import type { CountRecord } from "../../src/index.ts";
import { hasBrowser, open2018, settle, useViewerSession } from "./harness.ts";
import type { PageWatch } from "./harness.ts";

const dir = mkdtempSync(join(tmpdir(), "dtm-count-points-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CSV =
  "date,fmp_id,fmp_name,lat,lon,direction,total\n" +
  "2018-10-20,PT-01,Tecún Umán,,,northbound,1200\n" +
  "2018-10-21,,Tecún Umán,,,northbound,800\n" +
  "2018-10-22,,,14.67737,-92.14039,northbound,500\n";
const file = join(dir, "puntos-conteo.csv");
writeFileSync(file, CSV);

interface Flow {
  id: string;
  days: { date: string; byDirection: { northbound?: number } }[];
}

const flows = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as {
        dtmViewer: { replay: { flows: Flow[] } };
      }
    ).dtmViewer.replay.flows.map((f) => ({
      id: f.id,
      days: f.days.map((d) => ({ date: d.date, byDirection: d.byDirection })),
    })),
  );

describe.skipIf(!hasBrowser)("border flows by the library's countPoint, in Chromium", () => {
  const viewer = useViewerSession();
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    ({ page, watch } = await open2018(viewer, { viewport: { width: 1200, height: 900 } }));
  });

  it("one series per point as the ledger keys it: PT-01 named Tecún Umán is GT-TEC; coordinates alone are a point", async () => {
    await settle(page, () => page.setInputFiles("#analyst-input", file));
    const shown = await flows(page);
    // The library's keys for the same rows, in Node.
    const records = importTable(CSV, { fileName: "puntos-conteo.csv" }).records as CountRecord[];
    const gazetteer = createGazetteer(embedded2018().places);
    const keys = [...new Set(records.map((c) => countPoint(c, gazetteer).key))];
    expect(keys).toHaveLength(2);
    expect(shown.map((f) => f.id).sort()).toEqual([...keys].sort());
    expect(shown.find((f) => f.id === "GT-TEC")?.days).toEqual([
      { date: "2018-10-20", byDirection: { northbound: 1200 } },
      { date: "2018-10-21", byDirection: { northbound: 800 } },
    ]);
    const byCoordinates = shown.find((f) => f.id !== "GT-TEC")!;
    expect(byCoordinates.days).toEqual([{ date: "2018-10-22", byDirection: { northbound: 500 } }]);
    expect(watch.errors).toEqual([]);
  });
});
