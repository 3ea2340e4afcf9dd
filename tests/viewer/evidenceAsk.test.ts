/**
 * One ask of the evidence worker (viewer/evidence/ask.ts): the reply of the type asked for, else
 * a thrown error — pending tables as a TablesPendingError, the worker's message as it is,
 * corrections that do not fit in the panel's language.
 */
import { describe, expect, it } from "vitest";
import { askFor } from "../../viewer/evidence/ask.ts";
import type { Unsent } from "../../viewer/evidence/ask.ts";
import type { EvidenceMessage } from "../../viewer/evidence/protocol.ts";
import { TablesPendingError } from "../../viewer/data/provider.ts";
import { EMPTY_CORRECTIONS } from "../../viewer/evidence/model.ts";

const replying = (reply: EvidenceMessage) => {
  const asked: Unsent[] = [];
  const ask = async (m: Unsent) => {
    asked.push(m);
    return reply;
  };
  return { ask, asked };
};
const tables: Unsent = { type: "tables", hxl: false, corrections: EMPTY_CORRECTIONS };

describe("askFor", () => {
  it("returns the reply of the type asked for, and sends the request as given", async () => {
    const files = [{ name: "tracks.csv", text: "x", mime: "text/csv" }];
    const { ask, asked } = replying({ type: "tables", req: 1, files });
    expect((await askFor(ask, tables, "tables", "en")).files).toEqual(files);
    expect(asked).toEqual([tables]);
  });
  it("throws pending tables as a TablesPendingError", async () => {
    const { ask } = replying({ type: "tablesPending", req: 1 });
    await expect(askFor(ask, tables, "tables", "es")).rejects.toBeInstanceOf(TablesPendingError);
  });
  it("throws the worker's error message as it is, and a correction problem in the panel's language", async () => {
    await expect(
      askFor(replying({ type: "error", req: 1, message: "boom" }).ask, tables, "tables", "es"),
    ).rejects.toThrow(/^boom$/);
    const invalid: EvidenceMessage = {
      type: "invalid",
      req: 1,
      problems: [
        { pointer: "/corrections/0", message: "…", code: "no_group", params: { group: "G9" } },
      ],
    };
    await expect(askFor(replying(invalid).ask, tables, "tables", "es")).rejects.toThrow(
      /ningún grupo se llama "G9"/,
    );
    // A reply of another type is not taken for the one asked.
    const other = replying({ type: "dropped", req: 1 }).ask;
    await expect(askFor(other, tables, "tables", "en")).rejects.toThrow(Error);
  });
});
