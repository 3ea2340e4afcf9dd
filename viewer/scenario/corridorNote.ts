/**
 * The scenario panel runs on the replay on screen: the 2018 corridor, or the analyst's own files
 * (their routes and places, the embedded places behind them; viewer/scenario/scenario.worker.ts).
 * On own files the panel says so, with the routes it runs on and the command that gives the same
 * result, and that "like 2018" is still calibrated on the 2018 replay.
 */
import type { Lang } from "../state.ts";
import type { PanelLayout } from "./layout.ts";

/** What the note reads of the viewer's replay: whether it is the analyst's files, and its routes. */
export interface ReplayOnScreen {
  /** Set when the replay is of the analyst's own files (viewer/data/replay.ts `ReplaySource`). */
  source?: { id?: number };
  routes?: { features: readonly { properties: { route_id: string } }[] };
}

/** The note in `lang` for own files whose routes are `routes` (ids). */
export function corridorNoteText(lang: Lang, routes: readonly string[]): string {
  const own = routes.length ? routes.join(", ") : "–";
  return lang === "es"
    ? `Los escenarios se calculan sobre sus archivos en pantalla: sus rutas (${own}) y sus lugares, con los lugares de 2018 detrás, como dtm-flow scenario escenario.json --route ruta.geojson --places lugares.csv. «Como 2018» se calibra en la reproducción de 2018.`
    : `Scenarios run on your files on screen: their routes (${own}) and places, with the 2018 places behind them, as dtm-flow scenario scenario.json --route route.geojson --places places.csv does. "Like 2018" is calibrated on the 2018 replay.`;
}

/** Shows or hides the note, after the replay on screen. */
export function showCorridorNote(
  layout: Pick<PanelLayout, "corridorNote">,
  lang: Lang,
  replay: ReplayOnScreen | undefined,
): void {
  const own = !!replay?.source;
  layout.corridorNote.hidden = !own;
  layout.corridorNote.textContent = own
    ? corridorNoteText(lang, replay?.routes?.features.map((f) => f.properties.route_id) ?? [])
    : "";
}
