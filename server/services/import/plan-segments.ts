import { normaliseName } from '../../model/normalise-name.ts';
import type { MappedColumn } from './columns.ts';
import { changedKeys, FirstSeen, rejected, RowReader, type Plan, type PlannedItem, type PlannedWrite } from './plan.ts';
import type { ChainRef, NameIndex, SegmentRef } from './reference.ts';
import type { TableRow } from './read-table.ts';
import { parseStage, splitList } from './values.ts';

export interface SegmentReference {
  chains: NameIndex<ChainRef>;
  segments: NameIndex<SegmentRef>;
  /** `${from}|${to}` of existing FEEDS edges. */
  feeds: Set<string>;
}

/**
 * Plans chains and segments of a city whose chains differ from the plan's:
 * one row per segment of a chain (产业链, 环节, 阶段, 上游环节 …). A chain or
 * segment the graph lacks is created (ids `chain:import:<name>`,
 * `seg:import:<name>`); 上游环节/下游环节 name segments of the file or the graph.
 */
export function planSegments(rows: TableRow[], columns: MappedColumn[], ref: SegmentReference): Plan {
  const items: PlannedItem[] = [];
  const issues = [];
  const seen = new FirstSeen();

  // First pass: segments the file defines, so 上游环节 may name a segment of a later row.
  const fileSegments = new Map<string, string>();
  const readers = rows.map((source) => new RowReader(source, columns));
  const segmentIdOf = (r: RowReader, chainId: string | null): string | null => {
    const name = r.text('segment');
    if (!name) return null;
    if (r.text('segmentId')) return r.text('segmentId');
    const found = ref.segments.find(name, (s) => chainId !== null && s.chains.includes(chainId));
    if (found.ok) return found.value.id;
    return `seg:import:${normaliseName(name)}`;
  };
  const chainOf = (r: RowReader): { id: string; existing: ChainRef | undefined } | null => {
    const text = r.text('chain');
    if (!text) return null;
    const found = ref.chains.find(text);
    return found.ok ? { id: found.value.id, existing: found.value } : { id: `chain:import:${normaliseName(text)}`, existing: undefined };
  };
  for (const r of readers) {
    const id = segmentIdOf(r, chainOf(r)?.id ?? null);
    if (id) {
      fileSegments.set(r.text('segment'), id);
      fileSegments.set(normaliseName(r.text('segment')), id);
      fileSegments.set(id, id);
    }
  }
  const resolveLink = (r: RowReader, field: string, text: string): string | null => {
    const inFile = fileSegments.get(text) ?? fileSegments.get(normaliseName(text));
    if (inFile) return inFile;
    const found = ref.segments.find(text);
    if (found.ok) return found.value.id;
    r.error(field, found.code, found.detail ?? {}, text);
    return null;
  };

  for (const r of readers) {
    if (!r.text('chain')) r.error('chain', 'REQUIRED');
    if (!r.text('segment')) r.error('segment', 'REQUIRED');
    const chain = chainOf(r);
    const segmentId = segmentIdOf(r, chain?.id ?? null);
    const stage = r.parse('stage', parseStage);
    const inputs = splitList(r.text('inputs')).map((t) => resolveLink(r, 'inputs', t));
    const outputs = splitList(r.text('outputs')).map((t) => resolveLink(r, 'outputs', t));
    if (segmentId && (inputs.includes(segmentId) || outputs.includes(segmentId))) r.error(inputs.includes(segmentId) ? 'inputs' : 'outputs', 'SELF_FEED');
    if (chain && segmentId) {
      const first = seen.check(`${chain.id}|${segmentId}`, r.row);
      if (first !== undefined) r.error('segment', 'DUPLICATE_IN_FILE', { first, by: '同一产业链中的同一环节', byEn: 'same segment of the same chain' });
    }
    issues.push(...r.issues);
    const label = `${r.text('chain')} / ${r.text('segment')}`;
    if (r.failed || !chain || !segmentId) {
      items.push(rejected(r, label, segmentId));
      continue;
    }

    const writes: PlannedWrite[] = [];
    const changes: string[] = [];
    const chainProps: Record<string, unknown> = {};
    if (r.text('chainNameEn')) chainProps.nameEn = r.text('chainNameEn');
    if (!chain.existing) {
      writes.push({ query: 'write/import/chains', row: { id: chain.id, props: { name: r.text('chain'), ...chainProps, searchName: normaliseName(r.text('chain')), origin: 'import' } } });
      changes.push('chain');
    } else {
      const diff = changedKeys(chainProps, chain.existing as unknown as Record<string, unknown>);
      if (diff.length) {
        writes.push({ query: 'write/import/chains', row: { id: chain.id, props: Object.fromEntries(diff.map((k) => [k, chainProps[k]])) } });
        changes.push(...diff.map((k) => `chain.${k}`));
      }
    }
    const existing = ref.segments.get(segmentId);
    const props: Record<string, unknown> = {};
    if (!existing) props.name = r.text('segment');
    if (r.text('nameEn')) props.nameEn = r.text('nameEn');
    if (stage) props.stage = stage;
    if (!existing) writes.push({ query: 'write/import/segments', row: { id: segmentId, props: { ...props, searchName: normaliseName(r.text('segment')), origin: 'import' } } });
    else {
      const diff = changedKeys(props, existing as unknown as Record<string, unknown>);
      if (diff.length) {
        writes.push({ query: 'write/import/segments', row: { id: segmentId, props: Object.fromEntries(diff.map((k) => [k, props[k]])) } });
        changes.push(...diff);
      }
    }
    if (!existing?.chains.includes(chain.id)) {
      writes.push({ query: 'write/import/chain-segments', row: { chain: chain.id, segment: segmentId, origin: 'import' } });
      if (existing) changes.push(`chain:${chain.id}`);
    }
    const edges = [...inputs.map((from) => [from!, segmentId] as const), ...outputs.map((to) => [segmentId, to!] as const)];
    for (const [from, to] of edges) {
      if (!ref.feeds.has(`${from}|${to}`)) {
        writes.push({ query: 'write/import/feeds', row: { source: from, target: to, origin: 'import' } });
        changes.push(`feeds:${from}->${to}`);
      }
    }
    const action = !existing ? 'create' : writes.length ? 'update' : 'unchanged';
    items.push({ row: r.row, action, id: segmentId, label, changes, matchedBy: existing ? 'id' : null, writes });
  }
  return { items, issues };
}
