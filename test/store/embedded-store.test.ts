import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import { storeContract } from './store-contract.ts';

describe('embedded store (Grafeo, in memory)', () => {
  storeContract(async () => {
    const store = EmbeddedStore.open(':memory:');
    await store.applySchema();
    return store;
  });
});

describe('embedded store on disk', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chain-graph-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every write across a restart', async () => {
    const first = EmbeddedStore.open(dir);
    await first.applySchema();
    await first.run('write/seed/areas', {
      rows: [{ id: 'area:kept', name: '保留市', nameEn: null, level: 'city', local: true, origin: 'user', source: null, sourceText: null }],
    });
    await first.close();

    const second = EmbeddedStore.open(dir);
    await second.applySchema();
    const rows = await second.run<{ kind: string; name: string; count: number }>('read/graph-counts');
    expect(rows).toContainEqual({ kind: 'node', name: 'Area', count: 1 });
    await second.close();
  });
});

describe('embedded store write queue', () => {
  it('does not keep what a finished transaction returned (an import’s report of a million rows) until the next write', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const store = EmbeddedStore.open(':memory:');
    try {
      await store.applySchema();
      let answer: { rows: number[] } | null = await store.transaction(async () => ({ rows: Array.from({ length: 1000 }, (_, i) => i) }));
      const held = new WeakRef(answer);
      answer = null;
      // a WeakRef keeps its target until the turn it was read in has ended
      await new Promise((resolve) => setImmediate(resolve));
      collect();
      expect(held.deref()).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
