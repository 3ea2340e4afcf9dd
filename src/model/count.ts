/** Border-point (flow monitoring point) counts: docs/contracts.md §1.1. */
import type { IsoDate, Iso3, People } from "./units.ts";

/** Along the corridor: towards the United States (`northbound`) or back (`southbound`). */
export type Direction = "northbound" | "southbound" | "unknown";
export const DIRECTIONS: readonly Direction[] = ["northbound", "southbound", "unknown"];

/**
 * One counting period × flow monitoring point × direction [× nationality].
 * Every count is people; `undefined` means not counted (unknown), never zero.
 */
export interface CountRecord {
  /** Day of the count, local date at the point. */
  date: IsoDate;
  fmpId?: string;
  fmpName?: string;
  country?: Iso3;
  lat?: number;
  lon?: number;
  direction: Direction;
  total?: People;
  men?: People;
  women?: People;
  boys?: People;
  girls?: People;
  /** Unaccompanied (and separated) children; ≤ boys + girls. */
  uac?: People;
  nationality?: Iso3;
  sourceOrg?: string;
  url?: string;
  notes?: string;
  /**
   * Where the row was read, `file:line` (`file#sheet:line` in a workbook), as a spreadsheet shows
   * the line: set by the importer, so that a count left out can be named (report.json
   * countsLeftOut). Not a column of counts.csv; undefined for records made in code.
   */
  origin?: string;
  /** Columns of the input that are not part of the contract, kept as they were. */
  extra?: Record<string, string>;
}
