/**
 * Safe output for every command that writes files (import, estimate, ledger, report, scenario,
 * forecast): results go only under the folder the user named with --out, and
 * - the folder is checked (and made, and proved writable) before any work is done, so an
 *   unwritable --out, an --out under a file or an --out that is a file stops the command at once;
 * - each file is written to a temporary file inside --out and then renamed over its name, so a
 *   reader never sees half a file and an interrupted run leaves the previous file whole;
 * - a symbolic link at an output's name is replaced, never followed (its target is never written);
 * - an output whose name is already one of the inputs — by path, through a hard link, or any other
 *   name for the same inode (device + inode number) — is refused, naming both, before anything is
 *   written;
 * - when a command fails, its temporary files (and the folders it made, if still empty) are removed.
 * Node-only (the library in src/ never writes files).
 */
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import type { Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { OptionError } from "./option-refusals.ts";

/** A file being written: appended in parts, then committed (renamed into place) once. */
export interface OutputFile {
  /** Appends text or bytes to the temporary file. */
  append(content: string | Uint8Array): void;
  /** Closes the temporary file and renames it over `name`; returns the final absolute path. */
  commit(): string;
  /** The temporary file's path, to read back what was appended (before commit or discard). */
  readonly temporaryPath: string;
  /** Closes and removes the temporary file without writing `name` (its content was copied). */
  discard(): void;
}

export interface OutputFolder {
  /** Absolute, real path of the folder. */
  dir: string;
  /** Writes the file `name` (a plain file name) in one go and returns its absolute path. */
  write(name: string, content: string | Uint8Array): string;
  /** Starts writing the file `name` in parts (for tables streamed to disk). */
  open(name: string): OutputFile;
}

/** An input's identity on disk: the path given and its device + inode numbers. */
interface InputIdentity {
  path: string;
  dev: number;
  ino: number;
}

/** Node's error code of a failed make or write (its words: errno-words.ts errnoWords). */
function errno(error: unknown): string {
  return (error as { code?: string }).code ?? "";
}

/** Temporary files not yet renamed into place, and folders made, of the commands running. */
const unfinished = new Map<string, number | undefined>();
const madeFolders: string[] = [];

/** Stat that returns undefined instead of throwing for a path that is not there. */
function tryStat(path: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch {
    return undefined;
  }
}

function identities(inputs: string[], cwd: string): InputIdentity[] {
  const out: InputIdentity[] = [];
  for (const path of inputs) {
    const s = tryStat(resolve(cwd, path), true);
    if (s?.isFile()) out.push({ path, dev: s.dev, ino: s.ino });
  }
  return out;
}

/**
 * Checks where --out would go without writing: the nearest existing ancestor must be a folder.
 * @returns the folders to make, outermost first.
 */
function foldersToMake(out: string, dir: string): string[] {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const s = tryStat(at, true);
    if (s) {
      if (!s.isDirectory()) {
        throw new OptionError({ code: "out_is_file", out, ...(at === dir ? {} : { under: at }) });
      }
      return missing.reverse();
    }
    missing.push(at);
    const up = dirname(at);
    if (up === at) return missing.reverse();
    at = up;
  }
}

/** Makes the missing folders one level at a time (recursive mkdir can hang on /proc paths). */
function makeFolders(out: string, missing: string[]): void {
  for (const folder of missing) {
    try {
      mkdirSync(folder);
      madeFolders.push(folder);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "EEXIST" && tryStat(folder, true)?.isDirectory()) continue;
      throw new OptionError({ code: "out_cannot_make", out, errno: errno(error), at: folder });
    }
  }
}

let counter = 0;
function temporaryName(dir: string, name: string): string {
  counter += 1;
  const salt = Math.floor(Math.random() * 0x1000000).toString(36);
  return join(dir, `.${name}.${process.pid}-${counter}-${salt}.tmp`);
}

/**
 * Creates a new temporary file for `name` in `dir`. "wx" never opens an existing file nor follows
 * a link at the temporary name; a name already taken is skipped.
 */
function createTemporary(dir: string, name: string): { temp: string; fd: number } {
  for (let attempt = 0; ; attempt++) {
    const temp = temporaryName(dir, name);
    try {
      return { temp, fd: openSync(temp, "wx", 0o666) };
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST" || attempt >= 100) throw error;
    }
  }
}

