/**
 * The viewer's keyboard commands as a pure mapping from a key press to a command, so the rules
 * (which element keeps its own keys) are testable without a page.
 */

export type KeyCommand =
  | "toggle-play"
  | "previous-day"
  | "next-day"
  | "start"
  | "end"
  | "zoom-in"
  | "zoom-out"
  | "clear-selection";

/** What the key press is and where it happened. */
export interface KeyPress {
  key: string;
  code?: string;
  /** A modifier (Alt, Ctrl, Meta) was held: the browser's shortcut, not ours. */
  modified?: boolean;
  /** Tag name of the focused element, e.g. "BUTTON", "INPUT". */
  tag: string;
  /** `type` of a focused input ("range" for the scrubber). */
  inputType?: string;
  /** `role` of the focused element ("button" for map marks). */
  role?: string | null;
  /** Something is selected (Escape then clears it). */
  hasSelection: boolean;
}

/**
 * The command for a key press, or undefined when the page should leave it alone: text fields
 * and selects keep every key; buttons and focusable marks keep Space.
 * @example keyCommand({ key: "ArrowRight", tag: "BODY", hasSelection: false }) // => "next-day"
 */
export function keyCommand(p: KeyPress): KeyCommand | undefined {
  if (p.modified) return undefined;
  if (p.tag === "SELECT" || p.tag === "TEXTAREA" || (p.tag === "INPUT" && p.inputType !== "range"))
    return undefined;
  if (p.key === " " || p.code === "Space") {
    if (p.tag === "BUTTON" || p.tag === "SUMMARY" || p.role === "button") return undefined;
    return "toggle-play";
  }
  const simple: Record<string, KeyCommand> = {
    ArrowLeft: "previous-day",
    ArrowRight: "next-day",
    Home: "start",
    End: "end",
    "+": "zoom-in",
    "=": "zoom-in",
    "-": "zoom-out",
  };
  if (p.key in simple) return simple[p.key];
  if (p.key === "Escape" && p.hasSelection) return "clear-selection";
  return undefined;
}

/** Commands whose key's default action (scrolling, moving the range) is prevented. */
export const PREVENTS_DEFAULT: ReadonlySet<KeyCommand> = new Set([
  "toggle-play",
  "previous-day",
  "next-day",
  "start",
  "end",
]);
