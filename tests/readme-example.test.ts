/**
 * The README's TypeScript usage block, run as written (with "dtm-flow" pointing at src/index.ts),
 * so the documented pipeline cannot silently drift from the API.
 */
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";

describe("README usage", () => {
  it("the TypeScript block imports, estimates and splits the sample sightings", async () => {
    const readme = readFileSync("README.md", "utf8");
    const block = /## Usage[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, "README has a ```ts block under ## Usage").toBeTruthy();
    const source = block!.replace(
      /from "dtm-flow"/,
      `from ${JSON.stringify(resolve("src/index.ts"))}`,
    );
    const dir = mkdtempSync(join(tmpdir(), "dtm-readme-"));
    const file = join(dir, "example.ts");
    writeFileSync(file, source);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await import(/* @vite-ignore */ file);
    const [[accepted, rejected], [biases, lastSplit]] = log.mock.calls as unknown[][];
    log.mockRestore();
    expect(accepted).toBeGreaterThan(0);
    expect(typeof rejected).toBe("number");
    expect(Array.isArray(biases)).toBe(true);
    expect(lastSplit).toHaveProperty("category");
  });
});
