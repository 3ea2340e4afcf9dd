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
import type { CorrectionsFile, SituationLang } from "../src/index.ts";

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
 * The refusal of a CorrectionsError in `lang`: every problem on a line of its own, each with the
 * file, its JSON pointer and its sentence (the library's code table; correctionProblemText), as
 * `scenario` lists a scenario file's problems, so one run shows all there is to fix: one
 * sentence per problem, in the file's order, on the refusal's one line (a UserError is one line).
 */
function correctionsError(file: string, error: CorrectionsError, lang: SituationLang): UserError {
  const words = cliWords(lang);
  const name = basename(file);
  if (!error.problems.length)
    return new UserError(words.correctionsAt(name, "/", error.message, 0));
  const lines = error.problems.map((p) =>
    words.correctionsAt(name, p.pointer || "/", correctionProblemText(lang, p), 0),
  );
  return new UserError(lines.join(" "));
}
