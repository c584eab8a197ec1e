import { gapId, type GapKind } from '../../model/gap-kinds.ts';

/**
 * Thresholds of the gap analysis. Defaults are `DEFAULT_THRESHOLDS`; see
 * docs/api-analytics.md for the formulas.
 */
export interface GapThresholds {
  /** Total local output (万元) below which a present segment is weak (强链). Default 10 000 万元 (1 亿元). */
  minOutput: number;
  /** Share of local demand served from outside above which a segment is weak (强链). Default 0.5. */
  outsideShare: number;
  /** Fewest local enterprises for a segment not to count as fragile. Default 2 (one enterprise is fragile). */
  minEnterprises: number;
}

export const DEFAULT_THRESHOLDS: GapThresholds = { minOutput: 10_000, outsideShare: 0.5, minEnterprises: 2 };

export interface LocalEnterprise {
  id: string;
  name: string;
  output: number | null;
  role: string | null;
  leader: boolean;
}

export interface SupplyFact {
  from: string;
  fromName: string;
  to: string;
  toName: string;
  share: number | null;
  product: string | null;
  /** Supplier is itself local in the area scope. */
  inside: boolean;
}

/** A segment of the analysis and its place in the chains (what read/gaps/segments gives). */
export interface SegmentRow {
  id: string;
  name: string;
  nameEn: string | null;
  stage: string | null;
  chainIds: string[];
  feedsFrom: string[];
  feedsTo: string[];
}

/**
 * One segment's facts with every local enterprise and every supply listed (the
 * shape tests build by hand; the service reads aggregates instead, see
 * `SegmentAggregates` and gap-analysis.ts).
 */
export interface SegmentFactsRow extends SegmentRow {
  locals: LocalEnterprise[];
  supplies: SupplyFact[];
}

/** A supply kept as evidence: supplier, local buyer, share. */
export interface SupplyLink {
  from: string;
  to: string;
  share: number | null;
}

/**
 * One segment's facts aggregated (what the read/gaps/segment-* queries give):
 * exact counts and sums, and capped id / evidence lists.
 */
export interface SegmentAggregates extends SegmentRow {
  localCount: number;
  /** Σ of the outputs that are known. */
  localOutput: number;
  /** How many local enterprises have a known output. */
  outputKnownCount: number;
  /** At most `EVIDENCE_IDS`, largest output first. */
  localEnterpriseIds: string[];
  leaderCount: number;
  leaderIds: string[];
  /** SUPPLIES from enterprises of the segment into local buyers. */
  supplyCount: number;
  totalShare: number;
  outsideSupplyCount: number;
  outsideShareSum: number;
  localBuyerCount: number;
  localBuyerIds: string[];
  externalSupplierCount: number;
  externalSupplierIds: string[];
  /** The outside supplies with the largest shares, at most `EVIDENCE_SUPPLIES`. */
  outsideSupplies: SupplyLink[];
}

/** Caps of the evidence lists (the counts stay exact). */
export const EVIDENCE_SUPPLIES = 20;
export const EVIDENCE_IDS = 50;

/** Per-segment facts of the analysis (GraphQL SegmentAnalysis). */
export interface SegmentFacts {
  segmentId: string;
  name: string;
  nameEn: string | null;
  stage: string | null;
  chainIds: string[];
  feedsFrom: string[];
  feedsTo: string[];
  /** Local enterprises, largest output first; at most `EVIDENCE_IDS` (the count is `localCount`). */
  localEnterpriseIds: string[];
  localCount: number;
  /**
   * Sum of `output` of the local enterprises, 万元; null when none of them has a
   * known output (unknown is not 0). With some unknown it is the sum of the known.
   */
  localOutput: number | null;
  /** Local enterprises whose output is unknown. */
  outputUnknownCount: number;
  /** At most `EVIDENCE_IDS` (the count is `leaderCount`). */
  leaderIds: string[];
  leaderCount: number;
  hasLeader: boolean;
  /** Distinct non-local suppliers (in the segment) of local buyers; at most `EVIDENCE_IDS` (the count is `externalSupplierCount`). */
  externalSupplierIds: string[];
  externalSupplierCount: number;
  /** Local enterprises that buy this segment's products; at most `EVIDENCE_IDS` (the count is `localBuyerCount`). */
  localBuyerIds: string[];
  localBuyerCount: number;
  /** Σ share from outside / Σ share of all supplies from the segment into local buyers; null with no supplies. */
  outsideShare: number | null;
  /** Number of supplies from outside suppliers into local buyers. */
  outsideSupplyCount: number;
  /** The outside supplies with the largest shares (evidence), at most `EVIDENCE_SUPPLIES`. */
  outsideSupplies: SupplyLink[];
  /** `absent`, `weak` (a 强链 candidate) or `strong`. */
  presence: 'absent' | 'weak' | 'strong';
}

