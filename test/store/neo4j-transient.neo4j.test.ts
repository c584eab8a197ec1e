import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/store.ts';
import { openTestStore } from '../support/test-store.ts';

/**
 * A transient error forced on a real Neo4j: two write transactions lock two
 * enterprises in opposite orders, Neo4j breaks the deadlock by failing one with
 * Neo.TransientError.Transaction.DeadlockDetected, and the store's managed
 * transaction retries that one — the caller sees both writes succeed.
 */
describe('Neo4j store: transient errors are retried', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
    await store.run('write/seed/areas', {
      rows: [{ id: 'area:t', name: '测试区', nameEn: 'Test', level: 'district', local: true, source: 'test', sourceText: 'test' }],
    });
    for (const id of ['ent:a', 'ent:b']) await store.run('write/enterprises/create', { id, areaId: 'area:t', props: { name: id, origin: 'test' } });
  });
  afterAll(() => store?.close());

  it('a deadlock victim is retried and both writes commit', async () => {
    let attempts = 0;
    let arrived = 0;
    let release!: () => void;
    const bothHoldOneLock = new Promise<void>((resolve) => (release = resolve));
    // First attempt of each: lock one enterprise, wait until the other transaction holds the other, then ask for it.
    const lockBoth = (first: string, second: string, writer: string) =>
      store.transaction(async (tx) => {
        attempts += 1;
        await tx.run('write/enterprises/update', { id: first, props: { name: writer } });
        if (++arrived <= 2) {
          if (arrived === 2) release();
          await bothHoldOneLock;
        }
        await tx.run('write/enterprises/update', { id: second, props: { name: writer } });
        return writer;
      });
    const results = await Promise.all([lockBoth('ent:a', 'ent:b', 'one'), lockBoth('ent:b', 'ent:a', 'two')]);
    expect(results).toEqual(['one', 'two']);
    // One transaction was chosen as the deadlock victim and ran again.
    expect(attempts).toBeGreaterThanOrEqual(3);
    // The retried transaction ran whole after the other committed: it wrote both enterprises last.
    const rows = await store.run('read/enterprises/profile', { ids: ['ent:a', 'ent:b'] });
    const names = rows.map((r) => r.name);
    expect(names[0]).toBe(names[1]);
    expect(['one', 'two']).toContain(names[0]);
  }, 60_000);
});
