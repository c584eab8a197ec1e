import type { Store } from '../../store/store.ts';

export interface ChainSummary {
  id: string;
  name: string;
  nameEn: string | null;
  targetOutput: number | null;
  source: string | null;
  sourceText: string | null;
  segmentCount: number;
}

export function listChains(store: Store): Promise<ChainSummary[]> {
  return store.run<ChainSummary>('read/chains');
}
