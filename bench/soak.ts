/**
 * npm run bench -- soak [--tier S|M] [--minutes 10] [--heavy-seconds 45] [--data-dir DIR]
 *
 * The hardening soak (issue 18): the real server with its public-demo
 * defaults (access control on, open mode, rate limit and cost budget on,
 * behind a "proxy": every virtual client has its own X-Forwarded-For), then
 *  1. a heavy phase: 8 anonymous clients sending the heaviest anonymous reads
 *     (totalCount over all enterprises, xlsx exports, depth-3 neighbourhoods,
 *     gap analysis of all chains) while /healthz and sign-in are probed;
 *  2. mixed traffic for --minutes: readers, two editors writing (creates and
 *     gap status), an import every minute, an export every 30 s, probes.
 * It reports throughput, p99 and server memory per minute, /healthz and
 * sign-in latency under load, how requests were answered (ok, BUSY, TIMEOUT,
 * RATE_LIMITED, other errors), and whether the enterprise count after the run
 * equals the count before plus the acknowledged creates (nothing lost).
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UserService } from '../server/auth/user-service.ts';
import { loadConfig } from '../server/config.ts';
import { SyntheticGraph, TIERS, type Tier } from '../server/services/generate/generate.ts';
import { loadGenerated } from '../server/services/generate/load.ts';
import { seedIfEmpty } from '../server/services/seed/load-seeds.ts';
import { createStore } from '../server/store/create-store.ts';
import { startServer, type RunningServer } from './lib/http.ts';
import { processMemoryMb, round, table } from './lib/measure.ts';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const EDITOR_PASSWORD = 'soak-editor-password';

const HEAVY_QUERIES = [
  '{ enterprises(first: 200) { totalCount items { id } } }',
  '{ exportTable(kind: ENTERPRISES, format: XLSX) { filename } }',
  'query($id: ID!) { neighbourhood(id: $id, depth: 3, limit: 2000) { truncated nodes { id } } }',
  '{ gapAnalysis { counts { fill extend strengthen } } }',
];
const READS = [
  '{ chains { id name segmentCount } }',
  '{ enterprises(first: 50) { items { id name output } hasNextPage } }',
  '{ search(text: "科技", limit: 20) { id name } }',
  'query($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 500) { nodes { id } } }',
  '{ gapAnalysis(chainId: "chain:nev-parts") { counts { fill extend strengthen } } }',
  'query($id: ID!) { enterprise(id: $id) { id name suppliers { product enterprise { id } } } }',
];

type Outcome = 'ok' | 'BUSY' | 'TIMEOUT' | 'RATE_LIMITED' | 'error';

class Recorder {
  readonly samples: { at: number; ms: number; kind: string; outcome: Outcome }[] = [];
  readonly errors = new Map<string, number>();
  add(kind: string, started: number, outcome: Outcome, detail?: string) {
    this.samples.push({ at: started, ms: performance.now() - started, kind, outcome });
    if (outcome === 'error' && detail) this.errors.set(detail, (this.errors.get(detail) ?? 0) + 1);
  }
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!, 1);
};

async function enterpriseCount(dataDir: string): Promise<number> {
  const store = await createStore(loadConfig(['--data-dir', dataDir, '--no-seed']));
  try {
    const rows = await store.run<{ name: string; count: number }>('read/graph-counts');
    const n = rows.find((r) => r.name === 'Enterprise')?.count;
    if (n === undefined) throw new Error('read/graph-counts has no Enterprise row');
    return n;
  } finally {
    await store.close();
  }
}

/** The store for the soak: a copy of the benchmark's store of this tier if there is one, else built here. */
async function prepare(tier: Tier, dataDir: string): Promise<{ editorTokens: string[]; hubId: string }> {
  rmSync(dataDir, { recursive: true, force: true });
  const benchStore = `/tmp/chain-graph-bench/${tier}-embedded`;
  if (existsSync(benchStore)) {
    console.log(`copying ${benchStore} (left by npm run bench -- --tier ${tier})`);
    cpSync(benchStore, dataDir, { recursive: true });
  }
  mkdirSync(dataDir, { recursive: true });
  const store = await createStore(loadConfig(['--data-dir', dataDir]));
  try {
    if (!existsSync(benchStore)) {
      await seedIfEmpty(store);
      if (tier !== 'S') {
        console.log(`loading tier ${tier} (generated, fictional) …`);
        await loadGenerated(store, new SyntheticGraph({ ...TIERS[tier], seed: 1 }));
      }
    }
    const users = new UserService(store);
    await users.addUser('soak-admin', 'admin', EDITOR_PASSWORD).catch(() => undefined);
    await users.addUser('soak-editor', 'editor', EDITOR_PASSWORD).catch(() => undefined);
    const editorTokens = [];
    for (const name of ['soak-editor-1', 'soak-editor-2']) editorTokens.push((await users.createApiToken(name, 'editor', 'soak-admin')).token);
    const [hub] = await store.run<{ id: string }>('read/enterprises/list', {
      areaIds: null,
      segmentId: null,
      chainId: null,
      local: null,
      tags: null,
      region: null,
      aboveScale: null,
      nameContains: null,
      nameNormalised: null,
      after: null,
      first: 1,
    });
    if (!hub) throw new Error('the soak store has no enterprise');
    return { editorTokens, hubId: hub.id };
  } finally {
    await store.close();
  }
}

