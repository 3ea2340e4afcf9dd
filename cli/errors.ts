/**
 * The one error path of every command (docs/contracts.md §2, docs/cli.md "Exit status"):
 * - a UserError (bad arguments, an unusable file, geometry or date) prints one sentence naming
 *   the file or value and what to do, and exits 2;
 * - an error Node raises about a file or folder (ENOENT, EACCES, ENOTDIR, …) is the user's too:
 *   one sentence naming the path, exit 2;
 * - anything else is a fault of dtm-flow: one sentence saying so and where to report it, exit 3.
 * No stack trace is printed unless the environment variable DTM_DEBUG is 1.
 */
import { errnoSentence, knownErrno } from "./errno-words.ts";

/**
 * Errors a user can fix: bad arguments or an unusable file. The CLI prints the message as one
 * sentence (no stack trace) and exits with status 2 (docs/contracts.md §2).
 */
export class UserError extends Error {
  override name = "UserError";
  /**
   * The sentence in another language, when the error can say it (a library InputProblem met in
   * `userInputStep`); option-refusals.ts `inLanguage` uses it under `--lang es`.
   */
  readonly say?: (lang: "en" | "es") => string;
  constructor(message: string, say?: (lang: "en" | "es") => string) {
    super(message);
    if (say) this.say = say;
  }
}

/** Exit statuses of every command (docs/contracts.md §2). */
export const EXIT = {
  /** Everything accepted (warnings allowed). */
  ok: 0,
  /** Some rows were rejected; the report lists each with its line and reason. */
  rejected: 1,
  /** Unusable input or bad arguments: one sentence naming the file or value and what to do. */
  unusable: 2,
  /** A fault in dtm-flow itself (a bug): one sentence and where to report it. */
  internal: 3,
} as const;

/** The exit codes as `dtm-flow --help` and every command's help state them. */
export const EXIT_HELP = `Exit status: 0 everything accepted (warnings allowed); 1 some input rows rejected (the
report lists each with its line and reason); 2 unusable input or bad arguments (one sentence
naming the file or value and what to do; nothing is written); 3 an internal fault of dtm-flow
(please report it). No stack trace unless DTM_DEBUG=1.`;

/** Where an internal fault should be reported. */
export const REPORT_TO =
  "the dtm-flow issue tracker (https://github.com/dtm-flow/dtm-flow/issues), with the command line and the output of the same command run with DTM_DEBUG=1";

/** Where an internal fault should be reported, in Spanish. */
const REPORT_TO_ES =
  "el gestor de incidencias de dtm-flow (https://github.com/dtm-flow/dtm-flow/issues), con la línea de órdenes y la salida de la misma orden ejecutada con DTM_DEBUG=1";

/** A Node system error about a path (it carries `code` and `path`). */
interface NodeFsError extends Error {
  code: string;
  path?: string;
  dest?: string;
}

function isFsError(error: unknown): error is NodeFsError {
  return (
    error instanceof Error &&
    typeof (error as NodeFsError).code === "string" &&
    knownErrno((error as NodeFsError).code)
  );
}

/** Ends a message with exactly one full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s*\n\s*/g, " ");
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The sentence and exit status for any error a command threw.
 * @param error what was thrown.
 * @param command the command name, for the message prefix.
 * @param lang the language of a file-system error's and an internal fault's sentence (`--lang`);
 *   a UserError is said as it is (option-refusals.ts `inLanguage` gives it in Spanish first).
 */
export function describeError(
  error: unknown,
  command: string,
  lang: "en" | "es" = "en",
): { message: string; exit: number } {
  const prefix = command ? `dtm-flow ${command}` : "dtm-flow";
  if (error instanceof UserError) {
    return { message: `${prefix}: ${sentence(error.message)}`, exit: EXIT.unusable };
  }
  if (isFsError(error)) {
    const where = error.path ?? (lang === "es" ? "un archivo" : "a file");
    return {
      message: `${prefix}: ${where} ${errnoSentence(error.code, lang)}.`,
      exit: EXIT.unusable,
    };
  }
  const what = error instanceof Error ? error.message : String(error);
  const first = what
    .split("\n")[0]!
    .trim()
    .replace(/[.\s]+$/, "");
  if (lang === "es")
    return {
      message: `${prefix}: error interno (${first || "desconocido"}); es un fallo de dtm-flow, por favor infórmelo en ${REPORT_TO_ES}.`,
      exit: EXIT.internal,
    };
  return {
    message: `${prefix}: internal error (${first || "unknown"}); this is a bug in dtm-flow, please report it on ${REPORT_TO}.`,
    exit: EXIT.internal,
  };
}

/** True when DTM_DEBUG=1: errors then also print their stack trace. */
export function debugEnabled(): boolean {
  return typeof process !== "undefined" && process.env["DTM_DEBUG"] === "1";
}
