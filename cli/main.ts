/**
 * `dtm-flow` command line (docs/contracts.md §2). Each command: `--help`; progress on stderr;
 * results to files under `--out`, written safely (cli/output.ts); exit status 0 (all accepted),
 * 1 (some rows rejected), 2 (unusable input or bad arguments: one sentence, no stack trace),
 * 3 (an internal fault: one sentence and where to report it). Every error goes through
 * describeError (cli/errors.ts), so no command can print a stack trace unless DTM_DEBUG=1.
 */
import { EXIT, EXIT_HELP, debugEnabled, describeError } from "./errors.ts";
import { discardUnfinishedOutputs, keepOutputs } from "./output.ts";
import type { CommandContext } from "./command.ts";
import { closestOption } from "./command.ts";
import { commands } from "./registry.ts";
import { argvLang, inLanguage } from "./option-refusals.ts";
import { MAX_RUN_DAYS, MAX_STALE_DAYS } from "./commands/forecast.ts";

/** The limits every command checks its arguments against (docs/cli.md "Limits"). */
const LIMITS_HELP = [
  "Limits: dates are ISO 8601 calendar dates (2018-10-32 is refused, never rolled over);",
  "routes must not cross the antimeridian and need two distinct positions; forecast:",
  `--as-of at most ${MAX_STALE_DAYS} days after the last observation, --horizon 0–365 days,`,
  `--runs 10–100,000 and runs × simulated days at most ${MAX_RUN_DAYS.toLocaleString("en-US")} per group;`,
  "the importer's and the scenario's limits are in `dtm-flow import --help` and",
  "`dtm-flow scenario --help`.",
].join("\n");

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  return [
    "dtm-flow — flow monitoring of large mixed movements (DTM style).",
    "",
    "Usage: dtm-flow <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "With no input files a command uses the embedded Oct–Dec 2018 data.",
    "Run `dtm-flow <command> --help` for the options of a command; `dtm-flow --version`",
    "prints the version. Documentation: docs/cli.md.",
    "",
    "Examples:",
    "  dtm-flow validate data/samples/kobo-conteo-tecun-uman.csv",
    "  dtm-flow estimate --sightings avistamientos.csv --out resultados/",
    "  dtm-flow ledger --out out/ledger",
    "  dtm-flow report --as-of 2018-12-15 --out informe/",
    "",
    LIMITS_HELP,
    "",
    "Outputs are written to a temporary file inside --out and then renamed; never through a",
    "symbolic link, never over an input file (by path, hard link or inode), and only once the",
    "inputs are known to be usable.",
    "",
    EXIT_HELP,
  ].join("\n");
}

/**
 * Runs the CLI and returns the exit status (the caller sets process.exitCode).
 * @param argv arguments after `dtm-flow`.
 */
export async function run(
  argv: string[],
  context: CommandContext = {
    stderr: (line) => process.stderr.write(line + "\n"),
    stdout: (line) => process.stdout.write(line + "\n"),
    cwd: process.cwd(),
  },
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    context.stdout(usage());
    return EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    const { readFileSync, existsSync } = await import("node:fs");
    // ../package.json from cli/ in a clone, ../../package.json from dist/cli/ when installed.
    const candidates = ["../package.json", "../../package.json"].map(
      (p) => new URL(p, import.meta.url),
    );
    const found = candidates.find((url) => existsSync(url));
    const pkg = found
      ? (JSON.parse(readFileSync(found, "utf8")) as { version: string })
      : undefined;
    context.stdout(pkg?.version ?? "unknown");
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const meant = meantCommand(name);
    const names = commands.map((c) => c.name).join(", ");
    context.stderr(
      argvLang(rest) === "es"
        ? `dtm-flow: orden desconocida «${name}»${meant ? ` (¿quiso decir ${meant}?)` : ""}; las órdenes son ${names} (vea dtm-flow --help).`
        : `dtm-flow: unknown command "${name}"${meant ? ` (did you mean ${meant}?)` : ""}; the commands are ${names} (see dtm-flow --help).`,
    );
    return EXIT.unusable;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    context.stdout(command.help);
    return EXIT.ok;
  }
  try {
    const status = await command.run(rest, context);
    if (status >= EXIT.unusable) discardUnfinishedOutputs();
    else keepOutputs();
    return status;
  } catch (error) {
    discardUnfinishedOutputs();
    // A refused option in the language --lang asks for (cli/option-refusals.ts).
    const lang = argvLang(rest);
    const { message, exit } = describeError(inLanguage(error, lang), name, lang);
    context.stderr(message);
    if (debugEnabled() && error instanceof Error && error.stack) context.stderr(error.stack);
    return exit;
  }
}

/**
 * For bin/dtm-flow.js: prints an error that escaped `run` (e.g. an unhandled rejection) as one
 * sentence and returns its exit status.
 */
export function reportFatal(error: unknown): number {
  discardUnfinishedOutputs();
  const { message, exit } = describeError(error, "");
  process.stderr.write(message + "\n");
  if (debugEnabled() && error instanceof Error && error.stack)
    process.stderr.write(error.stack + "\n");
  return exit;
}

/**
 * What a newcomer may type for a command: the documents call `report`'s output the "situation
 * update"; Spanish speakers may write the command in Spanish.
 */
const COMMAND_WORDS: Readonly<Record<string, string>> = {
  situation: "report",
  "situation-update": "report",
  sitrep: "report",
  update: "report",
  informe: "report",
  reporte: "report",
  validar: "validate",
  importar: "import",
  estimar: "estimate",
  escenario: "scenario",
  pronostico: "forecast",
  pronóstico: "forecast",
};

/** The command a mistyped or other-language name means ("reprot", "situation": `dtm-flow report`). */
function meantCommand(typed: string): string | undefined {
  const word = COMMAND_WORDS[typed.toLowerCase()];
  if (word) return `dtm-flow ${word}`;
  const close = closestOption(
    typed,
    commands.map((c) => c.name),
  );
  return close ? `dtm-flow ${close.replace(/^--/, "")}` : undefined;
}
