/**
 * What Node's file-system error codes mean, in English and Spanish, in one table: a sentence form
 * (the end of a sentence naming the path: "/data/x.csv does not exist.", errors.ts
 * `describeError`) and a short form (inside a parenthesis of an `--out` refusal: "(permission
 * denied, EACCES)", option-refusals.ts). The code itself is kept in the short form for searching.
 */

/** The languages the words are said in. */
export type ErrnoLang = "en" | "es";

/** The two forms of one code's words. */
interface ErrnoEntry {
  /** The end of a sentence that names the path. */
  sentence: Record<ErrnoLang, string>;
  /** A few words for a parenthesis (the `--out` refusals: making or writing a folder). */
  short: Record<ErrnoLang, string>;
}

const ERRNO: Record<string, ErrnoEntry> = {
  ENOENT: {
    sentence: { en: "does not exist", es: "no existe" },
    // Said when a folder is made: the missing part is on the way to it.
    short: {
      en: "a folder on the way cannot hold it",
      es: "una carpeta del camino no puede contenerla",
    },
  },
  EACCES: {
    sentence: {
      en: "cannot be accessed (permission denied); check its permissions or choose another path",
      es: "no se puede abrir (permiso denegado); revise sus permisos o elija otra ruta",
    },
    short: { en: "permission denied", es: "permiso denegado" },
  },
  EPERM: {
    sentence: {
      en: "cannot be changed (operation not permitted); choose another path",
      es: "no se puede cambiar (operación no permitida); elija otra ruta",
    },
    short: { en: "operation not permitted", es: "operación no permitida" },
  },
  ENOTDIR: {
    sentence: {
      en: "lies under something that is a file, not a folder; choose another path",
      es: "está dentro de algo que es un archivo, no una carpeta; elija otra ruta",
    },
    short: {
      en: "a file on the way is not a folder",
      es: "un archivo del camino no es una carpeta",
    },
  },
  EISDIR: {
    sentence: {
      en: "is a folder where a file was expected",
      es: "es una carpeta donde se esperaba un archivo",
    },
    short: { en: "a folder, not a file", es: "una carpeta, no un archivo" },
  },
  EEXIST: {
    sentence: { en: "already exists", es: "ya existe" },
    short: { en: "already exists", es: "ya existe" },
  },
  EROFS: {
    sentence: {
      en: "is on a read-only file system; choose another --out folder",
      es: "está en un sistema de archivos de solo lectura; elija otra carpeta --out",
    },
    short: { en: "read-only file system", es: "sistema de archivos de solo lectura" },
  },
  ENOSPC: {
    sentence: {
      en: "cannot be written: the disk is full; free some space or choose another --out folder",
      es: "no se puede escribir: el disco está lleno; libere espacio o elija otra carpeta --out",
    },
    short: { en: "disk full", es: "disco lleno" },
  },
  EDQUOT: {
    sentence: {
      en: "cannot be written: the disk quota is exceeded; choose another --out folder",
      es: "no se puede escribir: se superó la cuota de disco; elija otra carpeta --out",
    },
    short: { en: "disk quota exceeded", es: "cuota de disco superada" },
  },
  ENAMETOOLONG: {
    sentence: {
      en: "is too long a name; choose a shorter path",
      es: "es un nombre demasiado largo; elija una ruta más corta",
    },
    short: { en: "name too long", es: "nombre demasiado largo" },
  },
  ELOOP: {
    sentence: {
      en: "has too many symbolic links in its path",
      es: "tiene demasiados enlaces simbólicos en su ruta",
    },
    short: { en: "too many symbolic links", es: "demasiados enlaces simbólicos" },
  },
  EMFILE: {
    sentence: {
      en: "cannot be opened: too many files are open; try again",
      es: "no se puede abrir: hay demasiados archivos abiertos; vuelva a intentarlo",
    },
    short: { en: "too many open files", es: "demasiados archivos abiertos" },
  },
};

/** True when the table has words for this Node error code. */
export function knownErrno(code: string): boolean {
  return Object.hasOwn(ERRNO, code);
}

/**
 * The end of a sentence naming the path, in `lang`; undefined for a code without words.
 * @example errnoSentence("ENOENT", "es") // => "no existe"
 */
export function errnoSentence(code: string, lang: ErrnoLang): string | undefined {
  return knownErrno(code) ? ERRNO[code]!.sentence[lang] : undefined;
}

/**
 * The short form with the code: `permission denied, EACCES` (`permiso denegado, EACCES`); the
 * bare code when it has no words, "unknown error" when there is none.
 * @example errnoWords("EACCES", "es") // => "permiso denegado, EACCES"
 */
export function errnoWords(errno: string, lang: ErrnoLang): string {
  if (knownErrno(errno)) return `${ERRNO[errno]!.short[lang]}, ${errno}`;
  return errno || (lang === "es" ? "error desconocido" : "unknown error");
}