interface Client {
  ip: string;
  token?: string;
}

async function gql(
  server: RunningServer,
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ outcome: Outcome; data?: Record<string, unknown>; detail?: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': `${client.ip}, ${client.ip}` };
  if (client.token) headers.authorization = `Bearer ${client.token}`;
  try {
    const response = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(120_000) });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
    const code = body.errors?.[0]?.extensions?.code;
    if (!body.errors) return { outcome: 'ok', data: body.data };
    if (code === 'BUSY' || code === 'TIMEOUT' || code === 'RATE_LIMITED') return { outcome: code };
    return { outcome: 'error', detail: `${code}: ${body.errors[0]!.message.slice(0, 120)}` };
  } catch (e) {
    return { outcome: 'error', detail: `network: ${(e as Error).message.slice(0, 120)}` };
  }
}

async function importCsv(server: RunningServer, client: Client, rows: string[][]): Promise<{ outcome: Outcome; created: number; detail?: string }> {
  const csv = '\ufeff' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({
      query: 'mutation($file: File!) { importFile(file: $file, kind: ENTERPRISES, dryRun: false) { committed counts { create reject } } }',
      variables: { file: null },
    }),
  );
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new Blob([csv], { type: 'text/csv' }), 'soak.csv');
  try {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, 'x-graphql-csrf': '1', 'x-forwarded-for': client.ip },
      body: form,
      signal: AbortSignal.timeout(300_000),
    });
    const body = (await response.json()) as {
      data?: { importFile: { committed: boolean; counts: { create: number } } };
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (body.errors) {
      const code = body.errors[0]?.extensions?.code;
      return code === 'BUSY' ? { outcome: 'BUSY', created: 0 } : { outcome: 'error', created: 0, detail: `${code}: ${body.errors[0]!.message.slice(0, 120)}` };
    }
    const report = body.data!.importFile;
    return report.committed ? { outcome: 'ok', created: report.counts.create } : { outcome: 'error', created: 0, detail: 'import not committed' };
  } catch (e) {
    return { outcome: 'error', created: 0, detail: `network: ${(e as Error).message.slice(0, 120)}` };
  }
}

