import { describe, expect, it } from "vitest";
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import { boundOf, buildTree, figureProblems, locate, nodeAt } from "../../src/ledger/tree.ts";
import type { StockFigure } from "../../src/model/stock.ts";
import { dayNumber } from "../../src/calendar/index.ts";
import { PLACES } from "./fixtures.ts";

const gazetteer = createGazetteer(PLACES);
const figure = (f: Partial<StockFigure>): StockFigure => ({
  date: "2018-11-26",
  category: "remaining",
  value: 100,
  basis: "present",
  ...f,
});

describe("ledger step 1: the place hierarchy (tree.ts)", () => {
  it("figureProblems() names every problem of a figure and none of a valid one", () => {
    expect(figureProblems(figure({}))).toEqual([]);
    const problems = figureProblems(
      figure({ date: "2018-13-40", value: -5, basis: "daily" as never, category: "x" as never }),
    );
    expect(problems).toHaveLength(4);
    expect(problems.join(" ")).toMatch(/ISO date.*category.*basis.*value/);
  });

  it("locate() folds a shelter into its city, keeps an unknown place by name, and places a return by country only", () => {
    const shelter = locate(figure({ placeName: "Benito Juarez" }), gazetteer, 40);
    expect(shelter).toMatchObject({
      country: "MEX",
      area: "Tijuana",
      part: "Benito Juárez sports complex",
    });
    expect(locate(figure({ placeName: "Nowhere" }), gazetteer, 40)).toEqual({
      country: undefined,
      area: "Nowhere",
    });
    // A return from Tijuana says where people left from, not the country they went to.
    expect(
      locate(figure({ category: "return", placeName: "Tijuana" }), gazetteer, 40).country,
    ).toBeUndefined();
    expect(locate(figure({ country: "hnd" }), gazetteer, 40)).toEqual({ country: "HND" });
  });

  it("nodeAt() makes each node once: category → country → area → part", () => {
    const root = {
      key: "remaining",
      category: "remaining" as const,
      own: [],
      children: new Map(),
      rows: [],
    };
    const where = locate(figure({ placeName: "Benito Juárez sports complex" }), gazetteer, 40);
    const a = nodeAt(root, where);
    const b = nodeAt(root, where);
    expect(a).toBe(b);
    expect(a.key).toBe("remaining/MEX/Tijuana/Benito Juárez sports complex");
    expect(nodeAt(root, {})).toBe(root);
    expect([...root.children.keys()]).toEqual(["MEX"]);
  });

  it("boundOf() reads the qualifier words as lower or upper bounds", () => {
    expect(boundOf({ extra: { value_qualifier: "More than" } })).toBe("lower");
    expect(boundOf({ extra: { value_qualifier: "at-least" } })).toBe("lower");
    expect(boundOf({ extra: { value_qualifier: "up_to" } })).toBe("upper");
    expect(boundOf({ extra: { value_qualifier: "about" } })).toBeUndefined();
    // Written as a source writes it: "fewer than 1,000", "menos de mil", "<1000".
    for (const upper of ["fewer than", "Fewer_than", "menos de", "<", "≤", "less than", "at most"])
      expect(boundOf({ extra: { value_qualifier: upper } })).toBe("upper");
    for (const lower of ["más de", "al menos", ">", "≥", "over", "at least"])
      expect(boundOf({ extra: { value_qualifier: lower } })).toBe("lower");
    expect(boundOf({})).toBeUndefined();
  });

  it("buildTree() groups figures by node and basis, spans their days and warns about invalid rows", () => {
    const tree = buildTree(
      [
        figure({ date: "2018-11-26", placeName: "Tijuana" }),
        figure({ date: "2018-11-28", placeName: "Tijuana", sourceType: "un", confidence: "high" }),
        figure({ date: "2018-11-27", placeName: "Tijuana", basis: "cumulative" }),
        figure({ date: "not a date", placeName: "Tijuana" }),
        figure({
          date: "2018-11-20",
          category: "return",
          country: "HND",
          value: 7000,
          basis: "cumulative",
        }),
      ],
      gazetteer,
      40,
    );
    expect(tree.entries.map((e) => [e.node.key, e.basis, e.figures.map((f) => f.row)])).toEqual([
      ["remaining/MEX/Tijuana", "present", [0, 1]],
      ["remaining/MEX/Tijuana", "cumulative", [2]],
      ["return/HND", "cumulative", [4]],
    ]);
    expect(tree.entries[0]!.figures[1]!.weight).toBe(1);
    expect(tree.warnings.map((w) => [w.code, w.rows])).toEqual([["invalid_row", [3]]]);
    expect(tree.warnings[0]!.message).toMatch(/stock row 3 .*not an ISO date/);
    expect([tree.firstDay, tree.lastDay]).toEqual([
      dayNumber("2018-11-20"),
      dayNumber("2018-11-28"),
    ]);
  });
});
