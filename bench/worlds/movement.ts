/**
 * How a stress-world group moves, day by day. Assumptions (deliberately not those of
 * src/estimate/simulate.ts, where a whole group is one point switching rest/walk/ride by a
 * Markov chain):
 * - the group follows a plan of phases with explicit durations: marches of 2–7 days, ride days,
 *   and shelter stays of 3–21 days (log-uniform: most are short, some last weeks);
 * - every cohort moves on its own: on a march each walks at its own pace (the group's 15–40
 *   km/day × the cohort's pace) and some hitch a truck for 40–150 km; on a ride day a share of
 *   the cohorts (more of the fast ones) board one of 1–3 convoys of 250–800 km, the others walk;
 * - at a shelter the body draws together: the cohorts behind walk in, those there wait, and some fast
 *   cohorts leave early and walk on (the vanguard running ahead);
 * - people leave every day (returns: 0.2–1.5 %/day per group), more during stays (claims) and at
 *   the route's end (crossings); in the first days people also join.
 */
import type { Km, Random } from "../../src/index.ts";
import type { Cohort } from "./body.ts";
import { summarize } from "./body.ts";
import type { StressRoute } from "./corridor.ts";
import { nearestTown, townAhead } from "./corridor.ts";

/** A group's movement traits, drawn per group. */
export interface MoverTraits {
  /** Walking km per day at pace 1. */
  walkKm: Km;
  /** Base probability that a cohort boards on a ride day (scaled by its pace). */
  rideShare: number;
  /** Probability that a walking cohort hitches a truck on a day. */
  hitchProb: number;
  /** Propensity to take ride days instead of marching (0–1). */
  rideTendency: number;
  /** Share of people leaving per day (returns), on average. */
  attritionPerDay: number;
  /** Extra share leaving per day during a shelter stay (claims). */
  claimPerStayDay: number;
  /** Share joining per day during the first `growthDays` days. */
  growthPerDay: number;
  growthDays: number;
}

/** A cohort this far behind the median person (km) may take a bus to catch up (50 % a day). */
const STRAGGLER_RIDE_KM = 100;

type Phase =
  | { kind: "march"; daysLeft: number }
  | { kind: "ride"; daysLeft: number }
  | { kind: "stay"; daysLeft: number; shelterKm: Km };

/** What happened to a group on one day (for tests and diagnostics). */
export interface DayEvent {
  phase: Phase["kind"];
  /** Largest single-cohort move of the day (km). */
  maxMoveKm: Km;
}

const between = (random: Random, lo: number, hi: number): number => lo + (hi - lo) * random();
const logUniform = (random: Random, lo: number, hi: number): number =>
  Math.exp(between(random, Math.log(lo), Math.log(hi)));

/** A moving group: its cohorts, its current phase, and a one-day step. */
export class Mover {
  private phase: Phase = { kind: "march", daysLeft: 2 };
  readonly route: StressRoute;
  readonly traits: MoverTraits;
  readonly cohorts: Cohort[];
  readonly departureDay: number;
  constructor(route: StressRoute, traits: MoverTraits, cohorts: Cohort[], departureDay: number) {
    this.route = route;
    this.traits = traits;
    this.cohorts = cohorts;
    this.departureDay = departureDay;
  }

  /** Moves the cohorts through day `day` (they end where they sleep) and applies attrition. */
  step(day: number, random: Random): DayEvent {
    if (this.phase.daysLeft <= 0) this.phase = this.nextPhase(random);
    const phase = this.phase;
    phase.daysLeft--;
    const medianKm = summarize(this.cohorts.filter((c) => day >= c.departsDay)).km;
    let maxMoveKm = 0;
    // A ride day fills 1–3 convoys: the first goes 250–800 km, the others 20 % less or more.
    const rideKm = between(random, 250, 800);
    const convoys = Array.from(
      { length: 1 + Math.floor(random() * 3) },
      (_, i) => rideKm * (i === 0 ? 1 : between(random, 0.8, 1.2)),
    );
    for (const c of this.cohorts) {
      if (c.people <= 0 || day < c.departsDay) continue;
      const before = c.km;
      const behind = medianKm - c.km;
      if (behind > STRAGGLER_RIDE_KM && random() < 0.5) {
        // Stragglers far behind find a bus to the body (it lands them a little short of it).
        c.km += behind * between(random, 0.6, 1);
      } else if (phase.kind === "ride") this.ride(c, convoys, behind, random);
      else if (phase.kind === "stay") this.stay(c, phase.shelterKm, behind, random);
      else this.walk(c, behind, random);
      c.km = Math.min(this.route.lengthKm, c.km);
      maxMoveKm = Math.max(maxMoveKm, c.km - before);
    }
    this.attrition(day, phase.kind === "stay", random);
    return { phase: phase.kind, maxMoveKm };
  }

