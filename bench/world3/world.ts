/**
 * A world3 world: a third caravan simulator, written for held-out validation only (never for
 * tuning), independent of src/estimate/simulate.ts and bench/worlds/ (no shared code; the library
 * is used only through src/index.ts). People travel as families with their own daily decisions
 * (crowd.ts); a caravan may split into two groups that travel apart, and two caravans may merge
 * (plan.ts); six kinds of source report with their own error laws (sources.ts, reporters.ts,
 * tallies.ts) into three files, two with Spanish headers, read back through the importer
 * (sheets.ts).
 *
 * Truth (what the scorer compares with; bench/README.md § world3):
 * - a **labelled** group is the people who carry its label on that day and are still travelling
 *   (status `moving`, arrived at the route's end included; not those queueing at the border, who
 *   have left the march): after a split the splinter's people carry only the splinter's label,
 *   the others keep the parent's; after a merge both caravans' people carry their own label and
 *   also the merged label `A + B`, so `A`, `B` and `A + B` are three groups at one place;
 * - in **unlabelled** worlds a group is a physical body: each caravan and each splinter; a caravan
 *   that merges into an earlier one ends on the merge day, its people counted in the other's.
 * On every day a group's median person (50th percentile of people by km), its front and rear
 * edges (the foremost and hindmost 1 % of its people, at least 20: what `headKm` and `tailKm` of
 * an estimate stand for), its 95th and 5th percentiles, and its size, at noon: halfway through the day's move (reports at hour h see the move done
 * (h − 6) / 12 of the way).
 */
import { DEFAULT_TIME_ZONE, isoDate, mulberry32 } from "../../src/index.ts";
import type { Dataset, ImportReport, Random } from "../../src/index.ts";
import type { Caravan, Family } from "./crowd.ts";
import {
  decidePlan,
  decideStay,
  leaveQueue,
  newFamily,
  quantileKm,
  rideBurst,
  tire,
  walkFamily,
} from "./crowd.ts";
import { fromMainKm, road } from "./geography.ts";
import { drawPlan } from "./plan.ts";
import type { WorldPlan } from "./plan.ts";
import { Reporters, drawTraits } from "./reporters.ts";
import { countSheet, importSheets, monitoringSheet, pressLog } from "./sheets.ts";
import { poisson, snapQuantile, snapshot } from "./sources.ts";
import type { RawReport } from "./sources.ts";
import { Tallies } from "./tallies.ts";
import { edgeShare } from "../worlds/edges.ts";

export interface World3Day {
  day: number;
  date: string;
  /** On the group's route (km along it). */
  km: number;
  /** 95th and 5th percentiles of people by km. */
  headKm: number;
  tailKm: number;
  /**
   * The front and rear edges: the km of the foremost (hindmost) people — the km reached by the
   * first (last) 1 % of the people, at least 20, at most 5 % (bench/worlds/edges.ts, the one
   * head and tail every bench scores) — what the estimate's `headKm` and `tailKm` stand for
   * (docs/contracts.md §3.1). Not the single foremost family: one lone family far ahead
   * is not a vanguard.
   */
  firstKm: number;
  lastKm: number;
  size: number;
}

export interface World3Group {
  group: string;
  routeId: string;
  days: World3Day[];
}

/** People by status at the end of a day, and the flows of the day. */
export interface LedgerDay {
  day: number;
  moving: number;
  queue: number;
  claimed: number;
  returned: number;
  dispersed: number;
  /** People who set out today (departures and joiners). */
  joined: number;
  /** People who stopped travelling today (queue, claim, return, left alone). */
  left: number;
}

