#!/usr/bin/env node
// Entry point of the `dtm-flow` command. In a clone of the repository it runs the TypeScript
// sources through tsx (no build step needed); in an installed package it runs the compiled dist/.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const sourceMain = fileURLToPath(new URL("../cli/main.ts", import.meta.url));
let main;
if (existsSync(sourceMain)) {
  const { tsImport } = await import("tsx/esm/api");
  main = await tsImport(sourceMain, import.meta.url);
} else {
  main = await import("../dist/cli/main.js");
}
process.exitCode = await main.run(process.argv.slice(2));
