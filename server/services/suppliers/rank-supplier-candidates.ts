import { parseGapId } from '../../model/gap-kinds.ts';
import type { Overrides } from '../../model/overrides.ts';
import type { Store } from '../../store/store.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { getSavedGap } from '../gaps/saved-gaps.ts';
import { decodeCursor, encodeCursor } from './cursors.ts';
import { candidateWeightsNow } from './fitted-weights.ts';
import { candidatePredicate, type CandidateFilter } from './filters.ts';
import { currentCandidateFacts } from './candidate-facts-source.ts';
import { candidatePath } from './paths.ts';
import { rankCandidates, type Ranking } from './rank-candidates.ts';
import { scoreComponents, type ScoreFacts } from './score.ts';
import type { Buyer, CandidatePage, CandidateRow, Fit, PeerBuyer, SupplierCandidate } from './types.ts';
import { resolveWeights, type CandidateWeights } from './weights.ts';
import { candidateReasons } from './wording.ts';

export type { CandidatePage, SupplierCandidate } from './types.ts';
export type { CandidateWeights } from './weights.ts';
export type { CandidateFilter } from './filters.ts';
export { DEFAULT_WEIGHTS } from './weights.ts';
export { candidateRows } from './export-rows.ts';

export const MAX_PAGE = 200;

async function segmentExists(store: Store, segmentId: string): Promise<boolean> {
  const [row] = await store.run<{ segmentId: string | null }>('read/gaps/lookup-ids', { segmentId, chainId: null, areaId: null, taskId: null, unitIds: [] });
  return Boolean(row?.segmentId);
}

/** Segment and area to search for, from a segment id or a gap id (saved, or a detected gap's deterministic id), and whether the segment exists. */
async function resolveTarget(store: Store, segmentId: string | null, gapId: string | null, areaId: string | null) {
  if (gapId) {
    const parsed = parseGapId(gapId);
    // A detected gap's segment is looked up beside the saved gap's read: one round trip instead of two.
    const [saved, parsedExists] = await Promise.all([getSavedGap(store, gapId), parsed ? segmentExists(store, parsed.segmentId) : false]);
    if (saved) {
      const exists = saved.segmentId === parsed?.segmentId ? parsedExists : await segmentExists(store, saved.segmentId);
      return { segmentIds: [saved.segmentId], areaId: saved.areaId, exists };
    }
    if (!parsed) throw new NotFoundError('Gap', gapId);
    return { segmentIds: [parsed.segmentId], areaId: parsed.areaId, exists: parsedExists };
  }
  if (!segmentId) throw new ValidationError('give segmentId or gapId', 'segmentId');
  return { segmentIds: [segmentId], areaId, exists: await segmentExists(store, segmentId) };
}

interface EvidenceRow {
  id: string;
  name: string;
  shortName: string | null;
  uscc: string | null;
  province: string | null;
  city: string | null;
  sample: boolean | null;
  fits: Fit[];
  /** One entry per SUPPLIES and Area the buyer is LOCATED_IN, unscoped. */
  localBuyers: (Buyer & { supplyId: string; areaId: string })[];
}

/**
 * The page's evidence as the row the score, reasons and path are made from:
 * local buyers in the scope (one per SUPPLIES, as `candidate-local-buyers`
 * counts them) and buyers like them (outside the scope, as `candidate-peer-buyers`).
 */
function candidateRow(facts: ScoreFacts, ev: EvidenceRow, evPeerBuyers: PeerBuyer[], areaIds: string[] | null): CandidateRow {
  const scope = areaIds ? new Set(areaIds) : null;
  const seen = new Set<string>();
  const scopeBuyers = new Set<string>();
  const localBuyers: Buyer[] = [];
  for (const b of [...ev.localBuyers].sort((x, y) => x.id.localeCompare(y.id) || x.areaId.localeCompare(y.areaId))) {
    if (seen.has(b.supplyId) || (scope && !scope.has(b.areaId))) continue;
    seen.add(b.supplyId);
    scopeBuyers.add(b.id);
    localBuyers.push({ id: b.id, name: b.name, share: b.share, product: b.product });
  }
  // One entry per (buyer, demand segment it operates in), with the scope's local buyers among them.
  const peerBuyers = evPeerBuyers
    .filter((p) => !scopeBuyers.has(p.buyerId))
    // Nearby buyers first: they moved the rank most (FAR_PEER), and the path shows only the first few.
    .sort((x, y) => Number(y.near === true) - Number(x.near === true) || x.buyerId.localeCompare(y.buyerId) || x.segmentId.localeCompare(y.segmentId));
  return {
    facts,
    shortName: ev.shortName,
    uscc: ev.uscc,
    province: ev.province,
    city: ev.city,
    sample: ev.sample,
    // The target segment first, then siblings by id: the engines list a node's relationships in different orders.
    fits: ev.fits
      .map((f) => ({ ...f, downstreamIds: [...new Set(f.downstreamIds)].sort() }))
      .sort((a, b) => Number(b.direct) - Number(a.direct) || a.segmentId.localeCompare(b.segmentId)),
    localBuyers,
    peerBuyers,
  };
}

