import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "../cli/capture.ts";
import { embedded2018 } from "../../src/embedded/index.ts";
import {
  applyCorrections,
  CorrectionsError,
  needsMembership,
  parseCorrections,
  validateCorrections,
} from "../../src/evidence/corrections.ts";
import type { CorrectionsFile } from "../../src/evidence/corrections.ts";
import { estimateWithCorrections } from "../../src/evidence/estimateCorrected.ts";
import type { Dataset } from "../../src/model/dataset.ts";
import { correctionProblemText } from "../../src/evidence/correctionProblemText.ts";

let dataset: Dataset;
beforeAll(() => {
  dataset = embedded2018();
});
const file = (...corrections: unknown[]) => ({ version: 1, corrections }) as CorrectionsFile;

describe("validateCorrections", () => {
  it("accepts every kind with note, author and time", () => {
    const { file: ok, problems } = validateCorrections({
      version: 1,
      corrections: [
        {
          kind: "reassign",
          sightingId: "S001",
          group: "B",
          note: "n",
          author: "a",
          at: "2018-11-11T10:00",
        },
        { kind: "reject", sightingId: "S002" },
        { kind: "accept", sightingId: "S003" },
        { kind: "split", group: "A", date: "2018-11-01", newGroup: "A2" },
        { kind: "merge", group: "A2", into: "B" },
        { kind: "destination", group: "B", place: "Tijuana", routeId: "main" },
      ],
    });
    expect(problems).toEqual([]);
    expect(ok?.corrections).toHaveLength(6);
  });

  it("names every problem with its JSON pointer and a sentence", () => {
    const { file: bad, problems } = validateCorrections({
      version: 2,
      extra: true,
      corrections: [
        { kind: "reject" },
        { kind: "teleport" },
        { kind: "split", group: "A", date: "11 Nov", newGroup: "" },
        { kind: "merge", group: "A", into: "A", colour: "red" },
        { kind: "destination", group: "A" },
        "reject S1",
      ],
    });
    expect(bad).toBeUndefined();
    const pointers = problems.map((p) => p.pointer);
    expect(pointers).toEqual([
      "/extra",
      "/version",
      "/corrections/0/sightingId",
      "/corrections/1/kind",
      "/corrections/2/newGroup",
      "/corrections/2/date",
      "/corrections/3/colour",
      "/corrections/3/into",
      "/corrections/4",
      "/corrections/5",
    ]);
    for (const p of problems) expect(p.message).toMatch(/\.$/);
  });

  it("parseCorrections throws a CorrectionsError for text that is not JSON", () => {
    expect(() => parseCorrections("{version: 1")).toThrow(CorrectionsError);
    expect(parseCorrections('\uFEFF{"version":1,"corrections":[]}').corrections).toEqual([]);
  });

  it("only text that reads as a table is called a CSV table", () => {
    const tableOf = (text: string) => {
      try {
        parseCorrections(text);
      } catch (error) {
        return (error as CorrectionsError).problems[0]!.params;
      }
      throw new Error("parsed");
    };
    // Header words, or a header of anything followed by a row with as many separators.
    expect(tableOf("sightingId,group\nS1,A\n")).toMatchObject({ table: true });
    expect(tableOf("Fecha de registro;Grupo;#affected+ind\n")).toMatchObject({ table: true });
    expect(tableOf("id:x,grupo (2018)?\n1,2\n")).toMatchObject({ table: true });
    // A comma alone is not a table.
    expect(tableOf("version: 1, corrections: []")).toMatchObject({ table: false });
    expect(tableOf("// note, corrections of 5 Nov\n{}")).toMatchObject({ table: false });
    expect(tableOf("version: 1, corrections: []\nkind: reject")).toMatchObject({ table: false });
  });

  it("a parse error is placed at its line and column, in English and Spanish", () => {
    const problemOf = (text: string) => {
      try {
        parseCorrections(text);
      } catch (error) {
        return (error as CorrectionsError).problems[0]!;
      }
      throw new Error("parsed");
    };
    const one = problemOf("{bad");
    expect(one.params).toMatchObject({ line: 1, column: 2 });
    expect(correctionProblemText("es", one)).toBe(
      "no es JSON válido cerca de la línea 1, columna 2; revise sus corchetes, comas y comillas.",
    );
    expect(correctionProblemText("en", one)).toMatch(/, near line 1, column 2\)\.$/);
    expect(correctionProblemText("en", one)).not.toMatch(/position/);
    // The third line's fault, after a BOM: lines counted in the text as written.
    const three = problemOf('\uFEFF{\n  "version": 1,\n  "corrections": [1 2]\n}');
    expect(three.params).toMatchObject({ line: 3, column: 21 });
    // A text cut short is placed at its end.
    expect(problemOf('{"version": 1,\n').params).toMatchObject({ line: 2, column: 1 });
  });
});

