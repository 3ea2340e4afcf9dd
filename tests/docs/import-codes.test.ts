/**
 * docs/import.md is the list of the importer's codes (docs/contracts.md §2): every code that
 * `src/ingest` rejects or warns with is named there in backticks, so a new code cannot ship
 * without its sentence.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IMPORT_ISSUE_CODES } from "../../src/ingest/issue-codes.ts";

/** Codes given by `r.reject(field, "code", …)`, `r.warn(field, "code", …)` or `code: "code"`. */
function ingestCodes(): Set<string> {
  const codes = new Set<string>();
  const dir = "src/ingest";
  const files = readdirSync(dir, { recursive: true }).map(String);
  for (const f of files.filter((x) => x.endsWith(".ts"))) {
    const text = readFileSync(join(dir, f), "utf8");
    const re = /\b(?:reject|warn)\(\s*[^,()]+,\s*"([a-z][a-z0-9_]+)"|\bcode: "([a-z][a-z0-9_]+)"/g;
    for (const m of text.matchAll(re)) codes.add((m[1] ?? m[2])!);
  }
  return codes;
}

describe("docs/import.md names every import code", () => {
  it("finds the codes and names each", () => {
    const codes = ingestCodes();
    // The scan must see the codes it guards (a broken pattern would pass an empty list).
    expect(codes.has("half_coordinate_far")).toBe(true);
    expect(codes.size).toBeGreaterThan(60);
    const doc = readFileSync("docs/import.md", "utf8");
    expect([...codes].filter((c) => !doc.includes(`\`${c}\``))).toEqual([]);
  });
  it("names every member of IMPORT_ISSUE_CODES (route files' codes in docs/geometry.md too)", () => {
    // The typed list holds codes given through a variable (`date_imprecise`) that the scan misses.
    const scanned = ingestCodes();
    expect(
      [...scanned].filter((c) => !(IMPORT_ISSUE_CODES as readonly string[]).includes(c)),
    ).toEqual([]);
    const docs = ["docs/import.md", "docs/geometry.md"]
      .map((p) => readFileSync(p, "utf8"))
      .join("\n");
    expect(IMPORT_ISSUE_CODES.filter((c) => !docs.includes(`\`${c}\``))).toEqual([]);
  });
});
