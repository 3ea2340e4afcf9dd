import { afterEach, describe, expect, it, vi } from "vitest";
import { AS_OF_DEBOUNCE_MS, createAsOfSwitch } from "../../viewer/charts/asOfSwitch.ts";
import { situationPanel } from "../../viewer/charts/situation.ts";
import type { AsOfDay } from "../../viewer/data/asOfDay.ts";
import type { ReplayData } from "../../viewer/data/replay.ts";
import { toSvgString } from "../../viewer/render/vnode.ts";

const replay = { name: "data A" } as ReplayData;
const asOfDay = (date: string): AsOfDay => ({
  date,
  situation: {
    date,
    headlines: [{ category: "departed", value: 29851, valueLow: 26322, valueHigh: 37902 }],
    places: [],
  },
  ledgerWarnings: [],
  warningRows: {},
});

describe("the situation panel's switch: with hindsight / as known on the day (tryout22 item 7)", () => {
  afterEach(() => vi.useRealTimers());

  it("asks once per rested day (debounced, latest wins), keeps the answers by day, redraws when they come", async () => {
    vi.useFakeTimers();
    const asked: string[] = [];
    const source = {
      datasetName: "data A",
      situationAsOf: async (date: string) => (asked.push(date), asOfDay(date)),
    };
    const redraw = vi.fn();
    const s = createAsOfSwitch(() => source, redraw);
    expect(s.basisOn(replay, "2018-12-03")).toEqual({ mode: "hindsight", status: "ready" });
    s.setMode("as-of");
    expect(redraw).toHaveBeenCalledTimes(1);
    expect(s.basisOn(replay, "2018-12-02").status).toBe("computing");
    expect(s.basisOn(replay, "2018-12-03").status).toBe("computing");
    await vi.advanceTimersByTimeAsync(AS_OF_DEBOUNCE_MS + 1);
    expect(asked).toEqual(["2018-12-03"]);
    expect(redraw).toHaveBeenCalledTimes(2);
    const ready = s.basisOn(replay, "2018-12-03");
    expect(ready.status).toBe("ready");
    expect(ready.day?.situation?.headlines[0]?.value).toBe(29851);
    await vi.advanceTimersByTimeAsync(AS_OF_DEBOUNCE_MS + 1);
    expect(asked).toEqual(["2018-12-03"]);
  });

  it("is disabled for another dataset than the worker holds, and says a failure", async () => {
    vi.useFakeTimers();
    const other = createAsOfSwitch(
      () => ({ datasetName: "data B", situationAsOf: vi.fn() }),
      () => {},
    );
    other.setMode("as-of");
    expect(other.basisOn(replay, "2018-12-03").status).toBe("other-data");
    const failing = createAsOfSwitch(
      () => ({ situationAsOf: () => Promise.reject(new Error("no data on that day")) }),
      () => {},
    );
    failing.setMode("as-of");
    failing.basisOn(replay, "2018-12-03");
    await vi.advanceTimersByTimeAsync(AS_OF_DEBOUNCE_MS + 1);
    expect(failing.basisOn(replay, "2018-12-03")).toEqual({
      mode: "as-of",
      status: "failed",
      error: "no data on that day",
    });
  });

  it("keeps no failure: retries when the reader switches again, changes the day or comes back to it (review22b L2)", async () => {
    vi.useFakeTimers();
    const asked: string[] = [];
    let fail = true;
    const redraw = vi.fn();
    const s = createAsOfSwitch(
      () => ({
        situationAsOf: async (date: string) => {
          asked.push(date);
          if (fail) throw new Error("the forecast worker failed");
          return asOfDay(date);
        },
      }),
      redraw,
    );
    const settle = () => vi.advanceTimersByTimeAsync(AS_OF_DEBOUNCE_MS + 1);
    s.setMode("as-of");
    s.basisOn(replay, "2018-12-03");
    await settle();
    // The failure is shown on its day, and redraws of that day do not ask again.
    expect(s.basisOn(replay, "2018-12-03").status).toBe("failed");
    expect(s.basisOn(replay, "2018-12-03").status).toBe("failed");
    await settle();
    expect(asked).toEqual(["2018-12-03"]);
    // Switching again asks again for the same day.
    s.setMode("hindsight");
    s.setMode("as-of");
    expect(s.basisOn(replay, "2018-12-03").status).toBe("computing");
    await settle();
    expect(asked).toEqual(["2018-12-03", "2018-12-03"]);
    expect(s.basisOn(replay, "2018-12-03").status).toBe("failed");
    // Another day asks for that day; coming back asks again, and a success is kept.
    s.basisOn(replay, "2018-12-04");
    await settle();
    expect(s.basisOn(replay, "2018-12-04").status).toBe("failed");
    fail = false;
    expect(s.basisOn(replay, "2018-12-03").status).toBe("computing");
    await settle();
    expect(asked).toEqual(["2018-12-03", "2018-12-03", "2018-12-04", "2018-12-03"]);
    expect(s.basisOn(replay, "2018-12-03").status).toBe("ready");
  });

  it("says a failure and how to try again, in en and es", () => {
    const basis = { mode: "as-of", status: "failed", error: "the forecast worker failed" } as const;
    const en = toSvgString(
      situationPanel(undefined, "2018-12-03", "en", { warnings: [], rows: {}, basis }),
    );
    expect(en).toContain(
      "The figures as known on the day could not be computed: the forecast worker failed Switch again or change the day to try again.",
    );
    const es = toSvgString(
      situationPanel(undefined, "2018-12-03", "es", { warnings: [], rows: {}, basis }),
    );
    expect(es).toContain("Vuelva a elegir o cambie de día para intentarlo de nuevo.");
  });

  it("shows no figures while computing, the as-of figures and label when ready, in en and es", () => {
    const computing = toSvgString(
      situationPanel(undefined, "2018-12-03", "en", {
        warnings: [],
        rows: {},
        basis: { mode: "as-of", status: "computing" },
      }),
    );
    expect(computing).toContain('data-basis="as-of"');
    expect(computing).toContain("computing the figures as known on the day");
    expect(computing).not.toContain("data-category");
    const day = asOfDay("2018-12-03").situation!;
    const es = toSvgString(
      situationPanel(day, "2018-12-03", "es", {
        warnings: [],
        rows: {},
        basis: { mode: "as-of", status: "ready" },
      }),
    );
    expect(es).toContain("Como se sabía el 3 dic 2018");
    expect(es).toContain("Personas que salieron: 29,851 (26,322–37,902)");
    expect(es).toContain('data-basis="as-of"');
  });
});

