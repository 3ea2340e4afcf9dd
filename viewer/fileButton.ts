/**
 * The viewer's one file picker, used by every panel that reads a file (the analyst's own files,
 * the corrections of the evidence panel, a scenario.json): a button in the viewer's language that
 * opens a hidden `<input type=file>`.
 *
 * Why a button and not the input: the browser draws its own input ("Choose File / No file chosen")
 * in the browser's language, not the viewer's, and a label styled as a button is not reached by
 * Tab in every browser. The button is a real `<button>`: Tab, Enter and Space work, and the hidden
 * input never takes focus. The input keeps its id (tests and programs give it files directly) and
 * is emptied after each choice, so that the same file can be chosen again (a corrected sheet saved
 * under its name).
 */

export interface FileButton {
  /** The button to place in the panel; the hidden input follows it in `element`. */
  readonly button: HTMLButtonElement;
  readonly input: HTMLInputElement;
  /** The button and its input, to append where the picker goes. */
  readonly element: DocumentFragment;
  /** Sets the button's text (on a change of language). */
  setText(text: string): void;
}

export interface FileButtonOptions {
  /** The input's id (`analyst-input`, `corrections-load`, `scenario-file`). */
  id: string;
  /** The button's id; `${id}-button` when not given. */
  buttonId?: string;
  /** The file types offered (the input's `accept`). */
  accept: string;
  multiple?: boolean;
  /** The button's text in the viewer's language. */
  text?: string;
  /** The button's class (`button` for the panel's accent style). */
  className?: string;
  /** Called with the files chosen (never with none). */
  onFiles(files: File[]): void;
}

/** A file picker: a button in the viewer's language opening a hidden file input. */
export function fileButton(doc: Document, o: FileButtonOptions): FileButton {
  const input = doc.createElement("input");
  input.type = "file";
  input.id = o.id;
  input.accept = o.accept;
  input.multiple = o.multiple ?? false;
  input.hidden = true;
  const button = doc.createElement("button");
  button.type = "button";
  button.id = o.buttonId ?? `${o.id}-button`;
  if (o.className) button.className = o.className;
  // The button names the input it opens, for assistive technology and tests.
  button.setAttribute("aria-controls", o.id);
  if (o.text !== undefined) button.textContent = o.text;
  button.addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    const chosen = [...(input.files ?? [])];
    input.value = "";
    if (chosen.length) o.onFiles(chosen);
  });
  const element = doc.createDocumentFragment();
  element.append(button, input);
  return {
    button,
    input,
    element,
    setText(text) {
      button.textContent = text;
    },
  };
}