export interface World3 {
  seed: number;
  name: string;
  labelled: boolean;
  dataset: Dataset;
  /** Truth by label (labelled worlds) and by physical body (unlabelled worlds). */
  labelTruth: World3Group[];
  bodyTruth: World3Group[];
  reports: RawReport[];
  /** Hidden label and body of every sighting id. */
  sightingTruth: Map<string, { label: string; body: string }>;
  ledger: LedgerDay[];
  files: { monitoreo: string; press: string; conteos: string };
  importReports: ImportReport[];
  rejected: number;
  /** What happened (splits, merges), in words. */
  events: string[];
  plan: WorldPlan;
}

interface State {
  plan: WorldPlan;
  caravans: Caravan[];
  families: Family[];
  random: Random;
  labelRoute: Map<string, string>;
  events: string[];
  splitDone: boolean;
}

/** The world of `seed` (labelled: undefined = drawn, one world in three without labels). */
export function generateWorld3(seed: number, options: { labelled?: boolean } = {}): World3 {
  const random = mulberry32(0x77a3 ^ (seed * 2654435761));
  const plan = drawPlan(random, options.labelled);
  const st: State = {
    plan,
    caravans: plan.caravans.map((d) => d.caravan),
    families: [],
    random,
    labelRoute: new Map(plan.caravans.map((d) => [d.caravan.label, d.caravan.routeId])),
    events: [],
    splitDone: false,
  };
  const reporters = new Reporters(random, drawTraits(random, plan.labelled));
  const tallies = new Tallies(random);
  const truth = { label: new Map<string, World3Group>(), body: new Map<string, World3Group>() };
  const ledger: LedgerDay[] = [];
  const firstDay = Math.min(...st.caravans.map((c) => c.departDay));
  for (let day = firstDay; day <= plan.lastDay; day++) {
    const joined = depart(st, day);
    for (const f of st.families) f.prevKm = f.km;
    let left = 0;
    for (let ci = 0; ci < st.caravans.length; ci++) left += stepCaravan(st, ci, day, tallies);
    for (const f of st.families) {
      if (f.status !== "queue") continue;
      leaveQueue(f, day, random);
      tallies.record(f, countryOf(f));
    }
    recordTruth(st, day, truth);
    for (const d of labelDays(st, day)) reporters.reportDay(d);
    tallies.countPosts(
      day,
      st.families.filter((f) => f.status === "moving" || f.status === "queue"),
    );
    tallies.publish(day);
    const after = statusCounts(st.families);
    ledger.push({ day, ...after, joined: joined.people, left });
  }
  return assemble(seed, st, reporters.reports, tallies, truth, ledger);
}

function countryOf(f: Family): string {
  return f.routeId === "salvador" ? "SLV" : "HND";
}

function statusCounts(families: readonly Family[]): Omit<LedgerDay, "day" | "joined" | "left"> {
  const out = { moving: 0, queue: 0, claimed: 0, returned: 0, dispersed: 0 };
  for (const f of families) out[f.status] += f.people;
  return out;
}

/** Caravans leaving today set out; joiners catch up with caravans in their first week. */
function depart(st: State, day: number): { people: number } {
  let people = 0;
  st.plan.caravans.forEach((d, ci) => {
    const c = d.caravan;
    if (
      c.departDay === day &&
      c.originKm !== undefined &&
      !st.families.some((f) => f.caravan === ci)
    ) {
      let n = 0;
      while (n < d.people) {
        const f = newFamily(st.families.length, c.originKm, c, ci, st.random);
        st.families.push(f);
        n += f.people;
      }
      people += n;
    }
  });
  st.caravans.forEach((c, ci) => {
    if (!c.active || day <= c.departDay || day - c.departDay >= 7 || c.joinRate === 0) return;
    const mine = st.families.filter((f) => f.caravan === ci && f.status === "moving");
    if (mine.length === 0) return;
    const at = quantileKm(mine, 0.3);
    for (let k = poisson(st.random, c.joinRate * mine.length); k > 0; k--) {
      const f = newFamily(st.families.length, at, c, ci, st.random);
      f.labels = [...mine[0].labels];
      f.body = mine[0].body;
      st.families.push(f);
      people += f.people;
    }
  });
  return { people };
}

