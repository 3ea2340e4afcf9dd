/**
 * A corrections.json (the evidence panel's file) dropped on the page or chosen with the analyst's
 * picker goes to the evidence panel, not to the importer (which would refuse it as no route).
 * The two panels do not know each other: the analyst panel offers the file as a cancelable DOM
 * event, and the evidence panel, when it is on the page, takes it. A file no panel takes is
 * imported as before, so it is never dropped without a word.
 */

export const CORRECTIONS_EVENT = "dtm-flow:corrections-file";

/** Larger than any corrections file: such a `.json` is not read here, only imported. */
const MAX_BYTES = 5_000_000;

/**
 * Whether a text is a corrections file (valid or not, so that the evidence panel says what is
 * wrong with it): a JSON object with `corrections` and no GeoJSON `type`.
 */
export function looksLikeCorrections(text: string): boolean {
  try {
    const json: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
    return (
      typeof json === "object" &&
      json !== null &&
      !Array.isArray(json) &&
      "corrections" in json &&
      !("type" in json)
    );
  } catch {
    return false;
  }
}

/** Offers a file to the evidence panel; true when it took it. */
export async function offerCorrections(file: File): Promise<boolean> {
  if (!/\.json$/i.test(file.name) || /\.geojson$/i.test(file.name) || file.size > MAX_BYTES)
    return false;
  if (!looksLikeCorrections(await file.text())) return false;
  const event = new CustomEvent<File>(CORRECTIONS_EVENT, { detail: file, cancelable: true });
  return !document.dispatchEvent(event);
}

/** The evidence panel's side: takes the corrections files the analyst panel offers. */
export function takeCorrections(onFile: (file: File) => void): void {
  document.addEventListener(CORRECTIONS_EVENT, (event) => {
    event.preventDefault();
    onFile((event as CustomEvent<File>).detail);
  });
}
