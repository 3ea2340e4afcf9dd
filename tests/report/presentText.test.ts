/** presentText: a place's people present in words, the one wording of the report and the viewer. */
import { describe, expect, it } from "vitest";
import { estimatedText, presentKnown, presentText, travellingText } from "../../src/index.ts";

describe("presentText", () => {
  it("a count that aged out is 'not counted since', never 0", () => {
    expect(presentText({ date: "2018-12-10", value: 0, notCountedSince: "2018-11-28" })).toBe(
      "not counted since 28 Nov",
    );
    expect(presentText({ date: "2018-12-10", value: 0, notCountedSince: "2018-11-28" }, "es")).toBe(
      "sin conteo desde el 28 nov",
    );
  });
  it("an aged-out count that was only an upper bound says so", () => {
    const p = { date: "2018-12-10", value: 0, notCountedSince: "2018-12-06", upTo: 1000 };
    expect(presentText(p)).toBe("counted 6 Dec: fewer than 1,000");
    expect(presentText(p, "es")).toBe("contado el 6 dic: menos de 1,000");
  });
  it("a count that is only an upper bound is said as one while it holds", () => {
    const p = { date: "2018-12-07", value: 1000, countedOn: "2018-12-06", upTo: 1000 };
    expect(presentText(p)).toBe("fewer than 1,000 (counted 6 Dec)");
    expect(presentText(p, "es")).toMatch(/^menos de 1,000 /);
    // A town figure that also rests on other counts is not the bound: a plain figure.
    expect(presentText({ ...p, value: 1400 })).toBe("1,400 (counted 6 Dec)");
  });
  it("people present with the age of their count; 0 without a count before is 0", () => {
    expect(
      presentText({
        date: "2018-12-05",
        value: 3969,
        countedOn: "2018-11-21",
        countedLatest: "2018-12-04",
      }),
    ).toBe("3,969 (counted 21 Nov–4 Dec)");
    expect(presentText({ date: "2018-12-05", value: 0 })).toBe("0");
  });
  it("presentKnown: a day whose count aged out holds no figure (a gap in the charts)", () => {
    expect(presentKnown({ value: 0, notCountedSince: "2018-11-28" })).toBe(false);
    expect(presentKnown({ value: 0 })).toBe(true);
    expect(presentKnown({ value: 12, notCountedSince: "2018-11-28" })).toBe(true);
  });
  it("estimatedText: all or part of a figure estimated, not counted; nothing when none is", () => {
    expect(estimatedText({ estimated: 80 }, 80)).toBe(" (estimated, not counted)");
    expect(estimatedText({ estimated: 882 }, 1000, "es")).toBe(" (882 estimadas, no contadas)");
    expect(estimatedText({}, 80)).toBe("");
    expect(estimatedText({ estimated: 0.2 }, 80)).toBe("");
  });
  it("travellingText: people travelling through beside the people present; nothing when none", () => {
    expect(travellingText({ travelling: 5136.4 })).toBe(" · 5,136 travelling through");
    expect(travellingText({ travelling: 5136 }, "es")).toBe(" · 5,136 de paso");
    expect(travellingText({})).toBe("");
  });
});
