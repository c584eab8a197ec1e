/**
 * npx tsx bench/pipeline.ts [--projects 2000] [--port 5120]: the pipeline board at scale (issue 12).
 * Seed graph + N generated projects (fictional, origin sample, deterministic), written through the
 * projects service; then the board and the monthly report by service call, over HTTP (GraphQL), and rendered in headless
 * Chromium. Prints JSON with the machine load.
 */
import { cpus, loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { DISABLED_AUTH } from '../server/auth/auth-options.ts';
import { createHttpServer } from '../server/http/create-http-server.ts';
import { loadSeeds } from '../server/services/seed/load-seeds.ts';
import { pipelineBoard } from '../server/services/projects/pipeline-board.ts';
import { changeProjectStage, createProject } from '../server/services/projects/projects.ts';
import { EmbeddedStore } from '../server/store/embedded-store.ts';
import { STAGE_ORDER } from '../server/services/projects/pipeline-rules.ts';
import { monthlyReport } from '../server/services/reports/monthly-report.ts';
import { monthlyReportXlsx } from '../server/services/reports/report-workbook.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { measure } from './lib/measure.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('projects', 2000);
const dirAt = process.argv.indexOf('--data-dir');
/** Keep (and reuse) the store with its projects in this directory, to measure again without writing them. */
const DATA_DIR = dirAt > 0 ? process.argv[dirAt + 1]! : null;
const PORT = arg('port', 0);
const SEGMENTS = [
  'seg:bms',
  'seg:power-battery',
  'seg:camera-module',
  'seg:wafer-fab',
  'seg:auto-glass',
  'seg:body-structure',
  'seg:innovative-drugs',
  'seg:steel-structure',
];
const UNITS = ['unit:shi-touchu', 'unit:qu-touchu', 'unit:shi-jingxin', 'unit:qu-jingmao'];

async function main(): Promise<void> {
  const store = EmbeddedStore.open(DATA_DIR ?? ':memory:');
  await store.applySchema();
  const reuse = DATA_DIR !== null && Boolean((await store.run<{ seeded: boolean }>('read/seed-status'))[0]?.seeded);
  if (!reuse) await loadSeeds(store);
  const t0 = performance.now();
  for (let i = 0; i < (reuse ? 0 : N); i++) {
    const p = await createProject(
      store,
      {
        name: `基准示例项目 ${i}`,
        investorName: `基准示例投资方 ${i % 97}`,
        areaId: i % 3 === 0 ? 'area:anchao' : 'area:chaohu',
        segmentIds: [SEGMENTS[i % SEGMENTS.length]!],
        leadUnitId: UNITS[i % UNITS.length]!,
        lookAfterUnitIds: [UNITS[(i + 1) % UNITS.length]!],
        investment: i % 7 === 0 ? null : Math.round(((i * 37) % 1500) / 10) / 1,
        elements: ['base'],
        stageDate: '2024-03-01',
      },
      'bench',
      { origin: 'sample', clock: { now: () => '2024-03-01T09:00:00.000Z' } },
    );
    const target = i % 6;
    for (let s = 1; s <= Math.min(target, 4); s++) {
      const date = `2024-${String(3 + s).padStart(2, '0')}-01`;
      await changeProjectStage(store, { id: p.id, stage: STAGE_ORDER[s]!, date }, 'bench', { clock: { now: () => `${date}T09:00:00.000Z` } });
    }
    if (target === 5)
      await changeProjectStage(store, { id: p.id, stage: 'dropped', date: '2024-05-01', reason: '基准' }, 'bench', {
        clock: { now: () => '2024-05-01T09:00:00.000Z' },
      });
  }
  const loadMs = performance.now() - t0;

  const service = await measure('pipelineBoard (service, all, 100 per stage)', async () => (await pipelineBoard(store, {}, { perStage: 100 })).totalCount, {
    minRuns: 7,
    maxRuns: 15,
  });
  const report = await measure(
    'monthlyReport (service, every local area, 2024-05)',
    async () => (await monthlyReport(store, { month: '2024-05' })).totalCount,
    { minRuns: 5, maxRuns: 10 },
  );
  const reportXlsx = await measure(
    'monthly report .xlsx (service, every local area, 2024-05)',
    async () => (await monthlyReportXlsx(store, { month: '2024-05' })).buffer.length,
    { minRuns: 5, maxRuns: 10 },
  );
  const filtered = await measure(
    'pipelineBoard (service, area+unit+band)',
    async () =>
      (await pipelineBoard(store, { areaId: 'area:chaohu', unitId: 'unit:shi-touchu', minInvestment: 1, maxInvestment: 50 }, { perStage: 100 })).totalCount,
    { minRuns: 7, maxRuns: 15 },
  );

  const server = createHttpServer(store, { auth: DISABLED_AUTH });
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const query = `{ pipelineBoard(perStage: 100) { totalCount columns { stage count projects { id name investorName area { id name } investment stage lastActivityAt origin } } stalled { id name lastActivityAt } } }`;
  let bytes = 0;
  const http = await measure(
    'pipelineBoard over HTTP (GraphQL)',
    async () => {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const text = await res.text();
      bytes = text.length;
      return (JSON.parse(text) as { data: { pipelineBoard: { totalCount: number } } }).data.pipelineBoard.totalCount;
    },
    { minRuns: 7, maxRuns: 15 },
  );

  const browser = await launchBrowser();
  const renders: number[] = [];
  try {
    for (let i = 0; i < 4; i++) {
      const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
      const start = performance.now();
      await page.goto(`${url}/?view=pipeline`);
      await page.locator('[data-testid=pipeline-board] .project-card').first().waitFor({ timeout: 60_000 });
      renders.push(performance.now() - start);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  renders.sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        projects: N,
        machine: { cpus: cpus().length, loadavg: loadavg().map((x) => Math.round(x * 100) / 100) },
        writeAllMs: reuse ? 'reused' : Math.round(loadMs),
        service,
        filtered,
        report,
        reportXlsx,
        http: { ...http, responseBytes: bytes },
        uiFirstRenderMs: {
          runs: renders.map(Math.round),
          median: Math.round((renders[1]! + renders[2]!) / 2),
          note: 'page load to first card: app start, auth check, board + targets queries, render of 6 columns × ≤100 cards',
        },
      },
      null,
      1,
    ),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
