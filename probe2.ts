import { embedded2018, runReplay } from "./src/index.ts";
const r = runReplay(embedded2018(), { asOf: "2018-11-25" });
console.log(r.estimate!.report.trackEnds);
const last = r.tracks.map((t) => t.date).sort().pop();
console.log("last track day", last, r.ledger.departed.at(-1));
for (const d of ["2018-11-15","2018-11-20","2018-11-22"]) console.log(d, r.ledger.groups.filter((g) => g.date === d).map((g) => `${g.group} ${Math.round(g.onRoad)} ${g.unseenSince ?? ""}`).join("; "));