/** Times /healthz and sign-in every `everyMs` until `until`. */
async function probe(server: RunningServer, rec: Recorder, until: () => boolean, everyMs: number): Promise<void> {
  const base = server.url.replace(/\/graphql$/, '');
  let n = 0;
  while (!until()) {
    const t = performance.now();
    try {
      const r = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(30_000) });
      await r.text();
      rec.add('healthz', t, r.ok ? 'ok' : 'error', `healthz ${r.status}`);
    } catch (e) {
      rec.add('healthz', t, 'error', `healthz: ${(e as Error).message}`);
    }
    if (n++ % 10 === 0) {
      const s = performance.now();
      // Each sign-in probe from its own address, so the 10-a-minute sign-in limit is not what is measured.
      const r = await gql(server, { ip: `198.51.100.${n % 250}` }, 'mutation($n: String!, $p: String!) { signIn(name: $n, password: $p) { name } }', {
        n: 'soak-editor',
        p: EDITOR_PASSWORD,
      });
      rec.add('signIn', s, r.outcome, r.detail);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function runSoak(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      tier: { type: 'string', default: 'S' },
      minutes: { type: 'string', default: '10' },
      'heavy-seconds': { type: 'string', default: '45' },
      'data-dir': { type: 'string' },
      'import-rows': { type: 'string' },
    },
    strict: true,
  });
  const tier = values.tier!.toUpperCase() as Tier;
  if (!(tier in TIERS)) throw new Error('--tier must be S, M or L');
  const minutes = Number(values.minutes);
  const heavySeconds = Number(values['heavy-seconds']);
  const importRows = Number(values['import-rows'] ?? (tier === 'S' ? 300 : 2000));
  const dataDir = values['data-dir'] ?? `/tmp/chain-graph-soak/${tier}`;
  const loadAtStart = loadavg().map((x) => round(x, 1));
  console.log(`soak: tier ${tier}, heavy phase ${heavySeconds} s, mixed traffic ${minutes} min, store ${dataDir}; load average ${loadAtStart.join(' ')}`);

  const { editorTokens, hubId } = await prepare(tier, dataDir);
  const countBefore = await enterpriseCount(dataDir);
  const server = await startServer('embedded', dataDir, { OPEN_MODE: 'true', TRUST_PROXY: 'true' });
  console.log(`server up in ${server.startupMs} ms; ${countBefore} enterprises`);
  const pid = server.child.pid!;
  const memory: { atS: number; rssMb: number | undefined }[] = [];
  const t0 = performance.now();
  const memTimer = setInterval(() => memory.push({ atS: round((performance.now() - t0) / 1000, 0), rssMb: processMemoryMb(pid, 'VmRSS') }), 5000);

  // ---- phase 1: the heaviest anonymous reads, 8 clients, with probes ----
  const heavy = new Recorder();
  const heavyEnd = performance.now() + heavySeconds * 1000;
  const heavyDone = () => performance.now() > heavyEnd;
  await Promise.all([
    probe(server, heavy, heavyDone, 100),
    ...Array.from({ length: 8 }, async (_, c) => {
      const client = { ip: `10.1.0.${c + 1}` };
      for (let i = c; !heavyDone(); i++) {
        const query = HEAVY_QUERIES[i % HEAVY_QUERIES.length]!;
        const t = performance.now();
        const r = await gql(server, client, query, { id: hubId });
        heavy.add('heavy', t, r.outcome, r.detail);
        // A refused client backs off as told (Retry-After would say more); the others go on.
        if (r.outcome === 'RATE_LIMITED' || r.outcome === 'BUSY') await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }),
  ]);

  // ---- phase 2: mixed traffic ----
  const mixed = new Recorder();
  const mixedStart = performance.now();
  const mixedEnd = mixedStart + minutes * 60_000;
  const mixedDone = () => performance.now() > mixedEnd;
  let acknowledgedCreates = 0;
  let importedCreates = 0;
  let importsRun = 0;
  const runId = Date.now().toString(36);
  const readers = Array.from({ length: 6 }, async (_, c) => {
    const client = { ip: `10.2.0.${c + 1}` };
    for (let i = c; !mixedDone(); i++) {
      const t = performance.now();
      const r = await gql(server, client, READS[i % READS.length]!, { id: hubId });
      mixed.add('read', t, r.outcome, r.detail);
      if (r.outcome === 'RATE_LIMITED') await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });
  const writers = editorTokens.map(async (token, w) => {
    const client = { ip: `10.3.0.${w + 1}`, token };
    for (let i = 0; !mixedDone(); i++) {
      const t = performance.now();
      const r = await gql(server, client, 'mutation($input: EnterpriseInput!) { createEnterprise(input: $input) { id } }', {
        input: { name: `浸泡测试企业${runId}-${w}-${i}有限公司`, areaId: 'area:chaohu', output: 100 + i },
      });
      mixed.add('write', t, r.outcome, r.detail);
      if (r.outcome === 'ok') acknowledgedCreates += 1;
      await new Promise((resolve) => setTimeout(resolve, r.outcome === 'RATE_LIMITED' ? 1000 : 100));
    }
  });
  const importer = (async () => {
    const client = { ip: '10.4.0.1', token: editorTokens[0] };
    for (let k = 0; !mixedDone(); k++) {
      const rows = [['企业名称', '所属环节', '所在地区', '产值（万元）']];
      for (let i = 0; i < importRows; i++) rows.push([`浸泡导入企业${runId}-${k}-${i}有限公司`, 'seg:auto-parts', '巢湖市', String(i + 1)]);
      const t = performance.now();
      const r = await importCsv(server, client, rows);
      mixed.add('import', t, r.outcome, r.detail);
      importedCreates += r.created;
      importsRun += r.outcome === 'ok' ? 1 : 0;
      const wait = mixedStart + (k + 1) * 60_000 - performance.now();
      while (!mixedDone() && performance.now() < mixedStart + (k + 1) * 60_000) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, wait)));
    }
  })();
  const exporter = (async () => {
    const client = { ip: '10.5.0.1', token: editorTokens[1] };
    for (let k = 0; !mixedDone(); k++) {
      const t = performance.now();
      const r = await gql(server, client, '{ exportTable(kind: ENTERPRISES, format: XLSX) { filename base64 } }');
      mixed.add('export', t, r.outcome, r.detail);
      while (!mixedDone() && performance.now() < mixedStart + (k + 1) * 30_000) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  await Promise.all([probe(server, mixed, mixedDone, 200), ...readers, ...writers, importer, exporter]);
  clearInterval(memTimer);
  const peakRssMb = processMemoryMb(pid);
  await server.stop();
  const countAfter = await enterpriseCount(dataDir);
  const expected = countBefore + acknowledgedCreates + importedCreates;

  // ---- report ----
  const outcomes = (rec: Recorder, kinds: string[]) =>
    kinds.map((kind) => {
      const xs = rec.samples.filter((s) => s.kind === kind);
      const by = (o: Outcome) => xs.filter((s) => s.outcome === o).length;
      const ok = xs.filter((s) => s.outcome === 'ok').map((s) => s.ms);
      return {
        kind,
        requests: xs.length,
        ok: by('ok'),
        busy: by('BUSY'),
        timeout: by('TIMEOUT'),
        rateLimited: by('RATE_LIMITED'),
        errors: by('error'),
        p50Ms: pct(ok, 50),
        p99Ms: pct(ok, 99),
        maxMs: pct(ok, 100),
      };
    });
  const heavyRows = outcomes(heavy, ['heavy', 'healthz', 'signIn']);
  const mixedRows = outcomes(mixed, ['read', 'write', 'import', 'export', 'healthz', 'signIn']);
  const perMinute = Array.from({ length: Math.ceil(minutes) }, (_, m) => {
    const from = mixedStart + m * 60_000;
    const xs = mixed.samples.filter((s) => s.at >= from && s.at < from + 60_000 && (s.kind === 'read' || s.kind === 'write'));
    const ok = xs.filter((s) => s.outcome === 'ok');
    const mem = memory.filter((x) => x.atS * 1000 >= from - t0 && x.atS * 1000 < from - t0 + 60_000).flatMap((x) => (x.rssMb === undefined ? [] : [x.rssMb]));
    return {
      minute: m + 1,
      okPerSec: round(ok.length / 60, 1),
      p99Ms: pct(
        ok.map((s) => s.ms),
        99,
      ),
      refused: xs.length - ok.length,
      rssMaxMb: mem.length ? Math.max(...mem) : NaN,
    };
  });
  const cols = ['', 'requests', 'ok', 'BUSY', 'TIMEOUT', 'RATE_LIMITED', 'errors', 'p50 ms', 'p99 ms', 'max ms'];
  const rowsOf = (rs: typeof heavyRows) => rs.map((r) => [r.kind, r.requests, r.ok, r.busy, r.timeout, r.rateLimited, r.errors, r.p50Ms, r.p99Ms, r.maxMs]);
  console.log(`\nphase 1: ${heavySeconds} s of the heaviest anonymous reads (8 clients)\n` + table(cols, rowsOf(heavyRows)));
  console.log(`\nphase 2: ${minutes} min of mixed traffic\n` + table(cols, rowsOf(mixedRows)));
  console.log(
    '\nper minute (reads + writes)\n' +
      table(
        ['minute', 'ok/s', 'p99 ms', 'refused', 'server RSS max MB'],
        perMinute.map((p) => [p.minute, p.okPerSec, p.p99Ms, p.refused, p.rssMaxMb]),
      ),
  );
  const lost = expected - countAfter;
  console.log(
    `\nenterprises: ${countBefore} before + ${acknowledgedCreates} acknowledged creates + ${importedCreates} imported (${importsRun} imports) = ${expected}; after: ${countAfter} → ${lost === 0 ? 'nothing lost' : `MISMATCH of ${lost}`}`,
  );
  console.log(
    `server peak RSS ${peakRssMb} MB; load average at end ${loadavg()
      .map((x) => round(x, 1))
      .join(' ')}`,
  );
  const errors = [...heavy.errors, ...mixed.errors];
  if (errors.length) console.log('errors:\n' + errors.map(([d, n]) => `  ${n} × ${d}`).join('\n'));

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}soak-${tier}.json`;
  writeFileSync(
    file,
    JSON.stringify(
      {
        tier,
        minutes,
        heavySeconds,
        importRows,
        loadAvgAtStart: loadAtStart,
        loadAvgAtEnd: loadavg(),
        heavy: heavyRows,
        mixed: mixedRows,
        perMinute,
        memory,
        peakRssMb,
        countBefore,
        acknowledgedCreates,
        importedCreates,
        countAfter,
        lost,
        errors: Object.fromEntries(errors),
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`wrote ${file}`);
  if (lost !== 0) process.exitCode = 1;
}
