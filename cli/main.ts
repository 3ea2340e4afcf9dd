/**
 * `dtm-flow` command line (docs/contracts.md §2). Each command: `--help`; progress on stderr; results to
 * files under `--out`; exit status 0 (all accepted), 1 (some rows rejected), 2 (unusable input or
 * bad arguments: one clear sentence, no stack trace).
 */
import { EXIT, UserError } from "./errors.ts";
import type { CommandContext } from "./command.ts";
import { commands } from "./registry.ts";

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
    "Run `dtm-flow <command> --help` for the options of a command.",
    "Exit status: 0 all rows accepted, 1 some rows rejected, 2 unusable input or bad arguments.",
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
    context.stderr(
      `dtm-flow: unknown command "${name}". Commands: ${commands.map((c) => c.name).join(", ")}.`,
    );
    return EXIT.unusable;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    context.stdout(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, context);
  } catch (error) {
    if (error instanceof UserError) {
      context.stderr(`dtm-flow ${name}: ${error.message}`);
      return EXIT.unusable;
    }
    throw error;
  }
}
