import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  formatVerdict,
  judge,
  measureFunctions,
  readAllowlist,
  sourceFiles,
} from "../../scripts/function-length.ts";

/** A function whose body has `n` statement lines, so that it spans n + 2 lines. */
const body = (n: number): string => Array.from({ length: n }, (_, i) => `  x += ${i};`).join("\n");

describe("scripts/function-length.ts", () => {
  it("measures declarations, arrows, methods, nested closures and classes by qualified name", () => {
    const text = [
      "/** doc comment, not counted */",
      "export function outer(): number {",
      "  let x = 0;",
      "  const inner = () => {",
      body(3),
      "  };",
      "  inner();",
      "  return x;",
      "}",
      "class Reader {",
      "  read(): void {",
      "    let x = 0;",
      "    x++;",
      "  }",
      "}",
      "[1, 2].map((v) => v * 2);",
      "const doubled = [1, 2].map((v) => v * 2);",
    ].join("\n");
    const found = measureFunctions("src/a.ts", text);
    const byName = Object.fromEntries(found.map((f) => [f.name, [f.line, f.lines]]));
    expect(byName).toEqual({
      outer: [2, 10],
      "outer.inner": [4, 5],
      Reader: [12, 6],
      "Reader.read": [13, 4],
      "<map callback>": [18, 1],
      "doubled<map callback>": [19, 1],
    });
  });

  it("fails on a long function that is not allowed, on growth and on stale entries", () => {
    const long = measureFunctions("src/long.ts", `function long() {\n${body(160)}\n}\n`);
    const short = measureFunctions("src/short.ts", `function short() {\n${body(10)}\n}\n`);
    const all = [...long, ...short];
    expect(long[0]!.lines).toBe(162);

    const unlisted = judge(all, {});
    expect(unlisted.unlisted.map((f) => f.name)).toEqual(["long"]);
    expect(formatVerdict(unlisted).ok).toBe(false);

    expect(formatVerdict(judge(all, { "src/long.ts#long": 162 })).ok).toBe(true);
    expect(formatVerdict(judge(all, { "src/long.ts#long": 170 })).ok).toBe(true);

    const grown = judge(all, { "src/long.ts#long": 161 });
    expect(grown.grown).toHaveLength(1);
    expect(formatVerdict(grown).ok).toBe(false);

    // Entries for a function now within the limit, or gone, must be removed: the list only shrinks.
    const stale = judge(all, {
      "src/long.ts#long": 162,
      "src/short.ts#short": 200,
      "src/x.ts#gone": 300,
    });
    expect(stale.stale.map((s) => [s.key, s.now])).toEqual([
      ["src/short.ts#short", 12],
      ["src/x.ts#gone", undefined],
    ]);
    expect(formatVerdict(stale).lines.filter((l) => l.includes("STALE"))).toHaveLength(2);
  });

  it("leaves out generated data modules, tests and declaration files", () => {
    const files = sourceFiles(process.cwd()).map((f) => f.replaceAll("\\", "/"));
    expect(files.some((f) => f.includes("src/embedded/generated/"))).toBe(false);
    expect(files.some((f) => /\.(test|d)\.ts$/.test(f))).toBe(false);
    expect(files.some((f) => f.endsWith("src/index.ts"))).toBe(true);
    expect(files.some((f) => f.endsWith("viewer/app.ts"))).toBe(true);
    // The benches and data scripts too: the figures rest on them, so their long functions count.
    expect(files.some((f) => f.endsWith("bench/fragCause.ts"))).toBe(true);
    expect(files.some((f) => f.endsWith("scripts/data/observations.ts"))).toBe(true);
  });

  it("the allowlist is well formed: existing files, lengths over the limit", () => {
    // Whether the repository passes is checked by `npm run check:functions` in `npm run lint`.
    const allow = readAllowlist("scripts/function-length-allow.json");
    for (const [key, lines] of Object.entries(allow)) {
      expect(key).toMatch(/^(src|cli|viewer|bench|scripts)\/[\w./-]+\.ts#\S.*$/);
      expect(existsSync(key.split("#")[0]!), key).toBe(true);
      expect(lines).toBeGreaterThan(150);
    }
  });
});
