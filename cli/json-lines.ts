/**
 * Where things are in a JSON file a person wrote (a scenario.json): the line of every JSON
 * pointer, so that each problem the validator reports by pointer (`/waves/0/people`) is also
 * given with the line an editor shows, and the line and column of a syntax error, which
 * `JSON.parse` gives as a character position only.
 */
import { jsonErrorPlace } from "../src/text/jsonErrorPlace.ts";

/** 1-based line of a character offset: the number of line breaks before it, plus one. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

/** Line and column (both 1-based) of `offset` given the starts of the lines. */
function lineColumn(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** A JSON pointer's reference token (RFC 6901): `~` as `~0`, `/` as `~1`. */
const token = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * The line of every JSON pointer in a valid JSON text: for an object member the line of its key,
 * for an array element the line where it starts; "" (the whole document) is line of its start.
 * A text that is not valid JSON gives what could be read before the fault.
 * @example jsonPointerLines('{\n "waves": [\n  { "people": -5 }\n ]\n}').get("/waves/0/people") // => 3
 */
export function jsonPointerLines(text: string): Map<string, number> {
  const starts = lineStarts(text);
  const lines = new Map<string, number>();
  let i = 0;
  const lineOf = (offset: number) => lineColumn(starts, offset).line;
  const skip = () => {
    while (i < text.length && " \t\r\n\uFEFF".includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    i++; // the opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++; // the closing quote
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string): void => {
    skip();
    if (!lines.has(pointer)) lines.set(pointer, lineOf(i));
    const c = text[i];
    if (c === "{" || c === "[") {
      const isObject = c === "{";
      i++;
      for (let index = 0; ; index++) {
        skip();
        if (i >= text.length || text[i] === (isObject ? "}" : "]")) break;
        let child = `${pointer}/${index}`;
        if (isObject) {
          const at = i;
          child = `${pointer}/${token(string())}`;
          lines.set(child, lineOf(at));
          skip();
          i++; // the colon
        }
        value(child);
        skip();
        if (text[i] === ",") i++;
      }
      i++;
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !",]} \t\r\n".includes(text[i]!)) i++;
    }
  };
  try {
    value("");
  } catch {
    // Not valid JSON: keep the lines read so far (the caller reports the syntax error).
  }
  return lines;
}

/**
 * A `JSON.parse` error message with the line and column of its position (src/text/jsonErrorPlace.ts):
 * V8 says "… in JSON at position 72"; the column counts characters.
 * @example withLineColumn("Unexpected token } in JSON at position 9", '{\n "a": }') // => "Unexpected token } in JSON at line 2, column 7"
 */
export function withLineColumn(message: string, text: string): string {
  if (!/ at position \d+/.test(message)) return message;
  const place = jsonErrorPlace(message, text);
  return place ? `${place.reason} at line ${place.line}, column ${place.column}` : message;
}
