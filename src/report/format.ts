/** Text formatting shared by the Markdown and HTML situation updates. */
import { situationWords } from "./words.ts";
import type { SituationLang } from "./words.ts";

/**
 * Escapes text for HTML element content and attribute values.
 * @example
 * escapeHtml('<a href="x">'); // => "&lt;a href=&quot;x&quot;&gt;"
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Escapes text from the input files for Markdown: every character with a meaning in CommonMark or
 * GitHub Markdown inline markup (links, emphasis, code, raw HTML `<…>`, entities `&…;`, table
 * pipes) is backslash-escaped, and line breaks and other control characters become spaces, so
 * no file can start a new block, a link or live HTML.
 * @example
 * escapeMarkdown("a|b"); // => "a\\|b"
 * escapeMarkdown('<svg onload=x>'); // => "\\<svg onload=x\\>"
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\\/g, "\\\\")
      .replace(/([|*_`[\]<>&~])/g, "\\$1")
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/\r\n?|[\n\u0000-\u001f\u007f\u2028\u2029]/g, " ")
  );
}

/** Characters kept as they are in a link address; everything else is percent-encoded. */
const URL_SAFE = /[A-Za-z0-9\-._~:/?#@$&*+,;=%]/;

/**
 * A source's web address for Markdown: an http(s) address becomes an autolink `<…>` with every
 * character that could end it or start markup (`<`, `>`, `"`, quotes, spaces, brackets, control
 * and non-ASCII characters) percent-encoded; anything else (javascript:, data:, plain text) is
 * shown as escaped text, never as a link.
 * @example
 * markdownUrl('https://x.example/"><svg onload=alert(1)>');
 * // => "<https://x.example/%22%3E%3Csvg%20onload=alert%281%29%3E>"
 * markdownUrl("javascript:alert(1)"); // => "javascript:alert(1)" (text, not a link)
 */
export function markdownUrl(url: string): string {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^/\s]/i.test(trimmed)) return escapeMarkdown(trimmed);
  let encoded = "";
  for (const char of trimmed) {
    if (URL_SAFE.test(char)) encoded += char;
    else
      for (const byte of new TextEncoder().encode(char))
        encoded += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return `<${encoded}>`;
}

// People with thousands separators: one formatter for warnings and reports (src/ledger/describe.ts).
export { formatPeople } from "../ledger/describe.ts";

/**
 * An ISO date as "15 Dec 2018" (or "15 Dec" with `short`; "15 dic 2018" in Spanish), independent of the machine's locale.
 * @example
 * formatDate("2018-12-15"); // => "15 Dec 2018"
 */
export function formatDate(date: string, short = false, lang: SituationLang = "en"): string {
  const [y, m, d] = date.slice(0, 10).split("-");
  const month = situationWords(lang).months[Number(m) - 1] ?? m;
  return short ? `${Number(d)} ${month}` : `${Number(d)} ${month} ${y}`;
}

/** Human labels of the split categories. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = situationWords("en").categories;

/** Short labels for chart legends. */
export const CATEGORY_SHORT_LABELS: Readonly<Record<string, string>> =
  situationWords("en").shortCategories;

/** Colours of the categories (colour-blind-safe Okabe–Ito palette; unknown in grey). */
export const CATEGORY_COLORS: Readonly<Record<string, string>> = {
  asylum_claim: "#0072B2",
  return: "#D55E00",
  remaining: "#009E73",
  regularized: "#56B4E9",
  onward: "#CC79A7",
  other: "#F0E442",
  in_transit: "#E69F00",
  unknown: "#BBBBBB",
};