describe("the as-of switch while the days go by", () => {
  afterEach(() => vi.useRealTimers());

  it("keeps one request with the worker at a time, then asks for the latest day wanted", async () => {
    vi.useFakeTimers();
    const asked: string[] = [];
    const answers: (() => void)[] = [];
    const source = {
      situationAsOf: (date: string) =>
        new Promise<AsOfDay>((resolve) => {
          asked.push(date);
          answers.push(() => resolve(asOfDay(date)));
        }),
    };
    const s = createAsOfSwitch(
      () => source,
      () => {},
    );
    s.setMode("as-of");
    s.basisOn(replay, "2018-11-01");
    await vi.advanceTimersByTimeAsync(AS_OF_DEBOUNCE_MS + 1);
    for (const d of ["2018-11-02", "2018-11-03", "2018-11-04"]) {
      s.basisOn(replay, d);
      await vi.advanceTimersByTimeAsync(AS_OF_DEBOUNCE_MS + 1);
    }
    expect(asked).toEqual(["2018-11-01"]);
    answers[0]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual(["2018-11-01", "2018-11-04"]);
    answers[1]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.basisOn(replay, "2018-11-04").status).toBe("ready");
    expect(s.basisOn(replay, "2018-11-01").status).toBe("ready");
  });

  it("follows the replay shown: another replay asks its own source, and an answer for the old one is dropped", async () => {
    vi.useFakeTimers();
    const answers: (() => void)[] = [];
    const sourceA = {
      situationAsOf: (date: string) =>
        new Promise<AsOfDay>((resolve) => answers.push(() => resolve(asOfDay(date)))),
    };
    const askedB: string[] = [];
    const sourceB = {
      situationAsOf: async (date: string) => (askedB.push(date), asOfDay(date)),
    };
    const replayB = { name: "my files" } as ReplayData;
    const redraw = vi.fn();
    const s = createAsOfSwitch((r) => (r === replayB ? sourceB : sourceA), redraw);
    s.setMode("as-of");
    expect(s.basisOn(replay, "2018-11-06").status).toBe("computing");
    await vi.advanceTimersByTimeAsync(AS_OF_DEBOUNCE_MS + 1);
    // The files are loaded while data A's figures are still being computed.
    expect(s.basisOn(replayB, "2018-11-06").status).toBe("computing");
    answers[0]!();
    await vi.advanceTimersByTimeAsync(AS_OF_DEBOUNCE_MS + 1);
    expect(askedB).toEqual(["2018-11-06"]);
    expect(s.basisOn(replayB, "2018-11-06").status).toBe("ready");
    // Back to data A: nothing kept of its earlier answer, it is asked again.
    expect(s.basisOn(replay, "2018-11-06").status).toBe("computing");
  });

  it("drops the old replay's late failure: the new replay on the same day is asked and shown (review23a M2)", async () => {
    vi.useFakeTimers();
    const failures: (() => void)[] = [];
    // The worker answers a request of the replay being replaced with "the files changed".
    const sourceA = {
      situationAsOf: () =>
        new Promise<AsOfDay>((_, reject) =>
          failures.push(() =>
            reject(new Error("the files changed since this replay was computed")),
          ),
        ),
    };
    const askedB: string[] = [];
    const sourceB = {
      situationAsOf: async (date: string) => (askedB.push(date), asOfDay(date)),
    };
    const replayB = { name: "my files" } as ReplayData;
    const s = createAsOfSwitch(
      (r) => (r === replayB ? sourceB : sourceA),
      () => {},
    );
    s.setMode("as-of");
    s.basisOn(replay, "2018-11-06");
    await vi.advanceTimersByTimeAsync(AS_OF_DEBOUNCE_MS + 1);
    // Replay B is shown on the same day; its request waits for A's to come back.
    expect(s.basisOn(replayB, "2018-11-06").status).toBe("computing");
    await vi.advanceTimersByTimeAsync(AS_OF_DEBOUNCE_MS + 1);
    expect(askedB).toEqual([]);
    failures[0]!();
    await vi.advanceTimersByTimeAsync(0);
    // A's failure is not B's: B is asked, never "failed".
    expect(askedB).toEqual(["2018-11-06"]);
    const shown = s.basisOn(replayB, "2018-11-06");
    expect(shown.status).toBe("ready");
    expect(shown.day?.date).toBe("2018-11-06");
  });
});

