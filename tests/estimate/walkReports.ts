// Reports of a group walking along one route, for the association's unit tests.
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";

/** Reports walking `perDay` km a day on "main" from `km0` on days `from`…`to`, of `size` people. */
export function walk(
  from: number,
  to: number,
  km0: number,
  perDay: number,
  size: number,
): LinkReport[] {
  const out: LinkReport[] = [];
  for (let d = from; d <= to; d++)
    out.push({
      t: d + 0.5,
      kmByRoute: new Map([["main", km0 + perDay * (d - from)]]),
      logSize: Math.log(size),
    });
  return out;
}
