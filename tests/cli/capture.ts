/**
 * Test helper for the CLI: a CommandContext whose stdout and stderr lines are collected in arrays
 * instead of printed, so a test can run `run([...], io.context)` and assert on what it said.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandContext } from "../../cli/command.ts";

export interface Captured {
  /** Lines written to stdout, in order. */
  out: string[];
  /** Lines written to stderr, in order. */
  err: string[];
  context: CommandContext;
}

/**
 * @param cwd directory the command resolves relative paths against; default process.cwd().
 * @example
 * const io = capture(dir);
 * expect(await run(["estimate", "--out", "out"], io.context)).toBe(0);
 * expect(io.err.join("\n")).toMatch(/groups/);
 */
export function capture(cwd: string = process.cwd()): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    context: { stdout: (l) => out.push(l), stderr: (l) => err.push(l), cwd },
  };
}

/**
 * Writes `body` as file `name` in a new folder under the system's temporary folder (its name
 * starts with `prefix`), for a command to read; returns the folder and the file's path.
 * @example
 * const { dir, file } = tempFile("dtm-pcode-", "conteo.csv", "fecha;punto;dirección;total\n…");
 * const io = capture(dir);
 * expect(await run(["validate", file], io.context)).toBe(0);
 */
export function tempFile(
  prefix: string,
  name: string,
  body: string | Uint8Array,
): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, name);
  writeFileSync(file, body);
  return { dir, file };
}
