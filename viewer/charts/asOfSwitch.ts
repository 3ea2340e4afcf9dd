/**
 * The situation panel's switch "With hindsight" / "As known on <day>": which
 * figures the reader chose, and the library's as-of figures of each day, asked for once the day
 * has rested (debounced; one request with the worker at a time, then the latest day wanted) and
 * kept by day. A failure is not kept: it is shown for its day until the reader switches again or
 * the day changes, and the next ask tries again (the worker is restarted if it crashed). The figures themselves come from the AsOfSource of the replay shown: the forecast worker for
 * the embedded 2018 data, the analyst worker for "Your own files" (both `computeAsOfDay`, the
 * figures of `report --as-of <day>` on the same files). Another replay (new files, back to 2018)
 * starts afresh: the figures kept, the failure and an answer still on its way are of the old one.
 */
import type { AsOfDay } from "../data/asOfDay.ts";
import type { ReplayData } from "../data/replay.ts";
import type { SituationBasis } from "./situation.ts";

/**
 * Where the situation panel's "As known on <day>" figures come from: the forecast worker
 * (`ForecastProvider.situationAsOf`) for the embedded 2018 data, or the analyst worker for the
 * analyst's own files.
 */
export interface AsOfSource {
  /**
   * The dataset the source holds, set by the forecast worker only (the forecast panel runs on that
   * dataset and shows its groups as known on the day); undefined: whatever the replay shows.
   */
  readonly datasetName?: string;
  situationAsOf(date: string): Promise<AsOfDay>;
}

/** Wait this long after the day last changed before asking for its as-of figures (ms). */
export const AS_OF_DEBOUNCE_MS = 250;

export interface AsOfSwitch {
  /** The reader's choice (kept from day to day); redraws the day's panels. */
  setMode(mode: SituationBasis["mode"]): void;
  /**
   * The switch's state on `date`, with the as-of figures when they are wanted and ready; asks for
   * them when they are wanted and missing (the panels are redrawn when they arrive).
   */
  basisOn(replay: ReplayData, date: string): SituationBasis & { day?: AsOfDay };
}

/**
 * @param sourceOf the source of each replay (the provider it was loaded from, or the forecast
 *   worker), which computes the situation as known on a day of it; undefined for a replay (or
 *   absent): the as-of choice is disabled.
 * @param redraw redraws the day's panels (after a choice, or when the figures arrive).
 */
export function createAsOfSwitch(
  sourceOf: ((replay: ReplayData) => AsOfSource | undefined) | undefined,
  redraw: () => void,
): AsOfSwitch {
  let mode: SituationBasis["mode"] = "hindsight";
  const days = new Map<string, AsOfDay>();
  /** The replay whose figures `days` holds, and its source. */
  let shown: ReplayData | undefined;
  let source: AsOfSource | undefined;
  /** Bumped when the replay changes: an answer for an older one is dropped. */
  let generation = 0;
  /** The last request's failure, shown on its day only; never cached (see forget). */
  let failure: { date: string; error: string } | undefined;
  let wanted: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Whether a request is with the worker: at most one at a time, so playing builds no queue. */
  let inFlight = false;

  /** Sends the wanted day unless it is known or a request is with the worker (then sent after it). */
  function send(): void {
    const date = wanted;
    if (inFlight || date === undefined || days.has(date) || failure?.date === date) return;
    inFlight = true;
    const asked = generation;
    const done = () => {
      inFlight = false;
      if (date === wanted && asked === generation) redraw();
      else send();
    };
    source!.situationAsOf(date).then(
      (day) => {
        if (asked === generation) days.set(date, day);
        done();
      },
      (e: unknown) => {
        if (date === wanted && asked === generation)
          failure = { date, error: e instanceof Error ? e.message : String(e) };
        done();
      },
    );
  }

  /** Drops the failure shown, so that the next ask of its day (even the same day) is sent again. */
  function forget(): void {
    if (failure && wanted === failure.date) wanted = undefined;
    failure = undefined;
  }

  function request(date: string): void {
    if (date === wanted) return;
    wanted = date;
    clearTimeout(timer);
    timer = setTimeout(send, AS_OF_DEBOUNCE_MS);
  }

  /** Another replay: its own source, nothing kept of the previous one's figures. */
  function follow(replay: ReplayData): void {
    if (replay === shown) return;
    shown = replay;
    source = sourceOf?.(replay);
    days.clear();
    failure = undefined;
    wanted = undefined;
    generation++;
  }

  return {
    setMode(next) {
      mode = next;
      forget();
      redraw();
    },
    basisOn(replay, date) {
      follow(replay);
      if (!source || (source.datasetName !== undefined && source.datasetName !== replay.name))
        return { mode, status: "other-data" };
      if (mode === "hindsight") return { mode, status: "ready" };
      const day = days.get(date);
      // The forecast panel beside it runs on this replay: its groups are as known.
      const forecast = source.datasetName !== undefined ? { forecastAsOf: true } : {};
      if (day) return { mode, status: "ready", day, ...forecast };
      if (failure?.date === date) return { mode, status: "failed", error: failure.error };
      forget();
      request(date);
      return { mode, status: "computing" };
    },
  };
}
