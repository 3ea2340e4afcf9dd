/**
 * Lists the functions longer than the limit (150 lines, the project's "small named parts" rule) in
 * src/, cli/, viewer/, bench/ and scripts/ (src/embedded/generated/ is data, not code; the benches
 * and the data scripts are code the figures rest on: a long bench function is as hard to check),
 * measured with the TypeScript
 * compiler's own parser: every function declaration, method, constructor, accessor, function
 * expression and arrow function, from its first line (after its doc comment) to its closing brace.
 * A function nested in another counts on its own, and also as part of the one around it. Classes
 * are measured too (the issue counts `SheetReader` and `RowReader` among the long parts: a class
 * is one part sharing mutable state just as a closure is), named by the class.
 *
 * Run: `npm run check:functions` (also part of `npm run lint`, so CI runs it).
 * Exit status: 0 when every function is within the limit or allowed; 1 when one is over it and not
 * in scripts/function-length-allow.json, when an allowed one grew, or when an allowed one is now
 * within the limit or gone (its entry must then be removed: the allowlist only shrinks); 2 for an
 * unreadable allowlist.
 *
 * The allowlist maps `path#qualified.name` to the function's length in lines when it was listed
 * (the offenders that are being split now); `--write` rewrites it with today's offenders, for a
 * deliberate reset only.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** Longest function allowed, in lines (both the first and the last line counted). */
export const LIMIT = 150;
/** Folders measured, relative to the repository root. */
export const ROOTS = ["src", "cli", "viewer", "bench", "scripts"];
/** Folders left out: generated data modules. */
export const EXCLUDED = ["src/embedded/generated"];
export const ALLOWLIST = "scripts/function-length-allow.json";

/** One function: where it is, its name qualified by the named functions around it, its lines. */
export interface FunctionLength {
  file: string;
  name: string;
  line: number;
  lines: number;
}

/** The name of a function node, from its declaration or from what it is assigned to. */
function ownName(node: ts.Node): string | undefined {
  const named = node as ts.Node & { name?: ts.Node };
  if (ts.isConstructorDeclaration(node)) return "constructor";
  if (named.name && (ts.isIdentifier(named.name) || ts.isPrivateIdentifier(named.name)))
    return named.name.text;
  if (named.name && (ts.isStringLiteral(named.name) || ts.isNumericLiteral(named.name)))
    return named.name.text;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    if (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name)) return parent.name.text;
  }
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken)
    return parent.left.getText().replace(/^this\./, "");
  if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
    // A callback: named by the call, and by the variable the call's result goes to, if any
    // (`const columns = results.map((r) => …)` → "columns<map callback>").
    const callee = parent.expression;
    const call = ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText();
    const holder = parent.parent;
    const variable =
      ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) ? holder.name.text : "";
    return `${variable}<${call} callback>`;
  }
  return undefined;
}

function isFunction(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node)
  );
}

/** Every function of one source text with its length in lines. `file` is used for names only. */
export function measureFunctions(file: string, text: string): FunctionLength[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: FunctionLength[] = [];
  const seen = new Map<string, number>();
  /** Records `node` under `base` (numbered when the name repeats); returns its last name part. */
  const record = (node: ts.Node, base: string): string => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const name = n === 1 ? base : `${base}[${n}]`;
    const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
    found.push({ file, name, line: first + 1, lines: last - first + 1 });
    return name.split(".").at(-1)!;
  };
  const visit = (node: ts.Node, scope: string[]): void => {
    let inner = scope;
    if (isFunction(node) && node.body)
      inner = [...scope, record(node, [...scope, ownName(node) ?? "<anonymous>"].join("."))];
    else if (ts.isClassDeclaration(node) || ts.isClassExpression(node))
      inner = [...scope, record(node, [...scope, node.name?.text ?? "<class>"].join("."))];
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(source, []);
  return found;
}

/** The .ts files under the measured folders (tests and declaration files left out). */
export function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    const rel = relative(root, dir).split(sep).join("/");
    if (EXCLUDED.includes(rel)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ts$/.test(entry.name) && !/\.(d|test)\.ts$/.test(entry.name)) files.push(path);
    }
  };
  for (const r of ROOTS) walk(join(root, r));
  return files.sort();
}

/** What the check found: over the limit and not allowed, grown past their entry, stale entries. */
export interface Verdict {
  over: FunctionLength[];
  unlisted: FunctionLength[];
  grown: { fn: FunctionLength; allowed: number }[];
  stale: { key: string; allowed: number; now: number | undefined }[];
}

