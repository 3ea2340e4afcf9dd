/**
 * End to end through bin/dtm-flow.js in a child process, where what Node itself prints and the
 * process exit status matter: the crashes (a route across the antimeridian, an --out
 * under a file) used to escape as Node stack traces with exit 1. Few cases: each child pays the
 * start-up of Node and tsx.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorSentence, expectRefusal, routeFile, runChild, sandbox } from "./harness.ts";
import type { Sandbox } from "./harness.ts";

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
  box.write(
    "antimeridian.geojson",
    routeFile([
      [179.5, 10],
      [-179.5, 10.5],
    ]),
  );
  box.write("file.txt", "x\n");
});
afterAll(() => box.remove());

describe("dtm-flow as a process", () => {
  it("a route across the antimeridian: exit 2, one sentence, no stack trace", () => {
    const r = runChild(box, ["estimate", "--route", "antimeridian.geojson", "--out", "out"]);
    expectRefusal(r, [/antimeridian\.geojson/, /crosses the antimeridian/]);
    expect(r.err.join("\n")).not.toMatch(/Node\.js v\d|node:internal/);
  });

  it("an --out under a file: exit 2 before any work, also with DTM_DEBUG unset", () => {
    const r = runChild(box, ["ledger", "--out", "file.txt/out"]);
    expectRefusal(r, [/file\.txt/]);
    expect(r.err).toHaveLength(1);
  });

  it("--help states the exit codes and the limits", () => {
    const r = runChild(box, ["--help"]);
    expect(r.code).toBe(0);
    const text = r.out.join("\n");
    for (const code of [
      "0 everything accepted",
      "1 some input rows rejected",
      "2 unusable",
      "3 an",
    ])
      expect(text).toContain(code);
    expect(text).toMatch(/Limits:/);
    expect(text).toMatch(/2018-10-32 is refused/);
  });

  it("an unknown command: exit 2 with one sentence", () => {
    const r = runChild(box, ["estimat", "--out", "out"]);
    expect(r.code).toBe(2);
    expect(errorSentence(r)).toMatch(/unknown command "estimat"/);
  });
});