export interface SeverityComponent {
  name: string;
  value: number;
  weight: number;
}

export interface Evidence {
  nodeIds: string[];
  edgeIds: string[];
}

export interface DetectedGap {
  /** Deterministic: `gap:<kind>:<segmentId>:<areaId or all>`. */
  id: string;
  kind: GapKind;
  segmentId: string;
  segmentName: string;
  chainIds: string[];
  areaId: string | null;
  severity: number;
  components: SeverityComponent[];
  reasonZh: string;
  reasonEn: string;
  evidence: Evidence;
}

export const supplyEdgeId = (from: string, to: string) => `SUPPLIES:${from}->${to}`;
export const feedsEdgeId = (from: string, to: string) => `FEEDS:${from}->${to}`;

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const round2 = (x: number) => Math.round(x * 100) / 100;
const uniq = <T>(xs: T[]) => [...new Set(xs)];

/** Largest share first, then supplier and buyer id: the order evidence supplies are kept in. */
export const bySupplyShare = (a: SupplyLink, b: SupplyLink) =>
  (b.share ?? 0) - (a.share ?? 0) || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0);

/** Aggregates a fully listed row (nulls an OPTIONAL MATCH collects are ignored), then `factsFromAggregates`. */
export function segmentFacts(row: SegmentFactsRow, t: GapThresholds): SegmentFacts {
  const locals = row.locals.filter((l) => l && l.id).sort((a, b) => (b.output ?? 0) - (a.output ?? 0) || (a.id < b.id ? -1 : 1));
  const supplies = row.supplies.filter((s) => s && s.from);
  const outside = supplies.filter((s) => !s.inside);
  const sum = (xs: SupplyFact[]) => xs.reduce((acc, s) => acc + (s.share ?? 0), 0);
  const leaders = locals.filter((l) => l.leader).map((l) => l.id);
  const buyers = uniq(supplies.map((s) => s.to));
  const external = uniq(outside.map((s) => s.from));
  return factsFromAggregates(
    {
      ...row,
      localCount: locals.length,
      localOutput: locals.reduce((acc, l) => acc + (l.output ?? 0), 0),
      outputKnownCount: locals.filter((l) => l.output != null).length,
      localEnterpriseIds: locals.map((l) => l.id).slice(0, EVIDENCE_IDS),
      leaderCount: leaders.length,
      leaderIds: leaders.slice(0, EVIDENCE_IDS),
      supplyCount: supplies.length,
      totalShare: sum(supplies),
      outsideSupplyCount: outside.length,
      outsideShareSum: sum(outside),
      localBuyerCount: buyers.length,
      localBuyerIds: buyers.slice(0, EVIDENCE_IDS),
      externalSupplierCount: external.length,
      externalSupplierIds: external.slice(0, EVIDENCE_IDS),
      outsideSupplies: outside
        .map(({ from, to, share }) => ({ from, to, share }))
        .sort(bySupplyShare)
        .slice(0, EVIDENCE_SUPPLIES),
    },
    t,
  );
}

/** Decides presence (absent / weak / strong) under the thresholds from a segment's aggregates. */
export function factsFromAggregates(a: SegmentAggregates, t: GapThresholds): SegmentFacts {
  const outsideShare = a.supplyCount === 0 ? null : a.totalShare > 0 ? round2(a.outsideShareSum / a.totalShare) : a.outsideSupplyCount > 0 ? 1 : 0;
  const weak = a.localCount < t.minEnterprises || outputIsLow(a, t) === true || (outsideShare !== null && outsideShare > t.outsideShare);
  return {
    segmentId: a.id,
    name: a.name,
    nameEn: a.nameEn,
    stage: a.stage,
    chainIds: a.chainIds,
    feedsFrom: a.feedsFrom,
    feedsTo: a.feedsTo,
    localEnterpriseIds: a.localEnterpriseIds,
    localCount: a.localCount,
    localOutput: a.localCount > 0 && a.outputKnownCount === 0 ? null : a.localOutput,
    outputUnknownCount: a.localCount - a.outputKnownCount,
    leaderIds: a.leaderIds,
    leaderCount: a.leaderCount,
    hasLeader: a.leaderCount > 0,
    externalSupplierIds: a.externalSupplierIds,
    externalSupplierCount: a.externalSupplierCount,
    localBuyerIds: a.localBuyerIds,
    localBuyerCount: a.localBuyerCount,
    outsideShare,
    outsideSupplyCount: a.outsideSupplyCount,
    outsideSupplies: a.outsideSupplies,
    presence: a.localCount === 0 ? 'absent' : weak ? 'weak' : 'strong',
  };
}

