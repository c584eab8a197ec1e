import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANES, LimitError, limitedWork, runningIn } from '../../server/services/limits/work-limits.ts';
import { createSecureTestApi } from '../support/auth.ts';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** A listening server and a client connected to it: what the client writes is readable on `accepted` once the loop polls. */
async function connectedSockets(): Promise<{ server: Server; client: Socket; accepted: Socket }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  const accepted = await new Promise<Socket>((resolve) => server.once('connection', resolve));
  await new Promise<void>((resolve) => client.once('connect', resolve));
  return { server, client, accepted };
}

/** Issue 18 finding 5: the rate limit counted requests, not what they cost. */
type Api = Awaited<ReturnType<typeof createSecureTestApi>>;
let api: Api | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const codeOf = (e: unknown) => (e instanceof LimitError ? e.code : String(e));
/** The store the lanes belong to (any object: lanes are kept per store). */
const owner = {};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('cost budget per client', () => {
  it('charges the estimate and the work: a few costly queries spend what hundreds of cheap ones would not', async () => {
    api = await createSecureTestApi({ costBudget: { perMinute: 600, burst: 300 }, trustProxy: true });
    const from = (ip: string, query: string) => api!.gql(query, {}, { 'x-forwarded-for': ip });
    for (let i = 0; i < 20; i++) expect((await from('10.0.0.1', '{ me { name } }')).status).toBe(200);
    // enterprises(first: 200) with two fields is estimated at 1,900: the first runs, the next waits.
    const costly = '{ enterprises(first: 200) { items { id name } } }';
    expect((await from('10.0.0.2', costly)).status).toBe(200);
    const refused = await from('10.0.0.2', '{ me { name } }');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(100);
    expect(refused.body.errors?.[0]).toEqual({
      message: expect.stringMatching(/^this client has used its budget of query cost \(estimated cost \+ milliseconds of work\): retry after \d+ s$/),
      extensions: { code: 'RATE_LIMITED' },
    });
    // Another client is not affected.
    expect((await from('10.0.0.1', '{ me { name } }')).status).toBe(200);
  });
});

