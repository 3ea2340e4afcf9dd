/**
 * The viewer controller: owns the view state, the replay data and the animation loop, and wires
 * the DOM (index.html) to the pure builders. Seams for issue 7:
 *  - `viewer.load(provider)` switches data (a worker provider, the analyst's files) and keeps the
 *    previous replay when the provider fails;
 *  - `viewer.getState()` / `viewer.setState(patch)` expose the one serialisable ViewState;
 *  - `viewer.canvas` holds the whole frame (basemap, marks, date and legend), for PNG / WebM
 *    exports; `setState({ t })` moves it to any date.
 */
import { geoMercator } from "d3-geo";
import type { GeoProjection } from "d3-geo";
import { select } from "d3-selection";
import { zoom as d3zoom, zoomIdentity } from "d3-zoom";
import type { ZoomBehavior } from "d3-zoom";
import type { FeatureCollection, Geometry } from "geojson";
import { flowDetails, groupDetails, groupEstimateAt, headlineList } from "./charts/details.ts";
import { presenceChart, presenceFigure, presenceX } from "./charts/presenceChart.ts";
import { splitAt, splitChart, splitX } from "./charts/splitChart.ts";
import type { DataProvider } from "./data/provider.ts";
import { dateOf } from "./data/replay.ts";
import type { ReplayData } from "./data/replay.ts";
import { categoryName, datasetName, formatDate, formatPeople, layerName, tr } from "./i18n.ts";
import type { TextKey } from "./i18n.ts";
import { drawFrameText, drawMarks, drawStatic } from "./map/draw.ts";
import { computeFrame, layoutReplay } from "./map/frame.ts";
import { placeLabels } from "./map/labels.ts";
import type { LabelCandidate } from "./map/labels.ts";
import type { Frame, Layout } from "./map/frame.ts";
import { CATEGORY_COLOUR, groupColour, THEMES } from "./palette.ts";
import { h, mount } from "./render/vnode.ts";
import { clampSpeed, decodeState, defaultState, encodeState, LAYERS, SPEEDS } from "./state.ts";
import { createForecastPanel } from "./forecast/panel.ts";
import type { ViewState } from "./state.ts";

const FONT =
  getComputedStyle(document.documentElement).getPropertyValue("--font") || "system-ui, sans-serif";

type Basemap = FeatureCollection<Geometry, { name?: string; kind?: string }>;

export interface FrameStats {
  /** Durations (ms) of the last frames' compute + draw, most recent last (max 600). */
  times: number[];
  /** performance.now() when the first frame with data was drawn. */
  firstFrameAt?: number;
  particles: number;
}

export interface Viewer {
  load(provider: DataProvider): Promise<void>;
  getState(): ViewState;
  setState(patch: Partial<ViewState>): void;
  readonly replay: ReplayData | undefined;
  readonly canvas: HTMLCanvasElement;
  readonly stats: FrameStats;
  /** Stress mode for benchmarks: draw this many flow particles regardless of counts (0 = off). */
  setStress(particles: number): void;
}

const $ = <T extends Element>(id: string) => document.getElementById(id) as unknown as T;

