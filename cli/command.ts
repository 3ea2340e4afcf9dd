/** The shape of one `dtm-flow` sub-command. Each lives in cli/commands/<name>.ts. */
import { parseArgs } from "node:util";
import type { ParseArgsConfig } from "node:util";
import { OptionError } from "./option-refusals.ts";
import type { OptionRefusal } from "./option-refusals.ts";
import { editDistance } from "../src/index.ts";

export { shellWord } from "./shell-word.ts";

export interface CommandContext {
  /** Progress and warnings go to stderr; results go to files under --out. */
  stderr: (line: string) => void;
  stdout: (line: string) => void;
  /** Working directory paths are resolved against. */
  cwd: string;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text (usage, options with defaults, examples). */
  help: string;
  /** Returns the exit status (see EXIT). Throws UserError for bad arguments or unusable input. */
  run(argv: string[], context: CommandContext): Promise<number>;
}

/** Options as parsed: strings, booleans, or arrays of them for `multiple: true` options. */
export interface ParsedOptions {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/**
 * Parses options with node:util parseArgs, turning its errors into one clear sentence.
 * @param argv the arguments after the command name.
 */
export function parseOptions(
  argv: string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  allowPositionals = true,
): ParsedOptions {
  let parsed;
  try {
    const args = negativeValues(argv, options);
    parsed = parseArgs({ args, options, allowPositionals, strict: true, tokens: true });
  } catch (error) {
    const message = (error as Error).message;
    const refusal = argumentRefusal(message, argv, Object.keys(options));
    throw new OptionError(refusal ?? { code: "parse_other", message: message.split("\n")[0]! });
  }
  refuseRepeated(parsed.tokens, options);
  return { values: parsed.values as ParsedOptions["values"], positionals: parsed.positionals };
}

/**
 * `--horizon -3` as `--horizon=-3`: a negative number after an option that takes a value is that
 * value (no option is named by digits), so the command checks it and says its accepted range
 * ("--horizon -3 must be a whole number from 0 to 365") rather than parseArgs's "write
 * --horizon=-3 if that is the value", which is then refused in turn.
 * @example negativeValues(["--horizon", "-3"], { horizon: { type: "string" } }) // => ["--horizon=-3"]
 */
function negativeValues(
  argv: string[],
  options: NonNullable<ParseArgsConfig["options"]>,
): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = /^--([^=]+)$/.exec(arg)?.[1];
    if (name && options[name]?.type === "string" && next && /^-\d+(\.\d+)?$/.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else args.push(arg);
  }
  return args;
}

/**
 * A value option given twice (`--sightings a.csv --sightings b.csv`): parseArgs keeps the last
 * and drops the first without a word, so a whole file would be left out. Refused in one sentence
 * (`given_twice`, option-refusals.ts); file options say how to read several files together.
 */
function refuseRepeated(
  tokens: readonly { kind: string; name?: string; value?: string | undefined }[],
  options: NonNullable<ParseArgsConfig["options"]>,
): void {
  const seen = new Map<string, string>();
  for (const t of tokens) {
    if (t.kind !== "option" || t.name === undefined) continue;
    const spec = options[t.name];
    if (!spec || spec.type !== "string" || spec.multiple) continue;
    const before = seen.get(t.name);
    if (before === undefined) {
      seen.set(t.name, t.value ?? "");
      continue;
    }
    throw new OptionError({
      code: "given_twice",
      option: t.name,
      before,
      value: t.value ?? "",
    });
  }
}

/**
 * The option a mistyped one most likely meant (`--sightigns` → `--sightings`, `--Out` → `--out`):
 * the closest name by edit distance, ignoring case: names of 3 letters or fewer only by case, of
 * 4–5 letters within 1 edit or a swap of two letters, longer ones within 2 edits (a third of the name for long names). Undefined when none is close.
 */
export function closestOption(typed: string, names: readonly string[]): string | undefined {
  const bare = typed.replace(/^-+/, "").split("=")[0]!.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = editDistance(bare, name.toLowerCase());
    if (!best || d < best.d) best = { name, d };
  }
  // Short names take one edit or one swap of letters at most: --jsno is --json, --from is not --bom.
  const sameLetters = (name: string) => [...name].sort().join("") === [...bare].sort().join("");
  const allowed =
    bare.length <= 3
      ? 0
      : bare.length <= 5
        ? best && sameLetters(best.name.toLowerCase())
          ? 2
          : 1
        : Math.max(2, Math.floor(bare.length / 3));
  return best && best.d <= allowed && `--${best.name}` !== typed ? `--${best.name}` : undefined;
}

/**
 * node:util parseArgs's message as a refusal (cli/option-refusals.ts) that says what to do in one
 * sentence (its own messages run to three sentences, e.g. for `--horizon -1`); undefined for a
 * message it does not know.
 */
function argumentRefusal(
  message: string,
  argv: string[],
  names: readonly string[],
): OptionRefusal | undefined {
  const option = /Option '(--[^' ]+)/.exec(message)?.[1];
  if (option && /ambiguous/.test(message))
    return { code: "dash_value", option, value: argv[argv.indexOf(option) + 1] ?? "" };
  if (option && /argument missing/.test(message)) return { code: "needs_value", option };
  if (option && /does not take an argument/.test(message))
    return { code: "takes_no_value", option };
  const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
  if (unknown) {
    const meant = closestOption(unknown, names);
    return { code: "unknown_option", option: unknown, ...(meant ? { meant } : {}) };
  }
  const extra = /Unexpected argument '([^']*)'/.exec(message)?.[1];
  if (extra !== undefined) return { code: "unexpected_argument", value: extra };
  return undefined;
}