/** One candidate of a page: score and components, reasons and the path of its evidence. Pure, so wording and paths are unit-tested without a store. */
export function scoreCandidate(
  row: CandidateRow,
  ranking: Pick<Ranking, 'pool' | 'locals' | 'segmentNames' | 'segmentNamesEn' | 'fedSegments'>,
  w: CandidateWeights,
  rank: number,
): SupplierCandidate {
  const f = row.facts;
  const { components, score } = scoreComponents(f, ranking.pool, w);
  const reasons = candidateReasons(row, components, (id) => {
    const zh = ranking.segmentNames.get(id) ?? id;
    return { zh, en: ranking.segmentNamesEn.get(id) ?? zh };
  });
  return {
    rank,
    enterpriseId: f.id,
    name: f.name,
    shortName: row.shortName,
    uscc: row.uscc,
    region: f.region,
    province: row.province,
    city: row.city,
    output: f.output,
    aboveScale: f.aboveScale,
    tags: f.tags ?? [],
    sample: row.sample === true,
    segmentIds: [...new Set(row.fits.map((x) => x.segmentId))],
    segmentNames: [...new Set(row.fits.map((x) => x.segmentName))],
    inSegment: f.direct,
    score,
    components,
    reasonZh: reasons.zh,
    reasonEn: reasons.en,
    reasonLineZh: reasons.lineZh,
    reasonLineEn: reasons.lineEn,
    path: candidatePath(row, ranking.locals, ranking.fedSegments),
  };
}

/**
 * Ranks external enterprises that could fill a segment (or a gap's segment):
 * those operating in it or in a segment that FEEDS the same downstream
 * segment. Every candidate is scored from counts (rankCandidates, cached), then
 * paginated; only the page's candidates have their evidence (reasons, path) read.
 */
export async function rankSupplierCandidates(
  store: Store,
  args: {
    segmentId?: string | null;
    gapId?: string | null;
    areaId?: string | null;
    weights?: Overrides<CandidateWeights> | null;
    filter?: CandidateFilter | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<CandidatePage> {
  const first = args.first ?? 50;
  if (!(Number.isInteger(first) && first >= 1 && first <= MAX_PAGE)) {
    throw new ValidationError(`first must be between 1 and ${MAX_PAGE}`, 'first');
  }
  // The store's fitted weights (never waited for: the defaults or the last fit while this version's runs), the request's over them.
  const rankingWeights = candidateWeightsNow(store);
  const weights = resolveWeights(args.weights, rankingWeights.weights);
  const keep = candidatePredicate(args.filter);
  const offset = decodeCursor(args.after);
  const target = await resolveTarget(store, args.segmentId ?? null, args.gapId ?? null, args.areaId ?? null);
  if (!target.exists) throw new NotFoundError('Segment', target.segmentIds[0]!);
  const { segmentIds } = target;

  const ranking = await rankCandidates(store, segmentIds, target.areaId, weights);
  // Filtered lists keep each candidate's rank in the whole ranking; cursors count within the filtered list.
  const listed = keep ? ranking.ranked.flatMap((c, i) => (keep(c.facts) ? [{ c, rank: i + 1 }] : [])) : ranking.ranked.map((c, i) => ({ c, rank: i + 1 }));
  const slice = listed.slice(offset, offset + first);
  const ids = slice.map(({ c }) => c.facts.id);
  // The buyers like the local ones (~40 per candidate) from the projection while it is current: on Neo4j they were most
  // of the page's read (rows and round trip); names, fits and products of local buyers are the store's only.
  const [evidenceRows, peerRows] = slice.length
    ? await Promise.all([
        store.run<EvidenceRow>('read/suppliers/candidate-evidence', { segmentIds, ids }),
        currentCandidateFacts(store).peerEvidence(ids, ranking.demandSegments),
      ])
    : [[], []];
  const evidence = new Map(evidenceRows.map((r) => [r.id, r]));
  const peers = new Map(peerRows.map((r) => [r.id, r.peerBuyers]));
  const page: SupplierCandidate[] = [];
  for (const { c, rank } of slice) {
    const ev = evidence.get(c.facts.id);
    // A candidate removed between the two reads keeps its place but is not shown.
    if (ev) page.push(scoreCandidate(candidateRow(c.facts, ev, peers.get(c.facts.id) ?? [], ranking.areaIds), ranking, weights, rank));
  }
  return {
    segmentIds,
    areaId: target.areaId,
    weights,
    rankingWeights,
    totalCount: listed.length,
    candidates: page,
    endCursor: slice.length ? encodeCursor(offset + slice.length - 1) : null,
    hasNextPage: offset + slice.length < listed.length,
  };
}
