// Import benchmark (npx tsx bench/import.bench.ts): rows per second of the validated import of a
// seeded count sheet, as a ratio to papaparse's bare parse of the same text in the same process,
// and the peak memory (max RSS) of `dtm-flow import` on a 1,000,000-row file in a child process.
// With the CLI run, the cost of leaving out an empty extra column (a copy of its table without it).
// Then a header of 2,000 to 40,000 columns: CPU time per column, which stays flat when mapping the
// header is linear (it was quadratic before).
// Then a seeded sightings table (--sighting-rows N, default 50000): the per-record checks of
// sightings (the same report typed twice, caravan label spellings) against papaparse's bare parse.
// Options: --rows N (in-process rows, default 200000), --big N (CLI rows, default 1000000), --no-cli,
// --no-wide, --no-counts (skip the count sheet table and the CLI run).
import { spawnSync } from "node:child_process";
import {
  mkdtempSync,
  rmSync,
  statSync,
  openSync,
  writeSync,
  closeSync,
  existsSync,
  readFileSync,
  readSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { createTableImporter } from "../src/ingest/importer.ts";
import { createGazetteer } from "../src/geo/gazetteer.ts";
import { embedded2018 } from "../src/embedded/index.ts";
import { mulberry32 } from "../src/util/random.ts";
import { copyWithoutColumns } from "../cli/drop-columns.ts";
import type { OutputFile } from "../cli/output.ts";

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const ROWS = arg("--rows", 200_000);
const BIG = arg("--big", 1_000_000);
const SIGHTING_ROWS = arg("--sighting-rows", 50_000);
const COUNTS = !args.includes("--no-counts");

const POINTS = [
  "Tecún Umán",
  "Ciudad Hidalgo",
  "Tapachula",
  "Agua Caliente border post",
  "Esquipulas",
  "Huixtla",
];
const DIRECTIONS = ["norte", "sur", "norte", "norte"];
const NATIONALITIES = ["HND", "GTM", "SLV", "NIC", "hondureña", ""];
const HEADER =
  "Fecha;Punto de monitoreo;Dirección;Nacionalidad;Total personas;Hombres;Mujeres;Niños;Niñas;NNA no acompañados;Observaciones\r\n";

/** Seeded count sheet rows in the Spanish Excel style (dd/mm/yyyy, `;`, some blanks and N/A). */
function* sheetLines(rows: number, seed: number): Generator<string> {
  const random = mulberry32(seed);
  const start = Date.UTC(2018, 9, 1);
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + Math.floor(random() * 92) * 86_400_000);
    const date = `${String(day.getUTCDate()).padStart(2, "0")}/${String(day.getUTCMonth() + 1).padStart(2, "0")}/2018`;
    const men = Math.floor(random() * 900);
    const women = Math.floor(random() * 500);
    const boys = Math.floor(random() * 200);
    const girls = Math.floor(random() * 200);
    const uac = random() < 0.1 ? "N/A" : String(Math.floor(random() * Math.min(boys + girls, 30)));
    const total = men + women + boys + girls;
    const totalText =
      total >= 1000
        ? `${Math.floor(total / 1000)}.${String(total % 1000).padStart(3, "0")}`
        : String(total);
    const note = random() < 0.05 ? "llegada de grupo grande" : "";
    yield `${date};${POINTS[i % POINTS.length]};${DIRECTIONS[i % 4]};${NATIONALITIES[Math.floor(random() * 6)]};${totalText};${men};${women};${boys};${girls};${uac};${note};${i}\r\n`;
  }
}

function sheetText(rows: number, seed: number): string {
  const parts: string[] = [HEADER.replace("\r\n", ";Registro\r\n")];
  for (const line of sheetLines(rows, seed)) parts.push(line);
  return parts.join("");
}

/** CPU time (user + system) of this process for one call: steadier than wall time on a busy machine. */
function time<T>(fn: () => T): { ms: number; value: T } {
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, value };
}

const gazetteer = createGazetteer(embedded2018().places);
const CHUNK = 1 << 20;

/**
 * CPU time of papaparse's bare parse of `text` (the baseline, no validation) and of the validated
 * import of the same text as `kind`: warmed up, then alternated, the best of 5 each (least
 * disturbed by GC and JIT).
 */
function againstBare(text: string, kind: "counts" | "sightings") {
  const bytes = new TextEncoder().encode(text);
  const bare = () => Papa.parse<string[]>(text, { delimiter: ";" }).data.length;
  const validated = () => {
    const importer = createTableImporter(kind, { gazetteer, onRecord: () => {} });
    for (let i = 0; i < bytes.length; i += CHUNK) importer.push(bytes.subarray(i, i + CHUNK));
    return importer.finish().report;
  };
  bare();
  validated();
  let bestBare = Infinity;
  let bestImport = Infinity;
  let report = validated();
  for (let run = 0; run < 5; run++) {
    bestBare = Math.min(bestBare, time(bare).ms);
    const t = time(validated);
    bestImport = Math.min(bestImport, t.ms);
    report = t.value;
  }
  return { bestBare, bestImport, report, megabytes: bytes.length / 1e6 };
}

