/**
 * The refusals of a command's options and arguments, as codes and values, and their sentences in
 * English and Spanish: one table for every command. A refusal is thrown as an `OptionError` (a
 * UserError whose message is the English sentence); the CLI says it in the language `--lang`
 * asks for (`describeError`), read from the command line itself, so even a refusal met before
 * `--lang` is parsed (an unknown option) is said in Spanish.
 */
import { formatPeople } from "../src/index.ts";
import { UserError } from "./errors.ts";

/** One refusal of an option or argument: what was wrong, with the values a sentence names. */
export type OptionRefusal =
  | { code: "unknown_option"; option: string; meant?: string }
  | { code: "needs_value"; option: string }
  | { code: "takes_no_value"; option: string }
  | { code: "dash_value"; option: string; value: string }
  | { code: "unexpected_argument"; value: string }
  | { code: "out_required" }
  | { code: "as_of_required" }
  /** `--kind`, `--delimiter`, `--lang`…: a value not among the choices. */
  | { code: "not_a_choice"; option: string; value: string; choices: readonly string[] }
  /** A whole number out of [min, max] (dataset-options' wholeOption). */
  | { code: "whole_number"; option: string; value: string; min: number; max: number }
  /** The scenario's whole numbers, 0…max (scenario.ts). */
  | { code: "whole_number_upto"; option: string; value: string; max: number }
  /** `--runs 0`: a count that must be 1 or more. */
  | { code: "at_least_one"; option: string; value: string };

export type RefusalLang = "en" | "es";

/** `a, b or c` (`a, b o c`). */
function orList(choices: readonly string[], or: string): string {
  return choices.length < 2
    ? choices.join("")
    : `${choices.slice(0, -1).join(", ")} ${or} ${choices.at(-1)!}`;
}

/**
 * The sentence of a refusal in `lang`. The English ones are those the commands said before the
 * table (tests and scripts may match them).
 * @example refusalText("es", { code: "out_required" })
 * // => "falta --out <carpeta>: la carpeta donde se escriben los resultados."
 */
export function refusalText(lang: RefusalLang, r: OptionRefusal): string {
  const es = lang === "es";
  switch (r.code) {
    case "unknown_option":
      return es
        ? `opción desconocida ${r.option}${r.meant ? ` (¿quiso decir ${r.meant}?)` : ""}; vea --help para las opciones.`
        : r.meant
          ? `unknown option ${r.option} (did you mean ${r.meant}?); see --help for the options.`
          : `unknown option ${r.option}; see --help for the options.`;
    case "needs_value":
      return es
        ? `${r.option} necesita un valor; vea --help.`
        : `${r.option} needs a value; see --help.`;
    case "takes_no_value":
      return es
        ? `${r.option} no lleva valor; vea --help.`
        : `${r.option} does not take a value; see --help.`;
    case "dash_value":
      return es
        ? `${r.option} ${r.value}: ${r.option} necesita un valor y ${r.value} empieza por un guion; escriba ${r.option}=${r.value} si ese es el valor.`
        : `${r.option} ${r.value}: ${r.option} needs a value and ${r.value} starts with a dash; write ${r.option}=${r.value} if that is the value.`;
    case "unexpected_argument":
      return es
        ? `argumento inesperado «${r.value}»: este comando solo lleva opciones; vea --help.`
        : `unexpected argument "${r.value}": this command takes options only; see --help.`;
    case "out_required":
      return es
        ? "falta --out <carpeta>: la carpeta donde se escriben los resultados."
        : "--out <dir> is required: the folder to write results into.";
    case "as_of_required":
      return es
        ? "falta --as-of <fecha>, p. ej. --as-of 2018-12-15."
        : "--as-of <date> is required, e.g. --as-of 2018-12-15.";
    case "not_a_choice":
      if (es)
        return `--${r.option} debe ser ${r.choices.length > 2 ? "uno de " : ""}${orList(r.choices, "o")}, no «${r.value}».`;
      if (r.option === "lang") return `--lang must be en or es, got ${r.value}.`;
      return r.choices.length > 2
        ? `--${r.option} must be one of ${r.choices.join(", ")}, not "${r.value}".`
        : `--${r.option} must be ${orList(r.choices, "or")}, not "${r.value}".`;
    case "whole_number":
      // The bounds as --help writes them: 100,000 (100 000 in Spanish), not 100000.
      return es
        ? `--${r.option} ${r.value} debe ser un número entero de ${formatPeople(r.min, "es")} a ${formatPeople(r.max, "es")}.`
        : `--${r.option} ${r.value} must be a whole number from ${formatPeople(r.min)} to ${formatPeople(r.max)}.`;
    case "whole_number_upto":
      return es
        ? `--${r.option} debe ser un número entero de 0 a ${r.max.toLocaleString("es-MX")}, no «${r.value}».`
        : `--${r.option} must be a whole number between 0 and ${r.max.toLocaleString("en-US")}, got ${r.value}.`;
    case "at_least_one":
      return es
        ? `--${r.option} ${r.value}: debe ser 1 o más.`
        : `--${r.option} ${r.value} must be at least 1.`;
  }
}

/** A refused option or argument: its message is the English sentence, `refusal` its code and values. */
export class OptionError extends UserError {
  readonly refusal: OptionRefusal;
  constructor(refusal: OptionRefusal) {
    super(refusalText("en", refusal));
    this.refusal = refusal;
  }
}

/**
 * The language a command line asks for with `--lang es` or `--lang=es` (else English), read from
 * the words themselves so that a refusal met before the options are parsed is said in it.
 * @example argvLang(["--sightigns", "x", "--lang", "es"]) // => "es"
 */
export function argvLang(argv: readonly string[]): RefusalLang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang" && argv[i + 1] === "es") return "es";
    if (argv[i] === "--lang=es") return "es";
  }
  return "en";
}

/**
 * The error as the CLI says it in `lang`: a refusal of an option in that language, any other
 * error as it is (describeError then makes its one sentence).
 */
export function inLanguage(error: unknown, lang: RefusalLang): unknown {
  return error instanceof OptionError && lang !== "en"
    ? new UserError(refusalText(lang, error.refusal))
    : error;
}
