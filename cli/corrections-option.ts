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
 * @throws UserError naming the file and the JSON pointer of the first problem.
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

/**
 * The sentence of a CorrectionsError in `lang`: the file, the first problem's pointer and
 * sentence (the library's code table), how many more.
 */
function correctionsError(file: string, error: CorrectionsError, lang: SituationLang): UserError {
  const p = error.problems[0];
  return new UserError(
    cliWords(lang).correctionsAt(
      basename(file),
      p?.pointer || "/",
      p ? correctionProblemText(lang, p) : error.message,
      error.problems.length - 1,
    ),
  );
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
