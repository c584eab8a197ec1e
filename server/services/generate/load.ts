import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { normaliseName } from '../../model/normalise-name.ts';
import type { RowsQuery, Store } from '../../store/store.ts';
import { loadSeeds } from '../seed/load-seeds.ts';
import type { EnterpriseRow, SyntheticGraph } from './generate.ts';
import type { Skeleton } from './skeleton.ts';

/** Rows per UNWIND batch (ENGINE-NOTES: 5k batches suit Grafeo and Neo4j). */
export const BATCH = 5000;

export interface LoadStep {
  kind: string;
  rows: number;
  ms: number;
  /** CPU time of this process (user + system, all threads) during the step. */
  cpuMs: number;
}

export interface LoadReport {
  skeleton: 'seed-loader' | 'skeleton-fallback';
  steps: LoadStep[];
  rows: number;
  ms: number;
  rowsPerSecond: number;
}

/**
 * Loads the plan's skeleton: the product's seed loader when it works (the full
 * seed graph), else chains, segments, FEEDS and areas straight from seeds/*.yaml
 * through the seed writers.
 */
export async function loadSkeleton(store: Store, skeleton: Skeleton): Promise<LoadReport['skeleton']> {
  try {
    await loadSeeds(store);
    return 'seed-loader';
  } catch (e) {
    if (!/not implemented/.test((e as Error).message)) throw e;
  }
  const areas = skeleton.areas.map(({ id, name, nameEn, level, local, origin, source, sourceText }) => ({
    id,
    name,
    nameEn,
    level,
    local,
    origin,
    source,
    sourceText,
  }));
  const partOf = skeleton.areas.filter((a) => a.partOf).map((a) => ({ from: a.id, to: a.partOf, source: a.source, sourceText: a.sourceText }));
  const chains = skeleton.chains.map((c) => ({ ...c, origin: 'plan' }));
  const segments = skeleton.segments.map(({ chains: _c, ...s }) => ({ ...s, origin: s.fromPlan ? 'plan' : 'sample' }));
  const chainSegments = skeleton.segments.flatMap((s) => s.chains.map((c) => ({ chain: c, segment: s.id, source: s.source, sourceText: s.sourceText })));
  await store.transaction(async (tx) => {
    await tx.run('write/seed/areas', { rows: areas });
    await tx.run('write/seed/area-part-of', { rows: partOf });
    await tx.run('write/seed/chains', { rows: chains });
    await tx.run('write/seed/segments', { rows: segments });
    await tx.run('write/seed/chain-segments', { rows: chainSegments });
    await tx.run('write/seed/feeds', { rows: skeleton.feeds });
  });
  return 'skeleton-fallback';
}

function enterpriseWriteRow(e: EnterpriseRow) {
  const { id, areaId, ...rest } = e;
  return { id, areaId, props: { ...rest, areaId, searchName: normaliseName(e.name), searchShortName: normaliseName(e.shortName) } };
}

