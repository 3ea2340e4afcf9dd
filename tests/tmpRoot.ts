/**
 * One temporary folder per test file, removed when the file's tests end (tests/setup/tmp.ts,
 * a vitest `setupFiles` of vitest.config.ts). Tests make their folders with `mkdtempSync(join(tmpdir(), "dtm-…-"))`;
 * `os.tmpdir()` reads TMPDIR on every call, so pointing TMPDIR at this file's own folder puts
 * every such folder (and the temp files of CLI runs in child processes, which inherit it) under
 * one root that `afterAll` removes: a test run leaves nothing behind in the system's temp folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Prefix of the per-file roots (`dtm-test-XXXXXX` in the system's temp folder). */
export const TEST_TMP_PREFIX = "dtm-test-";

/**
 * Makes a fresh root under the current temp folder and points TMPDIR at it.
 * @returns the root and a function that removes it and restores TMPDIR.
 */
export function useTestTmp(): { root: string; release: () => void } {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), TEST_TMP_PREFIX));
  process.env.TMPDIR = root;
  return {
    root,
    release: () => {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      rmSync(root, { recursive: true, force: true });
    },
  };
}