describe("applyCorrections", () => {
  it("reassigns, rejects, accepts, splits and merges without changing the input", () => {
    const before = JSON.stringify(dataset);
    const out = applyCorrections(
      dataset,
      file(
        { kind: "reassign", sightingId: "S001", group: "Honduran caravan 2" },
        { kind: "reject", sightingId: "S002" },
        { kind: "accept", sightingId: "S003" },
        { kind: "split", group: "Honduran caravan 1", date: "2018-11-05", newGroup: "Vanguard" },
        { kind: "merge", group: "LGBT group", into: "Honduran caravan 2" },
        { kind: "destination", group: "Vanguard", place: "Mexicali" },
      ),
    );
    expect(JSON.stringify(dataset)).toBe(before);
    const byId = new Map(out.dataset.sightings.map((s) => [s.id, s]));
    expect(byId.get("S001")?.caravanLabel).toBe("Honduran caravan 2");
    expect(byId.has("S002")).toBe(false);
    expect(out.rejected).toEqual(["S002"]);
    expect(byId.get("S003")?.confidence).toBe("high");
    expect(out.accepted).toEqual(["S003"]);
    const labels = new Set(out.dataset.sightings.map((s) => s.caravanLabel));
    expect(labels.has("LGBT group")).toBe(false);
    expect(labels.has("Vanguard")).toBe(true);
    for (const s of out.dataset.sightings) {
      if (s.caravanLabel === "Vanguard") expect(s.observedAt >= "2018-11-05").toBe(true);
      if (s.caravanLabel === "Honduran caravan 1") expect(s.observedAt < "2018-11-05").toBe(true);
    }
    expect(out.destinations).toEqual([{ group: "Vanguard", place: "Mexicali" }]);
    expect(out.applied.map((a) => a.kind)).toEqual([
      "reassign",
      "reject",
      "accept",
      "split",
      "merge",
      "destination",
    ]);
  });

  it("rejects corrections that do not fit the data, with pointers", () => {
    try {
      applyCorrections(
        dataset,
        file(
          { kind: "reject", sightingId: "nope" },
          { kind: "merge", group: "Ghost", into: "Honduran caravan 1" },
          { kind: "destination", group: "Honduran caravan 1", place: "Atlantis" },
          {
            kind: "split",
            group: "Honduran caravan 1",
            date: "2018-10-20",
            newGroup: "LGBT group",
          },
        ),
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CorrectionsError);
      expect((error as CorrectionsError).problems.map((p) => p.pointer)).toEqual([
        "/corrections/0/sightingId",
        "/corrections/1/group",
        "/corrections/2/place",
        "/corrections/3/newGroup",
      ]);
    }
  });

  it("names estimator-made groups through the uncorrected estimate's membership", () => {
    const unlabelled: Dataset = {
      ...dataset,
      sightings: dataset.sightings.map((s) =>
        s.caravanLabel === "LGBT group" ? { ...s, caravanLabel: undefined } : s,
      ),
    };
    const f = file({ kind: "merge", group: "unlabelled-1", into: "Honduran caravan 2" });
    expect(needsMembership(unlabelled, f)).toBe(true);
    expect(() => applyCorrections(unlabelled, f)).toThrow(/no group is called "unlabelled-1"/);
    const ids = dataset.sightings.filter((s) => s.caravanLabel === "LGBT group").map((s) => s.id!);
    const membership = new Map(ids.map((id) => [id, "unlabelled-1"]));
    const out = applyCorrections(unlabelled, f, { membership });
    for (const id of ids) {
      expect(out.dataset.sightings.find((s) => s.id === id)?.caravanLabel).toBe(
        "Honduran caravan 2",
      );
    }
  });

  it("a rejected report is no longer associated to any group", () => {
    const corrected = estimateWithCorrections(
      dataset,
      file({ kind: "reject", sightingId: "S010" }),
    );
    expect(corrected.estimate.report.associations.some((a) => a.sightingId === "S010")).toBe(false);
  });
});

describe("accept", () => {
  it("an accepted report is never read as an outlier (posterior 0), in the estimate itself", () => {
    const base = estimateWithCorrections(dataset, file());
    const doubted = base.estimate.report.associations
      .filter((a) => (a.outlierProb ?? 0) > 0.01)
      .sort((a, b) => (b.outlierProb ?? 0) - (a.outlierProb ?? 0))[0]!;
    expect(doubted).toBeDefined();
    const kept = estimateWithCorrections(
      dataset,
      file({ kind: "accept", sightingId: doubted.sightingId }),
    );
    expect(kept.estimateOptions.keep).toEqual([doubted.sightingId]);
    const a = kept.estimate.report.associations.find((x) => x.sightingId === doubted.sightingId);
    expect(a?.outlierProb).toBe(0);
  });
});