/**
 * Whether the local output is below the threshold: true or false when the
 * known outputs decide it (all known, or the known ones alone reach it), null
 * when unknown outputs leave it open (数据不足).
 */
export function outputIsLow(a: { localOutput: number; outputKnownCount: number; localCount: number }, t: GapThresholds): boolean | null {
  if (a.localOutput >= t.minOutput) return false;
  return a.outputKnownCount === a.localCount ? true : null;
}

function severity(components: SeverityComponent[]): number {
  const total = components.reduce((a, c) => a + c.weight, 0);
  if (total === 0) return 0;
  return Math.round((100 * components.reduce((a, c) => a + c.value * c.weight, 0)) / total);
}

/** What the rules see of one segment: its facts, the thresholds, and its local neighbours. */
export interface SegmentSituation {
  segmentId: string;
  f: SegmentFacts;
  t: GapThresholds;
  /** Present (local) segments feeding it, and fed by it. */
  up: SegmentFacts[];
  down: SegmentFacts[];
  neighbours: SegmentFacts[];
  strong: SegmentFacts[];
  /** A neighbour on both sides (a FEEDS cycle) is not "upstream and downstream": only neighbours on one side count. */
  upOnly: SegmentFacts[];
  downOnly: SegmentFacts[];
  bothSides: boolean;
  /** Local buyers buy its products from outside suppliers. */
  dependence: boolean;
  neighbourEdges: string[];
  /** FEEDS neighbours, local or not. */
  allNeighbours: number;
}

/**
 * One kind of gap: when a segment is one (`applies`), how severe (`components`,
 * a weighted mean), why (`reason`, zh and en) and on what evidence.
 */
export interface GapRule {
  kind: GapKind;
  applies: (s: SegmentSituation) => boolean;
  /** A component whose input is unknown is left out (severity is the weighted mean of the others). */
  components: (s: SegmentSituation) => SeverityComponent[];
  reason: (s: SegmentSituation) => { zh: string; en: string };
  evidence: (s: SegmentSituation) => Evidence;
}

type KindsWithoutRule<R extends readonly GapRule[]> = Exclude<GapKind, R[number]['kind']>;

/** The rules in order; the typecheck fails here while a kind of GAP_KIND_TABLE (server/model/gap-kinds.ts) has no rule. */
const inOrder = <const R extends readonly GapRule[]>(
  rules: R & ([KindsWithoutRule<R>] extends [never] ? unknown : { 'every gap kind needs a rule; none for': KindsWithoutRule<R> }),
): readonly GapRule[] => rules;

const fmt = (n: number) => n.toLocaleString('en-US');

/** The known local output of a weak segment, and whether it is below the threshold (null: unknown outputs leave it open). */
function outputOf({ f, t }: SegmentSituation): { known: number; low: boolean | null } {
  const known = f.localOutput ?? 0;
  return { known, low: outputIsLow({ localOutput: known, outputKnownCount: f.localCount - f.outputUnknownCount, localCount: f.localCount }, t) };
}

const supplyEvidence = (xs: SupplyLink[]) => ({
  nodeIds: xs.flatMap((s) => [s.from, s.to]),
  edgeIds: xs.map((s) => supplyEdgeId(s.from, s.to)),
});

/**
 * How a segment of the chain becomes a gap, in precedence order: the first
 * rule that applies classifies it, and a segment no rule applies to is no gap.
 * - a present segment can only be 强链 (`strengthen`), when weak;
 * - an absent segment is 补链 (`fill`) when local buyers buy its products from
 *   outside, or when local segments lie on both sides of it (a hole in the chain);
 * - otherwise an absent segment next to local presence on one side only (beyond
 *   a local end) is 延链 (`extend`); how strong those neighbours are drives its
 *   severity (the plan itself calls 航空航天 延链 next to weak 轻合金铸件);
 * - an absent segment with no local neighbour and no local demand is no gap.
 */