/** The table of one `againstBare` run (`rows` data rows). */
function printAgainstBare(title: string, rows: number, m: ReturnType<typeof againstBare>): void {
  const bareRate = rows / (m.bestBare / 1000);
  const importRate = rows / (m.bestImport / 1000);
  console.log(title);
  console.log(`| measure | CPU time (best of 5) | rows/s |`);
  console.log(`|---|---|---|`);
  console.log(
    `| papaparse bare parse (baseline) | ${m.bestBare.toFixed(0)} ms | ${Math.round(bareRate).toLocaleString("en-US")} |`,
  );
  console.log(
    `| dtm-flow validated import (decode, map, parse, check, gazetteer) | ${m.bestImport.toFixed(0)} ms | ${Math.round(importRate).toLocaleString("en-US")} |`,
  );
  console.log(
    `| ratio validated / bare | | **${(importRate / bareRate).toFixed(2)}** (goal ≥ 0.5) |`,
  );
  const r = m.report;
  console.log(
    `accepted ${r.accepted}, rejected ${r.rejected}, warnings ${r.warnings.length}${r.truncated ? "+" : ""}`,
  );
}

if (COUNTS) {
  const m = againstBare(sheetText(ROWS, 20181013), "counts");
  printAgainstBare(
    `Seeded count sheet: ${ROWS.toLocaleString("en-US")} rows, ${m.megabytes.toFixed(1)} MB, 12 columns, ';', dd/mm/yyyy, Spanish thousands`,
    ROWS,
    m,
  );
}

const SIGHTING_PLACES = [
  "Tapachula",
  "Huixtla",
  "Tecún Umán",
  "Ciudad Hidalgo",
  "Escuintla",
  "Arriaga",
  "Juchitán",
];
const LABELS = [
  "Caravana 1",
  "Caravana 2",
  "caravana 2",
  "Caravana 3",
  "CARAVANA 4",
  "Caravana 5",
  "",
];
const SOURCES = ["OIM", "ACNUR", "prensa", "Cruz Roja"];
const CONFIDENCE = ["alta", "media", "baja", ""];

/**
 * Seeded sightings (`;`, dd/mm/yyyy): seven places, labels in two spellings, a note on every row
 * and, one row in fifty, an earlier row typed again with its date written otherwise (rejected
 * as `duplicate_record`).
 */
function sightingsText(rows: number, seed: number): string {
  const random = mulberry32(seed);
  const parts = ["fecha;lugar;caravana;cantidad;fuente;confianza;observaciones\r\n"];
  const made: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const again = made.length > 0 && random() < 0.02;
    const row = again
      ? made[Math.floor(random() * made.length)]!.slice()
      : [
          `${1 + Math.floor(random() * 28)}/10/2018`,
          SIGHTING_PLACES[Math.floor(random() * SIGHTING_PLACES.length)]!,
          LABELS[Math.floor(random() * LABELS.length)]!,
          String(Math.floor(100 + random() * 9000)),
          SOURCES[Math.floor(random() * SOURCES.length)]!,
          CONFIDENCE[Math.floor(random() * CONFIDENCE.length)]!,
          `nota ${i}`,
        ];
    if (again)
      row[0] = row[0]!.replace(
        /^(\d+)\/10\/2018$/,
        (_, d: string) => `2018-10-${d.padStart(2, "0")}`,
      );
    else if (made.length < 5000) made.push(row);
    parts.push(row.join(";") + "\r\n");
  }
  return parts.join("");
}

if (SIGHTING_ROWS > 0) {
  const m = againstBare(sightingsText(SIGHTING_ROWS, 20181019), "sightings");
  printAgainstBare(
    `\nSeeded sightings: ${SIGHTING_ROWS.toLocaleString("en-US")} rows, ${m.megabytes.toFixed(1)} MB, 7 columns, ';', dd/mm/yyyy, notes on every row, 2% typed twice`,
    SIGHTING_ROWS,
    m,
  );
}

