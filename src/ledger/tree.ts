/**
 * Step 1 of the ledger: the valid stock figures, located in a place hierarchy per category
 * (category → country → area, a city or crossing → part, a shelter in the area) and grouped into
 * series (figures for one node and basis).
 */
import type { Gazetteer } from "../geo/gazetteer.ts";
import type { Place } from "../model/place.ts";
import { STOCK_CATEGORIES } from "../model/stock.ts";
import type { StockBasis, StockCategory, StockFigure } from "../model/stock.ts";
import type { Iso3 } from "../model/units.ts";
import { dayNumber } from "../calendar/index.ts";
import { qualifierBound } from "../ingest/values.ts";
import { areaOf } from "./areaOf.ts";
import { describeRow } from "./describe.ts";
import type { SeriesFigure, SeriesPoint } from "./series.ts";
import type { BadField, LedgerWarning } from "./types.ts";
import { ledgerWarning } from "./warning.ts";
import { figureWeight } from "./weights.ts";
import type { WeightOptions } from "./weights.ts";

/** Where a stock figure sits: country → area (a city or crossing) → part (a shelter in the area). */
export interface Location {
  country?: Iso3;
  area?: string;
  areaPlace?: Place;
  part?: string;
}

/** One fitted series: figures for one category, basis and location, laid on days (step 2). */
export interface Series {
  basis: StockBasis;
  points: SeriesPoint[];
  rows: number[];
}

/** A node of the place hierarchy of one category; its own series are figures naming exactly it. */
export interface LedgerNode {
  key: string;
  category: StockCategory;
  country?: Iso3;
  area?: string;
  areaPlace?: Place;
  /** The shelter (part of the area) a node below an area is of. */
  part?: string;
  own: Series[];
  children: Map<string, LedgerNode>;
  /** Every stock row at or below this node (filled by `collectRows`). */
  rows: number[];
}

/** The figures of one node and basis, before they are fitted. */
export interface SeriesEntry {
  node: LedgerNode;
  basis: StockBasis;
  figures: SeriesFigure[];
}

/** The hierarchy of every category, the figures per series and the days the figures span. */
export interface LedgerTree {
  roots: Map<StockCategory, LedgerNode>;
  entries: SeriesEntry[];
  warnings: LedgerWarning[];
  /** First and last day number of a valid figure; ±Infinity when there is none. */
  firstDay: number;
  lastDay: number;
}

const BASES: readonly StockBasis[] = ["cumulative", "present"];

/**
 * Why a figure cannot be used (empty when it can).
 * @example
 * figureProblems({ date: "2018-13-01", category: "return", value: -1, basis: "present" }).length; // => 2
 */
export function figureProblems(figure: StockFigure): string[] {
  return badFields(figure).map((field) => PROBLEM_TEXT[field](figure));
}

/** Each bad field in words (English; the codes are `invalid_row`'s `params.problems`). */
const PROBLEM_TEXT: Readonly<Record<BadField, (figure: StockFigure) => string>> = {
  date: (f) => `date "${String(f.date)}" is not an ISO date`,
  category: (f) => `category "${String(f.category)}" is not one of ${STOCK_CATEGORIES.join(", ")}`,
  basis: (f) => `basis "${String(f.basis)}" is not cumulative or present`,
  value: (f) => `value ${String(f.value)} is not a number of people ≥ 0`,
};

/**
 * The fields of a stock figure the ledger cannot use, in order: a date that is not an ISO date,
 * a category or basis not among the contract's, a value that is not a number of people ≥ 0.
 * @example
 * badFields({ date: "2018-13-01", category: "return", value: -1, basis: "present" }); // => ["date", "value"]
 */
export function badFields(figure: StockFigure): BadField[] {
  const bad: BadField[] = [];
  if (typeof figure.date !== "string" || dayNumber(figure.date) === undefined) bad.push("date");
  if (!STOCK_CATEGORIES.includes(figure.category)) bad.push("category");
  if (!BASES.includes(figure.basis)) bad.push("basis");
  if (typeof figure.value !== "number" || !Number.isFinite(figure.value) || figure.value < 0) {
    bad.push("value");
  }
  return bad;
}

/**
 * Where a figure sits in the hierarchy. A shelter folds into the city around it (`areaOf`); for a
 * return (or onward move) the country is where people went, so a place alone names no country.
 */