export const GAP_RULES = inOrder([
  {
    kind: 'strengthen',
    applies: ({ f }) => f.presence === 'weak',
    components: (s) => {
      const { f, t } = s;
      const { known, low } = outputOf(s);
      return [
        { name: 'singleEnterprise', value: f.localCount < t.minEnterprises ? 1 : 0, weight: 30 },
        ...(low === null ? [] : [{ name: 'lowOutput', value: t.minOutput > 0 ? round2(clamp01(1 - known / t.minOutput)) : 0, weight: 30 }]),
        { name: 'outsideShare', value: f.outsideShare ?? 0, weight: 30 },
        { name: 'noLeader', value: f.hasLeader ? 0 : 1, weight: 10 },
      ];
    },
    reason: (s) => {
      const { f, t } = s;
      const { known, low } = outputOf(s);
      const whyZh: string[] = [];
      const whyEn: string[] = [];
      if (f.localCount < t.minEnterprises) {
        whyZh.push(`本地仅有${f.localCount}家企业`);
        whyEn.push(`only ${f.localCount} local enterprise${f.localCount === 1 ? '' : 's'}`);
      }
      if (low === true) {
        whyZh.push(`本地产值${fmt(known)}万元，低于${fmt(t.minOutput)}万元`);
        whyEn.push(`local output ${fmt(known)} 万元 is below ${fmt(t.minOutput)} 万元`);
      }
      if (low === null) {
        whyZh.push(`产值数据不足（${f.outputUnknownCount}家企业产值未知）`);
        whyEn.push(`output data insufficient (${f.outputUnknownCount} enterprise(s) with unknown output)`);
      }
      if (f.outsideShare !== null && f.outsideShare > t.outsideShare) {
        whyZh.push(`本地需求的${Math.round(f.outsideShare * 100)}%由外地供应`);
        whyEn.push(`${Math.round(f.outsideShare * 100)}% of local demand is supplied from outside`);
      }
      return {
        zh: `强链：${f.name}环节本地基础薄弱（${whyZh.join('；')}）。`,
        en: `Strengthen: ${f.nameEn ?? f.name} is present locally but weak (${whyEn.join('; ')}).`,
      };
    },
    evidence: ({ segmentId, f }) => {
      const ev = supplyEvidence(f.outsideSupplies);
      return { nodeIds: uniq([segmentId, ...f.localEnterpriseIds, ...ev.nodeIds]), edgeIds: uniq(ev.edgeIds) };
    },
  },
  {
    kind: 'fill',
    applies: ({ f, dependence, bothSides }) => f.presence === 'absent' && (dependence || bothSides),
    components: ({ f, neighbours, allNeighbours }) => [
      { name: 'adjacentLocal', value: round2(allNeighbours ? neighbours.length / allNeighbours : 0), weight: 40 },
      { name: 'outsideDependence', value: round2(clamp01(f.outsideSupplyCount / 3)), weight: 30 },
      { name: 'outsideShare', value: f.outsideShare ?? 0, weight: 30 },
    ],
    reason: ({ f, dependence, bothSides, upOnly, downOnly, neighbours }) => {
      const whyZh: string[] = [];
      const whyEn: string[] = [];
      if (dependence) {
        whyZh.push(`本地${f.localBuyerCount}家企业向${f.externalSupplierCount}家外地企业采购该环节产品`);
        whyEn.push(`${f.localBuyerCount} local buyer(s) source it from ${f.externalSupplierCount} outside supplier(s)`);
      }
      if (bothSides) {
        whyZh.push(`上游（${upOnly.map((n) => n.name).join('、')}）与下游（${downOnly.map((n) => n.name).join('、')}）均有本地企业`);
        whyEn.push(
          `local enterprises both upstream (${upOnly.map((n) => n.nameEn ?? n.name).join(', ')}) and downstream (${downOnly.map((n) => n.nameEn ?? n.name).join(', ')})`,
        );
      } else if (neighbours.length > 0) {
        whyZh.push(`相邻环节（${neighbours.map((n) => n.name).join('、')}）有本地企业需要配套`);
        whyEn.push(`adjacent local segments (${neighbours.map((n) => n.nameEn ?? n.name).join(', ')}) need it`);
      }
      return {
        zh: `补链：本地缺少${f.name}环节企业，${whyZh.join('；')}。`,
        en: `Fill: no local enterprise in ${f.nameEn ?? f.name}, although ${whyEn.join('; ')}.`,
      };
    },
    evidence: ({ segmentId, f, neighbours, neighbourEdges }) => {
      const ev = supplyEvidence(f.outsideSupplies);
      return {
        nodeIds: uniq([segmentId, ...neighbours.map((n) => n.segmentId), ...ev.nodeIds]),
        edgeIds: uniq([...neighbourEdges, ...ev.edgeIds]),
      };
    },
  },
  {
    kind: 'extend',
    applies: ({ f, neighbours }) => f.presence === 'absent' && neighbours.length > 0,
    components: ({ t, up, neighbours, strong }) => {
      const outputs = neighbours.map((n) => n.localOutput).filter((o): o is number => o !== null);
      const maxOutput = outputs.length ? Math.max(...outputs) : null;
      return [
        { name: 'strongNeighbours', value: round2(strong.length / neighbours.length), weight: 40 },
        // left out when no neighbour's output is known; with minOutput 0 any output is "large"
        ...(maxOutput === null
          ? []
          : [{ name: 'neighbourOutput', value: t.minOutput > 0 ? round2(clamp01(maxOutput / (5 * t.minOutput))) : maxOutput > 0 ? 1 : 0, weight: 40 }]),
        { name: 'downstream', value: up.length > 0 ? 1 : 0.5, weight: 20 },
      ];
    },
    reason: ({ f, up, neighbours, strong }) => {
      const named = strong.length > 0 ? strong : neighbours;
      const names = named.map((n) => n.name).join('、');
      const namesEn = named.map((n) => n.nameEn ?? n.name).join(', ');
      const dirZh = up.length > 0 ? '下游' : '上游';
      const dirEn = up.length > 0 ? 'downstream' : 'upstream';
      return strong.length > 0
        ? {
            zh: `延链：本地${names}环节基础较强，可向${dirZh}延伸至${f.name}。`,
            en: `Extend: the strong local ${namesEn} segment can be extended ${dirEn} into ${f.nameEn ?? f.name}.`,
          }
        : {
            zh: `延链：本地${names}环节已有企业但基础尚弱，可向${dirZh}延伸至${f.name}。`,
            en: `Extend: the local ${namesEn} segment, present but still weak, can be extended ${dirEn} into ${f.nameEn ?? f.name}.`,
          };
    },
    evidence: ({ segmentId, neighbours, neighbourEdges }) => ({
      nodeIds: uniq([segmentId, ...neighbours.flatMap((n) => [n.segmentId, ...n.localEnterpriseIds])]),
      edgeIds: neighbourEdges,
    }),
  },
]);

