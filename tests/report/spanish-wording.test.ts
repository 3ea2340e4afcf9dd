import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { situationWords } from "../../src/report/words.js";

/** Every .ts file under `dir` (recursively), excluding generated data. */
function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "generated" && name !== "node_modules") out.push(...tsFiles(path));
    } else if (name.endsWith(".ts")) out.push(path);
  }
  return out;
}

describe("Spanish wording of the situation update", () => {
  it("says the departed figure 'se basan en' the tracked groups, not 'descansan en'", () => {
    const text = situationWords("es").departedBeyond(
      "1,000",
      "2018-11-20",
      "2018-11-25",
      "14,778",
      "",
      "0",
      "",
    );
    expect(text).toContain("14,778 se basan en los tamaños de los grupos seguidos");
    expect(text).not.toMatch(/descansan/);
    expect(text).toContain("cifras de stock");
  });
  it("names stock figures one way in Spanish everywhere ('cifras de stock')", () => {
    const root = join(__dirname, "..", "..");
    const offenders = ["src", "cli", "viewer"]
      .flatMap((d) => tsFiles(join(root, d)))
      .filter((f) => /cifras? de existencias/i.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