if (COUNTS && !args.includes("--no-cli")) {
  const dir = mkdtempSync(join(tmpdir(), "dtm-bench-"));
  const file = join(dir, "conteo-1m.csv");
  const fd = openSync(file, "w");
  writeSync(fd, HEADER.replace("\r\n", ";Registro\r\n"));
  let buffer = "";
  for (const line of sheetLines(BIG, 7)) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = "";
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  const size = statSync(file).size;
  const bin = new URL("../bin/dtm-flow.js", import.meta.url).pathname;
  const useTime = existsSync("/usr/bin/time");
  const cmd = useTime ? "/usr/bin/time" : process.execPath;
  const cmdArgs = useTime
    ? ["-v", process.execPath, bin, "import", file, "--out", join(dir, "out")]
    : [bin, "import", file, "--out", join(dir, "out")];
  const t0 = performance.now();
  const child = spawnSync(cmd, cmdArgs, { encoding: "utf8", maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1];
  const user = Number(/User time \(seconds\): ([\d.]+)/.exec(child.stderr)?.[1] ?? NaN);
  const system = Number(/System time \(seconds\): ([\d.]+)/.exec(child.stderr)?.[1] ?? NaN);
  const lastLines = child.stderr
    .split("\n")
    .filter((l) => l.startsWith("conteo-1m.csv") || l.startsWith("wrote"));
  console.log(
    `\nCLI: dtm-flow import of ${BIG.toLocaleString("en-US")} rows (${(size / 1e6).toFixed(0)} MB): exit ${child.status}, ${seconds.toFixed(1)} s, ${Math.round(BIG / seconds).toLocaleString("en-US")} rows/s end to end`,
  );
  if (Number.isFinite(user)) {
    console.log(
      `CPU time of the child: ${(user + system).toFixed(1)} s (user ${user.toFixed(1)} s + system ${system.toFixed(1)} s), ${Math.round(BIG / (user + system)).toLocaleString("en-US")} rows per CPU second`,
    );
  }
  console.log(
    rss
      ? `peak memory (max RSS, /usr/bin/time -v): ${(Number(rss) / 1024).toFixed(0)} MB (goal < 400 MB)`
      : "peak memory: /usr/bin/time not available",
  );
  for (const l of lastLines.slice(-2)) console.log(`  ${l}`);
  const left = child.stderr.split("\n").find((l) => l.includes("left out"));
  if (left) console.log(`  ${left}`);
  emptyColumnsCopy(join(dir, "out", "counts.csv"));
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The cost of leaving out an extra column empty in every row (cli/drop-columns.ts): the CLI's
 * table copied without one column, against a plain copy of the same file in 1 MB reads (the
 * baseline), best of 3 CPU times each.
 */
function emptyColumnsCopy(table: string): void {
  const header = readFileSync(table, "utf8").slice(0, 4096).split("\r\n")[0]!.split(",");
  const keep = header.map((c) => c !== "notes");
  const sink = (): OutputFile & { bytes: number } => {
    const s = {
      bytes: 0,
      append: (c: string | Uint8Array) => void (s.bytes += c.length),
      commit: () => "",
      temporaryPath: "",
      discard: () => {},
    };
    return s;
  };
  const plain = () => {
    const s = sink();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const fd = openSync(table, "r");
    const buffer = new Uint8Array(1 << 20);
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;)
      s.append(decoder.decode(buffer.subarray(0, n), { stream: true }));
    closeSync(fd);
    return s.bytes;
  };
  const dropped = () => {
    const s = sink();
    copyWithoutColumns(table, s, keep, ",");
    return s.bytes;
  };
  const best = (fn: () => number) => Math.min(...[0, 1, 2].map(() => time(fn).ms));
  const base = best(plain);
  const copy = best(dropped);
  console.log(
    `leaving out one empty column of that table (${(statSync(table).size / 1e6).toFixed(0)} MB): ${copy.toFixed(0)} ms CPU against ${base.toFixed(0)} ms for reading it (baseline), ratio ${(copy / base).toFixed(1)}`,
  );
}

if (!args.includes("--no-wide")) {
  // Wide headers: the header mapping must stay linear in the number of columns (a file with
  // 20,000 columns took quadratic time before). Two rows, every column name different.
  const wideText = (n: number) => {
    const head = ["fecha", "punto", "sentido", "total"];
    const row = ["13/10/2018", "Tecún Umán", "norte", "5"];
    for (let i = 0; i < n; i++) {
      head.push(`c${i}`);
      row.push(String(i % 7));
    }
    return `${head.join(",")}\n${row.join(",")}\n`;
  };
  console.log(`\nWide headers (2 rows): CPU time best of 3, and per 1,000 columns (flat = linear)`);
  console.log(`| columns | papaparse bare | dtm-flow import | import per 1,000 columns |`);
  console.log(`|---|---|---|---|`);
  for (const n of [2_000, 5_000, 20_000, 40_000]) {
    const wide = wideText(n);
    const importWide = () => {
      const importer = createTableImporter("counts", { gazetteer });
      importer.push(wide);
      return importer.finish().report;
    };
    let bareMs = Infinity;
    let importMs = Infinity;
    let wideReport = importWide();
    for (let run = 0; run < 3; run++) {
      bareMs = Math.min(bareMs, time(() => Papa.parse<string[]>(wide).data.length).ms);
      const t = time(importWide);
      importMs = Math.min(importMs, t.ms);
      wideReport = t.value;
    }
    console.log(
      `| ${n.toLocaleString("en-US")} | ${bareMs.toFixed(1)} ms | ${importMs.toFixed(1)} ms (accepted ${wideReport.accepted}) | ${((importMs / n) * 1000).toFixed(1)} ms |`,
    );
  }
}
