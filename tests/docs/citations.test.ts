/**
 * Documentation citations resolve. In the code (src, cli, viewer, notebooks, scripts, bench,
 * tests, bin and the root configs), every cited Markdown file exists (with its #anchor, when one
 * is given), a section sign names the document it is in (`docs/contracts.md §1.2`, and that
 * section exists) unless it cites an outside work by year or RFC, the README is cited by path, and
 * nothing points at documents outside the repository. In README.md, docs/*.md and the other
 * READMEs, every relative link resolves, anchors included.
 *
 * This file is left out of the scan: its patterns and messages are not citations.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(".");
const CODE_ROOTS = ["src", "cli", "viewer", "notebooks", "scripts", "bench", "tests", "bin"];
const CODE_FILE = /\.(ts|js|mjs|cjs|html|css)$/;
/** Generated data, fixtures and outputs: not prose. */
const SKIP = [
  "src/embedded/generated",
  "tests/fixtures",
  "tests/output",
  "tests/docs/citations.test.ts",
];
/** Markdown files the code names that are outputs the commands write, not documents. */
const OUTPUT_FILES = new Set(["situation-update.md"]);
const MARKDOWN = ["README.md", "bench/README.md", "data/README.md", "data/samples/README.md"];

const rel = (path: string): string => relative(ROOT, path).split(sep).join("/");

function walk(dir: string, keep: (path: string) => boolean, found: string[] = []): string[] {
  if (!existsSync(dir) || SKIP.includes(rel(dir))) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name === "node_modules" || SKIP.includes(rel(path))) continue;
    if (entry.isDirectory()) walk(path, keep, found);
    else if (keep(path)) found.push(path);
  }
  return found;
}

function codeFiles(): string[] {
  const roots = CODE_ROOTS.flatMap((r) => walk(join(ROOT, r), (p) => CODE_FILE.test(p)));
  const configs = readdirSync(ROOT)
    .filter((f) => /\.(ts|js|mjs)$/.test(f))
    .map((f) => join(ROOT, f));
  return [...roots, ...configs].sort();
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The headings of a Markdown file (outside code fences). */
function headings(path: string): string[] {
  const found: string[] = [];
  let fenced = false;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) found.push(m[1]!);
  }
  return found;
}