describe("destination", () => {
  it("ends the group's track at the place an analyst set, on the route that leads there", () => {
    const group = "Honduran caravan 1";
    const base = estimateWithCorrections(dataset, file());
    const baseEnd = base.estimate.report.trackEnds.find((e) => e.group === group)!;
    const corrected = estimateWithCorrections(
      dataset,
      file({ kind: "destination", group, place: "Mexico City" }),
    );
    expect(corrected.estimateOptions.destinations).toEqual([{ group, place: "Mexico City" }]);
    const end = corrected.estimate.report.trackEnds.find((e) => e.group === group)!;
    expect(end.reason).toBe("destination");
    expect(end.detail).toMatch(/Mexico City/);
    // The track stops at Mexico City instead of running on to the border cities.
    expect(end.lastDate < baseEnd.lastDate).toBe(true);
    const last = corrected.estimate.tracks.filter((t) => t.group === group).at(-1)!;
    const lastBase = base.estimate.tracks.filter((t) => t.group === group).at(-1)!;
    expect(last.km).toBeLessThan(lastBase.km);
  });
});

describe("dtm-flow estimate --corrections", () => {
  it("applies the file, lists it in report.json and changes the tracks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corrections-"));
    const target = dataset.sightings.find(
      (s) => s.caravanLabel === "Honduran caravan 1" && s.observedAt >= "2018-11-05",
    )!;
    writeFileSync(
      join(dir, "corrections.json"),
      JSON.stringify(
        file({
          kind: "split",
          group: "Honduran caravan 1",
          date: target.observedAt.slice(0, 10),
          newGroup: "Vanguard",
          note: "<b>fast group</b>",
        }),
      ),
    );
    const io = capture(dir);
    expect(
      await run(["estimate", "--corrections", "corrections.json", "--out", "out"], io.context),
    ).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8"));
    expect(report.corrections.applied).toHaveLength(1);
    expect(report.groups.map((g: { group: string }) => g.group)).toContain("Vanguard");
    const csv = readFileSync(join(dir, "out", "tracks.csv"), "utf8");
    expect(csv).toMatch(/\r\nVanguard,/);
  });

  it("the example of docs/cli.md (data/corrections/example-2018.json) applies both corrections", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corrections-example-"));
    const example = resolve("data/corrections/example-2018.json");
    const io = capture(dir);
    expect(await run(["estimate", "--corrections", example, "--out", "out"], io.context)).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8"));
    expect(report.corrections.applied.map((a: { kind: string }) => a.kind)).toEqual([
      "reject",
      "destination",
    ]);
    expect(report.corrections.rejected).toEqual(["S050"]);
    expect(report.corrections.destinations).toEqual([
      { group: "Honduran caravan 2", place: "Tijuana" },
    ]);
  });

  it("a bad file exits 2 with one sentence naming the file and the JSON pointer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corrections-bad-"));
    writeFileSync(
      join(dir, "fix.json"),
      JSON.stringify(file({ kind: "reject", sightingId: "S999" })),
    );
    const io = capture(dir);
    expect(await run(["estimate", "--corrections", "fix.json", "--out", "out"], io.context)).toBe(
      2,
    );
    const last = io.err[io.err.length - 1];
    expect(last).toBe(
      'dtm-flow estimate: fix.json at /corrections/0/sightingId: no sighting has the id "S999".',
    );
    writeFileSync(join(dir, "shape.json"), '{"version":1,"corrections":[{"kind":"merge"}]}');
    const io2 = capture(dir);
    expect(await run(["estimate", "--corrections", "shape.json", "--out", "o2"], io2.context)).toBe(
      2,
    );
    expect(io2.err.join("\n")).toMatch(
      /shape\.json at \/corrections\/0\/group: .*\. shape\.json at \/corrections\/0\/into: .*\.$/,
    );
  });
});

describe("correctionProblemText", () => {
  it("says a correction that does not fit the data in Spanish from its code, English unchanged", () => {
    const problem = {
      pointer: "/corrections/0/sightingId",
      code: "no_sighting",
      params: { id: "S999" },
      message: 'no sighting has the id "S999".',
    };
    expect(correctionProblemText("es", problem)).toBe('ningún avistamiento tiene el id "S999".');
    expect(correctionProblemText("en", problem)).toBe(problem.message);
    // A problem of the file's shape has no code: its English message as it is.
    expect(correctionProblemText("es", { message: "corrections must be a list." })).toBe(
      "corrections must be a list.",
    );
  });
});