/** One caravan's day: split / merge, the assembly's plan, walking, rides, decisions. Returns people who left. */
function stepCaravan(st: State, ci: number, day: number, tallies: Tallies): number {
  const c = st.caravans[ci];
  if (!c.active || day < c.departDay) return 0;
  let mine = st.families.filter((f) => f.caravan === ci && f.status === "moving");
  if (mine.length === 0) return 0;
  const median = quantileKm(mine, 0.5);
  if (maybeSplit(st, ci, median, day)) mine = mine.filter((f) => f.caravan === ci);
  if (maybeMerge(st, ci, median, day)) return 0;
  const fatigue =
    mine.reduce((a, f) => a + f.fatigue * f.people, 0) / mine.reduce((a, f) => a + f.people, 0);
  decidePlan(c, median, quantileKm(mine, 0.75), fatigue, day, st.random);
  const walked = mine.map((f) => walkFamily(f, c, median, st.random));
  for (let k = 0; k < 2; k++) rideBurst(mine, c, st.random);
  let left = 0;
  mine.forEach((f, i) => {
    tire(f, walked[i]);
    decideStay(f, c, day, st.random);
    if (f.status !== "moving") {
      left += f.people;
      tallies.record(f, countryOf(f));
    }
  });
  return left;
}

/** The planned split: the keenest families leave under their own label the next day. */
function maybeSplit(st: State, ci: number, median: number, day: number): boolean {
  const s = st.plan.split;
  if (!s || st.splitDone || s.caravan !== ci || median < s.atKm - 15) return false;
  st.splitDone = true;
  const parent = st.caravans[ci];
  const mine = st.families
    .filter((f) => f.caravan === ci && f.status === "moving")
    .sort((a, b) => b.eagerness - a.eagerness);
  const leaving = mine.slice(0, Math.max(1, Math.round(s.share * mine.length)));
  const si = st.caravans.length;
  const splinter: Caravan = {
    ...parent,
    label: s.label,
    body: `${parent.body} / escisión`,
    routeId: s.routeId,
    departDay: day + 1,
    mode: "rest",
    modeUntil: day + 1,
    stayed: new Set([...parent.stayed, s.at]),
    rideBias: parent.rideBias * 1.6,
    queueShare: 0,
    earlyReturn: parent.lateReturn,
    joinRate: 0,
    waitAt: undefined,
    waitFor: undefined,
    waitUntil: undefined,
  };
  st.caravans.push(splinter);
  st.labelRoute.set(s.label, s.routeId);
  for (const f of leaving) {
    f.caravan = si;
    f.routeId = s.routeId;
    f.labels = [s.label];
    f.body = splinter.body;
  }
  const people = leaving.reduce((a, f) => a + f.people, 0);
  st.events.push(
    `${isoDate(day)}: ${people} people of ${parent.label} split off as ${s.label} near ${s.at}, to ${s.routeId}`,
  );
  return true;
}

/** The planned merge: the later caravan reaches the earlier one waiting at a shelter town. */
function maybeMerge(st: State, ci: number, median: number, day: number): boolean {
  const m = st.plan.merge;
  const a = st.caravans[m?.first ?? -1];
  if (!m || m.second !== ci || !a?.active || a.waitAt === undefined) return false;
  const theirs = st.families.filter((f) => f.caravan === m.first && f.status === "moving");
  if (theirs.length === 0 || Math.abs(quantileKm(theirs, 0.5) - median) > 20) return false;
  const b = st.caravans[ci];
  for (const f of st.families) {
    if (f.caravan === ci) {
      f.caravan = m.first;
      f.body = a.body;
    }
    if (f.caravan === m.first && f.labels.includes(a.label)) f.labels.push(m.label);
    else if (f.caravan === m.first && f.labels.includes(b.label)) f.labels.push(m.label);
  }
  b.active = false;
  a.waitAt = undefined;
  st.labelRoute.set(m.label, a.routeId);
  st.events.push(`${isoDate(day)}: ${b.label} joined ${a.label} at ${m.at} (${m.label})`);
  return true;
}

