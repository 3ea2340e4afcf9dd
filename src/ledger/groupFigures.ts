/**
 * People present at places whom the sources attribute to a tracked group. A stock figure of people
 * remaining that names a group (`caravanLabel`, e.g. "3,224 in Mexicali, first Honduran caravan")
 * counts that group's people arriving: they move from in transit to present at the place
 * (`groupsOnRoad`, src/state/onRoad.ts), they are not more people who left. Only what such figures
 * show beyond the group's estimated size raises the people who left: over-counts or people the
 * tracks missed ({@link BEYOND_GROUP_MEANING}), counted once, at their places, with a
 * `figures_exceed_group` warning naming the figures.
 */
import type { StockFigure } from "../model/stock.ts";
import { isoDate } from "../calendar/index.ts";
import type { IsoDate, People } from "../model/units.ts";
import type { GroupOnRoad } from "../state/onRoad.ts";
import { formatPeople, rowList } from "./describe.ts";
import type { SeriesEntry } from "./tree.ts";
import type { LedgerWarning } from "./types.ts";
import { ledgerWarning } from "./warning.ts";

/**
 * What people counted at places beyond their group's estimated size are, in every text that names
 * them (warning, headline, docs): the figures cannot tell an over-count (one person counted twice,
 * a count its own source calls higher than others) from people the tracks missed.
 */
export const BEYOND_GROUP_MEANING =
  "over-counts or people the tracks missed (the figures cannot tell which)";

/** The figures of people remaining at one area (a city with its shelters): row, day, group. */
interface AreaFigure {
  row: number;
  day: number;
  group?: string;
}

/** The group of the people remaining at an area on a day, and the figures that say so. */
export interface AreaGroups {
  /** The group the latest figures at the area on or before `day` name; undefined when none. */
  groupOf(placeName: string, day: number): string | undefined;
  /** The stock rows of those latest figures (0-based indexes into `dataset.stocks`). */
  rowsOf(placeName: string, day: number): number[];
  /**
   * The days of the figures the area's value on `day` is read from: the latest on or before it
   * (`countedOn`, the day of `rowsOf`) and the first after it (`nextCountOn`, when there is one),
   * as ISO dates, with the stock rows of that next figure (`nextRows`); undefined when no figure
   * is on or before `day`.
   */
  countDaysOf(
    placeName: string,
    day: number,
  ): { countedOn: IsoDate; nextCountOn?: IsoDate; nextRows?: number[] } | undefined;
}

/**
 * Which group the people remaining at each area belong to on a day, by the figures: the group the
 * latest figures at the area (on or before the day, the area's own or its shelters') name. When
 * those figures name no group, or more than one, the area is nobody's in particular. The value
 * between two figures is read from both, so the attribution follows the latest figure known.
 * @param entries the ledger tree's series entries (`buildTree`); only `remaining` ones are read.
 * @param stocks the dataset's stock figures (`entries` index into them).
 * @example
 * const areas = areaGroups(tree.entries, dataset.stocks);
 * areas.groupOf("Mexicali", dayNumber("2018-11-20")!); // => "Honduran caravan 1" (19 Nov's figure)
 */
