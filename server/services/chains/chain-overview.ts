import type { Store } from '../../store/store.ts';
import type { GraphElements } from '../graph-elements.ts';
import { findFeedsCycles } from './feeds-cycles.ts';

interface SegmentRow {
  id: string;
  name: string;
  nameEn: string | null;
  stage: string | null;
  chainIds: string[];
  feeds: string[];
}

/** Segments of a chain (all chains when chainId is null) and the FEEDS edges among them, ready for Cytoscape. */
export async function chainOverview(store: Store, chainId: string | null): Promise<GraphElements> {
  const rows = await store.run<SegmentRow>('read/chain-overview', { chainId });
  const shown = new Set(rows.map((r) => r.id));
  return {
    nodes: rows.map((r) => ({
      id: r.id,
      label: 'Segment',
      name: r.name,
      properties: { nameEn: r.nameEn, stage: r.stage, chainIds: r.chainIds },
    })),
    edges: rows.flatMap((r) =>
      r.feeds.filter((to) => shown.has(to)).map((to) => ({ id: `FEEDS:${r.id}->${to}`, type: 'FEEDS', source: r.id, target: to, properties: {} })),
    ),
  };
}

/** A FEEDS cycle among a chain's segments: a warning for the chain view. */
export interface FeedsCycle {
  segmentIds: string[];
  names: string[];
  messageZh: string;
  messageEn: string;
}

/** The FEEDS cycles among the segments of a chain (all chains when chainId is null). */
export async function feedsCycles(store: Store, chainId: string | null): Promise<FeedsCycle[]> {
  const rows = await store.run<SegmentRow>('read/chain-overview', { chainId });
  const nameOf = new Map(rows.map((r) => [r.id, r.name]));
  const edges = rows.flatMap((r) => r.feeds.filter((to) => nameOf.has(to)).map((to) => [r.id, to] as const));
  return findFeedsCycles(edges).map((ids) => {
    const names = ids.map((id) => nameOf.get(id) ?? id);
    return {
      segmentIds: ids,
      names,
      messageZh: `上下游关系成环：${names.join(' ⇄ ')}。上游与下游指向同一批环节，补链、延链的判断在此处不可靠，请检查环节的上游环节。`,
      messageEn: `FEEDS cycle: ${names.join(' ⇄ ')}. Upstream and downstream name the same segments, so fill/extend findings here are unreliable; check these segments' inputs.`,
    };
  });
}
