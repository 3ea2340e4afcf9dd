/**
 * `--corrections <file>` of estimate, ledger and report: an analyst's corrections.json
 * (docs/contracts.md §4), read and checked before any output folder is made, and the one sentence
 * for a file or a correction that does not fit (exit 2, the file's name and the JSON pointer).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { UserError } from "./errors.ts";
import { cliWords } from "./cli-words.ts";
import { CorrectionsError, correctionProblemText, parseCorrections } from "../src/index.ts";
import type { CorrectedInput, CorrectionsFile, SituationLang } from "../src/index.ts";
import { optionString } from "./dataset-options.ts";
import type { ParsedOptions } from "./command.ts";

/**
 * The option's help lines (the same in every command that takes it), ending with `after`: what
 * the command does with the corrected estimate, one line of at most 74 characters.
 */
export const correctionsHelp = (
  after: string,
) => `  --corrections <f>   analysts' corrections (corrections.json, docs/contracts.md §4): reports
                      reassigned, rejected or accepted, groups split or merged, destinations;
                      applied before estimating, ${after}`;

/**
 * Reads and checks corrections.json.
 * @param lang the language of the refusal (--lang; default English).
 * @throws UserError naming the file and the JSON pointer of every problem.
 */
export function readCorrections(
  file: string,
  cwd: string,
  lang: SituationLang = "en",
): CorrectionsFile {
  const path = resolve(cwd, file);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UserError(cliWords(lang).correctionsFolder(file));
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new UserError(cliWords(lang).correctionsMissing(file));
  }
  try {
    return parseCorrections(readFileSync(path, "utf8"));
  } catch (error) {
    if (error instanceof CorrectionsError) throw correctionsError(file, error, lang);
    throw error;
  }
}

/**
 * Runs a step that applies the corrections (`estimateWithCorrections`, `runReplay`): a correction
 * that does not fit the data is a UserError naming the file and the JSON pointer.
 */
export function withCorrections<T>(file: string, step: () => T, lang: SituationLang = "en"): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof CorrectionsError) throw correctionsError(file, error, lang);
    throw error;
  }
}

/** Problems a corrections refusal lists; the last one listed says how many more there are. */
const LISTED_PROBLEMS = 10;

/**
 * The refusal of a CorrectionsError in `lang`: one sentence per problem, in the file's order, each
 * with the file, its JSON pointer and its sentence (the library's code table;
 * correctionProblemText), as `scenario` lists a scenario file's problems, so one run shows what
 * there is to fix — on the refusal's one line (a UserError is one line), so at most the first
 * {@link LISTED_PROBLEMS}, the last of them saying "(and N more problems)".
 */
function correctionsError(file: string, error: CorrectionsError, lang: SituationLang): UserError {
  const words = cliWords(lang);
  const name = basename(file);
  if (!error.problems.length)
    return new UserError(words.correctionsAt(name, "/", error.message, 0));
  const listed = error.problems.slice(0, LISTED_PROBLEMS);
  const more = error.problems.length - listed.length;
  const lines = listed.map((p, i) =>
    words.correctionsAt(
      name,
      p.pointer || "/",
      correctionProblemText(lang, p),
      i === listed.length - 1 ? more : 0,
    ),
  );
  return new UserError(lines.join(" "));
}

/** The --corrections option as given: its path (absent: none) and the file, read and checked. */
export interface CorrectionsOption {
  path: string | undefined;
  file: CorrectionsFile | undefined;
}

/**
 * Reads --corrections of a command's options (before any output folder is made: a bad file is
 * refused first), in `lang`.
 * @throws UserError naming the file and the JSON pointer of the first problem.
 */
export function correctionsOption(
  values: ParsedOptions["values"],
  cwd: string,
  lang: SituationLang = "en",
): CorrectionsOption {
  const path = optionString(values, "corrections");
  return { path, file: path !== undefined ? readCorrections(path, cwd, lang) : undefined };
}

/** What the corrections did, as report.json and forecast.json carry it (docs/contracts.md §4). */
export interface CorrectionsBlock {
  file: string;
  applied: CorrectedInput["applied"];
  accepted: string[];
  rejected: string[];
  destinations: CorrectedInput["destinations"];
}

/**
 * The `corrections` block of a command's JSON output: the file's name and what it did; nothing
 * (an empty object, to spread) when no corrections were applied.
 */
export function correctionsBlock(
  path: string | undefined,
  done: Omit<CorrectionsBlock, "file"> | undefined,
): { corrections?: CorrectionsBlock } {
  if (path === undefined || !done) return {};
  const { applied, accepted, rejected, destinations } = done;
  return { corrections: { file: basename(path), applied, accepted, rejected, destinations } };
}