/** Moving families per label, and the body each label's caravan is. */
function labelDays(st: State, day: number) {
  const by = new Map<string, Family[]>();
  const queued = new Map<string, number>();
  for (const f of st.families) {
    if (f.status === "queue") {
      for (const l of f.labels) queued.set(l, (queued.get(l) ?? 0) + f.people);
    }
    if (f.status !== "moving") continue;
    for (const l of f.labels) {
      const list = by.get(l) ?? [];
      list.push(f);
      by.set(l, list);
    }
  }
  return [...by].map(([label, families]) => ({
    day,
    label,
    body: families[0].body,
    routeId: st.labelRoute.get(label) ?? families[0].routeId,
    families,
    queued: queued.get(label) ?? 0,
  }));
}

function recordTruth(
  st: State,
  day: number,
  truth: { label: Map<string, World3Group>; body: Map<string, World3Group> },
): void {
  const byBody = new Map<string, Family[]>();
  for (const f of st.families) {
    if (f.status !== "moving") continue;
    const list = byBody.get(f.body) ?? [];
    list.push(f);
    byBody.set(f.body, list);
  }
  const bodyRoute = new Map(st.caravans.map((c) => [c.body, c.routeId]));
  const add = (map: Map<string, World3Group>, key: string, routeId: string, fams: Family[]) => {
    const s = snapshot(fams, 0.5, routeId);
    // The front and rear edges as every bench scores them (bench/worlds/edges.ts).
    const edge = edgeShare(s.total);
    const g = map.get(key) ?? { group: key, routeId, days: [] };
    map.set(key, g);
    g.days.push({
      day,
      date: isoDate(day),
      km: fromMainKm(routeId, snapQuantile(s, 0.5)),
      headKm: fromMainKm(routeId, snapQuantile(s, 0.95)),
      tailKm: fromMainKm(routeId, snapQuantile(s, 0.05)),
      firstKm: fromMainKm(routeId, snapQuantile(s, 1 - edge)),
      lastKm: fromMainKm(routeId, snapQuantile(s, edge)),
      size: s.total,
    });
  };
  for (const d of labelDays(st, day)) add(truth.label, d.label, d.routeId, d.families);
  for (const [body, fams] of byBody) add(truth.body, body, bodyRoute.get(body) ?? "main", fams);
}

function assemble(
  seed: number,
  st: State,
  reports: RawReport[],
  tallies: Tallies,
  truth: { label: Map<string, World3Group>; body: Map<string, World3Group> },
  ledger: LedgerDay[],
): World3 {
  const ordered = [...reports].sort((a, b) => a.day - b.day || a.hour - b.hour);
  const files = {
    monitoreo: monitoringSheet(ordered.filter((r) => r.sheet === "es")),
    press: pressLog(ordered.filter((r) => r.sheet === "en")),
    conteos: countSheet(tallies.counts),
  };
  const { dataset: base } = road();
  const imported = importSheets(files, base.places);
  const sightingTruth = new Map(
    reports.map((r) => [r.id, { label: r.hiddenLabel, body: r.hiddenBody }]),
  );
  return {
    seed,
    name: `world3 #${seed}`,
    labelled: st.plan.labelled,
    dataset: {
      name: `world3 #${seed}`,
      places: base.places,
      routes: base.routes,
      sightings: imported.sightings,
      counts: imported.counts,
      stocks: tallies.stocks,
      timeZone: DEFAULT_TIME_ZONE,
    },
    labelTruth: [...truth.label.values()],
    bodyTruth: [...truth.body.values()],
    reports: ordered,
    sightingTruth,
    ledger,
    files,
    importReports: imported.reports,
    rejected: imported.rejected,
    events: st.events,
    plan: st.plan,
  };
}
