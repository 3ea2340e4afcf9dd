/** firstArrivalShown: no first-arrival date beside a median peak of 0. */
import { describe, expect, it } from "vitest";
import { firstArrivalShown, scenarioSummaryRows, situationWords } from "../../src/index.ts";
import { buildCorridor } from "../../src/geo/corridor.ts";
import { runScenario } from "../../src/scenario/runScenario.ts";
import { validateScenario } from "../../src/scenario/validateScenario.ts";
import { syntheticDataset, tenGroupWave } from "./fixture.ts";

describe("firstArrivalShown", () => {
  it("is false when the median run's peak rounds to 0, true from 1 person", () => {
    expect(firstArrivalShown({ p50: 0 })).toBe(false);
    expect(firstArrivalShown({ p50: 0.4 })).toBe(false);
    expect(firstArrivalShown({ p50: 1 })).toBe(true);
    expect(situationWords("en").scenarioNoneInMedianRun).toBe("none in the median run");
    expect(situationWords("es").scenarioNoneInMedianRun).toBe("ninguna en la corrida mediana");
  });

  it("scenario-summary.csv's first-arrival cells are empty where the rule shows none (tryout25b L6)", () => {
    const dataset = syntheticDataset();
    const corridor = buildCorridor(dataset);
    const input = tenGroupWave({ runs: 40, seed: 3, horizonDays: 30 }, {});
    const { scenario, errors } = validateScenario(input, { dataset, corridor });
    expect(errors).toEqual([]);
    const result = runScenario(scenario!, { dataset, corridor });
    const reached = result.places.find(
      (p) => firstArrivalShown(p.peakPeople) && p.firstArrival.p50 !== undefined,
    )!;
    expect(reached).toBeDefined();
    // The same place with a median peak of 0: the runs pass through between noons.
    const passed = { ...reached, placeId: "PASSED", peakPeople: { ...reached.peakPeople, p50: 0 } };
    const rows = scenarioSummaryRows({ ...result, places: [reached, passed] });
    expect(rows[0]!.first_arrival_p50).toBe(reached.firstArrival.p50);
    expect(rows[0]!.first_arrival_p10).toBe(reached.firstArrival.p10);
    expect(rows[1]!.reach_probability).toBe(reached.firstArrival.probability);
    for (const q of ["p10", "p50", "p90"] as const)
      expect(rows[1]![`first_arrival_${q}`]).toBeUndefined();
  });
});
