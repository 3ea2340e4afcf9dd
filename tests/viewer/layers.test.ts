import { describe, expect, it } from "vitest";
import { selectionDetails, splitHoverText, splitLine } from "../../viewer/charts/sidePanels.ts";
import { splitAt } from "../../viewer/charts/splitChart.ts";
import { prepareReplay } from "../../viewer/data/prepare.ts";
import { formatCount } from "../../viewer/i18n.ts";
import {
  groupLabel,
  LABEL_MIN_PEOPLE,
  labelledGroups,
  peopleText,
} from "../../viewer/map/groupLayer.ts";
import type { GroupMark } from "../../viewer/map/frame.ts";
import { placeLabelCandidates, placeTooltip } from "../../viewer/map/placesLayer.ts";
import { toSvgString } from "../../viewer/render/vnode.ts";
import { defaultState } from "../../viewer/state.ts";
import { failureText, loadingText } from "../../viewer/view/texts.ts";
import { fixtureInput } from "./fixture.ts";

const replay = prepareReplay(fixtureInput());
const state = defaultState(["en"]);
const mark = (id: string, size: number) => ({ id, size }) as GroupMark;

describe("group layer", () => {
  it("labels the selected group and those of 1,500 people or more, with the day's people", () => {
    const marks = [mark("A", 7000), mark("B", 900), mark("C", LABEL_MIN_PEOPLE)];
    expect(labelledGroups(marks, state).map((g) => g.id)).toEqual(["A", "C"]);
    const selected = { ...state, selection: { kind: "group" as const, id: "B" } };
    expect(labelledGroups(marks, selected).map((g) => g.id)).toEqual(["A", "B", "C"]);
    // The hovered group (map or chart) is labelled too.
    expect(labelledGroups(marks, { ...state, hover: "B" }).map((g) => g.id)).toEqual([
      "A",
      "B",
      "C",
    ]);
    expect(labelledGroups(marks, { ...state, layers: { ...state.layers, labels: false } })).toEqual(
      [],
    );
    expect(groupLabel("en", mark("A", 7012))).toBe("A · 7,012");
    expect(groupLabel("es", mark("A", NaN))).toBe(`A · ${peopleText("es", NaN)}`);
  });
});

describe("places layer", () => {
  it("puts border points with counts first and leaves shelters out below zoom 4", () => {
    const xy = (lon: number, lat: number): [number, number] => [lon, lat];
    const c = placeLabelCandidates(replay, replay.places, 1, xy);
    expect(c.map((x) => x.id)).not.toContain("MX-TIJ-BJ");
    expect(placeLabelCandidates(replay, replay.places, 4, xy).map((x) => x.id)).toContain(
      "MX-TIJ-BJ",
    );
    const top = [...c].sort((a, b) => b.priority - a.priority)[0]!;
    expect(top.id).toBe("GT-TU");
  });

  it("labels and tooltips name places in Spanish when the gazetteer has a Spanish name", () => {
    const xy = (lon: number, lat: number): [number, number] => [lon, lat];
    const places = [
      ...replay.places,
      {
        placeId: "X-CMX",
        name: "Mexico City",
        nameEs: "Ciudad de México",
        aliases: [],
        lat: 19.4,
        lon: -99.1,
        kind: "city" as const,
      },
    ];
    const text = (lang: "en" | "es") =>
      placeLabelCandidates(replay, places, 1, xy, lang).find((c) => c.id === "X-CMX")!.text;
    expect(text("es")).toBe("Ciudad de México");
    expect(text("en")).toBe("Mexico City");
    expect(placeTooltip(replay, places.at(-1)!, 0, "es")).toMatch(/^Ciudad de México/);
  });

  it("a border point's tooltip gives that day's counts by direction", () => {
    const tu = replay.places.find((p) => p.placeId === "GT-TU")!;
    const day = replay.flows.find((f) => f.id === "GT-TU")!.days[1]!;
    const text = placeTooltip(replay, tu, day.t + 0.5, "en");
    expect(text).toContain(`northbound: ${formatCount("en", day.byDirection.northbound!)}`);
    expect(text).toContain(`southbound: ${formatCount("en", day.byDirection.southbound!)}`);
  });
});

describe("side panels", () => {
  it("the split hover text lists the ledger's figures of that day with their intervals", () => {
    const day = 10;
    const text = splitHoverText(replay, day, "en")!;
    for (const r of splitAt(replay.split, day)) expect(text).toContain(splitLine("en", r));
    expect(text.split("\n")[0]).toBe("23 Oct 2018");
    expect(splitHoverText(replay, -1, "en")).toBeUndefined();
  });

  it("selectionDetails shows the selected group's or place's details, nothing otherwise", () => {
    expect(selectionDetails(replay, state)).toBeUndefined();
    const group = selectionDetails(replay, {
      ...state,
      t: 9.5,
      selection: { kind: "group", id: "A" },
    })!;
    expect(toSvgString(group)).toContain('data-field="body"');
    const place = selectionDetails(replay, {
      ...state,
      selection: { kind: "place", id: "MX-TIJ" },
    })!;
    expect(toSvgString(place)).toContain("Tijuana");
  });
});

describe("load status", () => {
  it("says which step of the library is running, and why a load failed in one sentence", () => {
    expect(loadingText("en", { stage: "estimating" })).toMatch(/^Estimating/);
    expect(loadingText("es")).toMatch(/^Cargando/);
    const err = new Error("the estimator could not place the groups (no routes).\n    at x.ts:1");
    expect(failureText("en", err)).toBe(
      "The replay could not be loaded: the estimator could not place the groups (no routes).",
    );
    expect(failureText("en", "timeout")).toBe("The replay could not be loaded: timeout.");
  });
});
