/**
 * The test suite leaves no temp folders behind (tryout23 LOW 17: thousands of `dtm-ledger-*`,
 * `dtm-field-*` … in /tmp): each test file's folders are under one root that is removed after it.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_TMP_PREFIX, useTestTmp } from "../tmpRoot.ts";

describe("test temp folders (tests/setup/tmp.ts, tests/tmpRoot.ts)", () => {
  it("a test's mkdtempSync(join(tmpdir(), …)) lands under this file's own root", () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-ledger-"));
    const root = process.env.TMPDIR;
    expect(root).toBeDefined();
    expect(basename(root!)).toMatch(new RegExp(`^${TEST_TMP_PREFIX}`));
    expect(dir.startsWith(root! + "/")).toBe(true);
  });

  it("release removes the root with everything in it and restores TMPDIR", () => {
    const before = process.env.TMPDIR;
    const t = useTestTmp();
    expect(process.env.TMPDIR).toBe(t.root);
    const inner = mkdtempSync(join(tmpdir(), "dtm-field-"));
    mkdirSync(join(inner, "out"));
    writeFileSync(join(inner, "out", "split.csv"), "x");
    t.release();
    expect(existsSync(t.root)).toBe(false);
    expect(process.env.TMPDIR).toBe(before);
  });
});
