import { backfillSearchNames } from '../search-names/backfill-search-names.ts';
import { ensureBaselines } from '../targets/baselines.ts';
import { loadSampleProjects, readSampleProjects } from '../projects/sample-projects.ts';
import { PRIVATE_LABELS } from '../../model/vocabulary.ts';
import type { QueryRunner, RowsQuery, Store } from '../../store/store.ts';
import { readSeeds, SEEDS_DIR, type SeedData, type SeedRow } from './read-seeds.ts';

export { SeedError } from './seed-error.ts';

/** Records written per kind (areas, units, chains, …). */
export interface SeedSummary {
  [kind: string]: number;
}

/** Rows per UNWIND batch: Grafeo and Neo4j both take 5k rows comfortably. */
const BATCH = 5000;

/** Each kind is written in one transaction, by these queries in this order (endpoints before edges). */
const KINDS: { kind: string; writes: { query: RowsQuery; rows: keyof Omit<SeedData, 'version'> }[] }[] = [
  {
    kind: 'areas',
    writes: [
      { query: 'write/seed/areas', rows: 'areas' },
      { query: 'write/seed/area-part-of', rows: 'areaPartOf' },
    ],
  },
  {
    kind: 'units',
    writes: [
      { query: 'write/seed/units', rows: 'units' },
      { query: 'write/seed/unit-areas', rows: 'unitAreas' },
    ],
  },
  {
    kind: 'chains',
    writes: [
      { query: 'write/seed/chains', rows: 'chains' },
      { query: 'write/seed/segments', rows: 'segments' },
      { query: 'write/seed/chain-segments', rows: 'chainSegments' },
      { query: 'write/seed/feeds', rows: 'feeds' },
    ],
  },
  {
    kind: 'tasks',
    writes: [
      { query: 'write/seed/actions', rows: 'actions' },
      { query: 'write/seed/tasks', rows: 'tasks' },
      { query: 'write/seed/task-chains', rows: 'taskChains' },
      { query: 'write/seed/task-leads', rows: 'taskLeads' },
      { query: 'write/seed/task-supports', rows: 'taskSupports' },
    ],
  },
  {
    kind: 'targets',
    writes: [
      { query: 'write/seed/targets', rows: 'targets' },
      { query: 'write/seed/target-parts', rows: 'targetParts' },
      { query: 'write/seed/target-measures-chain', rows: 'targetMeasuresChain' },
      { query: 'write/seed/target-measures-area', rows: 'targetMeasuresArea' },
    ],
  },
  {
    kind: 'gaps',
    writes: [
      { query: 'write/seed/gaps', rows: 'gaps' },
      { query: 'write/seed/gap-responsible', rows: 'gapResponsible' },
    ],
  },
  {
    kind: 'enterprises',
    writes: [
      { query: 'write/seed/enterprises', rows: 'enterprises' },
      { query: 'write/seed/operates-in', rows: 'operatesIn' },
    ],
  },
  { kind: 'supplies', writes: [{ query: 'write/seed/supplies', rows: 'supplies' }] },
];

async function writeRows(tx: QueryRunner, query: RowsQuery, rows: SeedRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await tx.run(query, { rows: rows.slice(i, i + BATCH) });
}

/**
 * Reads and validates seeds/ (or `options.dir`), then writes it with MERGE on
 * id, one transaction per kind, and finally the Meta {id:'seed'} node.
 * Loading twice changes nothing but Meta.loadedAt. Throws SeedError (naming
 * file, record and field) before writing anything when a file is invalid.
 */
export async function loadSeeds(store: Store, options: { dir?: string } = {}): Promise<SeedSummary> {
  const data = readSeeds(options.dir);
  readSampleProjects(options.dir ?? SEEDS_DIR);
  const summary: SeedSummary = {};
  for (const { writes } of KINDS) {
    await store.transaction(async (tx) => {
      for (const { query, rows } of writes) await writeRows(tx, query, data[rows]);
    });
    for (const { rows } of writes) summary[rows] = data[rows].length;
  }
  await backfillSearchNames(store);
  summary.projects = await loadSampleProjects(store, options.dir ?? SEEDS_DIR);
  await store.run('write/seed/meta', { loadedAt: new Date().toISOString(), version: data.version });
  // 新增 targets count from the figures of the first load (docs/pipeline.md).
  summary.baselines = await ensureBaselines(store);
  return summary;
}

/** Loads seeds only when the store has no Meta {id:'seed'} node; returns null when it was already seeded. */
export async function seedIfEmpty(store: Store, options: { dir?: string } = {}): Promise<SeedSummary | null> {
  const [status] = await store.run<{ seeded: boolean }>('read/seed-status');
  if (status?.seeded) {
    // A store seeded before baselines existed gets its snapshot now.
    await ensureBaselines(store);
    return null;
  }
  return loadSeeds(store, options);
}

/** Empties the graph in one transaction; user accounts, tokens, sessions and the audit trail stay. */
export async function resetStore(store: Store): Promise<void> {
  await store.transaction((tx) => tx.run('write/reset-graph', { keep: [...PRIVATE_LABELS] }));
}
