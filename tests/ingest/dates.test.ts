import { describe, expect, it } from "vitest";
import {
  decideDateOrder,
  excelSerialToIso,
  formatParsedDate,
  parseDate,
} from "../../src/ingest/dates.ts";

const iso = (text: string, order?: "dmy" | "mdy") => {
  const r = parseDate(text, order);
  return r.ok ? formatParsedDate(r.value) : r.reason;
};

describe("parseDate", () => {
  it("parseDate reads ISO dates and datetimes, keeping offsets and leaving local times local", () => {
    expect(iso("2018-10-13")).toBe("2018-10-13");
    expect(iso("2018-10-13T00:00:00")).toBe("2018-10-13T00:00:00");
    expect(iso("2018-10-13T06:00:00-06:00")).toBe("2018-10-13T06:00:00-06:00");
    expect(iso("2018-10-13T12:00:00Z")).toBe("2018-10-13T12:00:00Z");
    expect(iso("2018-10-13 06:30")).toBe("2018-10-13T06:30:00");
    expect(iso("2018-10-13T07:52:00.000-0600")).toBe("2018-10-13T07:52:00-06:00");
  });
  it("parseDate reads slashed dates in the order given, and unambiguous ones in either", () => {
    expect(iso("05/11/2018", "dmy")).toBe("2018-11-05");
    expect(iso("05/11/2018", "mdy")).toBe("2018-05-11");
    expect(iso("25/10/2018", "mdy")).toBe("2018-10-25");
    expect(iso("10/25/2018", "dmy")).toBe("2018-10-25");
    expect(iso("05/11/2018")).toBe("ambiguous");
    expect(iso("13.10.18", "dmy")).toBe("2018-10-13");
    expect(iso("21/10/2018 14:30", "dmy")).toBe("2018-10-21T14:30:00");
    expect(iso("10/21/2018 2:30 PM", "mdy")).toBe("2018-10-21T14:30:00");
  });
  it("parseDate reads Spanish and English month names", () => {
    expect(iso("13 de octubre de 2018")).toBe("2018-10-13");
    expect(iso("13-oct-18")).toBe("2018-10-13");
    expect(iso("13 oct. 2018")).toBe("2018-10-13");
    expect(iso("2 de noviembre de 2018")).toBe("2018-11-02");
    expect(iso("sábado 13 de octubre de 2018")).toBe("2018-10-13");
    expect(iso("Oct 13, 2018")).toBe("2018-10-13");
    expect(iso("13 October 2018")).toBe("2018-10-13");
    expect(iso("13 de octubre de 2018 06:00 hora local")).toBe("2018-10-13T06:00:00");
    expect(iso("13 de octubre de 2018 06:00 hora local (12:00 GMT)")).toBe("2018-10-13T06:00:00");
  });
  it("parseDate reads Excel serial day numbers (43386 = 2018-10-13) but not plain years", () => {
    expect(iso("43386")).toBe("2018-10-13");
    expect(iso("43386.25")).toBe("2018-10-13T06:00:00");
    expect(excelSerialToIso(43386)).toBe("2018-10-13");
    expect(iso("2018")).toBe("imprecise");
    expect(iso("2018-10")).toBe("imprecise");
    expect(iso("octubre 2018")).toBe("imprecise");
  });
  it("parseDate rejects impossible dates", () => {
    expect(iso("2018-02-30")).toBe("invalid");
    expect(iso("2018-13-45")).toBe("invalid");
    expect(iso("31/31/2018", "dmy")).toBe("invalid");
    expect(iso("32 de octubre de 2018")).toBe("invalid");
    expect(iso("ayer")).toBe("invalid");
  });
});

describe("decideDateOrder", () => {
  it("decideDateOrder(parts) picks dmy when a first part is above 12", () => {
    expect(
      decideDateOrder([
        [5, 11],
        [25, 10],
      ]),
    ).toMatchObject({ order: "dmy", status: "decided" });
  });
  it("decideDateOrder(parts) picks mdy when a second part is above 12", () => {
    expect(
      decideDateOrder([
        [10, 25],
        [5, 11],
      ]),
    ).toMatchObject({ order: "mdy", status: "decided" });
  });
  it("decideDateOrder(parts) is undecided when every part is 12 or less, and a conflict when both occur", () => {
    expect(
      decideDateOrder([
        [5, 11],
        [1, 2],
      ]),
    ).toMatchObject({ order: undefined, status: "undecided" });
    expect(
      decideDateOrder([
        [25, 10],
        [26, 10],
        [10, 25],
      ]),
    ).toMatchObject({ order: "dmy", status: "conflict" });
  });
});
