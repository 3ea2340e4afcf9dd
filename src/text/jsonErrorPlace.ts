/**
 * Where a `JSON.parse` error is, as an editor shows it: V8 gives a character position only
 * ("… in JSON at position 72", in newer versions followed by "(line 4 column 37)"), and "Unexpected
 * end of JSON input" for a text cut short (placed at the end of the text). Messages that quote the
 * text instead ("Unexpected token 'o', "not json" is not valid JSON") carry no position: no place.
 */

/** Line and column (both 1-based; the column counts characters) of a parse error. */
export interface JsonErrorPlace {
  line: number;
  column: number;
  /** The message without its position ("Expected property name or '}' in JSON"). */
  reason: string;
}

/** 1-based line and column of character `offset` in `text`. */
function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: offset - lastBreak };
}

/**
 * The line and column of a `JSON.parse` error in the text it parsed, or undefined when the message
 * gives no position.
 * @example jsonErrorPlace("Expected property name or '}' in JSON at position 1", "{bad")
 * // => { line: 1, column: 2, reason: "Expected property name or '}' in JSON" }
 */
export function jsonErrorPlace(message: string, text: string): JsonErrorPlace | undefined {
  const match = / at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (match) {
    const at = lineColumnOf(text, Math.min(Number(match[1]), text.length));
    return { ...at, reason: message.replace(match[0], "") };
  }
  if (/^Unexpected end of JSON input/.test(message)) {
    return { ...lineColumnOf(text, text.length), reason: message };
  }
  return undefined;
}
