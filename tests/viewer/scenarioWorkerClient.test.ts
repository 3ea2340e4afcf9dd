/**
 * The scenario panel's worker client: a run on the analyst's own files hands its worker a channel
 * to the analyst worker; "Cancel" stops the worker AND closes that channel's other end (each
 * Cancel used to leave one open in the analyst worker); the next run opens one new channel.
 */
import { describe, expect, it } from "vitest";
import type { DatasetLink } from "../../viewer/analyst/protocol.ts";
import { createWorkerClient } from "../../viewer/scenario/workerClient.ts";

/** A stand-in for the scenario worker: records what it is sent and whether it was stopped. */
class FakeWorker extends EventTarget {
  sent: { kind: string }[] = [];
  terminated = false;
  postMessage(m: { kind: string }): void {
    this.sent.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe("scenario worker client: Cancel closes the analyst channel", () => {
  it("one channel per worker, closed when the worker is stopped", () => {
    const workers: FakeWorker[] = [];
    const links: { closed: number; channel: MessageChannel }[] = [];
    const datasetPort = (): DatasetLink => {
      const channel = new MessageChannel();
      const entry = { closed: 0, channel };
      links.push(entry);
      return { port: channel.port2, close: () => (entry.closed += 1) };
    };
    const client = createWorkerClient(
      () => {
        const w = new FakeWorker();
        workers.push(w);
        return w as unknown as Worker;
      },
      { corridor: () => {}, status: () => {}, result: () => {} },
      { source: () => 7, datasetPort },
    );
    client.run({});
    client.run({});
    // One worker, one channel for both runs.
    expect(workers.length).toBe(1);
    expect(links.length).toBe(1);
    expect(workers[0]!.sent.map((m) => m.kind)).toEqual(["port", "run", "run"]);
    client.cancel();
    expect(workers[0]!.terminated).toBe(true);
    expect(links[0]!.closed).toBe(1);
    // A second Cancel with no worker closes nothing twice.
    client.cancel();
    expect(links[0]!.closed).toBe(1);
    // The next run: a new worker with a new channel, closed by its own Cancel.
    client.run({});
    expect(workers.length).toBe(2);
    expect(links.length).toBe(2);
    expect(workers[1]!.sent[0]!.kind).toBe("port");
    client.cancel();
    expect(links.map((l) => l.closed)).toEqual([1, 1]);
    for (const l of links) {
      l.channel.port1.close();
      l.channel.port2.close();
    }
  });
});