async function timedBatches<T extends object>(
  store: Store,
  kind: string,
  query: RowsQuery,
  rows: Iterable<T>,
  steps: LoadStep[],
  onProgress?: (s: LoadStep) => void,
) {
  const step: LoadStep = { kind, rows: 0, ms: 0, cpuMs: 0 };
  steps.push(step);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const cpu = () => {
    const d = process.cpuUsage(c0);
    return (d.user + d.system) / 1000;
  };
  let batch: T[] = [];
  const flush = async () => {
    await store.run(query, { rows: batch });
    step.rows += batch.length;
    batch = [];
    step.ms = performance.now() - t0;
    step.cpuMs = cpu();
    onProgress?.(step);
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  step.ms = performance.now() - t0;
  step.cpuMs = cpu();
}

/**
 * Writes the generated enterprises, OPERATES_IN and SUPPLIES into a store whose
 * schema (indexes) is applied and whose skeleton is loaded: batches of 5k,
 * CREATE (the generated ids must be new). Times each kind; generation time is included.
 */
export async function loadGenerated(store: Store, graph: SyntheticGraph, onProgress?: (s: LoadStep) => void): Promise<LoadStep[]> {
  const [existing] = await store.run<{ n: number }>('write/generate/count', { prefix: 'gen:ent:' });
  if (existing && existing.n > 0) throw new Error(`the store already holds ${existing.n} generated enterprises: load into an empty data dir`);
  const steps: LoadStep[] = [];
  const n = graph.enterprises;
  function* enterprises() {
    for (let i = 0; i < n; i++) yield enterpriseWriteRow(graph.enterprise(i).enterprise);
  }
  function* operatesIn() {
    for (let i = 0; i < n; i++) yield* graph.enterprise(i).operatesIn;
  }
  await timedBatches(store, 'enterprises', 'write/generate/enterprises', enterprises(), steps, onProgress);
  await timedBatches(store, 'operatesIn', 'write/generate/operates-in', operatesIn(), steps, onProgress);
  await timedBatches(store, 'supplies', 'write/generate/supplies', graph.supplyRows(), steps, onProgress);
  return steps;
}

export interface FileReport {
  dir: string;
  files: Record<string, number>;
}

const CSV_HEADER = ['企业名称', '统一社会信用代码', '简称', '所属环节', '所在地区', '省份', '城市', '产值（万元）', '规上', '标签', '成立年份'];
const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const OPERATES_HEADER = ['企业名称', '统一社会信用代码', '所属环节', '角色'];
const SUPPLIES_HEADER = ['供应方', '供应方统一社会信用代码', '采购方', '采购方统一社会信用代码', '产品', '占比'];

/**
 * Writes JSON-lines files (enterprises, operates-in, supplies), the same as CSV files with the Chinese headers
 * users have (enterprises.csv, operates-in.csv, supplies.csv: what `npm run import` reads), and manifest.json.
 */
export function writeGeneratedFiles(graph: SyntheticGraph, dir: string): FileReport {
  mkdirSync(dir, { recursive: true });
  const counts: Record<string, number> = {};
  const open = (name: string) => {
    const fd = openSync(path.join(dir, name), 'w');
    let buffer: string[] = [];
    counts[name] = 0;
    return {
      line(text: string) {
        buffer.push(text);
        counts[name]!++;
        if (buffer.length >= 10_000) {
          writeSync(fd, buffer.join('\n') + '\n');
          buffer = [];
        }
      },
      close() {
        if (buffer.length) writeSync(fd, buffer.join('\n') + '\n');
        closeSync(fd);
      },
    };
  };
  const ents = open('enterprises.jsonl');
  const ops = open('operates-in.jsonl');
  const csv = open('enterprises.csv');
  csv.line(CSV_HEADER.join(','));
  counts['enterprises.csv'] = 0;
  const opsCsv = open('operates-in.csv');
  opsCsv.line(OPERATES_HEADER.join(','));
  counts['operates-in.csv'] = 0;
  const ROLE_ZH = { leader: '链主', core: '核心', supplier: '配套' } as const;
  // segments by id: some names hold a list separator (铝基/镁基复合材料)
  const areaName = new Map(graph.skeleton.areas.map((a) => [a.id, a.name]));
  for (let i = 0; i < graph.enterprises; i++) {
    const { enterprise: e, operatesIn } = graph.enterprise(i);
    ents.line(JSON.stringify(e));
    for (const o of operatesIn) {
      ops.line(JSON.stringify(o));
      opsCsv.line([e.name, e.uscc, o.segment, ROLE_ZH[o.role]].map(csvCell).join(','));
    }
    csv.line(
      [
        e.name,
        e.uscc,
        e.shortName,
        operatesIn.map((o) => o.segment).join('、'),
        areaName.get(e.areaId),
        e.province,
        e.city,
        e.output,
        e.aboveScale ? '是' : '否',
        e.tags.join('、'),
        e.founded,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  ents.close();
  ops.close();
  csv.close();
  opsCsv.close();
  const sup = open('supplies.jsonl');
  const supCsv = open('supplies.csv');
  supCsv.line(SUPPLIES_HEADER.join(','));
  counts['supplies.csv'] = 0;
  const party = (id: string) => graph.enterprise(Number(id.slice('gen:ent:'.length))).enterprise;
  for (const r of graph.supplyRows()) {
    sup.line(JSON.stringify(r));
    const [a, b] = [party(r.from), party(r.to)];
    supCsv.line([a.name, a.uscc, b.name, b.uscc, r.product, r.share].map(csvCell).join(','));
  }
  sup.close();
  supCsv.close();
  const manifest = {
    generator: 'server/services/generate',
    seed: graph.seed,
    enterprises: graph.enterprises,
    supplies: counts['supplies.jsonl'],
    files: counts,
    note: '虚构样例数据 (fictional sample data)',
  };
  const fd = openSync(path.join(dir, 'manifest.json'), 'w');
  writeSync(fd, JSON.stringify(manifest, null, 2) + '\n');
  closeSync(fd);
  return { dir, files: counts };
}
