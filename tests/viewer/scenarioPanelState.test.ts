import { describe, expect, it } from "vitest";
import {
  isBusy,
  parseScenarioText,
  statusAfter,
  statusText,
} from "../../viewer/scenario/panelState.ts";

describe("scenario panel state", () => {
  it("statusAfter(reply) turns the worker's replies into statuses", () => {
    expect(statusAfter({ kind: "preparing", id: 1 })).toEqual({ kind: "preparing" });
    expect(statusAfter({ kind: "progress", id: 1, done: 3, total: 10 })).toEqual({
      kind: "running",
      done: 3,
      total: 10,
    });
    const errors = [
      { pointer: "/runs", code: "runs_limit" as const, params: {}, message: "runs are limited" },
    ];
    expect(statusAfter({ kind: "invalid", id: 1, errors })).toEqual({ kind: "invalid", errors });
    expect(statusAfter({ kind: "failed", id: 1, message: "x" })).toEqual({
      kind: "failed",
      message: "x",
    });
  });

  it("isBusy(status) is true only while preparing or running", () => {
    expect(isBusy({ kind: "preparing" })).toBe(true);
    expect(isBusy({ kind: "running", done: 0, total: 1 })).toBe(true);
    for (const kind of ["idle", "done", "full"] as const) expect(isBusy({ kind })).toBe(false);
  });

  it("statusText(status, lang) says what happens, in English and Spanish", () => {
    expect(statusText({ kind: "running", done: 5, total: 200 }, "en")).toMatch(/5 \/ 200/);
    expect(statusText({ kind: "invalid", errors: [] }, "es")).not.toBe(
      statusText({ kind: "invalid", errors: [] }, "en"),
    );
    const problem = {
      pointer: "/waves/0/people",
      code: "expected_people" as const,
      params: {},
      message: "x",
    };
    expect(statusText({ kind: "invalid", errors: [problem, problem] }, "en")).toBe(
      "2 problems in the scenario, each shown at its field; nothing was run.",
    );
    expect(statusText({ kind: "invalid", errors: [problem] }, "es")).toBe(
      "1 problema en el escenario, junto a su campo; no se calculó nada.",
    );
    expect(statusText({ kind: "idle" }, "en")).toBe("");
    expect(statusText({ kind: "loaded", file: "a.json" }, "en")).toMatch(/a\.json$/);
  });

  it("parseScenarioText(text) reads a JSON object (BOM too) and refuses anything else", () => {
    expect(parseScenarioText('\uFEFF{"runs": 5}')).toEqual({ runs: 5, waves: [] });
    expect(parseScenarioText("[1]")).toBeInstanceOf(Error);
    expect(parseScenarioText("{ waves: ")).toBeInstanceOf(Error);
    expect((parseScenarioText("null") as Error).message).toBe("not an object");
  });
});
