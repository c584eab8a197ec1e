import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { createStore } from '../../server/store/create-store.ts';
import type { Store } from '../../server/store/store.ts';
import { openTestStore } from '../support/test-store.ts';

const settings = (env: Record<string, string>) => loadConfig(['--store', 'neo4j'], { ...process.env, ...env });

// Runs in the vitest project "neo4j" only: what an operator sees when the connection settings are wrong.
describe('Neo4j: clear errors, schema applied twice, numbers', () => {
  let silent: Server;
  let silentPort = 0;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // A port that accepts TCP but never speaks Bolt, and one that refuses.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('a wrong password names the URI, the user and the settings to check', async () => {
    const error = await createStore(settings({ NEO4J_PASSWORD: 'not-the-password' })).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      new RegExp(`cannot reach Neo4j at ${process.env.NEO4J_URI} as user 'neo4j': .*(unauthori[sz]ed|authentication)`, 'i'),
    );
    expect((error as Error).message).toContain('NEO4J_PASSWORD');
    expect((error as Error).message).not.toContain('not-the-password');
  });

  it('a server that is down names the URI and what to check', async () => {
    const error = await createStore(settings({ NEO4J_URI: 'bolt://127.0.0.1:1' })).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 as user 'neo4j': .*Check that the server runs, NEO4J_URI/s);
  });

  it('a port that accepts but never answers Bolt fails after 15 s instead of hanging', async () => {
    const started = Date.now();
    const error = await createStore(settings({ NEO4J_URI: `bolt://127.0.0.1:${silentPort}` })).catch((e: Error) => e);
    expect((error as Error).message).toContain(`cannot reach Neo4j at bolt://127.0.0.1:${silentPort}`);
    expect(Date.now() - started).toBeLessThan(25_000);
  }, 60_000);

  describe('on a reachable server', () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore();
    });
    afterAll(() => store.close());

    it('applies its schema again without error (IF NOT EXISTS)', async () => {
      await store.applySchema();
      await expect(store.applySchema()).resolves.toBeUndefined();
    });

    it('whole numbers go as integers (LIMIT takes them), fractions stay floats, both come back as JS numbers', async () => {
      await store.run('write/seed/areas', {
        rows: [{ id: 'area:n', name: '数字市', nameEn: null, level: 'city', local: true, origin: 'user', source: null, sourceText: null }],
      });
      const rows = await store.run<{ id: string }>('read/explore/missing-search-names', { labels: ['Enterprise'], limit: 5 });
      expect(rows).toEqual([]);
      const counts = await store.run<{ kind: string; name: string; count: number }>('read/graph-counts');
      expect(counts).toContainEqual({ kind: 'node', name: 'Area', count: 1 });
      expect(typeof counts[0]!.count).toBe('number');
    });
  });
});