describe("what the as-of switch says stays with hindsight (review23a L3)", () => {
  afterEach(() => vi.useRealTimers());

  it("names the forecast panel only when it runs on the replay shown (the forecast worker's dataset)", async () => {
    vi.useFakeTimers();
    const said = async (source: { datasetName?: string }) => {
      const s = createAsOfSwitch(
        () => ({ ...source, situationAsOf: async (d) => asOfDay(d) }),
        () => {},
      );
      s.setMode("as-of");
      s.basisOn(replay, "2018-11-06");
      await vi.advanceTimersByTimeAsync(AS_OF_DEBOUNCE_MS + 1);
      const { day, ...basis } = s.basisOn(replay, "2018-11-06");
      expect(basis.status).toBe("ready");
      return toSvgString(
        situationPanel(day?.situation, "2018-11-06", "en", { warnings: [], rows: {}, basis }),
      );
    };
    // The embedded 2018 data: the forecast worker holds it, the forecast panel runs on it.
    expect(await said({ datasetName: "data A" })).toContain(
      "The forecast panel shows the groups as known on the day.",
    );
    // Your own files (the analyst worker's figures): the forecast panel runs on 2018, not on them.
    const own = await said({});
    expect(own).toContain("the time–distance chart stay with hindsight and say so.");
    expect(own).not.toContain("forecast panel");
  });
});