/** The anchors of a Markdown file, repeated headings numbered as GitHub does (x, x-1, x-2). */
function anchors(path: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const h of headings(path)) {
    const base = slug(h);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** True when the Markdown file has a numbered section `n` ("## 1. …", "### 1.2 …"). */
function hasSection(path: string, n: string): boolean {
  return headings(path).some((h) => new RegExp(`^${n.replace(/\./g, "\\.")}\\.?\\s`).test(h));
}

/** A line number (1-based) of an offset in a text. */
const lineAt = (text: string, offset: number): number => text.slice(0, offset).split("\n").length;

interface Problem {
  where: string;
  what: string;
}

/** Dangling citations of Markdown files (and their anchors) in one code file. */
function markdownCitations(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  for (const m of text.matchAll(
    /(?<![\w/.-])((?:\.{1,2}\/)?(?:[\w.-]+\/)*[\w.-]+\.md)(#[\w-]+)?\b/g,
  )) {
    const [, path, anchor] = m;
    if (OUTPUT_FILES.has(path!)) continue;
    const where = `${rel(file)}:${lineAt(text, m.index)}`;
    const target = [resolve(ROOT, path!), resolve(dirname(file), path!)].find((p) => existsSync(p));
    if (!target) problems.push({ where, what: `${path} does not exist in the repository` });
    else if (anchor && !anchors(target).has(anchor.slice(1)))
      problems.push({ where, what: `${path} has no heading for ${anchor}` });
  }
  return problems;
}

/** What a section sign may follow: a document of the repository, or an outside work. */
const DOC_BEFORE = /(?<![\w/.-])((?:[\w.-]+\/)*[\w.-]+\.md)\s*$/;
const OUTSIDE_WORK_BEFORE = /(\bRFC \d+|\b(1[89]|20)\d{2}\)?,?|\bed\.,?)\s*$/;
/** Earlier section numbers of a list ("§5, §10 and §11") between the document and this one. */
const EARLIER_SECTIONS = /(§\s?\d+(\.\d+)*([–-]\d+(\.\d+)*)?\s*(,|and|or|\s)*\s*)+$/;

/** Section signs that name no document, or a section that does not exist, in one code file. */
function sectionCitations(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  for (const m of text.matchAll(/§\s?(\d+(?:\.\d+)*)(?:[–-](\d+(?:\.\d+)*))?/g)) {
    const where = `${rel(file)}:${lineAt(text, m.index)}`;
    // What precedes it on its line and the line before (comments wrap).
    const before = text
      .slice(Math.max(0, m.index - 200), m.index)
      .split("\n")
      .slice(-2)
      .map((l) => l.replace(/^\s*(\*|\/\/)\s?/, ""))
      .join(" ")
      .replace(EARLIER_SECTIONS, "");
    const doc = DOC_BEFORE.exec(before)?.[1];
    if (doc) {
      const path = resolve(ROOT, doc);
      for (const n of [m[1]!, m[2]].filter((x): x is string => !!x)) {
        const full = n.includes(".") || !m[1]!.includes(".") ? n : `${m[1]!.split(".")[0]}.${n}`;
        if (existsSync(path) && !hasSection(path, full))
          problems.push({ where, what: `${doc} has no section ${full}` });
      }
      continue; // a missing document is reported by markdownCitations
    }
    if (OUTSIDE_WORK_BEFORE.test(before)) continue;
    problems.push({
      where,
      what: `"${m[0]}" names no document: cite it as docs/contracts.md ${m[0]} (or the page it is in)`,
    });
  }
  return problems;
}

/** Citations by name of documents that are not files of the repository. */
function otherCitations(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  const rules: [RegExp, string][] = [
    [/\bREADME\b(?!\.md)/g, "cite README.md or the docs/ page by path"],
    [/(?<!docs\/)\bcontracts\b(?!\.md)\s*(§|:)/g, "cite docs/contracts.md by path"],
    [
      /\.\.\/shared\b|\/work\/shared\b|\bmodels-and-planning\b|\bestimation-notes\b|\bviewer-and-notebooks\b/g,
      "a document outside the repository",
    ],
  ];
  for (const [pattern, what] of rules)
    for (const m of text.matchAll(pattern))
      problems.push({ where: `${rel(file)}:${lineAt(text, m.index)}`, what: `"${m[0]}": ${what}` });
  return problems;
}

/** Relative links of one Markdown file that do not resolve. */
function markdownLinks(file: string): Problem[] {
  const problems: Problem[] = [];
  const text = readFileSync(file, "utf8")
    .replace(/```[\s\S]*?```/g, (b) => b.replace(/[^\n]/g, " "))
    .replace(/`[^`\n]*`/g, (c) => " ".repeat(c.length));
  for (const m of text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const href = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // https:, mailto:
    const where = `${rel(file)}:${lineAt(text, m.index)}`;
    const [path, anchor] = href.split("#") as [string, string | undefined];
    const target = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
    if (!existsSync(target)) {
      problems.push({ where, what: `${href}: ${rel(target)} does not exist` });
      continue;
    }
    if (anchor !== undefined) {
      if (statSync(target).isDirectory() || !target.endsWith(".md"))
        problems.push({ where, what: `${href}: an anchor into a file that is not Markdown` });
      else if (!anchors(target).has(anchor))
        problems.push({ where, what: `${href}: ${rel(target)} has no heading for #${anchor}` });
    }
  }
  return problems;
}

/** Paths the pages name as files the reader creates, not files of the repository. */
const READER_FILES = new Set(["notebooks/my-analysis.html"]);

