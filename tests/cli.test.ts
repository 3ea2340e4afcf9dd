import { describe, expect, it } from "vitest";
import { run } from "../cli/main.ts";
import { closestOption } from "../cli/command.ts";
import { capture } from "./cli/capture.ts";

describe("dtm-flow CLI", () => {
  it("dtm-flow --help lists the commands and the exit statuses", async () => {
    const io = capture();
    expect(await run(["--help"], io.context)).toBe(0);
    expect(io.out.join("\n")).toMatch(/Usage: dtm-flow <command>/);
    expect(io.out.join("\n")).toMatch(/Exit status: 0/);
  });

  it("dtm-flow <unknown> exits 2 with one sentence and no stack trace", async () => {
    const io = capture();
    expect(await run(["frobnicate"], io.context)).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toMatch(/unknown command "frobnicate"/);
    expect(io.err[0]).not.toMatch(/\n\s+at /);
  });

  it("a command typed as the documents name its output, in Spanish or mistyped: the command meant", async () => {
    for (const [typed, meant] of [
      ["situation", "report"],
      ["reprot", "report"],
      ["escenario", "scenario"],
      ["pronóstico", "forecast"],
      ["forcast", "forecast"],
    ]) {
      const io = capture();
      expect(await run([typed!, "--out", "out"], io.context)).toBe(2);
      expect(io.err).toEqual([
        `dtm-flow: unknown command "${typed}" (did you mean dtm-flow ${meant}?); the commands are validate, import, estimate, ledger, report, scenario, forecast (see dtm-flow --help).`,
      ]);
    }
    const io = capture();
    expect(await run(["frobnicate"], io.context)).toBe(2);
    expect(io.err[0]).not.toMatch(/did you mean/);
  });

  it("a mistyped option exits 2 and names the option it most likely meant", async () => {
    const io = capture();
    expect(await run(["estimate", "--sightigns", "a.csv", "--out", "out"], io.context)).toBe(2);
    expect(io.err).toEqual([
      "dtm-flow estimate: unknown option --sightigns (did you mean --sightings?); see --help for the options.",
    ]);
    const names = ["sightings", "counts", "out", "loo", "json", "hold-days"];
    expect(closestOption("--countz", names)).toBe("--counts");
    expect(closestOption("--Out", names)).toBe("--out");
    expect(closestOption("--jsno", names)).toBe("--json");
    expect(closestOption("--from", ["bom", "from-date"])).toBeUndefined();
    expect(closestOption("--hold-day=3", names)).toBe("--hold-days");
    // Nothing close, or too short to guess from: no suggestion.
    expect(closestOption("--frobnicate", names)).toBeUndefined();
    expect(closestOption("--foo", names)).toBeUndefined();
    expect(closestOption("-x", names)).toBeUndefined();
  });
});
