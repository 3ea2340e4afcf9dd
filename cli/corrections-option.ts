/**
 * `--corrections <file>` of estimate, ledger and report: an analyst's corrections.json
 * (docs/contracts.md §4), read and checked before any output folder is made, and the one sentence
 * for a file or a correction that does not fit (exit 2, the file's name and the JSON pointer).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { UserError } from "./errors.ts";
import { CorrectionsError, parseCorrections } from "../src/index.ts";
import type { CorrectionsFile } from "../src/index.ts";

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
 * @throws UserError naming the file and the JSON pointer of the first problem.
 */
export function readCorrections(file: string, cwd: string): CorrectionsFile {
  const path = resolve(cwd, file);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new UserError(`cannot read ${file}: no such file.`);
  }
  try {
    return parseCorrections(readFileSync(path, "utf8"));
  } catch (error) {
    if (error instanceof CorrectionsError) throw correctionsError(file, error);
    throw error;
  }
}

/**
 * Runs a step that applies the corrections (`estimateWithCorrections`, `runReplay`): a correction
 * that does not fit the data is a UserError naming the file and the JSON pointer.
 */
export function withCorrections<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof CorrectionsError) throw correctionsError(file, error);
    throw error;
  }
}

/** The sentence of a CorrectionsError: the file, the first problem's pointer, how many more. */
function correctionsError(file: string, error: CorrectionsError): UserError {
  const p = error.problems[0];
  const more = error.problems.length - 1;
  return new UserError(
    `${basename(file)} at ${p?.pointer || "/"}: ${p?.message ?? error.message}` +
      (more > 0 ? ` (and ${more} more problem${more === 1 ? "" : "s"})` : ""),
  );
}
