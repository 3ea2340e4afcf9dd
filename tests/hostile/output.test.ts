/**
 * Hostile output folders for the six writing commands: an input under an output's name, hard
 * linked or symbolically linked into --out; a symbolic link in --out pointing outside; --out that
 * is a file, under a file, or cannot be made. Every case: exit 2 with one sentence before any
 * work, inputs unchanged, nothing written (docs/cli.md "Writing outputs safely").
 */
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectRefusal, expectSuccess, runIn, sandbox } from "./harness.ts";
import type { Sandbox } from "./harness.ts";

/** One small count sheet (two rows) that imports cleanly. */
const COUNTS = `date,fmp_name,country,direction,total
2018-10-29,Suchiate bridge,MEX,northbound,1895
2018-10-30,Suchiate bridge,MEX,northbound,120
`;

/** Each writing command with arguments that would run, given --out. */
const WRITERS: { name: string; argv: string[] }[] = [
  { name: "import", argv: ["import", "conteo.csv"] },
  { name: "estimate", argv: ["estimate"] },
  { name: "ledger", argv: ["ledger"] },
  { name: "report", argv: ["report", "--as-of", "2018-12-15"] },
  { name: "scenario", argv: ["scenario", "scenario.json"] },
  { name: "forecast", argv: ["forecast"] },
];

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  box.write("conteo.csv", COUNTS);
  box.copy("data/scenarios/tecun-uman-2019-01-15.json", "scenario.json");
});
afterEach(() => box.remove());

describe("--out problems are found before any work, for every writing command", () => {
  it.each(WRITERS)("$name: --out is a regular file", async ({ argv }) => {
    box.write("taken", "mine\n");
    const r = await runIn(box, [...argv, "--out", "taken"]);
    expectRefusal(r, [/--out taken is a file, not a folder/]);
    // Before any work: no progress line came before the refusal.
    expect(r.err).toHaveLength(1);
  });

  it.each(WRITERS)("$name: --out under a regular file", async ({ argv }) => {
    box.write("file.txt", "x\n");
    const r = await runIn(box, [...argv, "--out", "file.txt/sub/out"]);
    expectRefusal(r, [/file\.txt/, /not a folder/]);
    expect(r.err).toHaveLength(1);
  });

  it.skipIf(!existsSync("/sys"))(
    "every writer: an existing --out that cannot be written (/sys)",
    async () => {
      for (const { argv } of WRITERS) {
        const r = await runIn(box, [...argv, "--out", "/sys"]);
        expectRefusal(r, [/--out \/sys cannot be written/]);
        expect(r.err).toHaveLength(1);
      }
    },
  );

  it.each(WRITERS)("$name: --out that cannot be made (/proc)", async ({ argv }) => {
    const r = await runIn(box, [...argv, "--out", "/proc/dtm-flow-hostile/out"]);
    expectRefusal(r, [/--out \/proc\/dtm-flow-hostile\/out cannot be made/]);
    expect(r.err).toHaveLength(1);
  });
});

describe("an output never replaces an input", () => {
  it("scenario --places p.csv --out dir, with p.csv in dir under an output's name, is refused", async () => {
    const places = box.copy("data/places.csv", "dir/scenario-summary.csv");
    const before = readFileSync(places);
    const r = await runIn(box, [
      "scenario",
      "scenario.json",
      "--places",
      "dir/scenario-summary.csv",
      "--out",
      "dir",
    ]);
    expectRefusal(r, [/input file dir\/scenario-summary\.csv/, /dir\/scenario-summary\.csv/]);
    expect(readFileSync(places)).toEqual(before);
  });

  it("an input hard-linked as out/counts.csv is refused, naming both", async () => {
    mkdirSync(box.path("out"));
    linkSync(box.path("conteo.csv"), box.path("out/counts.csv"));
    const r = await runIn(box, ["import", "conteo.csv", "--out", "out"]);
    expectRefusal(r, [/conteo\.csv/, /out\/counts\.csv/, /same file/]);
    expect(readFileSync(box.path("conteo.csv"), "utf8")).toBe(COUNTS);
  });

  it("an input that is a symbolic link to a file in --out is refused", async () => {
    box.copy("data/stocks.csv", "out/report.json");
    symlinkSync(box.path("out/report.json"), box.path("stocks-link.csv"));
    const r = await runIn(box, ["ledger", "--stocks", "stocks-link.csv", "--out", "out"]);
    expectRefusal(r, [/stocks-link\.csv/, /out\/report\.json/]);
  });

  it.each([
    ["estimate", "--sightings", "tracks.csv"],
    ["forecast", "--counts", "forecast.csv"],
    ["report", "--stocks", "situation-update.md"],
  ])("%s %s out/%s (the input under an output's name) is refused", async (cmd, flag, name) => {
    if (cmd === "report") box.copy("data/stocks.csv", `out/${name}`);
    else box.write(`out/${name}`, COUNTS);
    const argv = [cmd, flag, `out/${name}`, "--out", "out"];
    if (cmd === "report") argv.push("--as-of", "2018-12-15");
    const named = new RegExp(`out/${name.replace(".", "\\.")}`);
    expectRefusal(await runIn(box, argv), [named, /same file on disk/]);
  });

  it("an output name that is a folder in --out is refused before any work", async () => {
    mkdirSync(box.path("out/split.csv"), { recursive: true });
    const r = await runIn(box, ["ledger", "--out", "out"]);
    expectRefusal(r, [/out\/split\.csv is a folder/]);
  });
});

describe("symbolic links in --out are replaced, never followed", () => {
  it("a symlink out/counts.csv pointing outside --out: its target is unchanged", async () => {
    const victim = box.write("victim.csv", "precious\n");
    mkdirSync(box.path("out"));
    symlinkSync(victim, box.path("out/counts.csv"));
    const r = await runIn(box, ["import", "conteo.csv", "--out", "out"]);
    expectSuccess(r);
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
    expect(lstatSync(box.path("out/counts.csv")).isFile()).toBe(true);
    expect(readFileSync(box.path("out/counts.csv"), "utf8")).toMatch(/1895/);
  });
});

describe("a failed command leaves nothing behind", () => {
  it("the folder it made is removed again when the inputs turn out unusable", async () => {
    writeFileSync(box.path("empty.geojson"), "");
    const r = await runIn(box, ["estimate", "--route", "empty.geojson", "--out", "new/deep/out"]);
    expectRefusal(r, [/empty\.geojson is empty/]);
  });

  it("an existing --out keeps its files when a command is refused", async () => {
    box.write("out/notes.txt", "keep me\n");
    const r = await runIn(box, ["forecast", "--as-of", "3000-01-01", "--out", "out"]);
    expectRefusal(r, [/stale/]);
    expect(readFileSync(box.path("out/notes.txt"), "utf8")).toBe("keep me\n");
  });
});
