/**
 * Text keys for matching what people write: case, accents, punctuation and stray spaces do not
 * matter (`"  País "`, `pais`, `PAIS` all give `pais`).
 */

const DIACRITICS = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]+/g;

/**
 * Lower-case ASCII key with words joined by `_`.
 * @example
 * normalizeKey("NNA no acompañados"); // => "nna_no_acompanados"
 */
export function normalizeKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(DIACRITICS, "")
    .toLowerCase()
    .replace(NON_ALNUM, "_")
    .replace(/^_+|_+$/g, "");
}

/** Trims a cell and collapses inner runs of white space (including no-break spaces). */
export function cleanCell(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}