export const keyOf = (f: FunctionLength): string => `${f.file}#${f.name}`;

/** Compares the measured functions with the allowlist (key → lines when listed). */
export function judge(
  functions: readonly FunctionLength[],
  allow: Readonly<Record<string, number>>,
  limit = LIMIT,
): Verdict {
  const byKey = new Map(functions.map((f) => [keyOf(f), f]));
  const over = functions.filter((f) => f.lines > limit).sort((a, b) => b.lines - a.lines);
  const unlisted = over.filter((f) => allow[keyOf(f)] === undefined);
  const grown = over
    .filter((f) => allow[keyOf(f)] !== undefined && f.lines > allow[keyOf(f)]!)
    .map((fn) => ({ fn, allowed: allow[keyOf(fn)]! }));
  const stale = Object.entries(allow)
    .filter(([key]) => (byKey.get(key)?.lines ?? 0) <= limit)
    .map(([key, allowed]) => ({ key, allowed, now: byKey.get(key)?.lines }));
  return { over, unlisted, grown, stale };
}

/** The report printed by the command, one line per finding; `ok` when nothing fails. */
export function formatVerdict(v: Verdict, limit = LIMIT): { ok: boolean; lines: string[] } {
  const lines = [
    `Functions and classes over ${limit} lines in ${ROOTS.join("/, ")}/: ${v.over.length}`,
  ];
  const allowedOver = v.over.filter((f) => !v.unlisted.includes(f));
  for (const f of allowedOver)
    lines.push(`  allowed  ${f.lines} lines  ${keyOf(f)} (line ${f.line})`);
  for (const f of v.unlisted)
    lines.push(
      `  TOO LONG ${f.lines} lines  ${keyOf(f)} (line ${f.line}): split it into named parts of at most ${limit} lines`,
    );
  for (const g of v.grown)
    lines.push(
      `  GREW     ${keyOf(g.fn)}: ${g.fn.lines} lines, listed at ${g.allowed} in ${ALLOWLIST}; an allowed function may only shrink`,
    );
  for (const s of v.stale)
    lines.push(
      `  STALE    ${s.key}: ${s.now === undefined ? "no longer exists" : `now ${s.now} lines`}; remove its entry from ${ALLOWLIST} (the allowlist only shrinks)`,
    );
  const ok = v.unlisted.length === 0 && v.grown.length === 0 && v.stale.length === 0;
  return { ok, lines };
}

/** Reads the allowlist: `{ "path#name": lines, … }` (keys starting with "//" are comments). */
export function readAllowlist(path: string): Record<string, number> {
  const raw = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  const allow: Record<string, number> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith("//")) continue;
    if (typeof value !== "number" || !Number.isInteger(value) || value <= 0)
      throw new Error(
        `${path}: "${key}" must map to a number of lines, got ${JSON.stringify(value)}`,
      );
    allow[key] = value;
  }
  return allow;
}

/** Every function and class of the measured folders of the repository at `root`. */
export function measureRepository(root: string): FunctionLength[] {
  return sourceFiles(root).flatMap((path) =>
    measureFunctions(relative(root, path).split(sep).join("/"), readFileSync(path, "utf8")),
  );
}

function main(argv: string[]): number {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const functions = measureRepository(root);
  const allowPath = join(root, ALLOWLIST);
  if (argv.includes("--write")) {
    const entries = functions
      .filter((f) => f.lines > LIMIT)
      .sort((a, b) => keyOf(a).localeCompare(keyOf(b)))
      .map((f) => [keyOf(f), f.lines]);
    const comment =
      "Functions allowed over 150 lines while they are split (scripts/function-length.ts). Only remove entries or lower their numbers.";
    writeFileSync(
      allowPath,
      JSON.stringify({ "//": comment, ...Object.fromEntries(entries) }, null, 2) + "\n",
    );
    console.log(`wrote ${entries.length} entries to ${ALLOWLIST}`);
    return 0;
  }
  let allow: Record<string, number>;
  try {
    allow = readAllowlist(allowPath);
  } catch (e) {
    console.error(`function-length: ${(e as Error).message}`);
    return 2;
  }
  const { ok, lines } = formatVerdict(judge(functions, allow));
  for (const line of lines) (ok ? console.log : console.error)(line);
  return ok ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
