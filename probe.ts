import { embedded2018, runReplay, situationHeadlines } from "./src/index.ts";
const dataset = embedded2018();
for (const d of ["2018-11-05", "2018-11-25", "2018-12-15"]) {
  const r = runReplay(dataset, { asOf: d });
  const h = situationHeadlines({ ledger: r.ledger, dataset, asOf: d });
  console.log(d, h.map((x) => `${x.category} ${Math.round(x.value)} [${x.breakdown.map((b) => `${b.country ?? ""}/${b.placeName ?? ""} ${Math.round(b.value)}`).join("; ")}] src:${x.sources.map((s) => `${s.date} ${s.value} ${s.country ?? ""}/${s.placeName ?? ""}`).join(", ")}`).join("\n  "));
  console.log(r.state.find((s) => s.date === d)?.groups.map((g) => `${g.group} km ${Math.round(g.km)} size ${Math.round(g.size)} onRoad ${Math.round(g.onRoad)} ${g.unseenSince ?? ""}`).join("\n  "));
}
