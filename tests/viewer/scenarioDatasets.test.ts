import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/index.ts";
import { FILES_CHANGED, analystDatasets } from "../../viewer/scenario/datasets.ts";

describe("the scenario worker's channel to the analyst worker's datasets", () => {
  it("asks once per replay, keeps what it built, and says when the files changed", async () => {
    const own = analystDatasets();
    await expect(own.ground(1, (d) => d)).rejects.toThrow("no channel");
    const link = new MessageChannel();
    own.connect(link.port1);
    const asked: number[] = [];
    const held = new Map<number, Dataset>([[2, { name: "Files: a.csv" } as Dataset]]);
    link.port2.addEventListener("message", (e: MessageEvent<{ type: string; id: number }>) => {
      asked.push(e.data.id);
      const dataset = held.get(e.data.id);
      link.port2.postMessage({ type: "dataset", id: e.data.id, ...(dataset ? { dataset } : {}) });
    });
    link.port2.start();
    const build = (d: Dataset) => ({ name: d.name });
    const [a, b] = await Promise.all([own.ground(2, build), own.ground(2, build)]);
    expect(a).toEqual({ name: "Files: a.csv" });
    expect(b).toEqual(a);
    expect(await own.ground(2, build)).toEqual(a);
    expect(asked).toEqual([2]);
    // A replay the analyst worker no longer holds (replaced by a newer compute).
    await expect(own.ground(1, build)).rejects.toThrow(FILES_CHANGED);
    expect(asked).toEqual([2, 1]);
    link.port1.close();
  });
});
