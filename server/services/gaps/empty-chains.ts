import type { SegmentFacts } from './classify-gaps.ts';

/** A segment of an empty chain where entry looks easiest, and why. */
export interface EntrySegment {
  segmentId: string;
  name: string;
  /** Higher is easier: local demand first, then local neighbours, then a chain end that needs no local input. */
  score: number;
  reasonZh: string;
  reasonEn: string;
}

/** 链条空白: a chain with no local enterprise in any segment (not "no gaps"). */
export interface EmptyChain {
  chainId: string;
  name: string;
  nameEn: string | null;
  segmentCount: number;
  reasonZh: string;
  reasonEn: string;
  entrySegments: EntrySegment[];
}

/** How many entry segments an empty chain lists. */
export const ENTRY_SEGMENTS = 3;

/**
 * The chains among `chains` none of whose segments has a local enterprise in the
 * scope. Gap rules need local presence on some side, so such a chain would show
 * no gap at all; it is reported as 链条空白 with the segments where entry is
 * easiest: local buyers already buy the segment's products (demand), a FEEDS
 * neighbour in another chain is present locally (a partner), or the segment
 * starts the chain (it needs no local supplier).
 */
export function findEmptyChains(facts: Map<string, SegmentFacts>, chains: { id: string; name: string; nameEn: string | null }[]): EmptyChain[] {
  const out: EmptyChain[] = [];
  for (const chain of chains) {
    const segments = [...facts.values()].filter((f) => f.chainIds.includes(chain.id));
    if (segments.length === 0 || segments.some((f) => f.presence !== 'absent')) continue;
    const entries = segments.map((f) => entryOf(f, facts, chain.id)).sort((a, b) => b.score - a.score || a.segmentId.localeCompare(b.segmentId));
    out.push({
      chainId: chain.id,
      name: chain.name,
      nameEn: chain.nameEn,
      segmentCount: segments.length,
      reasonZh: `链条空白：${chain.name}的${segments.length}个环节均无本地企业，需整链招引；建议从以下环节切入。`,
      reasonEn: `Empty chain: none of the ${segments.length} segments of ${chain.nameEn ?? chain.name} has a local enterprise; the whole chain must be attracted, starting from the segments below.`,
      entrySegments: entries.slice(0, ENTRY_SEGMENTS),
    });
  }
  return out;
}

function entryOf(f: SegmentFacts, facts: Map<string, SegmentFacts>, chainId: string): EntrySegment {
  const partners = [...f.feedsFrom, ...f.feedsTo].map((id) => facts.get(id)).filter((n): n is SegmentFacts => !!n && n.presence !== 'absent');
  const inChainInputs = f.feedsFrom.filter((id) => facts.get(id)?.chainIds.includes(chainId));
  const zh: string[] = [];
  const en: string[] = [];
  if (f.localBuyerCount > 0) {
    zh.push(`本地已有${f.localBuyerCount}家企业采购该环节产品`);
    en.push(`${f.localBuyerCount} local enterprise(s) already buy its products`);
  }
  if (partners.length > 0) {
    zh.push(`相邻环节（${partners.map((n) => n.name).join('、')}）有本地企业`);
    en.push(`adjacent segments (${partners.map((n) => n.nameEn ?? n.name).join(', ')}) are present locally`);
  }
  if (inChainInputs.length === 0) {
    zh.push('位于链条起点，无需本地上游配套');
    en.push('it starts the chain and needs no local supplier');
  }
  if (zh.length === 0) {
    zh.push(`需${inChainInputs.length}个上游环节配套`);
    en.push(`needs ${inChainInputs.length} upstream segment(s)`);
  }
  const score =
    100 * Math.min(f.localBuyerCount, 9) + 10 * Math.min(partners.length, 9) + (inChainInputs.length === 0 ? 5 : 0) - Math.min(inChainInputs.length, 4);
  return { segmentId: f.segmentId, name: f.name, score, reasonZh: zh.join('；'), reasonEn: en.join('; ') };
}
