/**
 * Every example of README.md, run as written, so that the front page cannot drift from the code:
 * the two commands (npm scripts), the command-line block (each line through the CLI, with its
 * `--out` folder moved to a scratch directory, and the files its comment names checked), the
 * TypeScript block (with "dtm-flow" pointing at src/index.ts), the viewer link (decoded by the
 * viewer's own URL-state code against the 2018 replay) and the notebook cell (its module body run
 * in Node with `display` collected).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { run } from "../cli/main.ts";
import { reportCommand } from "../cli/commands/report.ts";
import { embedded2018 } from "../src/index.ts";
import { enrichDataset } from "../viewer/data/embedded.ts";
import { prepareReplay } from "../viewer/data/prepare.ts";
import { dateOf } from "../viewer/data/replay.ts";
import { decodeState, defaultState } from "../viewer/state.ts";
import { capture } from "./cli/capture.ts";

const readme = readFileSync("README.md", "utf8");
const scratch = mkdtempSync(join(tmpdir(), "dtm-readme-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The body of the first ```lang block after the heading `heading` (and before the next one). */
function block(heading: string, lang: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, `README.md has a "${heading}" heading`).toBeGreaterThan(-1);
  const rest = readme.slice(start + heading.length + 2);
  const section = rest.slice(0, rest.search(/\n#{2,3} /) + 1 || undefined);
  const body = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(section)?.[1];
  expect(body, `README.md has a \`\`\`${lang} block under "${heading}"`).toBeTruthy();
  return body!;
}

/** Splits `cmd a "b c" d  # comment` into words and the comment. */
function words(line: string): { args: string[]; comment: string } {
  const hash = line.search(/\s#\s/);
  const command = hash < 0 ? line : line.slice(0, hash);
  const args = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  return { args, comment: hash < 0 ? "" : line.slice(hash + 3) };
}

describe("README.md examples", () => {
  it("the two commands are npm scripts, and npm start serves without forcing a browser open", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
      scripts: Record<string, string>;
    };
    const lines = block("## The two commands", "sh").trim().split("\n");
    expect(lines.map((l) => words(l).args.join(" "))).toEqual([
      "npm install && npm start",
      "npm install && npm test",
    ]);
    expect(pkg.scripts.start).toMatch(/^vite\b/);
    expect(pkg.scripts.start).not.toMatch(/--open/);
    expect(pkg.scripts.test).toContain("npm run lint");
  });

  it("every command-line example runs, exits as its comment says (0 if it says nothing) and writes the files it names", async () => {
    const lines = block("### Command line", "sh").trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const [i, line] of lines.entries()) {
      const { args, comment } = words(line);
      expect(args.slice(0, 2), line).toEqual(["npx", "dtm-flow"]);
      const argv = args.slice(2);
      const out = argv.indexOf("--out");
      const dir = join(scratch, `cli-${i}`);
      if (out >= 0) argv[out + 1] = dir;
      const io = capture(process.cwd());
      const status = await run(argv, io.context);
      const expected = Number(/\bexit (\d)\b/.exec(comment)?.[1] ?? 0);
      expect(status, `${line}\n${io.err.join("\n")}`).toBe(expected);
      const named = comment.match(/[\w-]+\.(csv|geojson|json|html|md)\b/g) ?? [];
      for (const file of named) expect(existsSync(join(dir, file)), `${line}: ${file}`).toBe(true);
      // And the comment names every file the command writes (scenario-report.json was left out).
      if (out >= 0 && named.length > 0)
        expect(readdirSync(dir).sort(), line).toEqual([...new Set(named)].sort());
      const rows = /(\d+) of (\d+) rows rejected/.exec(comment);
      if (rows)
        expect(io.out.join("\n"), line).toContain(
          `${rows[2]} data rows: ${Number(rows[2]) - Number(rows[1])} accepted, ${rows[1]} rejected`,
        );
    }
  }, 120_000);

  it("what README.md says of --out holds for report, which writes ./situation-update-<date>/ without it", () => {
    const said = block("### Command line", "sh") && readme;
    expect(said).toMatch(
      /writes\s+only under `--out` \(`report` without `--out` writes into\s+`\.\/situation-update-<date>\/`\)/,
    );
    expect(reportCommand.help).toMatch(/default: situation-update-<date> in the current folder/);
  });

  it("the TypeScript block imports, estimates and splits the sample sightings", async () => {
    const source = block("### Library", "ts").replace(
      /from "dtm-flow"/,
      `from ${JSON.stringify(resolve("src/index.ts"))}`,
    );
    const file = join(scratch, "example.ts");
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

  it('in a clone, `npx tsx` at the root resolves "dtm-flow" to the sources, as README.md says', () => {
    // What a new user does with the block before any `npm run build:lib`: tsx reads tsconfig.json
    // of the folder it runs in, whose `paths` maps "dtm-flow" to src/index.ts.
    const names = /import \{([^}]+)\} from "dtm-flow"/.exec(block("### Library", "ts"))![1]!;
    const file = join(scratch, "imports.ts");
    writeFileSync(
      file,
      `import {${names}} from "dtm-flow";\n` +
        `console.log(JSON.stringify([${names}].map((f) => typeof f)));\n`,
    );
    expect(readme).toMatch(/`npx tsx example\.ts`/);
    const child = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", file], {
      encoding: "utf8",
    });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual(names.split(",").map(() => "function"));
  }, 60_000);

  it("the viewer link opens the day, speed, selection, theme and language it says", () => {
    const url = new URL(block("### Viewer", "text").trim());
    expect(url.origin).toBe("http://127.0.0.1:5173");
    const state = decodeState(url.hash, defaultState(["en"]));
    const replay = prepareReplay(enrichDataset(embedded2018()));
    expect(dateOf(replay.start, state.t)).toBe("2018-11-07");
    expect(state.speed).toBe(2);
    expect(state.theme).toBe("dark");
    expect(state.lang).toBe("es");
    expect(state.selection).toEqual({ kind: "group", id: "Honduran caravan 1" });
    expect(replay.groups.map((g) => g.id)).toContain("Honduran caravan 1");
    // The prose of README.md says which day that is.
    expect(readme).toMatch(/opens 7 Nov 2018 \(day 25\.5 of the replay\) at 2 days\/s in Spanish/);
  });

  it("the notebook cell runs against the toolkit and displays what the library computes", async () => {
    const html = block("### Notebooks", "html");
    const body = /<script type="module">\n([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(body, "a module cell").toBeTruthy();
    // Cells import relative to notebooks/; `display` is Notebook Kit's, collected here.
    const source =
      "const display = globalThis.__readmeDisplay;\n" +
      body!.replace(
        /from "\.\.\/src\/index\.ts"/,
        `from ${JSON.stringify(resolve("src/index.ts"))}`,
      );
    const shown: unknown[] = [];
    (globalThis as { __readmeDisplay?: (v: unknown) => void }).__readmeDisplay = (v) =>
      shown.push(v);
    const file = join(scratch, "cell.ts");
    writeFileSync(file, source);
    await import(/* @vite-ignore */ file);
    delete (globalThis as { __readmeDisplay?: unknown }).__readmeDisplay;
    expect(shown).toHaveLength(1);
    const [, groups, days] = /^(\d+) groups, (\d+) group-days$/.exec(String(shown[0])) ?? [];
    expect(Number(groups)).toBeGreaterThan(1);
    expect(Number(days)).toBeGreaterThan(Number(groups));
    expect(existsSync("notebooks/index.html")).toBe(true);
    // Added to a copy of index.html, as README.md says, the cell must declare no name that
    // index.html's cells declare: Notebook Kit refuses a name defined twice ("dtm is defined
    // more than once", which the cell of README.md did by importing `* as dtm` again).
    const declared = (code: string) =>
      new Set(
        [
          ...code.matchAll(/import \* as (\w+)/g),
          ...code.matchAll(/import \{([^}]+)\}/g),
          ...code.matchAll(/^\s*(?:const|let|var|function) \{?\s*([\w, ]+?)\s*\}?\s*[=(]/gm),
        ].flatMap((m) =>
          m[1]!.split(",").map((n) =>
            n
              .trim()
              .split(/\s+as\s+/)
              .pop()!,
          ),
        ),
      );
    const index = readFileSync("notebooks/index.html", "utf8");
    const ours = declared(body!);
    expect([...ours]).toContain("tracks");
    const theirs = declared(index);
    expect(theirs.has("dtm")).toBe(true);
    expect([...ours].filter((n) => theirs.has(n))).toEqual([]);
  });
});
