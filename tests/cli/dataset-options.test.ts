import { describe, expect, it } from "vitest";
import {
  DATASET_FLAGS,
  asOfOption,
  datasetChoice,
  datasetOptionsHelp,
  exitStatus,
  optionLine,
  parseAsOfCommand,
  userInputStep,
  wholeOption,
} from "../../cli/dataset-options.ts";
import { UserError } from "../../cli/errors.ts";
import type { LoadedDataset } from "../../cli/read-input.ts";

describe("cli/dataset-options", () => {
  it("optionLine starts every description in column 23", () => {
    expect(optionLine("--out <dir>", "folder")).toBe("  --out <dir>         folder");
    expect(optionLine("--sightings <file>", "x").indexOf("x")).toBe(22);
  });

  it("datasetOptionsHelp lists sightings, counts, stocks, route, places, tz in that order with their words", () => {
    const help = datasetOptionsHelp({
      sightings: "s",
      counts: "c",
      stocks: "k",
      route: "r",
      places: "p",
      tz: "z",
    });
    expect(help.split("\n")).toEqual([
      "  --sightings <file>  s",
      "  --counts <file>     c",
      "  --stocks <file>     k",
      "  --route <file>      r",
      "  --places <file>     p",
      "  --tz <zone>         z",
      "  --date-order <order>",
      "                      dmy | mdy for dates like 05/11/2018 (default: decided per file from the data)",
      "  --incoming-is <dir>",
      "                      northbound | southbound: what incoming/entrada means at the count points",
    ]);
    expect(DATASET_FLAGS).toBe("--sightings, --counts, --stocks, --route, --places, --tz");
  });

  it("datasetChoice defaults --tz to America/Mexico_City, drops blank files and rejects a zone that is not IANA", () => {
    const choice = datasetChoice({ sightings: "a.csv", counts: "", route: "r.geojson" });
    expect(choice.timeZone).toBe("America/Mexico_City");
    expect(choice.files).toEqual({
      sightings: "a.csv",
      counts: undefined,
      stocks: undefined,
      places: undefined,
      route: "r.geojson",
    });
    expect(choice.inputs).toEqual(["a.csv", "r.geojson"]);
    expect(() => datasetChoice({ tz: "Nowhere/X" })).toThrow(UserError);
  });

  it("asOfOption accepts an ISO date or date-time and rejects anything else", () => {
    expect(asOfOption({}, "UTC")).toBeUndefined();
    expect(asOfOption({ "as-of": "2018-11-01T08:00" }, "UTC")).toBe("2018-11-01T08:00");
    expect(() => asOfOption({ "as-of": "yesterday" }, "UTC")).toThrow(/not a valid ISO 8601 date/);
    // Out-of-range fields are refused, never rolled over to the next day or month.
    for (const bad of [
      "2018-10-32",
      "2018-02-29",
      "2018-13-01",
      "2018-11-01T24:30",
      "2018-11-01T10:60",
    ])
      expect(() => asOfOption({ "as-of": bad }, "UTC")).toThrow(/not a valid ISO 8601 date/);
  });

  it("userInputStep turns a library RangeError into a UserError and lets other errors through", () => {
    expect(userInputStep(() => 3)).toBe(3);
    expect(() =>
      userInputStep(() => {
        throw new RangeError("no usable route");
      }),
    ).toThrow(UserError);
    expect(() =>
      userInputStep(() => {
        throw new TypeError("bug");
      }),
    ).toThrow(TypeError);
    // The engine's own RangeErrors are dtm-flow's fault (exit 3), not the user's input (exit 2).
    const makers: (() => unknown)[] = [() => new Float64Array(-Infinity), () => new Array(-1)];
    for (const make of makers) {
      let thrown: unknown;
      try {
        userInputStep(make);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RangeError);
      expect(thrown).not.toBeInstanceOf(UserError);
    }
  });

  it("exitStatus is 1 when some input rows were rejected, else 0", () => {
    expect(exitStatus({ rejected: 2 } as LoadedDataset)).toBe(1);
    expect(exitStatus({ rejected: 0 } as LoadedDataset)).toBe(0);
  });

  it("parseAsOfCommand takes the dataset options, --as-of, --out, --hxl and the command's own", () => {
    const { values } = parseAsOfCommand(
      ["--as-of", "2018-11-01", "--out", "o", "--hxl", "--tz", "UTC", "--runs", "50"],
      { runs: { type: "string" } },
    );
    expect(values).toMatchObject({ "as-of": "2018-11-01", out: "o", hxl: true, tz: "UTC" });
    expect(values.runs).toBe("50");
    expect(() => parseAsOfCommand(["--runs", "5"], {})).toThrow(UserError);
  });

  it("wholeOption reads digits only, within its range, and names the option when refusing", () => {
    expect(wholeOption({}, "runs", 500, 10, 100)).toBe(500);
    expect(wholeOption({ runs: "50" }, "runs", 500, 10, 100)).toBe(50);
    for (const bad of ["1e2", "0x10", "12.0", "5", "101"]) {
      expect(() => wholeOption({ runs: bad }, "runs", 500, 10, 100)).toThrow(
        `--runs ${bad} must be a whole number from 10 to 100.`,
      );
    }
  });
});
