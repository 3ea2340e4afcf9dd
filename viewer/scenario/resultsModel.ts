/**
 * DOM-free parts of the scenario panel's results: which fans to draw in what order with one y
 * scale per place across the results, and the totals line of the median run (which adds up).
 */
import type { PlanningFigures, ScenarioResult } from "../../src/index.ts";
import { SPHERE_2018 } from "../../src/index.ts";
import { numberLocale } from "../i18n.ts";
import type { Lang } from "../state.ts";
import { fanYMax } from "./fan.ts";
import { fanPlaces, keyPlaces } from "./model.ts";
import { scenarioText } from "./texts.ts";

/** The fans of side-by-side results: key places first, the others folded, one y scale per place. */
export interface FanLayout {
  yMax: Map<string, number>;
  /** Places with a capacity or among the highest peaks in some result, in route order. */
  main: string[];
  /** The other places reached in some result. */
  other: string[];
}

/** The fan layout of the results shown (oldest first). */
export function fanLayout(results: readonly ScenarioResult[]): FanLayout {
  const yMax = new Map<string, number>();
  const order: string[] = [];
  const key = new Set<string>();
  for (const result of results) {
    for (const name of keyPlaces(result)) key.add(name);
    for (const p of fanPlaces(result)) {
      if (!yMax.has(p.name)) order.push(p.name);
      yMax.set(p.name, Math.max(yMax.get(p.name) ?? 0, fanYMax(p)));
    }
  }
  return {
    yMax,
    main: order.filter((name) => key.has(name)),
    other: order.filter((name) => !key.has(name)),
  };
}

/**
 * The totals at the horizon from the median run, as a sum that adds up: departed = in transit +
 * claimants waiting + regularised + at their destination + returns + moved on.
 */
export function totalsText(result: ScenarioResult, lang: Lang): string {
  const t = (key: Parameters<typeof scenarioText>[1]) => scenarioText(lang, key);
  const tot = result.medianRun.totals;
  const last = result.dates.length - 1;
  // Exact whole people: the line says it adds up, and people rounded to tens need not (2,845 +
  // 1,155 = 4,000 printed as 2,850 + 1,160).
  const exact = new Intl.NumberFormat(numberLocale(lang));
  const at = (series: number[]) => exact.format(Math.round(series[last] ?? 0));
  return `${t("totals")}: ${at(tot.departed)} ${t("departed")} = ${at(tot.inTransit)} ${t("inTransit")} + ${at(tot.asylumClaims)} ${t("claims")} + ${at(tot.regularized)} ${t("regularised")} + ${at(tot.atDestination)} ${t("atDestination")} + ${at(tot.returns)} ${t("returned")} + ${at(tot.leftDestination)} ${t("onward")}`;
}

/** A planning figure with "default" or "changed; Sphere …" beside it. */
export function figureText(
  planning: PlanningFigures,
  key: keyof PlanningFigures,
  lang: Lang,
): string {
  const value = planning[key];
  const sphere = SPHERE_2018[key];
  const note =
    value === sphere
      ? scenarioText(lang, "default")
      : `${scenarioText(lang, "changed")}; ${scenarioText(lang, "sphere")} ${sphere}`;
  return `${value} (${note})`;
}
