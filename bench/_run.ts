// Runs a bench script with the stay-anchor experiment switches (commit of branch stayread):
// NOANCHOR=1 main's reading; TOWN=km half-width of the anchored town (0: stretch, one-sided only);
// MINDAYS=n naming days per run; ONDAY=1 only the naming days. SCRIPT=world3.bench.ts etc.
(globalThis as { __noAnchor?: string }).__noAnchor = process.env.NOANCHOR;
(globalThis as { __town?: string }).__town = process.env.TOWN;
(globalThis as { __minDays?: string }).__minDays = process.env.MINDAYS;
(globalThis as { __onDay?: string }).__onDay = process.env.ONDAY;
const script = process.env.SCRIPT!;
await import(`./${script}`);
export {};
