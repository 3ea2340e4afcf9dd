/**
 * What a world3 world is made of, drawn from its seed before anyone walks: the caravans (label,
 * route, start, size, temperament), whether one of them splits (where, how many, to which route)
 * and whether two of them merge (the earlier waits for the later at a shelter town).
 */
import type { Random } from "../../src/index.ts";
import type { Caravan } from "./crowd.ts";
import { placeKm } from "./crowd.ts";
import { road, toMainKm } from "./geography.ts";

export interface CaravanDraw {
  caravan: Caravan;
  /** People at departure. */
  people: number;
}

export interface SplitPlan {
  caravan: number;
  /** Place id of the shelter town where the splinter leaves (or the km it leaves at, passing). */
  at: string;
  atKm: number;
  /** Share of the families (the keenest) that leave. */
  share: number;
  label: string;
  routeId: string;
}

export interface MergePlan {
  /** The earlier caravan, which waits, and the later one, which joins it. */
  first: number;
  second: number;
  at: string;
  label: string;
}

export interface WorldPlan {
  caravans: CaravanDraw[];
  split?: SplitPlan;
  merge?: MergePlan;
  /** Last local day simulated (day numbers since 1970-01-01). */
  lastDay: number;
  labelled: boolean;
}

const LABELS_MAIN = [
  "Caravana de San Pedro Sula",
  "Caravana de Copán",
  "Caravana del Éxodo",
  "Caravana de La Ceiba",
];
const LABELS_SALVADOR = ["Éxodo salvadoreño", "Caravana de San Salvador"];
const SPLINTERS = ["Grupo disidente", "Columna de los jóvenes"];

/** 2018-10-12, the eve of the first caravan's departure. */
const FIRST_DAY = 17816;

function between(random: Random, lo: number, hi: number): number {
  return lo + (hi - lo) * random();
}

function drawCaravan(i: number, depart: number, random: Random, used: Set<string>): CaravanDraw {
  const salvador = i > 0 && random() < 0.4;
  const routeId = salvador ? "salvador" : "main";
  const pool = salvador ? LABELS_SALVADOR : LABELS_MAIN;
  const label = pool.find((l) => !used.has(l)) ?? `Caravana ${i + 1}`;
  used.add(label);
  const towns = road().stops.get(routeId) ?? [];
  const fromTown = !salvador && i > 0 && random() < 0.25;
  const origin = fromTown ? towns.filter((s) => s.km > 100 && s.km < 500) : [towns[0]];
  const start = origin[Math.floor(random() * origin.length)] ?? towns[0];
  const caravan: Caravan = {
    label,
    body: `cuerpo ${i + 1}`,
    routeId,
    departDay: depart,
    originKm: toMainKm(routeId, start.km),
    mode: "rest",
    modeUntil: depart,
    target: toMainKm(routeId, start.km),
    stayed: new Set(),
    rideBias: between(random, 0.7, 1.3),
    queueShare: between(random, 0.04, 0.3),
    earlyReturn: between(random, 0.004, 0.025),
    lateReturn: between(random, 0.001, 0.005),
    joinRate: between(random, 0, 0.06),
    active: true,
  };
  return { caravan, people: Math.round(Math.exp(between(random, Math.log(400), Math.log(7000)))) };
}

function drawSplit(draws: CaravanDraw[], random: Random): SplitPlan | undefined {
  if (random() > 0.6) return undefined;
  const ci = Math.floor(random() * draws.length);
  const c = draws[ci].caravan;
  const at = ["MX-TAP", "MX-JUC", "MX-CMX", "MX-GDL"][Math.floor(random() * 4)];
  const atKm = placeKm(c.routeId, at);
  if (atKm === undefined) return undefined;
  const toMexicali = c.routeId === "main" && random() < 0.5;
  return {
    caravan: ci,
    at,
    atKm,
    share: between(random, 0.15, 0.4),
    label: `${toMexicali ? "Grupo de Mexicali" : SPLINTERS[Math.floor(random() * SPLINTERS.length)]} (${c.label})`,
    routeId: toMexicali ? "mexicali" : c.routeId,
  };
}

/**
 * The plan of world `seed`'s caravans.
 * @param labelled undefined: one world in three has no label in any report.
 */
export function drawPlan(random: Random, labelled?: boolean): WorldPlan {
  const n = [1, 2, 2, 3, 3, 4][Math.floor(random() * 6)];
  const used = new Set<string>();
  const caravans: CaravanDraw[] = [];
  let depart = FIRST_DAY + 1;
  for (let i = 0; i < n; i++) {
    caravans.push(drawCaravan(i, depart, random, used));
    depart += 3 + Math.floor(random() * 10);
  }
  const split = drawSplit(caravans, random);
  let merge: MergePlan | undefined;
  if (n >= 2 && random() < 0.55) {
    const first = Math.floor(random() * (n - 1));
    const at = ["MX-JUC", "MX-CMX", "MX-GDL"][Math.floor(random() * 3)];
    const a = caravans[first].caravan;
    const b = caravans[first + 1].caravan;
    a.waitAt = at;
    a.waitFor = first + 1;
    merge = { first, second: first + 1, at, label: `${a.label} + ${b.label}` };
  }
  const lastDepart = caravans[caravans.length - 1].caravan.departDay;
  return {
    caravans,
    split,
    merge,
    lastDay: lastDepart + 30 + Math.floor(random() * 25),
    labelled: labelled ?? random() >= 1 / 3,
  };
}
