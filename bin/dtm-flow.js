#!/usr/bin/env node
// Entry point of the `dtm-flow` command. In a clone of the repository it runs the TypeScript
// sources through tsx (no build step needed); in an installed package it runs the compiled dist/.
// Every error ends as one sentence on stderr and exit status 2 (the user's) or 3 (a fault of
// dtm-flow), never as a stack trace unless DTM_DEBUG=1 (cli/errors.ts).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const debug = process.env.DTM_DEBUG === "1";
let main;

/** Prints an error that escaped the command (or happened while starting) and sets the status. */
function fail(error) {
  if (main?.reportFatal) {
    process.exitCode = main.reportFatal(error);
    return;
  }
  const what = error instanceof Error ? error.message.split("\n")[0] : String(error);
  process.stderr.write(
    `dtm-flow: internal error while starting (${what}); this is a bug in dtm-flow, please report it on the dtm-flow issue tracker with the command line and the output of DTM_DEBUG=1.\n`,
  );
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 3;
}

// A reader that stops early (`dtm-flow validate x.csv | head -3`) is no error of anyone's; any
// other failure to print cannot be reported on the same streams, so it only sets status 3.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    process.exit(error.code === "EPIPE" ? (process.exitCode ?? 0) : 3);
  });
}

process.on("uncaughtException", (error) => {
  fail(error);
  process.exit();
});
process.on("unhandledRejection", (error) => {
  fail(error);
  process.exit();
});

try {
  const sourceMain = fileURLToPath(new URL("../cli/main.ts", import.meta.url));
  if (existsSync(sourceMain)) {
    const { tsImport } = await import("tsx/esm/api");
    main = await tsImport(sourceMain, import.meta.url);
  } else {
    main = await import("../dist/cli/main.js");
  }
  process.exitCode = await main.run(process.argv.slice(2));
} catch (error) {
  fail(error);
}
