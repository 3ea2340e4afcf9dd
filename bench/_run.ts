// Runs a bench script with the stay-anchor experiment switches (commit of branch stayread):
// NOANCHOR=1 main's reading; TOWN=km half-width of the anchored town (0: stretch, one-sided only);
// MINDAYS=n naming days per run; ONDAY=1 only the naming days;
// NOAHEAD=1 reports ahead read as before (only the town narrowed);
// TOWNALT=w the town's whole stretch kept as an alternative reading of weight w. SCRIPT=world3.bench.ts etc.
(globalThis as { __noAnchor?: string }).__noAnchor = process.env.NOANCHOR;
(globalThis as { __town?: string }).__town = process.env.TOWN;
(globalThis as { __minDays?: string }).__minDays = process.env.MINDAYS;
(globalThis as { __onDay?: string }).__onDay = process.env.ONDAY;
(globalThis as { __noAhead?: string }).__noAhead = process.env.NOAHEAD;
(globalThis as { __townAlt?: string }).__townAlt = process.env.TOWNALT;
const script = process.env.SCRIPT!;
await import(`./${script}`);
export {};
