/**
 * Safe output for every command: results go only under the folder the user named with --out;
 * nothing is written outside it, and an input file is never overwritten.
 */
import { mkdirSync, realpathSync, existsSync, writeFileSync, statSync } from "node:fs";
import { dirname, relative, resolve, isAbsolute } from "node:path";
import { UserError } from "./errors.ts";

export interface OutputFolder {
  /** Absolute path of the folder. */
  dir: string;
  /** Writes `name` (a relative path inside the folder) and returns its absolute path. */
  write(name: string, content: string | Uint8Array): string;
}

function real(path: string): string {
  return existsSync(path) ? realpathSync(path) : resolve(path);
}

/**
 * Creates (if needed) the output folder and returns a writer confined to it.
 * @param out the --out argument; required.
 * @param inputs input file paths of the command, never to be overwritten.
 * @param cwd directory relative paths are resolved against.
 * @throws UserError when --out is missing or names a file.
 */
export function openOutputFolder(
  out: string | undefined,
  inputs: string[],
  cwd: string,
): OutputFolder {
  if (!out) throw new UserError("--out <dir> is required: the folder to write results into.");
  const dir = resolve(cwd, out);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UserError(`--out ${out} is a file, not a folder.`);
  }
  mkdirSync(dir, { recursive: true });
  const protectedInputs = new Set(inputs.map((p) => real(resolve(cwd, p))));
  const realDir = realpathSync(dir);
  return {
    dir: realDir,
    write(name, content) {
      const target = resolve(realDir, name);
      const rel = relative(realDir, target);
      if (rel.startsWith("..") || isAbsolute(rel)) {
        throw new UserError(`refusing to write ${name}: it is outside the output folder ${out}.`);
      }
      if (protectedInputs.has(real(target))) {
        throw new UserError(
          `refusing to overwrite the input file ${name}; choose another --out folder.`,
        );
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      return target;
    },
  };
}
