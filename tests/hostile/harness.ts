/**
 * Harness of the hostile-input suite: runs the real CLI on hostile files and command lines in a
 * temporary sandbox and reports what it did to the disk, so each test can assert the promises of
 * docs/cli.md:
 * - the exit status (0, 1, 2 or 3);
 * - one sentence on stderr for an error, and never a stack trace;
 * - every input unchanged (SHA-256 of every file in the sandbox before and after);
 * - nothing created, changed or removed outside --out (every path in the sandbox is listed);
 * - on exit 2 or 3, nothing left in --out either (no temporary files, no half-written outputs).
 *
 * Commands run in-process through cli/main.ts `run` with a capturing context (fast); `runChild`
 * runs bin/dtm-flow.js as a child process for the few cases where what Node itself prints or
 * the process exit code matter.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  lstatSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "../cli/capture.ts";
import { oneRoute } from "../oneRoute.ts";

/** The repository root (for data/ files and bin/dtm-flow.js). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** What is at one path of the sandbox: a file's hash, a link's target, or a folder. */
export type Entry =
  { kind: "file"; sha256: string } | { kind: "link"; to: string } | { kind: "dir" };

/** Every path under `dir` (relative, with /), with what is there. Symbolic links are not followed. */
export function snapshot(dir: string): Map<string, Entry> {
  const found = new Map<string, Entry>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const rel = relative(dir, path).split(sep).join("/");
      const s = lstatSync(path);
      if (s.isSymbolicLink()) found.set(rel, { kind: "link", to: readlinkSync(path) });
      else if (s.isDirectory()) {
        found.set(rel, { kind: "dir" });
        walk(path);
      } else {
        const sha256 = createHash("sha256").update(readFileSync(path)).digest("hex");
        found.set(rel, { kind: "file", sha256 });
      }
    }
  };
  walk(dir);
  return found;
}

/** A temporary folder for one test, with helpers to lay out hostile files. */
export interface Sandbox {
  dir: string;
  /** Absolute path of `name` inside the sandbox. */
  path(name: string): string;
  /** Writes `name` (making its folders) and returns its absolute path. */
  write(name: string, content: string | Uint8Array): string;
  /** Copies a repository file (e.g. data/places.csv) to `name`. */
  copy(from: string, name: string): string;
  remove(): void;
}

export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), "dtm-hostile-"));
  const path = (name: string) => join(dir, name);
  const write = (name: string, content: string | Uint8Array) => {
    mkdirSync(dirname(path(name)), { recursive: true });
    writeFileSync(path(name), content);
    return path(name);
  };
  return {
    dir,
    path,
    write,
    copy: (from, name) => write(name, readFileSync(join(ROOT, from))),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** What a run did: its status, what it said, and every change to the sandbox. */
export interface RunResult {
  code: number;
  out: string[];
  err: string[];
  /** Paths (relative to the sandbox) that appeared, outside --out. */
  createdOutside: string[];
  /** Paths that changed or disappeared, outside --out (inputs among them). */
  changedOutside: string[];
  /** Paths that appeared or changed inside --out. */
  writtenInOut: string[];
}

/** Compares two snapshots; paths under `outRel` are "in --out". */
function diff(before: Map<string, Entry>, after: Map<string, Entry>, outRel: string | undefined) {
  const inOut = (p: string) =>
    outRel !== undefined && (outRel === "" || p === outRel || p.startsWith(outRel + "/"));
  const createdOutside: string[] = [];
  const changedOutside: string[] = [];
  const writtenInOut: string[] = [];
  for (const [p, e] of after) {
    const was = before.get(p);
    const same = was !== undefined && JSON.stringify(was) === JSON.stringify(e);
    if (same) continue;
    if (inOut(p)) writtenInOut.push(p);
    else if (was === undefined) createdOutside.push(p);
    else changedOutside.push(p);
  }
  for (const p of before.keys()) if (!after.has(p) && !inOut(p)) changedOutside.push(p);
  return { createdOutside, changedOutside, writtenInOut };
}

/** The value of --out in argv, if any. */
function outArgument(argv: string[]): string | undefined {
  const i = argv.lastIndexOf("--out");
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith("--out="))?.slice(6);
}