describe('bounded concurrency and time limits for expensive operations', () => {
  const saved = structuredClone(LANES);
  afterEach(() => Object.assign(LANES.export, saved.export) && Object.assign(LANES.heavyRead, saved.heavyRead));

  it('runs at most `concurrency` at once, queues a few, and answers BUSY beyond', async () => {
    Object.assign(LANES.export, { concurrency: 1, queue: 1, waitMs: 200, timeoutMs: 0 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = limitedWork(owner, 'export', { zh: '测试导出', en: 'the test export' }, () => gate.then(() => 'first'));
    const second = limitedWork(owner, 'export', { zh: '测试导出', en: 'the test export' }, async () => 'second');
    const third = limitedWork(owner, 'export', { zh: '测试导出', en: 'the test export' }, async () => 'third').catch((e: unknown) => e);
    expect(runningIn(owner, 'export')).toBe(1);
    const busy = await third;
    expect(codeOf(busy)).toBe('BUSY');
    expect((busy as Error).message).toContain('the server is busy with the test export (1 running, 1 waiting)');
    release();
    expect(await first).toBe('first');
    expect(await second).toBe('second');
    // A queued caller that waits too long gets BUSY too.
    let hold!: () => void;
    const held = limitedWork(owner, 'export', { zh: '测试导出', en: 'the test export' }, () => new Promise<void>((resolve) => (hold = resolve)));
    // (it may start at the event loop's next turn: one start per turn)
    await vi.waitFor(() => expect(runningIn(owner, 'export')).toBe(1));
    const waited = await limitedWork(owner, 'export', { zh: '测试导出', en: 'the test export' }, async () => 'late').catch((e: unknown) => e);
    expect(codeOf(waited)).toBe('BUSY');
    hold();
    await held;
    expect(runningIn(owner, 'export')).toBe(0);
  });

  it('starts one operation per turn of the event loop, so a socket is read between walks that never wait on I/O', async () => {
    // A walk in memory runs from start to end without yielding. Six callers arriving in one turn (here: six
    // timers firing together, as six requests read in one poll) each found a free slot once the one before
    // had finished, and ran back to back before the loop read any socket: /healthz waited for all of them.
    const { server, client, accepted } = await connectedSockets();
    let done = 0;
    const walk = () => {
      const until = performance.now() + 10;
      while (performance.now() < until);
      done += 1;
    };
    const doneWhenRead = new Promise<number>((resolve) => accepted.once('data', () => resolve(done)));
    try {
      const walks: Promise<void>[] = [];
      await new Promise<void>((resolve) => {
        for (let i = 0; i < 6; i += 1)
          setTimeout(() => {
            if (i === 0) client.write('healthz'); // readable from now on, as the walks arrive
            walks.push(limitedWork(owner, 'explore', { zh: '测试邻域', en: 'the test walk' }, async () => walk()));
            if (walks.length === 6) resolve();
          }, 0);
      });
      expect(await doneWhenRead).toBeLessThanOrEqual(2);
      await Promise.all(walks);
      expect(done).toBe(6);
    } finally {
      client.destroy();
      server.close();
    }
  });

  it('builds an answer in a turn of its own, so a socket is read between the walk and what its caller does next', async () => {
    // An uncached neighbourhood walks in memory, then its caller builds, encodes and writes the answer; both
    // ran in one piece (~6 ms at tier M), and /healthz waited for the two together, behind the next walk.
    const { server, client, accepted } = await connectedSockets();
    const pieces: string[] = [];
    const busy = (name: string) => {
      const until = performance.now() + 10;
      while (performance.now() < until);
      pieces.push(name);
    };
    const piecesWhenRead = new Promise<string[]>((resolve) => accepted.once('data', () => resolve([...pieces])));
    try {
      let answered!: Promise<void>;
      await new Promise<void>((resolve) =>
        setTimeout(() => {
          client.write('healthz'); // readable from now on, as the request arrives
          answered = limitedWork(owner, 'explore', { zh: '测试邻域', en: 'the test walk' }, async () => busy('walk')).then(() => busy('answer'));
          resolve();
        }, 0),
      );
      expect(await piecesWhenRead).toEqual(['walk']);
      await answered;
      expect(pieces).toEqual(['walk', 'answer']);
    } finally {
      client.destroy();
      server.close();
    }
  });

  it('answers TIMEOUT past the time limit, and keeps the slot until the work really ends', async () => {
    Object.assign(LANES.heavyRead, { concurrency: 1, queue: 0, waitMs: 10, timeoutMs: 100 });
    const slow = limitedWork(owner, 'heavyRead', { zh: '测试统计', en: 'the test count' }, () => sleep(400).then(() => 1)).catch((e: unknown) => e);
    const timedOut = await slow;
    expect(codeOf(timedOut)).toBe('TIMEOUT');
    expect((timedOut as Error).message).toContain('the test count took longer than 0.1 s');
    expect(runningIn(owner, 'heavyRead')).toBe(1);
    expect(codeOf(await limitedWork(owner, 'heavyRead', { zh: '测试统计', en: 'the test count' }, async () => 2).catch((e: unknown) => e))).toBe('BUSY');
    await sleep(400);
    expect(runningIn(owner, 'heavyRead')).toBe(0);
  });

  it('reaches the client as BUSY (not INTERNAL) with a retry hint', async () => {
    api = await createSecureTestApi();
    Object.assign(LANES.export, { concurrency: 0, queue: 0 });
    const answer = await api.gql('{ exportTable(kind: ENTERPRISES, format: XLSX) { filename } }');
    expect(answer.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('the server is busy with the enterprise export'),
      extensions: { code: 'BUSY', retryAfterSeconds: 10 },
    });
  });

  it('totalCount is counted only when asked for, once per write', async () => {
    api = await createSecureTestApi();
    Object.assign(LANES.heavyRead, { concurrency: 0, queue: 0 });
    // The heavy lane is closed: a page without totalCount still answers; with it, BUSY.
    expect((await api.gql('{ enterprises(first: 5) { items { id } hasNextPage } }')).body.errors).toBeUndefined();
    expect((await api.gql('{ enterprises(first: 5) { totalCount } }')).body.errors?.[0]?.extensions?.code).toBe('BUSY');
    Object.assign(LANES.heavyRead, saved.heavyRead);
    expect((await api.gql('{ enterprises(first: 5) { totalCount } }')).body.data).toEqual({ enterprises: { totalCount: 0 } });
    Object.assign(LANES.heavyRead, { concurrency: 0, queue: 0 });
    // Cached until the next write.
    expect((await api.gql('{ enterprises(first: 5) { totalCount } }')).body.data).toEqual({ enterprises: { totalCount: 0 } });
  });
});
