/**
 * The package as other projects get it: `npm pack`, install the tarball into a scratch folder,
 * then `import { … } from "dtm-flow"` (runtime and types) and run the `dtm-flow` bin.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(".");
let scratch = "";

function sh(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("npm package", () => {
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "dtm-flow-pack-"));
    sh("npm", ["pack", "--pack-destination", scratch, "--silent"], root);
    const tarball = readdirSync(scratch).find((f) => f.endsWith(".tgz"));
    if (!tarball) throw new Error("npm pack produced no tarball");
    writeFileSync(
      join(scratch, "package.json"),
      JSON.stringify({ name: "scratch", private: true, type: "module" }),
    );
    sh(
      "npm",
      [
        "install",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--silent",
        join(scratch, tarball),
      ],
      scratch,
    );
  }, 300_000);

  // (Removing the scratch install takes more than vitest's 10 s hook default on a loaded machine.)
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }, 120_000);

  it('import { … } from "dtm-flow" works from another project', () => {
    writeFileSync(
      join(scratch, "use.mjs"),
      `import * as dtm from "dtm-flow";
       const names = Object.keys(dtm).sort();
       const random = dtm.mulberry32(1);
       console.log(JSON.stringify({ names, first: random(), tz: dtm.DEFAULT_TIME_ZONE }));`,
    );
    const out = JSON.parse(sh("node", ["use.mjs"], scratch)) as {
      names: string[];
      first: number;
      tz: string;
    };
    expect(out.tz).toBe("America/Mexico_City");
    expect(out.names).toContain("formatCsv");
    expect(out.names).toContain("SPLIT_CATEGORIES");
    expect(out.first).toBeGreaterThanOrEqual(0);
  });

  it("the package's type declarations type-check a consumer", () => {
    writeFileSync(
      join(scratch, "consumer.ts"),
      `import { formatCsv, type Sighting, type TrackPoint } from "dtm-flow";
       const s: Sighting = { observedAt: "2018-10-21", placeName: "Tapachula", sizeMin: 3000 };
       const t: Partial<TrackPoint> = { group: "Honduran caravan 1", km: 563 };
       export const text: string = formatCsv([{ ...s, ...t }]);`,
    );
    writeFileSync(
      join(scratch, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ["consumer.ts"],
      }),
    );
    // Use the repository's TypeScript to check the consumer against the installed declarations.
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    expect(() => sh("node", [tsc, "-p", "tsconfig.json"], scratch)).not.toThrow();
  });

  it("the dtm-flow bin runs from the installed package", () => {
    const help = sh(join(scratch, "node_modules", ".bin", "dtm-flow"), ["--help"], scratch);
    expect(help).toMatch(/Usage: dtm-flow <command>/);
  });

  it("every source map in the package resolves: its sources are shipped or inlined", () => {
    const dist = join(scratch, "node_modules", "dtm-flow", "dist");
    const maps = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".map"),
    );
    expect(maps.length).toBeGreaterThan(0);
    const dangling: string[] = [];
    for (const m of maps) {
      const map = JSON.parse(readFileSync(join(dist, m), "utf8")) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      map.sources.forEach((source, i) => {
        const inlined = typeof map.sourcesContent?.[i] === "string";
        if (!inlined && !existsSync(resolve(dirname(join(dist, m)), source)))
          dangling.push(`${m}: ${source}`);
      });
    }
    expect(dangling).toEqual([]);
  });

  it("the package carries its licence and the documentation README.md links to", () => {
    const installed = join(scratch, "node_modules", "dtm-flow");
    expect(readFileSync(join(installed, "LICENSE"), "utf8")).toMatch(/^MIT License/);
    expect(existsSync(join(installed, "docs/contracts.md"))).toBe(true);
  });
});