export function createViewer(options: { basemapUrl: string }): Viewer {
  let state: ViewState = decodeState(
    location.hash,
    defaultState(
      navigator.languages ?? [navigator.language],
      window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false,
    ),
  );
  let replay: ReplayData | undefined;
  let basemap: Basemap | undefined;
  let layout: Layout | undefined;
  let projection: GeoProjection = geoMercator();
  let frame: Frame | undefined;
  let stress = 0;
  let width = 0;
  let height = 0;
  let dpr = 1;
  const stats: FrameStats = { times: [], particles: 0 };

  const mapEl = $<HTMLDivElement>("map");
  const canvas = $<HTMLCanvasElement>("map-canvas");
  const ctx = canvas.getContext("2d")!;
  const staticCanvas = document.createElement("canvas");
  const staticCtx = staticCanvas.getContext("2d")!;
  let staticDirty = true;
  const overlay = select($<SVGSVGElement>("map-overlay"));
  // Group hit targets move every frame: they live in their own small SVG (own paint layer), so
  // moving them does not repaint the labels.
  const hits = select($<SVGSVGElement>("map-hits"));
  const zoomTarget = select(mapEl);
  const tooltip = $<HTMLDivElement>("tooltip");
  const scrubber = $<HTMLInputElement>("scrubber");
  const playBtn = $<HTMLButtonElement>("play");
  const speedSel = $<HTMLSelectElement>("speed");
  const dateOut = $<HTMLOutputElement>("date");
  const statusEl = $<HTMLParagraphElement>("status");
  // Forecast panel (viewer/forecast): expected arrivals and cones for the scrubber's date.
  const forecastPanel = createForecastPanel({
    container: document.querySelector("aside.side") ?? document.body,
    svg: overlay.node()!,
  });
  const updateForecast = () =>
    forecastPanel.update({ replay, t: state.t, lang: state.lang, project: placeXY });

  // ── static texts (language) ──
  function applyTexts(): void {
    const L = state.lang;
    document.documentElement.lang = L;
    document.documentElement.dataset.theme = state.theme;
    const set = (id: string, key: TextKey) => ($<HTMLElement>(id).textContent = tr(L, key));
    set("title", "title");
    set("layers-label", "layers");
    set("step-back", "stepBack");
    $<HTMLElement>("step-back").textContent = "◀";
    $<HTMLElement>("step-back").setAttribute("aria-label", tr(L, "stepBack"));
    $<HTMLElement>("step-forward").setAttribute("aria-label", tr(L, "stepForward"));
    $<HTMLElement>("step-back").title = tr(L, "stepBack");
    $<HTMLElement>("step-forward").title = tr(L, "stepForward");
    set("scrubber-label", "scrubber");
    set("speed-label", "speed");
    set("split-title", "splitTitle");
    set("multiples-title", "multiplesTitle");
    set("keys", "keyboardHelp");
    document.querySelector(".skip")!.textContent = tr(L, "skipToControls");
    $<HTMLElement>("controls").setAttribute("aria-label", tr(L, "scrubber"));
    const themeBtn = $<HTMLButtonElement>("theme");
    themeBtn.textContent = tr(L, "theme");
    themeBtn.setAttribute("aria-pressed", String(state.theme === "dark"));
    const langBtn = $<HTMLButtonElement>("lang");
    langBtn.textContent = tr(L, "language");
    langBtn.lang = L === "en" ? "es" : "en";
    langBtn.setAttribute("aria-label", tr(L, "languageLabel"));
    overlay.attr("aria-label", tr(L, "map"));
    for (const [id, key] of [
      ["zoom-in", "zoomIn"],
      ["zoom-out", "zoomOut"],
      ["zoom-reset", "zoomReset"],
    ] as const) {
      $<HTMLElement>(id).setAttribute("aria-label", tr(L, key));
      $<HTMLElement>(id).title = tr(L, key);
    }
    speedSel.replaceChildren(
      ...SPEEDS.map((s) => {
        const o = document.createElement("option");
        o.value = String(s);
        o.textContent = `${s} ${tr(L, "daysPerSecond")}`;
        o.selected = s === state.speed;
        return o;
      }),
    );
    const list = $<HTMLFieldSetElement>("layer-list");
    list.replaceChildren(
      ...LAYERS.map((l) => {
        const label = document.createElement("label");
        const box = document.createElement("input");
        box.type = "checkbox";
        box.checked = state.layers[l];
        box.dataset.layer = l;
        box.addEventListener("change", () =>
          setState({ layers: { ...state.layers, [l]: box.checked } }),
        );
        label.append(box, " ", layerName(L, l));
        return label;
      }),
    );
    if (replay) {
      $<HTMLElement>("dataset").textContent =
        `${datasetName(L, replay.name)} · ${tr(L, replay.trackMethod === "estimate" ? "estimated" : "interpolated")}`;
      $<HTMLElement>("split-note").textContent = tr(
        L,
        replay.split.basis === "ledger" ? "splitNoteLedger" : "splitNoteStocks",
      );
    }
    playBtn.textContent = tr(L, state.playing ? "pause" : "play");
    playBtn.setAttribute("aria-pressed", String(state.playing));
  }

  // ── layout and projection ──
  function resize(): void {
    const rect = mapEl.getBoundingClientRect();
    width = Math.max(200, Math.round(rect.width));
    height = Math.max(200, Math.round(rect.height));
    dpr = Math.min(2, window.devicePixelRatio || 1);
    for (const c of [canvas, staticCanvas]) {
      c.width = Math.round(width * dpr);
      c.height = Math.round(height * dpr);
    }
    overlay.attr("viewBox", `0 0 ${width} ${height}`);
    hits.attr("viewBox", `0 0 ${width} ${height}`);
    if (replay) {
      const pts = [
        ...replay.routes.features.flatMap((f) => f.geometry.coordinates),
        ...replay.places.map((p) => [p.lon, p.lat]),
      ];
      projection = geoMercator().fitExtent(
        [
          [30, 50],
          [width - 30, height - 30],
        ],
        { type: "MultiPoint", coordinates: pts },
      );
      layout = layoutReplay(replay, (p) => projection(p), width, height);
    }
    staticDirty = true;
    renderOverlay();
    renderCharts();
  }

  // ── SVG overlay: places, labels, hit targets ──
  function placeXY(lon: number, lat: number): [number, number] {
    const p = projection([lon, lat]) ?? [0, 0];
    return [p[0] * state.zoom.k + state.zoom.x, p[1] * state.zoom.k + state.zoom.y];
  }

  function showTooltip(text: string, x: number, y: number): void {
    tooltip.textContent = text;
    tooltip.hidden = false;
    tooltip.style.left = `${Math.min(width - 200, x + 14)}px`;
    tooltip.style.top = `${Math.max(0, y - 10)}px`;
  }
  function hideTooltip(): void {
    tooltip.hidden = true;
  }

  function renderOverlay(): void {
    if (!replay) return;
    const L = state.lang;
    const flowIds = new Set(replay.flows.map((f) => f.id));
    const places = state.layers.places ? replay.places : [];
    const sel = overlay
      .selectAll<SVGGElement, (typeof places)[number]>("g.place")
      .data(places, (p) => p.placeId)
      .join((enter) => {
        const g = enter
          .append("g")
          .attr("class", "place")
          .attr("tabindex", 0)
          .attr("role", "button");
        g.append((p) =>
          document.createElementNS(
            "http://www.w3.org/2000/svg",
            p.kind === "border_crossing" || p.kind === "fmp" ? "rect" : "circle",
          ),
        );
        g.append("text");
        return g;
      });
    sel
      .attr("data-id", (p) => p.placeId)
      .attr("data-kind", (p) => p.kind)
      .classed(
        "selected",
        (p) => state.selection?.kind === "place" && state.selection.id === p.placeId,
      )
      .attr("aria-label", (p) => `${p.name} (${p.kind})`)
      .attr("transform", (p) => `translate(${placeXY(p.lon, p.lat).join(",")})`);
    sel
      .select("circle")
      .attr("r", (p) => (p.kind === "shelter" ? 3.5 : 4))
      .attr("fill", (p) =>
        p.kind === "shelter" ? CATEGORY_COLOUR.remaining : THEMES[state.theme].route,
      );
    sel
      .select("rect")
      .attr("x", -5)
      .attr("y", -5)
      .attr("width", 10)
      .attr("height", 10)
      .attr("transform", "rotate(45)")
      .attr("fill", (p) =>
        flowIds.has(p.placeId) ? CATEGORY_COLOUR.asylum_claim : THEMES[state.theme].route,
      );
    // Labels: placed greedily by priority (border points, route ends, then the places most
    // reported); shelters only when zoomed in, as they sit on their city.
    const mentions = new Map<string, number>();
    for (const g of replay.groups)
      for (const r of g.reports)
        if (r.placeName) mentions.set(r.placeName, (mentions.get(r.placeName) ?? 0) + 1);
    const ends = new Set(
      replay.routes.features
        .flatMap((f) => [
          f.geometry.coordinates[0],
          f.geometry.coordinates[f.geometry.coordinates.length - 1],
        ])
        .map((c) => `${c?.[0]},${c?.[1]}`),
    );
    const candidates: LabelCandidate[] = state.layers.labels
      ? places
          .filter((p) => p.kind !== "shelter" || state.zoom.k >= 4)
          .map((p) => {
            const [x, y] = placeXY(p.lon, p.lat);
            const nearEnd = [...ends].some((e) => {
              const [lon, lat] = e.split(",").map(Number);
              return Math.abs(lon! - p.lon) < 0.3 && Math.abs(lat! - p.lat) < 0.3;
            });
            const priority =
              (flowIds.has(p.placeId) ? 100 : 0) +
              (p.kind === "border_crossing" ? 60 : 0) +
              (nearEnd ? 80 : 0) +
              (mentions.get(p.name) ?? 0);
            return {
              id: p.placeId,
              x,
              y,
              text: p.name,
              priority,
              fontSize: p.kind === "city" ? 12 : 11,
            };
          })
      : [];
    const placedLabels = new Map(
      placeLabels(candidates, width, height, [
        [0, 0, 230, 44],
        [0, height - 160, 250, height],
      ]).map((l) => [l.id, l]),
    );
    sel
      .select("text")
      .attr("font-size", (p) => (p.kind === "city" ? 12 : 11))
      .attr("display", (p) => (placedLabels.has(p.placeId) ? null : "none"))
      .attr("text-anchor", (p) => placedLabels.get(p.placeId)?.anchor ?? "start")
      .attr("x", (p) => {
        const l = placedLabels.get(p.placeId);
        return l ? l.x - placeXY(p.lon, p.lat)[0] : 0;
      })
      .attr("y", (p) => {
        const l = placedLabels.get(p.placeId);
        return l ? l.y - placeXY(p.lon, p.lat)[1] : 0;
      })
      .text((p) => p.name);
    sel
      .on("click", (ev: MouseEvent, p) => {
        ev.stopPropagation();
        select(p.placeId);
      })
      .on("keydown", (ev: KeyboardEvent, p) => {
        if (ev.key === "Enter") select(p.placeId);
      })
      .on("mouseenter focus", (ev: Event, p) => {
        const [x, y] = placeXY(p.lon, p.lat);
        const flow = replay?.flows.find((f) => f.id === p.placeId);
        const day = flow?.days.find((d) => d.t === Math.floor(state.t));
        const counts = day
          ? `\n${tr(L, "northbound")}: ${day.byDirection.northbound !== undefined ? formatPeople(L, day.byDirection.northbound) : "–"} · ${tr(L, "southbound")}: ${day.byDirection.southbound !== undefined ? formatPeople(L, day.byDirection.southbound) : "–"}`
          : "";
        const cap =
          p.capacity !== undefined ? `\n${tr(L, "capacity")}: ${formatPeople(L, p.capacity)}` : "";
        showTooltip(`${p.name}${counts}${cap}`, x, y);
        void ev;
      })
      .on("mouseleave blur", hideTooltip);

    function select(id: string): void {
      setState({ selection: { kind: "place", id } });
    }
    renderGroupTargets();
    updateForecast();
  }

  /** Focusable, transparent circles over the canvas groups (moved every frame). */
  function renderGroupTargets(): void {
    if (!replay) return;
    const marks = state.layers.groups && frame ? frame.groups : [];
    const people = (v: number) =>
      Number.isFinite(v) ? formatPeople(state.lang, v) : tr(state.lang, "sizeUnknown");
    const sel = hits
      .selectAll<SVGCircleElement, Frame["groups"][number]>("circle.hit")
      .data(marks, (g) => g.id)
      .join((enter) =>
        enter
          .append("circle")
          .attr("class", "hit")
          .attr("tabindex", 0)
          .attr("role", "button")
          .on("click", (ev: MouseEvent, g) => {
            ev.stopPropagation();
            setState({ selection: { kind: "group", id: g.id } });
          })
          .on("keydown", (ev: KeyboardEvent, g) => {
            if (ev.key === "Enter") setState({ selection: { kind: "group", id: g.id } });
          })
          .on("mouseenter focus", (_ev: Event, g) => {
            const L = state.lang;
            const group = replay?.groups.find((x) => x.id === g.id);
            const est = group && groupEstimateAt(group, state.t);
            const text = est
              ? `${g.id}\n${tr(L, "size")}: ${people(est.size)}${Number.isFinite(est.size) ? ` (${formatPeople(L, est.sizeLow)}–${formatPeople(L, est.sizeHigh)})` : ""}\n${tr(L, "kmAlong")}: ${formatPeople(L, est.km)} (${formatPeople(L, est.kmLow)}–${formatPeople(L, est.kmHigh)})`
              : g.id;
            showTooltip(text, g.x * state.zoom.k + state.zoom.x, g.y * state.zoom.k + state.zoom.y);
          })
          .on("mouseleave blur", hideTooltip),
      );
    sel.each(function (g) {
      // Only touch the DOM when something visible changed (this runs every frame).
      const cx = (g.x * state.zoom.k + state.zoom.x).toFixed(1);
      const cy = (g.y * state.zoom.k + state.zoom.y).toFixed(1);
      const r = Math.max(8, g.r).toFixed(1);
      if (this.getAttribute("cx") !== cx) this.setAttribute("cx", cx);
      if (this.getAttribute("cy") !== cy) this.setAttribute("cy", cy);
      if (this.getAttribute("r") !== r) this.setAttribute("r", r);
      const label = `${g.id}: ${people(g.size)} ${tr(state.lang, "people")}`;
      if (this.getAttribute("aria-label") !== label) this.setAttribute("aria-label", label);
      if (this.dataset.group !== g.id) this.dataset.group = g.id;
    });
    // Labels of the large groups and of the selected one, right of the circle.
    const selected = state.selection?.kind === "group" ? state.selection.id : undefined;
    const labelled = state.layers.labels
      ? marks.filter((g) => g.id === selected || g.size >= 1500)
      : [];
    hits
      .selectAll<SVGTextElement, Frame["groups"][number]>("text.group-label")
      .data(labelled, (g) => g.id)
      .join((enter) => enter.append("text").attr("class", "group-label"))
      .each(function (g) {
        const x = (g.x * state.zoom.k + state.zoom.x + g.rHigh + 4).toFixed(1);
        const y = (g.y * state.zoom.k + state.zoom.y + 4).toFixed(1);
        if (this.getAttribute("x") !== x) this.setAttribute("x", x);
        if (this.getAttribute("y") !== y) this.setAttribute("y", y);
        const text = `${g.id} · ${people(g.size)}`;
        if (this.textContent !== text) this.textContent = text;
      });
  }

  // ── charts and side panel ──
  let lastDay = -1;

  // Hovering the split chart shows that day's figures with their 90 % intervals.
  const splitTip = document.createElement("div");
  splitTip.className = "tooltip chart-tooltip";
  splitTip.hidden = true;
  $<HTMLDivElement>("split").addEventListener("pointermove", (ev) => {
    const svg = $<HTMLDivElement>("split").querySelector("svg");
    if (!replay || !svg) return;
    const box = svg.getBoundingClientRect();
    const scale = Number(svg.getAttribute("width")) / box.width;
    const day = Math.floor(
      splitX(replay.split, Number(svg.getAttribute("width"))).invert(
        (ev.clientX - box.left) * scale,
      ),
    );
    const rows = day >= 0 && day <= replay.days ? splitAt(replay.split, day) : [];
    if (!rows.length) return void (splitTip.hidden = true);
    const L = state.lang;
    splitTip.textContent = [
      formatDate(L, dateOf(replay.start, day)),
      ...rows.map(
        (r) =>
          `${categoryName(L, r.category)}: ${formatPeople(L, r.value)}${r.high > r.low ? ` (${formatPeople(L, r.low)}–${formatPeople(L, r.high)})` : ""}`,
      ),
    ].join("\n");
    splitTip.hidden = false;
    const x = ev.clientX - box.left;
    splitTip.style.left = `${x > box.width / 2 ? x - 250 : x + 14}px`;
    splitTip.style.top = "8px";
  });
  $<HTMLDivElement>("split").addEventListener("pointerleave", () => (splitTip.hidden = true));

  function renderCharts(): void {
    if (!replay) return;
    const L = state.lang;
    const splitEl = $<HTMLDivElement>("split");
    const w = Math.max(300, Math.round(splitEl.getBoundingClientRect().width || 600));
    mount(splitEl, splitChart(replay.split, { width: w, height: 190, lang: L, t: state.t }));
    splitEl.append(splitTip);
    const mEl = $<HTMLDivElement>("multiples");
    const mw = 220;
    mount(
      mEl,
      ...replay.presence.map((p) =>
        h(
          "div",
          { "data-place": p.placeName },
          presenceChart(p, { width: mw, height: 80, lang: L, days: replay!.days, t: state.t }),
        ),
      ),
    );
    lastDay = -1;
    updateCursors();
  }

  /**
   * Chart cursors are HTML lines over the charts moved with a CSS transform (compositor only):
   * moving an SVG element would repaint the whole chart every frame. The SVG cursors drawn by the
   * builders (for snapshots and exports) are hidden by CSS in the live page.
   */
  function cursorLine(holder: Element): HTMLDivElement {
    let line = holder.querySelector<HTMLDivElement>(":scope > .cursor-line");
    if (!line) {
      line = document.createElement("div");
      line.className = "cursor-line";
      line.setAttribute("aria-hidden", "true");
      holder.append(line);
    }
    return line;
  }

  function updateCursors(): void {
    if (!replay) return;
    const splitEl = $<HTMLDivElement>("split");
    const svg = splitEl.querySelector("svg");
    if (svg) {
      const x = splitX(replay.split, Number(svg.getAttribute("width")));
      const line = cursorLine(splitEl);
      line.style.transform = `translateX(${x(state.t).toFixed(1)}px)`;
      line.dataset.t = String(state.t);
    }
    const mx = presenceX(replay.days, 220);
    for (const holder of $<HTMLDivElement>("multiples").children) {
      cursorLine(holder).style.transform = `translateX(${mx(state.t).toFixed(1)}px)`;
    }
    const day = Math.floor(state.t);
    if (day !== lastDay) {
      lastDay = day;
      renderDayPanels();
    }
  }

  function renderDayPanels(): void {
    if (!replay) return;
    const L = state.lang;
    mount($<HTMLDivElement>("headlines"), headlineList(replay.headlines, state.t, L, replay.start));
    const readout = splitAt(replay.split, state.t);
    mount(
      $<HTMLUListElement>("split-readout"),
      ...readout.map((r) =>
        h(
          "li",
          { "data-category": r.category },
          h("span", { class: "swatch", style: `background:${CATEGORY_COLOUR[r.category]}` }),
          `${categoryName(L, r.category)}: ${formatPeople(L, r.value)}${r.high > r.low ? ` (${formatPeople(L, r.low)}–${formatPeople(L, r.high)})` : ""}`,
        ),
      ),
    );
    // Update the multiples' figure lines (latest value as of the date) once a day, in place.
    const mEl = $<HTMLDivElement>("multiples");
    replay.presence.forEach((p, i) => {
      const text = mEl.children[i]?.querySelector<SVGTextElement>('[data-role="figure"]');
      if (!text) return;
      const { figure, over } = presenceFigure(p, state.t, L);
      if (text.textContent !== figure) text.textContent = figure;
      text.setAttribute("font-weight", over ? "700" : "400");
    });
    renderDetails();
    updateForecast();
  }

  function renderDetails(): void {
    const el = $<HTMLElement>("details");
    const L = state.lang;
    if (!replay) return;
    const s = state.selection;
    const closeBtn = () => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "close";
      b.textContent = tr(L, "close");
      b.addEventListener("click", () => setState({ selection: null }));
      return b;
    };
    const title = h("h2", { class: "visually-hidden" }, tr(L, "details"));
    if (s?.kind === "group") {
      const g = replay.groups.find((x) => x.id === s.id);
      if (g) {
        mount(el, title, groupDetails(g, state.t, L, replay.start));
        el.prepend(closeBtn());
        return;
      }
    }
    if (s?.kind === "place") {
      const flow = replay.flows.find((f) => f.id === s.id);
      const place = replay.places.find((p) => p.placeId === s.id);
      if (flow) {
        mount(el, title, flowDetails(flow, state.t, L, replay.days, 300));
        el.prepend(closeBtn());
        return;
      }
      if (place) {
        mount(
          el,
          title,
          h(
            "section",
            { "data-kind": "place" },
            h("h3", {}, place.name),
            h("p", {}, `${place.kind}${place.country ? ` · ${place.country}` : ""}`),
            place.capacity !== undefined
              ? h("p", {}, `${tr(L, "capacity")}: ${formatPeople(L, place.capacity)}`)
              : null,
            place.source ? h("p", { class: "note" }, `${tr(L, "source")}: ${place.source}`) : null,
            h("p", { class: "note" }, tr(L, "noCounts")),
          ),
        );
        el.prepend(closeBtn());
        return;
      }
    }
    mount(el, title, h("p", { class: "note" }, tr(L, "detailsHint")));
  }

  // ── drawing ──
  function draw(): void {
    if (!replay || !layout) return;
    const t0 = performance.now();
    const colours = THEMES[state.theme];
    if (staticDirty) {
      staticCtx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawStatic(staticCtx, {
        width,
        height,
        projection,
        zoom: state.zoom,
        basemap,
        routes: replay.routes,
        colours,
        layers: state.layers,
      });
      staticDirty = false;
    }
    frame = computeFrame(layout, state.t, {
      previous: frame,
      stressParticles: stress,
      scale: state.zoom.k,
    });
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(staticCanvas, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawMarks(ctx, frame, {
      zoom: state.zoom,
      colours,
      layers: state.layers,
      selected: state.selection?.kind === "group" ? state.selection.id : undefined,
    });
    const L = state.lang;
    drawFrameText(ctx, {
      width,
      height,
      date: formatDate(L, dateOf(replay.start, state.t)),
      colours,
      font: FONT,
      legend: {
        group: tr(L, "legendGroup"),
        halo: tr(L, "legendHalo"),
        band: tr(L, "legendBand"),
        uncertain: tr(L, "legendUncertain"),
        north: tr(L, "legendNorth"),
        south: tr(L, "legendSouth"),
        credit: tr(L, "basemapCredit"),
      },
    });
    renderGroupTargets();
    updateCursors();
    const label = formatDate(L, dateOf(replay.start, state.t));
    if (dateOut.textContent !== label) dateOut.textContent = label;
    if (document.activeElement !== scrubber || state.playing) scrubber.value = String(state.t);
    if (scrubber.getAttribute("aria-valuetext") !== label)
      scrubber.setAttribute("aria-valuetext", label);
    stats.particles = frame.particleCount;
    const dt = performance.now() - t0;
    stats.times.push(dt);
    if (stats.times.length > 600) stats.times.shift();
    if (stats.firstFrameAt === undefined) stats.firstFrameAt = performance.now();
  }

  // ── state ──
  let urlTimer: number | undefined;
  function writeUrl(): void {
    window.clearTimeout(urlTimer);
    urlTimer = window.setTimeout(
      () => history.replaceState(null, "", `#${encodeState(state)}`),
      150,
    );
  }

  let needsDraw = true;
  function setState(patch: Partial<ViewState>): void {
    const prev = state;
    state = { ...state, ...patch };
    if (patch.speed !== undefined) state.speed = clampSpeed(patch.speed);
    if (replay) state.t = Math.max(0, Math.min(state.t, replay.days));
    if (patch.lang !== undefined && patch.lang !== prev.lang) {
      applyTexts();
      renderOverlay();
      renderCharts();
    }
    if (patch.theme !== undefined && patch.theme !== prev.theme) {
      applyTexts();
      staticDirty = true;
      renderOverlay();
    }
    if (patch.layers) {
      staticDirty = true;
      renderOverlay();
    }
    if (patch.zoom) {
      staticDirty = true;
      renderOverlay();
    }
    if (patch.playing !== undefined) {
      playBtn.textContent = tr(state.lang, state.playing ? "pause" : "play");
      playBtn.setAttribute("aria-pressed", String(state.playing));
    }
    if (patch.speed !== undefined) speedSel.value = String(state.speed);
    if ("selection" in patch) {
      renderOverlay();
      renderDetails();
    }
    if (patch.t !== undefined && Math.floor(patch.t) !== Math.floor(prev.t)) lastDay = -1;
    if (patch.zoom && zoomBehaviour && !syncingZoom) {
      syncingZoom = true;
      zoomTarget.call(
        zoomBehaviour.transform,
        zoomIdentity.translate(state.zoom.x, state.zoom.y).scale(state.zoom.k),
      );
      syncingZoom = false;
    }
    needsDraw = true;
    if (!state.playing || patch.playing !== undefined) writeUrl();
  }

  // ── animation loop ──
  let last = performance.now();
  function tick(now: number): void {
    const dt = Math.min(0.1, (now - last) / 1000);
    last = now;
    if (replay && state.playing) {
      let t = state.t + dt * state.speed;
      if (t >= replay.days) {
        t = replay.days;
        setState({ t, playing: false });
      } else {
        state = { ...state, t };
        if (Math.floor(t) !== Math.floor(t - dt * state.speed)) writeUrl();
      }
      needsDraw = true;
    }
    if (needsDraw || stress > 0) {
      needsDraw = false;
      draw();
    }
    requestAnimationFrame(tick);
  }

  // ── controls ──
  function togglePlay(): void {
    if (!replay) return;
    if (!state.playing && state.t >= replay.days) setState({ t: 0, playing: true });
    else setState({ playing: !state.playing });
  }
  function step(days: number): void {
    if (!replay) return;
    // Stepping lands on noon of a day, the time of the daily estimates.
    const day = Math.floor(state.t) + days;
    setState({ t: Math.max(0, Math.min(replay.days, day + 0.5)), playing: false });
  }

  playBtn.addEventListener("click", togglePlay);
  $<HTMLButtonElement>("step-back").addEventListener("click", () => step(-1));
  $<HTMLButtonElement>("step-forward").addEventListener("click", () => step(1));
  scrubber.addEventListener("input", () => setState({ t: Number(scrubber.value), playing: false }));
  speedSel.addEventListener("change", () => setState({ speed: Number(speedSel.value) }));
  $<HTMLButtonElement>("theme").addEventListener("click", () =>
    setState({ theme: state.theme === "dark" ? "light" : "dark" }),
  );
  $<HTMLButtonElement>("lang").addEventListener("click", () =>
    setState({ lang: state.lang === "en" ? "es" : "en" }),
  );

  document.addEventListener("keydown", (ev) => {
    const target = ev.target as HTMLElement;
    const tag = target.tagName;
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (
      tag === "SELECT" ||
      tag === "TEXTAREA" ||
      (tag === "INPUT" && (target as HTMLInputElement).type !== "range")
    )
      return;
    if (ev.key === " " || ev.code === "Space") {
      // Buttons and focusable map marks keep their own Space/Enter behaviour.
      if (tag === "BUTTON" || tag === "SUMMARY" || target.getAttribute("role") === "button") return;
      ev.preventDefault();
      togglePlay();
    } else if (ev.key === "ArrowLeft" || ev.key === "ArrowRight") {
      ev.preventDefault();
      step(ev.key === "ArrowLeft" ? -1 : 1);
    } else if (ev.key === "Home") {
      ev.preventDefault();
      setState({ t: 0, playing: false });
    } else if (ev.key === "End") {
      ev.preventDefault();
      if (replay) setState({ t: replay.days, playing: false });
    } else if (ev.key === "+" || ev.key === "=") {
      zoomBy(2);
    } else if (ev.key === "-") {
      zoomBy(0.5);
    } else if (ev.key === "Escape" && state.selection) {
      setState({ selection: null });
    }
  });
  window.addEventListener("hashchange", () => {
    const next = decodeState(location.hash, state, replay?.days);
    if (encodeState(next) !== encodeState(state)) setState(next);
  });

  let syncingZoom = false;
  const zoomBehaviour: ZoomBehavior<HTMLDivElement, unknown> = d3zoom<HTMLDivElement, unknown>()
    .scaleExtent([1, 40])
    .on("zoom", (ev: { transform: { k: number; x: number; y: number } }) => {
      if (syncingZoom) return;
      hideTooltip();
      syncingZoom = true;
      setState({ zoom: { k: ev.transform.k, x: ev.transform.x, y: ev.transform.y } });
      syncingZoom = false;
    });
  zoomTarget.call(zoomBehaviour).on("dblclick.zoom", null);
  // Zoom buttons (and + / - keys): the keyboard way to zoom, about the centre of the map.
  const zoomBy = (factor: number) => zoomTarget.call(zoomBehaviour.scaleBy, factor);
  $<HTMLButtonElement>("zoom-in").addEventListener("click", () => zoomBy(2));
  $<HTMLButtonElement>("zoom-out").addEventListener("click", () => zoomBy(0.5));
  $<HTMLButtonElement>("zoom-reset").addEventListener("click", () =>
    zoomTarget.call(zoomBehaviour.transform, zoomIdentity),
  );
  for (const b of mapEl.querySelectorAll(".zoom-buttons button"))
    b.addEventListener("mousedown", (ev) => ev.stopPropagation());
  overlay.on("click", () => {
    if (state.selection) setState({ selection: null });
  });

  new ResizeObserver(() => {
    resize();
    needsDraw = true;
  }).observe(mapEl);

  fetch(options.basemapUrl)
    .then((r) => (r.ok ? (r.json() as Promise<Basemap>) : undefined))
    .then((b) => {
      basemap = b;
      staticDirty = true;
      needsDraw = true;
    })
    .catch(() => undefined);

  applyTexts();
  requestAnimationFrame(tick);

  const viewer: Viewer = {
    async load(provider) {
      statusEl.textContent = tr(state.lang, "loading");
      mapEl.setAttribute("aria-busy", "true");
      const apply = (next: ReplayData, final: boolean) => {
        const first = replay === undefined;
        replay = next;
        state = decodeState(first ? location.hash : `#${encodeState(state)}`, state, next.days);
        statusEl.textContent = "";
        mapEl.setAttribute("aria-busy", String(!final));
        mapEl.dataset.provider = provider.id;
        mapEl.dataset.tracks = next.trackMethod;
        scrubber.max = String(next.days);
        scrubber.step = "0.125";
        applyTexts();
        resize();
        if (first && (state.zoom.k !== 1 || state.zoom.x !== 0 || state.zoom.y !== 0)) {
          syncingZoom = true;
          zoomTarget.call(
            zoomBehaviour.transform,
            zoomIdentity.translate(state.zoom.x, state.zoom.y).scale(state.zoom.k),
          );
          syncingZoom = false;
        }
        renderDetails();
        needsDraw = true;
      };
      try {
        const next = await provider.load({ onPartial: (quick) => apply(quick, false) });
        apply(next, true);
      } catch (err) {
        // Keep the replay shown (if any); say why the new one could not be loaded.
        statusEl.textContent = `${tr(state.lang, "failed")} ${err instanceof Error ? err.message : String(err)}`;
        mapEl.setAttribute("aria-busy", "false");
      }
    },
    getState: () => structuredClone(state),
    setState,
    get replay() {
      return replay;
    },
    canvas,
    stats,
    setStress(n) {
      stress = n;
      needsDraw = true;
    },
  };
  void groupColour;
  return viewer;
}