/** The sandbox-relative path of --out when it lies inside the sandbox. */
function outRelative(box: Sandbox, out: string | undefined): string | undefined {
  if (out === undefined) return undefined;
  const rel = relative(box.dir, resolve(box.dir, out));
  return rel.startsWith("..") ? undefined : rel.split(sep).join("/");
}

/**
 * Runs `dtm-flow <argv>` in-process with the sandbox as working directory.
 * @param outDir the folder the command may write in (default: its --out argument).
 */
export async function runIn(box: Sandbox, argv: string[], outDir?: string): Promise<RunResult> {
  const before = snapshot(box.dir);
  const io = capture(box.dir);
  const code = await run(argv, io.context);
  const after = snapshot(box.dir);
  return {
    code,
    out: io.out,
    err: io.err,
    ...diff(before, after, outRelative(box, outDir ?? outArgument(argv))),
  };
}

/**
 * Runs bin/dtm-flow.js as a child process (Node prints uncaught errors itself, so only a child
 * shows whether one escapes).
 */
export function runChild(
  box: Sandbox,
  argv: string[],
  env: Record<string, string> = {},
): RunResult {
  const before = snapshot(box.dir);
  const child = spawnSync(process.execPath, [join(ROOT, "bin/dtm-flow.js"), ...argv], {
    cwd: box.dir,
    encoding: "utf8",
    env: { ...process.env, DTM_DEBUG: "", ...env },
    timeout: 60_000,
  });
  const after = snapshot(box.dir);
  const lines = (text: string) => text.split("\n").filter((l) => l !== "");
  return {
    code: child.status ?? -1,
    out: lines(child.stdout),
    err: lines(child.stderr),
    ...diff(before, after, outRelative(box, outArgument(argv))),
  };
}

/** A stack trace line as Node prints it. */
const STACK_LINE = /^\s+at\s/;

/**
 * The error sentence of a failed run: the last stderr line that starts with "dtm-flow".
 * Asserts there is one, that it is one sentence (ends with a full stop, no second sentence
 * starting with a capital letter after a full stop), and that no line is a stack trace line.
 */
export function errorSentence(result: RunResult): string {
  for (const line of [...result.err, ...result.out]) expect(line).not.toMatch(STACK_LINE);
  const line = [...result.err].reverse().find((l) => l.startsWith("dtm-flow"));
  expect(line, `stderr: ${result.err.join("\n")}`).toBeDefined();
  expect(line).toMatch(/^dtm-flow( [a-z]+)?: \S.*[.)]$/);
  // Abbreviations such as "e.g." end no sentence.
  expect(line!.replace(/\b(e\.g|i\.e|etc|cf|vs)\./g, "")).not.toMatch(/[.!?] +[A-Z][a-z]/);
  return line!;
}

/**
 * Asserts a clean refusal: exit `code` (default 2), one sentence matching every pattern in
 * `mentions`, no stack trace, nothing changed or created anywhere in the sandbox (not in --out
 * either).
 */
export function expectRefusal(result: RunResult, mentions: RegExp[] = [], code = 2): string {
  expect(result.code, `stderr: ${result.err.join("\n")}`).toBe(code);
  const sentence = errorSentence(result);
  for (const m of mentions) expect(sentence).toMatch(m);
  expect(result.changedOutside, "inputs changed").toEqual([]);
  expect(result.createdOutside, "files created outside --out").toEqual([]);
  expect(result.writtenInOut, "files written in --out").toEqual([]);
  return sentence;
}

/** Asserts a successful run: status 0 or 1, nothing touched outside --out, no stack trace. */
export function expectSuccess(result: RunResult): void {
  expect([0, 1], `stderr: ${result.err.join("\n")}`).toContain(result.code);
  for (const line of result.err) expect(line).not.toMatch(STACK_LINE);
  expect(result.changedOutside, "inputs changed").toEqual([]);
  expect(result.createdOutside, "files created outside --out").toEqual([]);
  for (const p of result.writtenInOut) expect(p).not.toMatch(/\.tmp$/);
}

/** A route file of one LineString with these positions. */
export function routeFile(coordinates: number[][], routeId = "r1"): string {
  return JSON.stringify(oneRoute(coordinates, routeId));
}
