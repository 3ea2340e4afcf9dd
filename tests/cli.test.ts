import { describe, expect, it } from "vitest";
import { run } from "../cli/main.ts";
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
});
