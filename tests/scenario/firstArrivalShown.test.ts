/** firstArrivalShown: no first-arrival date beside a median peak of 0. */
import { describe, expect, it } from "vitest";
import { firstArrivalShown, situationWords } from "../../src/index.ts";

describe("firstArrivalShown", () => {
  it("is false when the median run's peak rounds to 0, true from 1 person", () => {
    expect(firstArrivalShown({ p50: 0 })).toBe(false);
    expect(firstArrivalShown({ p50: 0.4 })).toBe(false);
    expect(firstArrivalShown({ p50: 1 })).toBe(true);
    expect(situationWords("en").scenarioNoneInMedianRun).toBe("none in the median run");
    expect(situationWords("es").scenarioNoneInMedianRun).toBe("ninguna en la corrida mediana");
  });
});