export function areaGroups(
  entries: readonly SeriesEntry[],
  stocks: readonly StockFigure[],
): AreaGroups {
  const byArea = new Map<string, AreaFigure[]>();
  for (const entry of entries) {
    const area = entry.node.area;
    if (entry.node.category !== "remaining" || entry.basis !== "present" || area === undefined)
      continue;
    const list = byArea.get(area) ?? [];
    for (const f of entry.figures) {
      const label = stocks[f.row]?.caravanLabel?.trim();
      list.push({ row: f.row, day: f.day, ...(label ? { group: label } : {}) });
    }
    byArea.set(area, list);
  }
  const latest = (placeName: string, day: number): AreaFigure[] => {
    const list = byArea.get(placeName) ?? [];
    let last = -Infinity;
    for (const f of list) if (f.day <= day && f.day > last) last = f.day;
    return list.filter((f) => f.day === last);
  };
  return {
    groupOf(placeName, day) {
      const named = new Set(latest(placeName, day).flatMap((f) => (f.group ? [f.group] : [])));
      return named.size === 1 ? [...named][0] : undefined;
    },
    rowsOf: (placeName, day) => latest(placeName, day).map((f) => f.row),
    countDaysOf(placeName, day) {
      const last = latest(placeName, day)[0]?.day;
      if (last === undefined) return undefined;
      let next = Infinity;
      const all = byArea.get(placeName) ?? [];
      for (const f of all) if (f.day > day && f.day < next) next = f.day;
      if (!Number.isFinite(next)) return { countedOn: isoDate(last) };
      const nextRows = all.filter((f) => f.day === next).map((f) => f.row);
      return { countedOn: isoDate(last), nextCountOn: isoDate(next), nextRows };
    },
  };
}

/** One group's figures beyond its size on one day (what a warning and the report name). */
export interface BeyondGroup {
  date: IsoDate;
  group: string;
  /** People at places attributed to the group (people). */
  attributed: People;
  /** The group's estimated size and 90 % interval that day (people). */
  size: People;
  sizeLow: People;
  sizeHigh: People;
  /** People beyond the group's size: `attributed − size` (people, > 0). */
  beyond: People;
  /**
   * The places, their people on `date` (the ledger's value there: a count of the day, or a value
   * between two counts or held after one) and the stock rows that attribute them (0-based: the
   * figures of `countedOn`, the latest on or before `date`); `nextCountOn` the day of the place's
   * next figure, when there is one. What a text quotes with a source is the source's figure with
   * its date, or the ledger's value labelled as such (`beyondFiguresText`).
   */
  places: readonly BeyondGroupPlace[];
}

/**
 * People of a silent group taken in by the count at `place` on `date` (src/state/takenIn.ts): of
 * the people the figures count there beyond a tracked group, these are that silent group's, so
 * they are taken off the people beyond the groups (whole people).
 */
export interface BeyondGroupTakenIn {
  date: IsoDate;
  group: string;
  place: string;
  people: People;
}

/** One place of a {@link BeyondGroup}. */
export interface BeyondGroupPlace {
  placeName: string;
  /** The ledger's people at the place on the group's `date` (whole people). */
  value: People;
  rows: readonly number[];
  /** Day of the figures `rows` are (ISO date); absent when the caller gave no count days. */
  countedOn?: IsoDate;
  /** Day of the place's next figure after `date` (ISO date), when there is one. */
  nextCountOn?: IsoDate;
  /** The stock rows of the figures of `nextCountOn` (0-based), when there is one. */
  nextRows?: readonly number[];
}

/**
 * Warns, once per episode and group (the first day of a run of days on which the figures exceed
 * the group), that people the sources attribute to a group exceed its estimated size, naming the
 * places, the stock rows and what the ledger does with them.
 */
export class BeyondGroupWarnings {
  private readonly open = new Set<string>();
  private readonly warnings: LedgerWarning[];
  private readonly areas: Pick<AreaGroups, "rowsOf" | "countDaysOf">;

  /** @param areas the stock rows (and their days) that attribute the people at a place to a group on a day. */
  constructor(warnings: LedgerWarning[], areas: Pick<AreaGroups, "rowsOf" | "countDaysOf">) {
    this.warnings = warnings;
    this.areas = areas;
  }

