import { describe, expect, it } from 'vitest';
import { liveness } from '../../server/services/health/health.ts';
import type { Store, StoreHealth } from '../../server/store/store.ts';

/** A store whose health check takes `ms` and says `reachable`, counting the calls. */
function fakeStore(ms: number, reachable = true) {
  const calls = { n: 0 };
  const store = {
    kind: 'embedded',
    health: () => {
      calls.n += 1;
      return new Promise<StoreHealth>((resolve) => setTimeout(() => resolve({ store: 'embedded', reachable, detail: 'secret path' }), ms));
    },
  } as unknown as Store;
  return { store, calls };
}

describe('/healthz liveness', () => {
  it('asks the store at most once a second; concurrent probes share one question', async () => {
    const { store, calls } = fakeStore(20);
    const answers = await Promise.all(Array.from({ length: 20 }, () => liveness(store)));
    expect(answers.every((a) => a.ok === true)).toBe(true);
    expect(calls.n).toBe(1);
    expect(await liveness(store)).toEqual({ ok: true });
    expect(calls.n).toBe(1);
    expect(await liveness(store, 2000, Date.now() + 1500)).toEqual({ ok: true });
    expect(calls.n).toBe(2);
  });

  it('answers at once from a result under 5 s old while the store is asked again; waits only without one', async () => {
    const { store, calls } = fakeStore(300);
    let t = performance.now();
    expect(await liveness(store)).toEqual({ ok: true }); // no result yet: waits for the store
    expect(performance.now() - t).toBeGreaterThanOrEqual(250);
    t = performance.now();
    expect(await liveness(store, 2000, Date.now() + 1500)).toEqual({ ok: true }); // 1.5 s old: at once
    expect(performance.now() - t).toBeLessThan(100);
    expect(calls.n).toBe(2); // and asked again meanwhile
    const down = fakeStore(1, false);
    expect(await liveness(down.store)).toEqual({ ok: false });
    expect(await liveness(down.store, 2000, Date.now() + 6000)).toEqual({ ok: false }); // 6 s old: waited for
    expect(down.calls.n).toBe(2);
  });

  it('says not ok when the store does not answer in time, and never more than ok', async () => {
    const slow = fakeStore(500);
    expect(await liveness(slow.store, 50)).toEqual({ ok: false });
    const down = fakeStore(1, false);
    expect(await liveness(down.store)).toEqual({ ok: false });
  });
});
