import { fittedWeightsReady, type FittedWeights } from '../../server/services/suppliers/fitted-weights.ts';
import type { Store } from '../../server/store/store.ts';
import { round } from './measure.ts';

/** What fitting the ranking's weights on the store's own links cost (server/services/suppliers/fitted-weights.ts), after the projection. */
export interface WeightFitFigures {
  wallMs: number;
  cpuMs: number;
  /** The longest the event loop waited during the fit (ms): what a request arriving meanwhile could wait for it. */
  maxLoopDelayMs: number;
  fit: Omit<FittedWeights, 'ms'>;
}

/** Waits for this data version's fit (the operations then rank with it, not competing with it) and says what it cost. */
export async function measureWeightFit(store: Store): Promise<WeightFitFigures> {
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { ms: _ms, ...fit } = await fittedWeightsReady(store);
  const c = process.cpuUsage(c0);
  const wallMs = performance.now() - t0;
  loop.disable();
  return { wallMs: round(wallMs, 0), cpuMs: round((c.user + c.system) / 1000, 0), maxLoopDelayMs: round(loop.max / 1e6, 1), fit };
}

export function describeWeightFit(f: WeightFitFigures): string {
  const w = f.fit;
  return w.fitted
    ? `ranking weights fitted on ${w.links} links (${w.questions} asked; MRR ${w.mrrDefault?.toFixed(3)} → ${w.mrrFitted?.toFixed(3)}): ` +
        `${f.wallMs} ms wall, ${f.cpuMs} ms CPU, event loop held at most ${f.maxLoopDelayMs} ms; ${JSON.stringify(w.weights)}`
    : `ranking weights: the defaults (${w.reason})`;
}
