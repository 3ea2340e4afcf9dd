/** Normalisation of place names so that users' spellings match the gazetteer. */

/**
 * Normalises a place name for matching: lower case, accents and other diacritics stripped
 * (`Tecún Umán` → `tecun uman`, `Ñ` → `n`), every run of punctuation or white space turned into one
 * space, and leading/trailing spaces removed. Letters and digits of any script are kept.
 *
 * @param name a place name as a user wrote it.
 * @returns the normalised key; `""` for a blank name.
 * @example
 * normalizeName("  Ciudad  Hidalgo (Chiapas) "); // => "ciudad hidalgo chiapas"
 * normalizeName("Tecún-Umán");                     // => "tecun uman"
 */
export function normalizeName(name: string): string {
  return (
    name
      // NFKD splits "ú" into "u" + combining acute, and folds compatibility forms (ﬁ → fi).
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  );
}