export function locate(figure: StockFigure, gazetteer: Gazetteer, radiusKm: number): Location {
  const country = figure.country?.trim().toUpperCase() || undefined;
  const name = figure.placeName?.trim();
  if (!name) return { country };
  const place = gazetteer.find(name, country);
  if (!place) return { country, area: name };
  const placeCountry =
    country ??
    (figure.category === "return" || figure.category === "onward" ? undefined : place.country);
  if (place.kind === "shelter") {
    const parent = areaOf(place, gazetteer.places, radiusKm);
    if (parent) {
      return { country: placeCountry, area: parent.name, areaPlace: parent, part: place.name };
    }
  }
  return { country: placeCountry, area: place.name, areaPlace: place };
}

function child(
  parent: LedgerNode,
  key: string,
  fields: Omit<LedgerNode, "key" | "own" | "children" | "rows" | "category">,
): LedgerNode {
  let node = parent.children.get(key);
  if (!node) {
    node = {
      key: parent.key + "/" + key,
      category: parent.category,
      ...fields,
      own: [],
      children: new Map(),
      rows: [],
    };
    parent.children.set(key, node);
  }
  return node;
}

/** The node for a location under a category's root, made on first use. */
export function nodeAt(root: LedgerNode, where: Location): LedgerNode {
  if (!where.country && !where.area) return root;
  let node = child(root, where.country ?? "", { country: where.country });
  if (!where.area) return node;
  node = child(node, where.area, {
    country: where.country,
    area: where.area,
    areaPlace: where.areaPlace,
  });
  return where.part
    ? child(node, where.part, { country: where.country, area: where.area, part: where.part })
    : node;
}

/**
 * Whether a figure is a bound: read from the `value_qualifier` column the importer keeps in
 * `extra`, by the importer's one list of bound words (`qualifierBound`, src/ingest/values.ts):
 * `over`, `more_than`, `at_least`, "más de", ">" → lower; `up_to`, `under`, `at_most`,
 * `less_than`, "fewer than", "menos de", "<" → upper.
 * @example
 * boundOf({ extra: { value_qualifier: "More than" } }); // => "lower"
 * boundOf({ extra: { value_qualifier: "fewer than" } }); // => "upper"
 */
export function boundOf(figure: { extra?: Record<string, string> }): "lower" | "upper" | undefined {
  const qualifier = figure.extra?.["value_qualifier"];
  return qualifier ? qualifierBound(qualifier) : undefined;
}

/**
 * Step 1: checks every stock figure (an invalid one is left out with an `invalid_row` warning),
 * locates it and groups the figures into series by node and basis.
 * @param stocks `dataset.stocks`; row numbers in the result are indexes into it.
 * @param lastDay figures dated after this day number are left out, silently (a ledger as of that
 *   day: they were not published yet); default none.
 */
export function buildTree(
  stocks: readonly StockFigure[],
  gazetteer: Gazetteer,
  radiusKm: number,
  weights: WeightOptions = {},
  lastDay: number = Infinity,
): LedgerTree {
  const roots = new Map<StockCategory, LedgerNode>();
  for (const category of STOCK_CATEGORIES) {
    roots.set(category, { key: category, category, own: [], children: new Map(), rows: [] });
  }
  const entries = new Map<string, SeriesEntry>();
  const tree: LedgerTree = {
    roots,
    entries: [],
    warnings: [],
    firstDay: Infinity,
    lastDay: -Infinity,
  };
  stocks.forEach((figure, row) => {
    const bad = badFields(figure);
    const day = bad.length === 0 ? dayNumber(figure.date) : undefined;
    if (day === undefined) {
      tree.warnings.push(
        ledgerWarning({
          code: "invalid_row",
          message: `${describeRow(figure, row)} was left out: ${figureProblems(figure).join("; ")}.`,
          params: {
            problems: bad,
            date: String(figure.date),
            category: String(figure.category),
            basis: String(figure.basis),
            value: String(figure.value),
          },
          rows: [row],
          date: figure.date,
          category: figure.category,
        }),
      );
      return;
    }
    if (day > lastDay) return;
    tree.firstDay = Math.min(tree.firstDay, day);
    tree.lastDay = Math.max(tree.lastDay, day);
    const node = nodeAt(roots.get(figure.category)!, locate(figure, gazetteer, radiusKm));
    const key = node.key + "|" + figure.basis;
    let entry = entries.get(key);
    if (!entry) {
      entry = { node, basis: figure.basis, figures: [] };
      entries.set(key, entry);
    }
    entry.figures.push({
      row,
      day,
      value: figure.value,
      weight: figureWeight(figure, weights),
      bound: boundOf(figure),
    });
  });
  tree.entries = [...entries.values()];
  return tree;
}
