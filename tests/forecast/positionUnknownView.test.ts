/**
 * The viewer's forecast panel says of a group whose position is unknown what `dtm-flow forecast`
 * prints (the library's `positionUnknownText`), in English and Spanish, and lists no place ahead
 * for it (2018 as of 18 Nov: Salvadoran caravan 1, last reported 1 Nov; from 19–20 Nov it is taken
 * in by Tijuana's count, src/state/takenIn.ts, and accounted for).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { forecastSummaryLines } from "../../cli/forecast-summary.ts";
import { embedded2018, forecastArrivals, mulberry32, nowcast } from "../../src/index.ts";
import { arrivalRows, forecastGroupStatus } from "../../viewer/forecast/render.ts";
import { computeForecastView } from "../../viewer/forecast/view.ts";
import type { ForecastView } from "../../viewer/forecast/view.ts";
import { toSvgString } from "../../viewer/render/vnode.ts";

const GROUP = "Salvadoran caravan 1";

describe("position unknown in the viewer's forecast panel, as the CLI", () => {
  let view: ForecastView;
  let cli: Record<"en" | "es", string[]>;
  beforeAll(() => {
    const dataset = embedded2018();
    const now = nowcast(dataset, { asOf: "2018-11-18" });
    const fc = forecastArrivals(now, { dataset, runs: 50, random: mulberry32(1) });
    cli = {
      en: forecastSummaryLines(now, fc, "en", dataset.places),
      es: forecastSummaryLines(now, fc, "es", dataset.places),
    };
    view = computeForecastView(dataset, "2018-11-18", 14, 50);
  }, 300_000);

  it("the same sentence in English and Spanish, and no place ahead listed", () => {
    const g = view.groups.find((x) => x.group === GROUP)!;
    expect(g.positionUnknown?.days).toBe(17);
    expect(g.placedDate).toBe("2018-11-01");
    for (const lang of ["en", "es"] as const) {
      const line = cli[lang].find((l) => l.startsWith(`  ${GROUP}:`))!;
      expect(line).toMatch(lang === "en" ? /position unknown \(km / : /posición desconocida/);
      const li = forecastGroupStatus(view, lang)
        .map((n) => toSvgString(n))
        .join("")
        .split("\n")
        .find((l) => l.includes(`data-group="${GROUP}"`));
      expect(li, lang).toContain('data-status="position_unknown"');
      // Names here need no HTML escaping.
      expect(li, lang).toContain(`>${line.trim()}<`);
    }
    expect(arrivalRows(view).filter((a) => a.group === GROUP)).toEqual([]);
    // A group reported within the week keeps its places ahead.
    expect(arrivalRows(view).some((a) => a.group === "Salvadoran group Nov 18")).toBe(true);
  });
});
