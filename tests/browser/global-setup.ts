/**
 * Global setup of the browser project: builds the viewer once (`vite build`, the same as
 * `npm run build`) into a temporary folder that every browser test serves with
 * `serveBuiltViewer()`, instead of one production build per test file. The folder is deleted
 * after the run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Folder of the production build of the viewer. */
    viewerSite: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const out = mkdtempSync(join(tmpdir(), "dtm-viewer-site-"));
  try {
    await build({
      configFile: resolve("vite.config.ts"),
      logLevel: "error",
      build: { outDir: out, emptyOutDir: true },
    });
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    throw error;
  }
  project.provide("viewerSite", out);
  return () => rmSync(out, { recursive: true, force: true });
}
