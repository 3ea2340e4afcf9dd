// The unlabelled development worlds the association diagnostics read (bench/partitionCost.bench.ts,
// bench/extraTracks.ts): of the first `worlds` stress and simulate.ts worlds after `seedOffset`, those
// without labels, and every third world3 world built without labels — the same worlds as
// `bench/stress.bench.ts --worlds N --seed-offset K --unlabelled-only` and world3's unlabelled ones.
import type { Dataset } from "../../src/index.ts";
import { legacyWorld } from "./legacy.ts";
import { generateStressWorld } from "./stress.ts";
import { generateWorld3 } from "../world3/world.ts";

/** An unlabelled world: its dataset and the true group of each sighting id. */
export interface UnlabelledWorld {
  name: string;
  /** The simulator: "stress", "simulate.ts" or "world3". */
  sim: string;
  dataset: Dataset;
  truth: (id: string) => string | undefined;
}

/** The worlds (module comment); `sim` "all", "stress", "legacy" (simulate.ts) or "world3". */
export function* unlabelledWorlds(
  worlds: number,
  seedOffset: number,
  sim = "all",
): Generator<UnlabelledWorld> {
  for (let i = 0; i < worlds; i++) {
    if (sim === "all" || sim === "stress") {
      const w = generateStressWorld(i + 1 + seedOffset);
      if (!w.labelled)
        yield {
          name: w.name,
          sim: "stress",
          dataset: w.dataset,
          truth: (id) => w.sightingGroup[id],
        };
    }
    if (sim === "all" || sim === "legacy") {
      const w = legacyWorld(i, worlds, seedOffset);
      if (!w.labelled)
        yield {
          name: w.name,
          sim: "simulate.ts",
          dataset: w.dataset,
          truth: (id) => w.sightingGroup[id],
        };
    }
    if ((sim === "all" || sim === "world3") && i % 3 === 2) {
      const w = generateWorld3(i + 1 + seedOffset, { labelled: false });
      yield {
        name: w.name,
        sim: "world3",
        dataset: w.dataset,
        truth: (id) => w.sightingTruth.get(id)?.body,
      };
    }
  }
}
