import type { Store } from '../../store/store.ts';
import type { GraphElements } from '../graph-elements.ts';

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
