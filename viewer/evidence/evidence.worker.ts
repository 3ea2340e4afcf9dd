/// <reference lib="webworker" />
/**
 * The evidence worker: the dataset (the embedded 2018 one, or the analyst's files the map shows)
 * and the analyst's corrections. On `run` it
 * applies the corrections and re-estimates (estimateWithCorrections, as the CLI does), builds the
 * ledger and the replay for the map, and the time–distance chart's content; on `evidence` it lists
 * the reports behind a group-day; on `check` it runs the held-out check once, shown with the
 * evidence from then on. Nothing is sent anywhere else.
 */
import {
  buildLedger,
  checkEstimate,
  CorrectionsError,
  embedded2018,
  estimateWithCorrections,
  evidenceFor,
  formatTracksCsv,
  situationReport2018,
  timeDistance,
} from "../../src/index.ts";
import type { CheckResult, CorrectedEstimate, Dataset } from "../../src/index.ts";
import { prepareReplay } from "../data/prepare.ts";
import type { EvidenceMessage, EvidenceRequest } from "./protocol.ts";

const post = (m: EvidenceMessage) => (self as unknown as Worker).postMessage(m);
/** The data the estimate is made from: the embedded 2018 data set until the page sends others. */
let base: { dataset: Dataset; seeds: boolean } | undefined;
const held = () => (base ??= { dataset: embedded2018(), seeds: true });
let last: CorrectedEstimate | undefined;
let check: CheckResult | undefined;

self.addEventListener("message", (event: MessageEvent<EvidenceRequest>) => {
  const m = event.data;
  try {
    if (m.type === "run") run(m.req, m);
    else if (m.type === "evidence") {
      if (!last) throw new Error("no estimate yet");
      const evidence = evidenceFor(last.dataset, last.estimate, m.group, m.date, {
        accepted: last.accepted,
        rejected: last.rejected,
        ...(check ? { check } : {}),
      });
      post({ type: "evidence", req: m.req, evidence });
    } else if (m.type === "check") {
      if (!last) throw new Error("no estimate yet");
      check = checkEstimate(last.dataset, { full: last.estimate });
      post({ type: "checked", req: m.req, heldOut: check.heldOut });
    }
  } catch (error) {
    if (error instanceof CorrectionsError) {
      post({ type: "invalid", req: m.req, problems: error.problems });
    } else {
      post({
        type: "error",
        req: m.req,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
});

function run(req: number, m: Extract<EvidenceRequest, { type: "run" }>): void {
  if (m.data === "embedded") base = undefined;
  else if (m.data) base = m.data;
  const { dataset, seeds } = held();
  const t0 = performance.now();
  const corrected = estimateWithCorrections(dataset, m.corrections);
  const ms = performance.now() - t0;
  const { tracks, report } = corrected.estimate;
  const rejected = dataset.sightings.filter((s) => corrected.rejected.includes(s.id ?? ""));
  const chart = timeDistance(corrected.dataset, corrected.estimate, {
    accepted: corrected.accepted,
    rejected,
  });
  const { split } = buildLedger({ dataset: corrected.dataset, tracks });
  const replay = prepareReplay({
    dataset: corrected.dataset,
    tracks,
    split,
    associations: report.associations,
    seeds: seeds ? situationReport2018() : undefined,
  });
  last = corrected;
  check = undefined;
  post({
    type: "result",
    req,
    result: {
      chart,
      replay,
      applied: corrected.applied,
      accepted: corrected.accepted,
      rejected: corrected.rejected,
      destinations: corrected.destinations,
      tracksCsv: formatTracksCsv(tracks, { bom: false }),
      groups: corrected.estimate.groups.map((g) => g.group),
      ms: Math.round(ms),
    },
  });
}