/** Repository paths named in backticks (`src/…`, `tests/…`) that do not exist. */
function namedPaths(file: string): Problem[] {
  const problems: Problem[] = [];
  const text = readFileSync(file, "utf8");
  const top = "src|cli|viewer|tests|bench|scripts|data|docs|notebooks|schema|seeds|public|bin";
  const pattern = new RegExp(String.raw`\x60((?:${top})/[^\x60*{}<>…\s]*)\x60`, "g");
  for (const m of text.matchAll(pattern)) {
    const path = m[1]!;
    if (READER_FILES.has(path) || existsSync(join(ROOT, path))) continue;
    problems.push({
      where: `${rel(file)}:${lineAt(text, m.index)}`,
      what: `${path} does not exist`,
    });
  }
  return problems;
}

const format = (problems: Problem[]): string[] => problems.map((p) => `${p.where}: ${p.what}`);

describe("documentation citations", () => {
  const files = codeFiles();
  const texts = files.map((f) => [f, readFileSync(f, "utf8")] as const);

  it("scans the code of every front end and the library", () => {
    const scanned = files.map(rel);
    for (const f of ["src/index.ts", "cli/main.ts", "viewer/app.ts", "notebooks/index.html"])
      expect(scanned).toContain(f);
    expect(scanned.some((f) => f.startsWith("src/embedded/generated/"))).toBe(false);
  });

  it("every Markdown file the code cites exists, with the anchor it names", () => {
    expect(format(texts.flatMap(([f, t]) => markdownCitations(f, t)))).toEqual([]);
  });

  it("every § names its document, and the section exists there", () => {
    expect(format(texts.flatMap(([f, t]) => sectionCitations(f, t)))).toEqual([]);
  });

  it("the README and the contracts are cited by path; nothing outside the repository is cited", () => {
    expect(format(texts.flatMap(([f, t]) => otherCitations(f, t)))).toEqual([]);
  });

  it("every relative link in README.md, docs/*.md and the other READMEs resolves", () => {
    const docs = readdirSync(join(ROOT, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => join(ROOT, "docs", f));
    const pages = [...MARKDOWN.map((f) => join(ROOT, f)), ...docs].filter((f) => existsSync(f));
    expect(pages.length).toBeGreaterThan(5);
    expect(format(pages.flatMap(markdownLinks))).toEqual([]);
  });
});

describe("paths named in the pages", () => {
  it("every repository path README.md and docs/*.md name in backticks exists", () => {
    const docs = readdirSync(join(ROOT, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => join(ROOT, "docs", f));
    expect(format([join(ROOT, "README.md"), ...docs].flatMap(namedPaths))).toEqual([]);
  });
});

describe("the citation checks themselves", () => {
  const file = join(ROOT, "src", "example.ts");
  it("catch dangling citations and accept good ones", () => {
    const bad = [
      "// see docs/nowhere.md",
      "// docs/contracts.md §9.9",
      "// reference §3.1",
      "// (§1.2)",
      "// see README, section X",
      "// contracts: local time",
      "// ../shared/docs/x.md",
      "// docs/contracts.md#no-such-heading",
    ].join("\n");
    const found = [
      ...markdownCitations(file, bad),
      ...sectionCitations(file, bad),
      ...otherCitations(file, bad),
    ];
    // Each bad line is caught (some by two rules).
    expect([...new Set(found.map((p) => Number(p.where.split(":")[1])))].sort()).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    const good = [
      "// docs/contracts.md §1.2 and docs/contracts.md §1.1–1.4, docs/contracts.md §1, §2",
      "// RFC 7946 §6.1; Murphy (2012) §17.4; BDA3, 3rd ed., §5.4–5.5",
      "// see README.md and data/README.md; docs/estimation.md#method",
      "// writes situation-update.md",
    ].join("\n");
    expect([
      ...markdownCitations(file, good),
      ...sectionCitations(file, good),
      ...otherCitations(file, good),
    ]).toEqual([]);
  });

  it("slugs headings as GitHub does", () => {
    expect(slug("3.1 `tracks.csv` (and `tracks.geojson`, `report.json`)")).toBe(
      "31-trackscsv-and-tracksgeojson-reportjson",
    );
    expect(slug("Where we differ from Turf (checked against an independent reference)")).toBe(
      "where-we-differ-from-turf-checked-against-an-independent-reference",
    );
  });
});