function situation(segmentId: string, f: SegmentFacts, facts: Map<string, SegmentFacts>, t: GapThresholds): SegmentSituation {
  const present = (ids: string[]) => ids.map((id) => facts.get(id)).filter((n): n is SegmentFacts => !!n && n.presence !== 'absent');
  const up = present(f.feedsFrom);
  const down = present(f.feedsTo);
  const upOnly = up.filter((n) => !down.includes(n));
  const downOnly = down.filter((n) => !up.includes(n));
  const neighbours = [...up, ...down];
  return {
    segmentId,
    f,
    t,
    up,
    down,
    neighbours,
    strong: neighbours.filter((n) => n.presence === 'strong'),
    upOnly,
    downOnly,
    bothSides: upOnly.length > 0 && downOnly.length > 0,
    dependence: f.outsideSupplyCount > 0,
    neighbourEdges: [...up.map((n) => feedsEdgeId(n.segmentId, segmentId)), ...down.map((n) => feedsEdgeId(segmentId, n.segmentId))],
    allNeighbours: f.feedsFrom.length + f.feedsTo.length,
  };
}

/**
 * Classifies every segment in `inScope` (the chain's segments) by GAP_RULES,
 * using the facts of all segments (neighbours may belong to other chains);
 * most severe first.
 */
export function classifyGaps(facts: Map<string, SegmentFacts>, inScope: string[], areaId: string | null, t: GapThresholds): DetectedGap[] {
  const gaps: DetectedGap[] = [];
  for (const segmentId of inScope) {
    const f = facts.get(segmentId);
    if (!f) continue;
    const s = situation(segmentId, f, facts, t);
    const rule = GAP_RULES.find((r) => r.applies(s));
    if (!rule) continue;
    const components = rule.components(s);
    const reason = rule.reason(s);
    gaps.push({
      segmentId,
      segmentName: f.name,
      chainIds: f.chainIds,
      areaId,
      id: gapId(rule.kind, segmentId, areaId),
      kind: rule.kind,
      severity: severity(components),
      components,
      reasonZh: reason.zh,
      reasonEn: reason.en,
      evidence: rule.evidence(s),
    });
  }
  return gaps.sort((a, b) => b.severity - a.severity || a.id.localeCompare(b.id));
}
