import { EXCLUDED, sortKeys, type Dump, type DumpNode, type DumpRelationship } from '../../server/services/dump/dump.ts';
import { relKey } from '../../server/services/dump/dump-pages.ts';
import type { QueryRunner } from '../../server/store/store.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The dump as it was read before pages (issue 17): every node and every relationship in one query each
 * (read/dump/nodes, read/dump/relationships), sorted in JS. What the paged dump is compared with; at
 * tier L these two queries outlast Grafeo's 30 s query limit.
 */
export async function readWholeDump(db: QueryRunner): Promise<Dump> {
  const [nodeRows, relRows] = await Promise.all([
    db.run<{ labels: string[]; properties: Record<string, unknown> }>('read/dump/nodes', { exclude: EXCLUDED }),
    db.run<{ type: string; startLabels: string[]; start: string; endLabels: string[]; end: string; properties: Record<string, unknown> }>(
      'read/dump/relationships',
      { exclude: EXCLUDED },
    ),
  ]);
  const nodes: DumpNode[] = nodeRows.map((r) => ({
    type: 'node',
    labels: [...r.labels].sort(),
    properties: sortKeys(r.properties ?? {}) as Record<string, unknown>,
  }));
  const relationships: DumpRelationship[] = relRows.map((r) => ({
    type: 'relationship',
    relType: r.type,
    startLabel: [...r.startLabels].sort()[0] ?? '',
    start: r.start,
    endLabel: [...r.endLabels].sort()[0] ?? '',
    end: r.end,
    properties: sortKeys(r.properties ?? {}) as Record<string, unknown>,
  }));
  nodes.sort((a, b) => cmp(a.labels.join(':'), b.labels.join(':')) || cmp(String(a.properties.id), String(b.properties.id)));
  relationships.sort((a, b) => cmp(relKey(a), relKey(b)));
  return { header: { format: 'chain-graph-dump', version: 1, nodes: nodes.length, relationships: relationships.length }, nodes, relationships };
}
