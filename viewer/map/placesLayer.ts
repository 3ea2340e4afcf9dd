/**
 * The places layer of the SVG overlay: places, border points and shelters as focusable marks,
 * their labels placed greedily by priority, and their tooltips (a border point's counts that day).
 */
import { select } from "d3-selection";
import type { Place } from "../../src/index.ts";
import type { ReplayData } from "../data/replay.ts";
import { formatCount, placeLabel, tr } from "../i18n.ts";
import { CATEGORY_COLOUR, THEMES } from "../palette.ts";
import type { Lang } from "../state.ts";
import { screenXY } from "../view/context.ts";
import type { ViewerContext } from "../view/context.ts";
import { hideTooltip, showTooltip } from "../view/dom.ts";
import type { ViewerDom } from "../view/dom.ts";
import { placeLabels } from "./labels.ts";
import type { LabelCandidate, PlacedLabel } from "./labels.ts";

/**
 * Label candidates for places: border points with counts first, then border crossings, route
 * ends and the places reports mention most; shelters only from zoom 4 (they sit on their city).
 */
export function placeLabelCandidates(
  replay: ReplayData,
  places: readonly Place[],
  zoomK: number,
  xy: (lon: number, lat: number) => [number, number],
  lang: Lang = "en",
): LabelCandidate[] {
  const flowIds = new Set(replay.flows.map((f) => f.id));
  const mentions = new Map<string, number>();
  for (const g of replay.groups)
    for (const r of g.reports)
      if (r.placeName) mentions.set(r.placeName, (mentions.get(r.placeName) ?? 0) + 1);
  const ends = replay.routes.features.flatMap((f) => [
    f.geometry.coordinates[0]!,
    f.geometry.coordinates[f.geometry.coordinates.length - 1]!,
  ]);
  return places
    .filter((p) => p.kind !== "shelter" || zoomK >= 4)
    .map((p) => {
      const [x, y] = xy(p.lon, p.lat);
      const nearEnd = ends.some(
        (e) => Math.abs(e[0]! - p.lon) < 0.3 && Math.abs(e[1]! - p.lat) < 0.3,
      );
      const priority =
        (flowIds.has(p.placeId) ? 100 : 0) +
        (p.kind === "border_crossing" ? 60 : 0) +
        (nearEnd ? 80 : 0) +
        (mentions.get(p.name) ?? 0);
      const text = placeLabel(lang, p);
      return { id: p.placeId, x, y, text, priority, fontSize: p.kind === "city" ? 12 : 11 };
    });
}

/** The tooltip of a place: its name, that day's counts by direction, its capacity. */
export function placeTooltip(replay: ReplayData, p: Place, t: number, L: Lang): string {
  const flow = replay.flows.find((f) => f.id === p.placeId);
  const day = flow?.days.find((d) => d.t === Math.floor(t));
  const count = (v: number | undefined) => (v !== undefined ? formatCount(L, v) : "–");
  const counts = day
    ? `\n${tr(L, "northbound")}: ${count(day.byDirection.northbound)} · ${tr(L, "southbound")}: ${count(day.byDirection.southbound)}`
    : "";
  const cap =
    p.capacity !== undefined ? `\n${tr(L, "capacity")}: ${formatCount(L, p.capacity)}` : "";
  return `${placeLabel(L, p)}${counts}${cap}`;
}

function joinPlaces(dom: ViewerDom, places: readonly Place[]) {
  return select(dom.overlay)
    .selectAll<SVGGElement, Place>("g.place")
    .data(places, (p) => p.placeId)
    .join((enter) => {
      const g = enter.append("g").attr("class", "place").attr("tabindex", 0).attr("role", "button");
      g.append((p) =>
        document.createElementNS(
          "http://www.w3.org/2000/svg",
          p.kind === "border_crossing" || p.kind === "fmp" ? "rect" : "circle",
        ),
      );
      g.append("text");
      return g;
    });
}

/** Draws (or updates) the places layer for the current state. */
export function renderPlaces(ctx: ViewerContext, dom: ViewerDom): void {
  const replay = ctx.replay;
  if (!replay) return;
  const { state } = ctx;
  const xy = (lon: number, lat: number) => screenXY(ctx, lon, lat);
  const flowIds = new Set(replay.flows.map((f) => f.id));
  const places = state.layers.places ? replay.places : [];
  const sel = joinPlaces(dom, places);
  const route = THEMES[state.theme].route;
  sel
    .attr("data-id", (p) => p.placeId)
    .attr("data-kind", (p) => p.kind)
    .classed(
      "selected",
      (p) => state.selection?.kind === "place" && state.selection.id === p.placeId,
    )
    .attr("aria-label", (p) => `${placeLabel(state.lang, p)} (${p.kind})`)
    .attr("transform", (p) => `translate(${xy(p.lon, p.lat).join(",")})`);
  sel
    .select("circle")
    .attr("r", (p) => (p.kind === "shelter" ? 3.5 : 4))
    .attr("fill", (p) => (p.kind === "shelter" ? CATEGORY_COLOUR.remaining : route));
  sel
    .select("rect")
    .attr("x", -5)
    .attr("y", -5)
    .attr("width", 10)
    .attr("height", 10)
    .attr("transform", "rotate(45)")
    .attr("fill", (p) => (flowIds.has(p.placeId) ? CATEGORY_COLOUR.asylum_claim : route));
  const candidates = state.layers.labels
    ? placeLabelCandidates(replay, places, state.zoom.k, xy, state.lang)
    : [];
  const placed = new Map<string, PlacedLabel>(
    placeLabels(candidates, ctx.width, ctx.height, [
      [0, 0, 230, 44],
      [0, ctx.height - 160, 250, ctx.height],
    ]).map((l) => [l.id, l]),
  );
  sel
    .select("text")
    .attr("font-size", (p) => (p.kind === "city" ? 12 : 11))
    .attr("display", (p) => (placed.has(p.placeId) ? null : "none"))
    .attr("text-anchor", (p) => placed.get(p.placeId)?.anchor ?? "start")
    .attr("x", (p) => (placed.has(p.placeId) ? placed.get(p.placeId)!.x - xy(p.lon, p.lat)[0] : 0))
    .attr("y", (p) => (placed.has(p.placeId) ? placed.get(p.placeId)!.y - xy(p.lon, p.lat)[1] : 0))
    .text((p) => placeLabel(state.lang, p));
  const choose = (id: string) => ctx.setState({ selection: { kind: "place", id } });
  sel
    .on("click", (ev: MouseEvent, p) => {
      ev.stopPropagation();
      choose(p.placeId);
    })
    .on("keydown", (ev: KeyboardEvent, p) => {
      if (ev.key === "Enter") choose(p.placeId);
    })
    .on("mouseenter focus", (_ev: Event, p) => {
      const [x, y] = xy(p.lon, p.lat);
      showTooltip(dom, ctx.width, placeTooltip(replay, p, ctx.state.t, ctx.state.lang), x, y);
    })
    .on("mouseleave blur", () => hideTooltip(dom));
}