  /**
   * The day's groups beyond their size (whole people), warning on the first day of each episode.
   * @param areas the day's remaining areas in the order `groups[].area` indexes.
   */
  day(
    day: number,
    date: IsoDate,
    groups: readonly GroupOnRoad[],
    areas: readonly { placeName?: string; value: number; group?: string }[],
  ): BeyondGroup[] {
    const out: BeyondGroup[] = [];
    const today = new Set<string>();
    for (const g of groups) {
      const beyond = Math.round(g.beyond);
      if (beyond <= 0) continue;
      const group = g.point.group;
      const places = areas
        .filter((a) => a.group === group && a.placeName !== undefined)
        .map((a): BeyondGroupPlace => ({
          placeName: a.placeName!,
          value: Math.round(a.value),
          rows: this.areas.rowsOf(a.placeName!, day),
          ...this.areas.countDaysOf(a.placeName!, day),
        }));
      const found: BeyondGroup = {
        date,
        group,
        attributed: places.reduce((s, p) => s + p.value, 0),
        size: Math.round(g.point.size),
        sizeLow: Math.round(g.point.sizeLow),
        sizeHigh: Math.round(g.point.sizeHigh),
        beyond,
        places,
      };
      out.push(found);
      today.add(group);
      if (!this.open.has(group)) this.warn(found);
    }
    this.open.clear();
    for (const g of today) this.open.add(g);
    return out;
  }

  private warn(b: BeyondGroup): void {
    const rows = [...new Set(b.places.flatMap((p) => p.rows))].sort((x, y) => x - y);
    const interval = Number.isFinite(b.sizeLow)
      ? ` (${formatPeople(b.sizeLow)}–${formatPeople(b.sizeHigh)})`
      : "";
    this.warnings.push(
      ledgerWarning({
        code: "figures_exceed_group",
        message:
          `On ${b.date} the sources count ${formatPeople(b.attributed)} people of ${b.group} at places ` +
          `(${b.places.map((p) => `${p.placeName} ${formatPeople(p.value)}`).join(", ")}; stock rows ${rowList(rows)}), ` +
          `${formatPeople(b.beyond)} more than its estimated size of ${formatPeople(b.size)}${interval}` +
          (!Number.isFinite(b.sizeHigh)
            ? ". "
            : b.attributed > b.sizeHigh
              ? `, ${formatPeople(b.attributed - b.sizeHigh)} above its 90 % interval. `
              : `, within its 90 % interval. `) +
          `The ledger counts the group's people once, at those places, and the ${formatPeople(b.beyond)} beyond it as ${BEYOND_GROUP_MEANING}: they raise the people who left.`,
        params: {
          date: b.date,
          group: b.group,
          attributed: b.attributed,
          size: b.size,
          sizeLow: b.sizeLow,
          sizeHigh: b.sizeHigh,
          beyond: b.beyond,
          places: b.places.map((p) => p.placeName),
          values: b.places.map((p) => p.value),
        },
        rows,
        date: b.date,
        category: "remaining",
      }),
    );
  }
}

/**
 * People beyond the tracked groups that the people who left still hold on a day (what
 * `departed.csv`'s `beyond_groups` says). The people who left never fall, so people once counted
 * beyond a group stay in that total after their group's track ends or a later figure explains
 * them differently: the value only changes on a day the total rises (then it is the larger of the
 * day's people beyond groups and the value carried), and it never exceeds the part of the total
 * that rests on stock figures (`value − fromTracks`).
 * @param previous the previous day's departed value and carried people beyond groups; undefined on the first day.
 * @param today the day's departed value and `fromTracks` (people).
 * @param todaysBeyond people at places beyond their groups' sizes on the day (people, ≥ 0).
 * @example
 * carriedBeyondGroups({ value: 29915, beyondGroups: 3805 }, { value: 29915, fromTracks: 16000 }, 0); // => 3805
 */
export function carriedBeyondGroups(
  previous: { value: People; beyondGroups: People } | undefined,
  today: { value: People; fromTracks: People },
  todaysBeyond: People,
): People {
  const rose = previous === undefined || today.value > previous.value;
  const carried = previous?.beyondGroups ?? 0;
  const held = rose ? Math.max(carried, todaysBeyond) : carried;
  return Math.min(Math.max(0, today.value - today.fromTracks), held);
}
