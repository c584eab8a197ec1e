import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
