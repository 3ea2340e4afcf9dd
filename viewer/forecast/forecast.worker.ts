/// <reference lib="webworker" />
/**
 * The forecast worker: keeps the embedded 2018 dataset and answers "forecast as of T" requests
 * off the page's thread (each is an estimator run), caching answers by as-of moment; and "the
 * situation as known on day D" requests for the situation panel (`computeAsOfDay`, cached by day).
 */
import { embedded2018 } from "../../src/index.ts";
import { computeAsOfDay } from "../data/asOfDay.ts";
import type { AsOfDay } from "../data/asOfDay.ts";
import { computeForecastView } from "./view.ts";
import type { ForecastView } from "./view.ts";
import type { ForecastReply, ForecastRequest } from "./provider.ts";

const dataset = embedded2018();
const cache = new Map<string, ForecastView>();
const days = new Map<string, AsOfDay>();
const post = (m: ForecastReply) => (self as unknown as Worker).postMessage(m);

self.addEventListener("message", (event: MessageEvent<ForecastRequest>) => {
  const request = event.data;
  const { id, asOf } = request;
  try {
    if (request.kind === "situation") {
      let day = days.get(asOf);
      if (!day) {
        day = computeAsOfDay(dataset, asOf);
        days.set(asOf, day);
      }
      post({ id, day });
      return;
    }
    const { horizonDays } = request;
    const key = `${asOf}|${horizonDays}`;
    let view = cache.get(key);
    if (!view) {
      view = computeForecastView(dataset, asOf, horizonDays);
      cache.set(key, view);
    }
    post({ id, view });
  } catch (err) {
    post({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
