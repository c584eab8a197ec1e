import { normaliseName } from '../../model/normalise-name.ts';
import { findFeedsCycles } from '../chains/feeds-cycles.ts';
import type { MappedColumn } from './columns.ts';
import { makeIssue } from './issues.ts';
import { changedKeys, FirstSeen, rejected, RowReader, type Plan, type PlannedItem, type PlannedWrite } from './plan.ts';
import type { ChainRef, NameIndex, SegmentRef } from './reference.ts';
import type { TableRow } from './read-table.ts';
import type { ImportIssue } from './types.ts';
import { parseStage, splitNames } from './values.ts';

export interface SegmentReference {
  chains: NameIndex<ChainRef>;
  segments: NameIndex<SegmentRef>;
  /** `${from}|${to}` of existing FEEDS edges. */
  feeds: Set<string>;
}

/** The part of a chain id a segment key is scoped by: chain:import:家电 → 家电, chain:light-alloy → light-alloy. */
const chainKey = (chainId: string) => chainId.replace(/^chain:(import:)?/, '');

/**
 * Plans chains and segments of a city whose chains differ from the plan's:
 * one row per segment of a chain (产业链, 环节, 环节编号, 统一编码, 阶段, 上游环节 …).
 *
 * A segment's key is scoped by its chain: 环节编号 1 of chain 甲 is
 * `seg:import:甲:1`, a different segment from 1 of chain 乙. Without a 环节编号 the
 * key is the name within the chain (an existing segment of that chain with the
 * name, else `seg:import:<chain>:<name>`). Only an explicit global code (统一编码,
 * e.g. a GB/T 4754 industry code) or an existing segment id names the same
 * segment in several chains (`seg:code:<code>`, the code kept as `code`). Two
 * names for one key is an error (SEGMENT_KEY_CONFLICT), never an overwrite.
 * 上游环节/下游环节 name segments of the same chain in the file first (by name,
 * 编号 or code), then of the graph. A FEEDS cycle is a warning.
 */
