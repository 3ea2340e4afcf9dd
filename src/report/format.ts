/** Text formatting shared by the Markdown and HTML situation updates. */

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
 * Escapes text for a Markdown table cell (pipes, line breaks) and for inline Markdown markup.
 * @example
 * escapeMarkdown("a|b"); // => "a\\|b"
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/([|*_`[\]<>])/g, "\\$1")
    .replace(/\r?\n/g, " ");
}

/**
 * A number of people with thousands separators, as situation reports write them; blank for unknown.
 * @example
 * formatPeople(8523.4); // => "8,523"
 */
export function formatPeople(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "";
  return Math.round(value).toLocaleString("en-US");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * An ISO date as "15 Dec 2018" (or "15 Dec" with `short`), independent of the machine's locale.
 * @example
 * formatDate("2018-12-15"); // => "15 Dec 2018"
 */
export function formatDate(date: string, short = false): string {
  const [y, m, d] = date.slice(0, 10).split("-");
  const month = MONTHS[Number(m) - 1] ?? m;
  return short ? `${Number(d)} ${month}` : `${Number(d)} ${month} ${y}`;
}

/** Human labels of the split categories. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  departed: "People who left",
  asylum_claim: "Asylum claims",
  return: "Returned",
  remaining: "Remaining at places",
  regularized: "Regularised (humanitarian visas)",
  onward: "Moved onward",
  other: "Other",
  in_transit: "In transit",
  unknown: "Unknown",
};

/** Short labels for chart legends. */
export const CATEGORY_SHORT_LABELS: Readonly<Record<string, string>> = {
  ...CATEGORY_LABELS,
  remaining: "Remaining",
  regularized: "Regularised",
};

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
