/**
 * Sentences said from a code table: a problem or warning travels as a `code` and its `params`
 * (the values of its sentence) with the English sentence as `message`; a table gives one sentence
 * per code and language. The estimator's and the forecast's warnings and the scenario checker's
 * problems are said this way (estimate/warningText.ts, forecast/warningText.ts,
 * scenario/errorSentences.ts): this module is the one place that reads such a table.
 */

/** The languages a code table says its sentences in. */
export type TableLang = "en" | "es";

/** One sentence per code and language, each made of that code's params (`P[code]`). */
export type CodeTable<P> = {
  [C in keyof P]: Record<TableLang, (p: P[C]) => string>;
};

/** What is read of a coded sentence: its code, params and English message. */
export interface CodedLike {
  code?: string;
  message: string;
  params?: object;
}

/**
 * The sentence of `w` in `lang` from `table`: from its code and params, or its English message
 * when it has no params or a code not in the table (never half translated).
 * @example
 * const table = { late: { en: (p: { d: number }) => `${p.d} days late`, es: (p: { d: number }) => `${p.d} días tarde` } };
 * codeTableText(table, "es", { code: "late", message: "3 days late", params: { d: 3 } }); // => "3 días tarde"
 * codeTableText(table, "es", { code: "gone", message: "gone" }); // => "gone"
 */
export function codeTableText<P>(table: CodeTable<P>, lang: TableLang, w: CodedLike): string {
  if (w.code === undefined || w.params === undefined || !Object.hasOwn(table, w.code))
    return w.message;
  const say = table[w.code as keyof P][lang] as (p: object) => string;
  return say(w.params);
}

/**
 * The English sentence of `code` from `table` (a warning's or problem's `message`).
 * @example codeTableEnglish({ late: { en: (p: { d: number }) => `${p.d} days late`, es: () => "" } }, "late", { d: 3 }); // => "3 days late"
 */
export function codeTableEnglish<P, C extends keyof P>(
  table: CodeTable<P>,
  code: C,
  params: P[C],
): string {
  const say = table[code].en as (p: P[C]) => string;
  return say(params);
}
