/**
 * The scenario panel runs on the 2018 corridor only (its worker holds the embedded data set and
 * its routes and places, viewer/scenario/scenario.worker.ts). When the map shows the analyst's own
 * files, the panel says so plainly, with the routes on screen that it does not know and the
 * command that runs a scenario on them, instead of leaving "unknown route" to
 * say it.
 */
import type { Lang } from "../state.ts";
import type { PanelLayout } from "./layout.ts";

/** What the note reads of the viewer's replay: whether it is the analyst's files, and its routes. */
export interface ReplayOnScreen {
  /** Set when the replay is of the analyst's own files (viewer/data/replay.ts `ReplaySource`). */
  source?: unknown;
  routes?: { features: readonly { properties: { route_id: string } }[] };
}

/** The 2018 corridor's routes, as the panel's worker knows them (data/routes of the embedded data). */
const ROUTES_2018 = "main, mexicali, salvador";

/** The note in `lang` for own files whose routes are `routes` (ids). */
export function corridorNoteText(lang: Lang, routes: readonly string[]): string {
  const own = routes.length ? routes.join(", ") : "–";
  return lang === "es"
    ? `Los escenarios de este panel se calculan solo sobre el corredor de 2018 (rutas ${ROUTES_2018} y sus lugares): sus propios archivos en pantalla (rutas: ${own}) no se usan aquí. Para un escenario en su propia ruta y lugares: dtm-flow scenario escenario.json --route ruta.geojson --places lugares.csv`
    : `This panel runs scenarios on the 2018 corridor only (routes ${ROUTES_2018} and their places): your own files on screen (routes: ${own}) are not used here. For a scenario on your own route and places: dtm-flow scenario scenario.json --route route.geojson --places places.csv`;
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