/** Proves the folder writable by making and removing an empty temporary file. */
function proveWritable(out: string, dir: string): void {
  const probe = temporaryName(dir, "write-test");
  try {
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (error) {
    throw new OptionError({ code: "out_cannot_write", out, errno: errno(error) });
  }
}

/**
 * Checks that the output `name` may be written in `dir`: a plain file name, not a folder there,
 * and not one of the inputs (same device and inode, which covers the same path, hard links and
 * symbolic links to an input). A symbolic link at the name is allowed: the rename replaces it.
 */
function checkTarget(out: string, dir: string, name: string, inputs: InputIdentity[]): string {
  if (name === "" || name !== basename(name) || name === "." || name === "..") {
    throw new Error(`output name ${JSON.stringify(name)} is not a plain file name.`);
  }
  const target = join(dir, name);
  const here = tryStat(target, false);
  if (!here) return target;
  if (here.isDirectory()) {
    throw new OptionError({ code: "output_is_folder", path: join(out, name), name });
  }
  if (here.isSymbolicLink()) return target;
  const same = inputs.find((i) => i.dev === here.dev && i.ino === here.ino);
  if (same) {
    throw new OptionError({ code: "output_is_input", input: same.path, path: join(out, name) });
  }
  return target;
}

/**
 * Checks --out, makes it if needed and proves it writable, and returns a writer confined to it.
 * Call it before reading the inputs, so an unusable --out stops the command before any work.
 * @param out the --out argument; required.
 * @param inputs input file paths of the command, never to be written over.
 * @param cwd directory relative paths are resolved against.
 * @param outputs the file names the command will write: each is checked against the inputs now,
 *   so a clash is refused before any work (write() checks again).
 * @throws UserError when --out is missing, a file, under a file, unwritable, or an output would
 *   replace an input.
 */
export function openOutputFolder(
  out: string | undefined,
  inputs: string[],
  cwd: string,
  outputs: readonly string[] = [],
): OutputFolder {
  if (!out) throw new OptionError({ code: "out_required" });
  const wanted = resolve(cwd, out);
  makeFolders(out, foldersToMake(out, wanted));
  const dir = realpathSync(wanted);
  proveWritable(out, dir);
  const protectedInputs = identities(inputs, cwd);
  for (const name of outputs) checkTarget(out, dir, name, protectedInputs);

  const open = (name: string): OutputFile => {
    const target = checkTarget(out, dir, name, protectedInputs);
    const { temp, fd } = createTemporary(dir, name);
    unfinished.set(temp, fd);
    let closed = false;
    return {
      temporaryPath: temp,
      discard() {
        if (closed) return;
        closed = true;
        closeSync(fd);
        unlinkSync(temp);
        unfinished.delete(temp);
      },
      append(content) {
        writeSync(fd, typeof content === "string" ? Buffer.from(content, "utf8") : content);
      },
      commit() {
        if (closed) return target;
        closed = true;
        closeSync(fd);
        unfinished.set(temp, undefined);
        // Checked again just before the rename, in case the folder changed while we worked.
        checkTarget(out, dir, name, protectedInputs);
        renameSync(temp, target);
        unfinished.delete(temp);
        return target;
      },
    };
  };
  return {
    dir,
    open,
    write(name, content) {
      const file = open(name);
      file.append(content);
      return file.commit();
    },
  };
}

/**
 * Removes the temporary files of a command that failed, and the folders it made if they are
 * still empty. The CLI calls it on every error (cli/main.ts).
 */
export function discardUnfinishedOutputs(): void {
  for (const [temp, fd] of unfinished) {
    try {
      if (fd !== undefined) closeSync(fd);
    } catch {
      // Already closed.
    }
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  }
  unfinished.clear();
  for (const folder of madeFolders.splice(0).reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty (or gone): leave it.
    }
  }
}

/** Forgets the folders made by a command that succeeded (they are its results). */
export function keepOutputs(): void {
  madeFolders.length = 0;
}

/** How outputs are written, as every writing command's help states it. */
export const SAFE_WRITING_HELP = `Writing: --out is checked (made if needed) before any work; each file is written to a
temporary file inside --out and renamed into place; a symbolic link at an output's name is
replaced, never followed; an output that is one of the inputs (same path, hard link or inode)
is refused before anything is written.`;
