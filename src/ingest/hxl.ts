/**
 * HXL hashtag rows (docs/import.md#headers): a row of `#tag+attr` specs under (or instead of) the header,
 * anywhere in the first 25 rows. Written in-house: there is no maintained HXL package on npm.
 */
import type { HxlRule } from "./fields.ts";

/** A parsed hashtag spec: `#affected+ind+m` → `{ tag: "#affected", attrs: ["ind", "m"] }` (lower case). */
export interface HxlSpec {
  tag: string;
  attrs: string[];
}

const HASHTAG = /^\s*(#[A-Za-z][A-Za-z0-9_]*)((?:\s*\+[A-Za-z][A-Za-z0-9_]*)*)\s*$/;

/**
 * Parses one hashtag spec; undefined when malformed (e.g. `#affected+2013`: attributes must start
 * with a letter).
 * @example
 * parseHashtag("#geo+lat"); // => { tag: "#geo", attrs: ["lat"] }
 */
export function parseHashtag(text: string): HxlSpec | undefined {
  const m = HASHTAG.exec(text);
  if (!m) return undefined;
  const attrs = (m[2] ?? "")
    .split("+")
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  return { tag: m[1]!.toLowerCase(), attrs };
}

/**
 * True when a row is a hashtag row: it has at least one hashtag and at least 75 % of its non-empty
 * cells parse as hashtags (libhxl-python's tolerance for a few malformed specs).
 */
export function isHashtagRow(cells: readonly string[]): boolean {
  let filled = 0;
  let good = 0;
  let hashes = 0;
  for (const cell of cells) {
    const t = cell.trim();
    if (!t) continue;
    filled++;
    if (t.startsWith("#")) hashes++;
    if (parseHashtag(t)) good++;
  }
  return good > 0 && hashes === filled && good >= 0.75 * filled;
}

/** How well a spec fits a rule: undefined when it does not, else the number of attributes matched. */
export function matchHxlRule(spec: HxlSpec, rule: HxlRule): number | undefined {
  if (spec.tag !== rule.tag) return undefined;
  for (const a of rule.with ?? []) if (!spec.attrs.includes(a)) return undefined;
  for (const a of rule.without ?? []) if (spec.attrs.includes(a)) return undefined;
  return (rule.with ?? []).length;
}
