// Calendar benchmark (TZ=UTC npx tsx bench/calendar.bench.ts): the calendar's own code against
// date-fns / @date-fns/tz for the same operation, in the same process, on seeded inputs; each pair
// is checked to give the same answers first. The table goes into docs/calendar.md.
import { addDays as fnsAddDays, differenceInCalendarDays, format, parse, parseISO } from "date-fns";
import { TZDate, tzOffset } from "@date-fns/tz";
import {
  addDays,
  dayNumber,
  isoDate,
  localDateOf,
  timeZoneOffsetMs,
} from "../src/calendar/index.ts";
import { parseDate } from "../src/ingest/dates.ts";
import { mulberry32 } from "../src/util/random.ts";

if (process.env.TZ !== "UTC") throw new Error("run with TZ=UTC (date-fns works in the local zone)");
const N = Number(process.argv[process.argv.indexOf("--n") + 1]) || 200_000;
const random = mulberry32(20181013);
const days = Array.from({ length: N }, () => 17_000 + Math.floor(random() * 3_000));
const isos = days.map((d) => isoDate(d));
const slashed = isos.map((s) => `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`);
const instants = days.map((d) => (d + random()) * 86_400_000);
const EPOCH = new Date(1970, 0, 1);
const ZONE = "America/Mexico_City";

/** The offset code the calendar replaced (Intl formatToParts, src/estimate/time.ts before), kept here to compare. */
const parts = new Intl.DateTimeFormat("en-US", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
function intlOffsetMs(ms: number): number {
  const p = parts.formatToParts(new Date(ms));
  const get = (type: string): number => Number(p.find((x) => x.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** CPU time per call in ns, best of 5 (the machine is shared). */
function perCall(fn: (i: number) => unknown): number {
  let best = Infinity;
  let sink = 0;
  for (let run = 0; run < 5; run++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < N; i++) if (fn(i) === undefined) sink++;
    const c = process.cpuUsage(c0);
    best = Math.min(best, ((c.user + c.system) * 1000) / N);
  }
  if (sink < 0) console.log(sink);
  return best;
}

interface Case {
  what: string;
  own: string;
  fns: string;
  ownFn: (i: number) => unknown;
  fnsFn: (i: number) => unknown;
  sample?: number;
}
const cases: Case[] = [
  {
    what: "ISO date → day number",
    own: "dayNumber",
    fns: "differenceInCalendarDays(parseISO)",
    ownFn: (i) => dayNumber(isos[i]!),
    fnsFn: (i) => differenceInCalendarDays(parseISO(isos[i]!), EPOCH),
  },
  {
    what: "day number → ISO date",
    own: "isoDate",
    fns: 'format(addDays(epoch), "yyyy-MM-dd")',
    ownFn: (i) => isoDate(days[i]!),
    fnsFn: (i) => format(fnsAddDays(EPOCH, days[i]!), "yyyy-MM-dd"),
  },
  {
    what: "ISO date + 7 days",
    own: "addDays",
    fns: 'format(addDays(parseISO), "yyyy-MM-dd")',
    ownFn: (i) => addDays(isos[i]!, 7),
    fnsFn: (i) => format(fnsAddDays(parseISO(isos[i]!), 7), "yyyy-MM-dd"),
  },
  {
    what: "dd/mm/yyyy cell → ISO date (importer)",
    own: 'parseDate(text, "dmy")',
    fns: 'format(parse(text, "dd/MM/yyyy"), "yyyy-MM-dd")',
    ownFn: (i) => {
      const p = parseDate(slashed[i]!, "dmy");
      return p.ok ? p.value.date : undefined;
    },
    fnsFn: (i) => format(parse(slashed[i]!, "dd/MM/yyyy", EPOCH), "yyyy-MM-dd"),
  },
  {
    what: "UTC offset in America/Mexico_City (ms)",
    own: "Intl formatToParts (before)",
    fns: "timeZoneOffsetMs (@date-fns/tz tzOffset)",
    ownFn: (i) => intlOffsetMs(instants[i]!),
    fnsFn: (i) => timeZoneOffsetMs(instants[i]!, ZONE),
  },
  {
    what: "local date of an instant in America/Mexico_City",
    own: "localDateOf (tzOffset + isoDate)",
    fns: 'format(new TZDate(ms, zone), "yyyy-MM-dd")',
    ownFn: (i) => localDateOf(instants[i]!, ZONE),
    fnsFn: (i) => format(new TZDate(instants[i]!, ZONE), "yyyy-MM-dd"),
  },
];

// Same answers first.
for (const c of cases) {
  for (let i = 0; i < 2000; i++) {
    const a = c.ownFn(i);
    const b = c.fnsFn(i);
    if (a !== b) throw new Error(`${c.what}: ${String(a)} ≠ ${String(b)} (input ${i})`);
  }
}
void tzOffset;
console.log(
  `Calendar: ${N.toLocaleString("en-US")} seeded inputs per case, 2018–2026 dates, CPU ns per call (best of 5)`,
);
console.log("| operation | calendar code | ns | date-fns | ns | date-fns / own |");
console.log("|---|---|---|---|---|---|");
for (const c of cases) {
  perCall(c.ownFn);
  perCall(c.fnsFn);
  const own = perCall(c.ownFn);
  const fns = perCall(c.fnsFn);
  console.log(
    `| ${c.what} | \`${c.own}\` | ${own.toFixed(0)} | \`${c.fns}\` | ${fns.toFixed(0)} | ${(fns / own).toFixed(1)}× |`,
  );
}