  /**
   * One day on foot. The body holds together loosely: a cohort behind the median person walks
   * faster and hitches more, one far ahead slows down (unless it is a fast, vanguard cohort).
   */
  private walk(c: Cohort, behind: Km, random: Random): void {
    const floor = c.pace > 1.15 && behind > -150 ? 0.85 : 0.3;
    const pull = Math.min(1.8, Math.max(floor, 1 + behind / 150));
    c.km += this.traits.walkKm * c.pace * pull * between(random, 0.6, 1.4);
    const hitch = behind > 60 ? 2 * this.traits.hitchProb : this.traits.hitchProb;
    if (random() < hitch) c.km += between(random, 40, 150);
  }

  private ride(c: Cohort, convoys: number[], behind: Km, random: Random): void {
    const p = Math.min(0.97, this.traits.rideShare * Math.pow(c.pace, 1.5));
    if (random() < p) c.km += convoys[Math.floor(random() * convoys.length)];
    else this.walk(c, behind, random);
  }

  private stay(c: Cohort, shelterKm: Km, behind: Km, random: Random): void {
    if (c.km < shelterKm) {
      // Those behind walk in (a little faster than usual: the shelter is the goal).
      const step = 1.2 * this.traits.walkKm * c.pace * between(random, 0.6, 1.4);
      c.km = Math.min(shelterKm, c.km + (random() < this.traits.hitchProb ? 2 * step : step));
    } else if (c.pace > 1.15 && random() < 0.08) {
      // A fast cohort does not wait: it walks on, ahead of the body.
      this.walk(c, behind, random);
    }
  }

  private attrition(day: number, staying: boolean, random: Random): void {
    const t = this.traits;
    const growing = day - this.departureDay < t.growthDays;
    for (const c of this.cohorts) {
      if (c.people <= 0 || day < c.departsDay) continue;
      const atEnd = c.km >= this.route.lengthKm - 1e-6;
      let leave = t.attritionPerDay * between(random, 0.3, 1.7);
      if (staying) leave += t.claimPerStayDay * between(random, 0.5, 1.5);
      if (atEnd) leave += between(random, 0.01, 0.05);
      let factor = 1 - Math.min(0.9, leave);
      if (growing) factor *= 1 + t.growthPerDay * between(random, 0.5, 1.5);
      c.people *= factor;
      if (c.people < 0.5) c.people = 0;
    }
  }

  private nextPhase(random: Random): Phase {
    const t = this.traits;
    const from = this.phase.kind;
    const u = random();
    const rideP = from === "ride" ? 0.2 * t.rideTendency : 0.25 + 0.5 * t.rideTendency;
    const stayP = from === "stay" ? 0 : from === "ride" ? 0.55 : 0.3;
    if (u < rideP) return { kind: "ride", daysLeft: 1 };
    if (u < rideP + stayP) {
      const km = summarize(this.cohorts).km;
      const ahead = townAhead(this.route, km);
      const shelter = ahead.km - km <= 60 ? ahead : nearestTown(this.route, km);
      return {
        kind: "stay",
        daysLeft: Math.round(logUniform(random, 3, 21)),
        shelterKm: shelter.km,
      };
    }
    return { kind: "march", daysLeft: 2 + Math.floor(random() * 6) };
  }
}
