import { describe, expect, it } from "vitest";
import { embedded2018, runScenario, SPHERE_2018, validateScenario } from "../../src/index.ts";
import type { ScenarioResult } from "../../src/index.ts";
import { fanPlaces, keyPlaces } from "../../viewer/scenario/model.ts";
import { fanLayout, figureText, totalsText } from "../../viewer/scenario/resultsModel.ts";

const dataset = embedded2018();
function run(people: number, capacity: number): ScenarioResult {
  const { scenario, errors } = validateScenario(
    {
      runs: 20,
      seed: 5,
      horizonDays: 30,
      waves: [{ origin: "Tecún Umán", date: "2019-01-15", people }],
      destination: "Tijuana",
      attrition: [{ place: "Ciudad Hidalgo", asylumClaim: 0.3 }],
      shelters: [{ place: "Tapachula", capacity }],
      planning: { waterLitresPerPersonPerDay: 20 },
    },
    { dataset },
  );
  expect(errors).toEqual([]);
  return runScenario(scenario!, { dataset });
}
const small = run(1000, 500);
const large = run(4000, 500);

describe("fanLayout", () => {
  it("fanLayout(results) gives each place one y scale, the largest over the results", () => {
    const layout = fanLayout([small, large]);
    const tapachula = (r: ScenarioResult) => fanPlaces(r).find((p) => p.name === "Tapachula")!;
    expect(layout.yMax.get("Tapachula")).toBeGreaterThanOrEqual(
      Math.max(
        tapachula(large).present.p90.reduce((a, b) => Math.max(a, b), 0),
        500,
      ),
    );
    expect(layout.yMax.get("Tapachula")).toBe(fanLayout([large, small]).yMax.get("Tapachula"));
  });

  it("fanLayout(results) puts the key places first and every other reached place once after", () => {
    const layout = fanLayout([small, large]);
    for (const name of keyPlaces(small)) expect(layout.main).toContain(name);
    const all = [...layout.main, ...layout.other];
    expect(new Set(all).size).toBe(all.length);
    expect(layout.main.filter((n) => layout.other.includes(n))).toEqual([]);
  });
});

describe("totalsText", () => {
  it("totalsText(result) states the median run's totals as a sum that adds up", () => {
    const text = totalsText(large, "en");
    expect(text).toMatch(/^At the horizon \(median run; adds up\): 4,000 departed = /);
    const numbers = text
      .split(":")[1]!
      .match(/\d[\d,]*/g)!
      .map((n) => Number(n.replace(/,/g, "")));
    const [departed, ...parts] = numbers;
    expect(parts.reduce((a, b) => a + b, 0)).toBe(departed);
    expect(text).toMatch(/asylum claimants waiting/);
    expect(totalsText(large, "es")).toMatch(/^Al final del horizonte/);
  });
});

describe("figureText", () => {
  it("figureText marks a default figure as default and a changed one with the Sphere value", () => {
    expect(figureText(large.scenario.planning, "coveredM2PerPerson", "en")).toBe(
      `${SPHERE_2018.coveredM2PerPerson} (default)`,
    );
    expect(figureText(large.scenario.planning, "waterLitresPerPersonPerDay", "en")).toMatch(
      /^20 \(changed; Sphere.* 15\)$/,
    );
  });
});

describe("arrivalRange: the p10–p90 of a first arrival (tryout22 item 16)", () => {
  it("says 'after the horizon' for a p90 beyond it, never '1 feb––'", async () => {
    const { arrivalRange } = await import("../../viewer/scenario/results.ts");
    expect(arrivalRange({ p10: "2019-02-01", p90: "2019-02-05" }, "es")).toBe("1 feb–5 feb");
    expect(arrivalRange({ p10: "2019-02-01" }, "es")).toBe("1 feb–después del horizonte");
    expect(arrivalRange({ p10: "2019-02-01" }, "en")).toBe("1 Feb–after the horizon");
    expect(arrivalRange({}, "en")).toBe("–");
  });
});