export function planSegments(rows: TableRow[], columns: MappedColumn[], ref: SegmentReference): Plan {
  const items: PlannedItem[] = [];
  const issues: ImportIssue[] = [];
  const seen = new FirstSeen();
  const readers = rows.map((source) => new RowReader(source, columns));

  const chainOf = (r: RowReader): { id: string; existing: ChainRef | undefined } | null => {
    const text = r.text('chain');
    if (!text) return null;
    const found = ref.chains.find(text);
    return found.ok ? { id: found.value.id, existing: found.value } : { id: `chain:import:${normaliseName(text)}`, existing: undefined };
  };
  const segmentIdOf = (r: RowReader, chainId: string | null): string | null => {
    const name = r.text('segment');
    if (!name || !chainId) return null;
    if (r.text('code')) return `seg:code:${r.text('code').normalize('NFKC').replace(/\s/g, '')}`;
    const number = r.text('segmentId');
    if (number) return ref.segments.get(number) ? number : `seg:import:${chainKey(chainId)}:${number.normalize('NFKC')}`;
    const found = ref.segments.find(name, (s) => s.chains.includes(chainId));
    if (found.ok && found.value.chains.includes(chainId)) return found.value.id;
    return `seg:import:${chainKey(chainId)}:${normaliseName(name)}`;
  };

  // First pass: the segments the file defines, so 上游环节 may name a segment of a later row.
  const plannedRows = readers.map((r) => {
    const chain = chainOf(r);
    return { r, chain, segmentId: segmentIdOf(r, chain?.id ?? null) };
  });
  const inChain = new Map<string, string>(); // `${chainId}|${text}` → id
  const anyChain = new Map<string, Set<string>>(); // text → ids
  for (const { r, chain, segmentId } of plannedRows) {
    if (!segmentId || !chain) continue;
    for (const text of [r.text('segment'), normaliseName(r.text('segment')), r.text('segmentId'), r.text('code'), segmentId].filter(Boolean)) {
      inChain.set(`${chain.id}|${text}`, segmentId);
      anyChain.set(text, (anyChain.get(text) ?? new Set()).add(segmentId));
    }
  }
  const inFile = (chainId: string | null, text: string): string | undefined => {
    const own = inChain.get(`${chainId}|${text}`) ?? inChain.get(`${chainId}|${normaliseName(text)}`);
    if (own) return own;
    const ids = anyChain.get(text) ?? anyChain.get(normaliseName(text));
    return ids?.size === 1 ? [...ids][0] : undefined;
  };
  const resolveLink = (r: RowReader, chainId: string | null, field: string, text: string): string | null => {
    const fromFile = inFile(chainId, text);
    if (fromFile) return fromFile;
    const found = ref.segments.find(text, (s) => chainId !== null && s.chains.includes(chainId));
    if (found.ok) return found.value.id;
    r.error(field, found.code, found.detail ?? {}, text);
    return null;
  };
  const known = (chainId: string | null) => (text: string) => inFile(chainId, text) !== undefined || ref.segments.knows(text);

  /** Name and chains of each segment as the rows planned so far leave it (the graph's, then the file's). */
  const planned = new Map<string, { name: string; row: number | null; chains: Set<string> }>();
  const newEdges: { from: string; to: string; row: number }[] = [];

  for (const { r, chain, segmentId } of plannedRows) {
    if (!r.text('chain')) r.error('chain', 'REQUIRED');
    if (!r.text('segment')) r.error('segment', 'REQUIRED');
    const stage = r.parse('stage', parseStage);
    const inputs = splitNames(r.text('inputs'), known(chain?.id ?? null)).map((t) => resolveLink(r, chain?.id ?? null, 'inputs', t));
    const outputs = splitNames(r.text('outputs'), known(chain?.id ?? null)).map((t) => resolveLink(r, chain?.id ?? null, 'outputs', t));
    if (segmentId && (inputs.includes(segmentId) || outputs.includes(segmentId))) r.error(inputs.includes(segmentId) ? 'inputs' : 'outputs', 'SELF_FEED');

    const existing = segmentId ? ref.segments.get(segmentId) : undefined;
    const before = segmentId
      ? (planned.get(segmentId) ?? (existing ? { name: existing.name, row: null, chains: new Set(existing.chains) } : undefined))
      : undefined;
    const name = r.text('segment');
    if (segmentId && name && before && normaliseName(before.name) !== normaliseName(name)) {
      r.error('segment', 'SEGMENT_KEY_CONFLICT', {
        key: r.text('code') || r.text('segmentId') || segmentId,
        other: before.name,
        where: before.row === null ? '图谱中已有' : `第 ${before.row} 行`,
        whereEn: before.row === null ? 'the graph has' : `row ${before.row} gives`,
      });
    } else if (chain && segmentId) {
      const first = seen.check(`${chain.id}|${segmentId}`, r.row);
      if (first !== undefined) r.error('segment', 'DUPLICATE_IN_FILE', { first, by: '同一产业链中的同一环节', byEn: 'same segment of the same chain' });
    }
    issues.push(...r.issues);
    const label = `${r.text('chain')} / ${name}`;
    if (r.failed || !chain || !segmentId) {
      items.push(rejected(r, label, segmentId));
      continue;
    }

    const writes: PlannedWrite[] = [];
    const changes: string[] = [];
    const chainProps: Record<string, unknown> = {};
    if (r.text('chainNameEn')) chainProps.nameEn = r.text('chainNameEn');
    if (!chain.existing) {
      writes.push({
        query: 'write/import/chains',
        row: { id: chain.id, props: { name: r.text('chain'), ...chainProps, searchName: normaliseName(r.text('chain')), origin: 'import' } },
      });
      changes.push('chain');
    } else {
      const diff = changedKeys(chainProps, chain.existing as unknown as Record<string, unknown>);
      if (diff.length) {
        writes.push({ query: 'write/import/chains', row: { id: chain.id, props: Object.fromEntries(diff.map((k) => [k, chainProps[k]])) } });
        changes.push(...diff.map((k) => `chain.${k}`));
      }
    }
    const props: Record<string, unknown> = {};
    if (r.text('nameEn')) props.nameEn = r.text('nameEn');
    if (stage) props.stage = stage;
    if (r.text('code')) props.code = r.text('code').normalize('NFKC').replace(/\s/g, '');
    if (!before) {
      writes.push({ query: 'write/import/segments', row: { id: segmentId, props: { name, ...props, searchName: normaliseName(name), origin: 'import' } } });
    } else {
      const diff = existing ? changedKeys(props, existing as unknown as Record<string, unknown>) : [];
      if (diff.length) {
        writes.push({ query: 'write/import/segments', row: { id: segmentId, props: Object.fromEntries(diff.map((k) => [k, props[k]])) } });
        changes.push(...diff);
      }
    }
    if (!before?.chains.has(chain.id)) {
      writes.push({ query: 'write/import/chain-segments', row: { chain: chain.id, segment: segmentId, origin: 'import' } });
      if (before) changes.push(`chain:${chain.id}`);
    }
    const edges = [...inputs.map((from) => [from!, segmentId] as const), ...outputs.map((to) => [segmentId, to!] as const)];
    for (const [from, to] of edges) {
      if (!ref.feeds.has(`${from}|${to}`)) {
        writes.push({ query: 'write/import/feeds', row: { source: from, target: to, origin: 'import' } });
        changes.push(`feeds:${from}->${to}`);
        newEdges.push({ from, to, row: r.row });
      }
    }
    planned.set(segmentId, { name: before?.name ?? name, row: before?.row ?? r.row, chains: new Set([...(before?.chains ?? []), chain.id]) });
    const action = !before ? 'create' : writes.length ? 'update' : 'unchanged';
    items.push({ row: r.row, action, id: segmentId, label, changes, matchedBy: existing ? 'id' : null, writes });
  }
  issues.push(...cycleWarnings(ref, newEdges, planned, columns));
  return { items, issues };
}

/** One FEEDS_CYCLE warning per cycle the file's new edges close (on the row of its first new edge). */
function cycleWarnings(
  ref: SegmentReference,
  newEdges: { from: string; to: string; row: number }[],
  planned: Map<string, { name: string }>,
  columns: MappedColumn[],
): ImportIssue[] {
  if (newEdges.length === 0) return [];
  const all = [...[...ref.feeds].map((k) => k.split('|') as [string, string]), ...newEdges.map((e) => [e.from, e.to] as [string, string])];
  const nameOf = (id: string) => planned.get(id)?.name ?? ref.segments.get(id)?.name ?? id;
  const column = columns.find((c) => c.field === 'inputs' || c.field === 'outputs')?.header ?? null;
  return findFeedsCycles(all).flatMap((cycle) => {
    const members = new Set(cycle);
    const closing = newEdges.find((e) => members.has(e.from) && members.has(e.to));
    if (!closing) return [];
    const names = cycle.map(nameOf).join(' ⇄ ');
    return [makeIssue('FEEDS_CYCLE', { row: closing.row, column, value: names }, { names }, 'warning')];
  });
}
