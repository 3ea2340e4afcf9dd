/**
 * The --lang option of the commands that write sentences (report, forecast, scenario): one rule for its
 * values and its error, the languages of the library's word table (src/report/words.ts).
 */
import type { ParsedOptions } from "./command.ts";
import { optionString } from "./dataset-options.ts";
import { OptionError } from "./option-refusals.ts";
import { SITUATION_LANGS } from "../src/index.ts";
import type { SituationLang } from "../src/index.ts";

/** The option's parser entry, for a command's options. */
export const LANG_OPTION = { lang: { type: "string" } } as const;

/**
 * The language --lang asks for: en (default) or es.
 * @throws UserError naming the value given when it is neither.
 */
export function langOption(values: ParsedOptions["values"]): SituationLang {
  const lang = optionString(values, "lang") ?? "en";
  if (!(SITUATION_LANGS as readonly string[]).includes(lang))
    throw new OptionError({
      code: "not_a_choice",
      option: "lang",
      value: lang,
      choices: ["en", "es"],
    });
  return lang as SituationLang;
}
