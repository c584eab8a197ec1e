import { GAP_KINDS, GAP_STATUSES, type GapKind, type GapOrigin, type GapStatus } from '../../model/vocabulary.ts';
import type { Store } from '../../store/store.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { gapId } from '../../model/gap-kinds.ts';

export interface ResponsibleUnit {
  unitId: string;
  unitName: string;
  role: 'lead' | 'support';
  /** The gap's area: units of a saved gap answer for it there. */
  areaId: string | null;
  via: 'gap';
}

/** A Gap node as stored (GraphQL type Gap). */
export interface SavedGap {
  id: string;
  kind: GapKind;
  status: GapStatus;
  origin: GapOrigin | null;
  note: string | null;
  reason: string | null;
  updatedAt: string | null;
  source: string | null;
  sourceText: string | null;
  segmentId: string;
  segmentName: string;
  chainId: string | null;
  chainName: string | null;
  /** Null for a gap saved from the all-areas scope. */
  areaId: string | null;
  areaName: string | null;
  taskId: string | null;
  taskName: string | null;
  responsible: ResponsibleUnit[];
}

export interface GapFilter {
  ids?: string[] | null;
  statuses?: GapStatus[] | null;
  kinds?: GapKind[] | null;
  chainId?: string | null;
  areaId?: string | null;
  segmentIds?: string[] | null;
}

/** Lead units first, then by id: the engines return a node's relationships in different orders. */
const unitOrder = (a: ResponsibleUnit, b: ResponsibleUnit) =>
  a.role === b.role ? (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0) : a.role === 'lead' ? -1 : 1;

export async function listSavedGaps(store: Store, filter: GapFilter = {}): Promise<SavedGap[]> {
  const gaps = await store.run<SavedGap>('read/gaps/saved-gaps', {
    ids: filter.ids ?? null,
    statuses: filter.statuses ?? null,
    kinds: filter.kinds ?? null,
    chainId: filter.chainId ?? null,
    areaId: filter.areaId ?? null,
    segmentIds: filter.segmentIds ?? null,
  });
  for (const gap of gaps) gap.responsible.sort(unitOrder);
  return gaps;
}

export async function getSavedGap(store: Store, id: string): Promise<SavedGap | null> {
  const [gap] = await listSavedGaps(store, { ids: [id] });
  return gap ?? null;
}

export interface SaveGapInput {
  kind: GapKind;
  segmentId: string;
  /** Null saves a gap of the all-areas scope (no FOR_AREA edge). */
  areaId?: string | null;
  /** Defaults to the segment's first chain. */
  chainId?: string | null;
  taskId?: string | null;
  status?: GapStatus | null;
  note?: string | null;
  reason?: string | null;
  /** Lead units first; given ids replace the gap's RESPONSIBLE_FOR edges. */
  leadUnitIds?: string[] | null;
  supportUnitIds?: string[] | null;
  /** `analysis` when saved from a detected gap, `user` when entered by hand (default). */
  origin?: GapOrigin | null;
}

interface LookupRow {
  segmentId: string | null;
  segmentChainIds: string[];
  chainId: string | null;
  areaId: string | null;
  taskId: string | null;
  unitIds: string[];
}

function checkEnum<T extends string>(value: T | null | undefined, allowed: readonly T[], field: string): void {
  if (value != null && !allowed.includes(value)) {
    throw new ValidationError(`${field} must be one of ${allowed.join(', ')} (got '${value}')`, field);
  }
}

async function checkIds(
  store: Store,
  ids: { segmentId?: string | null; chainId?: string | null; areaId?: string | null; taskId?: string | null; unitIds: string[] },
): Promise<LookupRow> {
  const [row] = await store.run<LookupRow>('read/gaps/lookup-ids', {
    segmentId: ids.segmentId ?? null,
    chainId: ids.chainId ?? null,
    areaId: ids.areaId ?? null,
    taskId: ids.taskId ?? null,
    unitIds: ids.unitIds,
  });
  if (!row) throw new Error('read/gaps/lookup-ids returned no row');
  if (ids.segmentId && !row.segmentId) throw new NotFoundError('Segment', ids.segmentId);
  if (ids.chainId && !row.chainId) throw new NotFoundError('Chain', ids.chainId);
  if (ids.areaId && !row.areaId) throw new NotFoundError('Area', ids.areaId);
  if (ids.taskId && !row.taskId) throw new NotFoundError('Task', ids.taskId);
  const missing = ids.unitIds.find((u) => !row.unitIds.includes(u));
  if (missing) throw new NotFoundError('Unit', missing);
  return row;
}

function unitsOf(lead: string[] | null | undefined, support: string[] | null | undefined) {
  return [...(lead ?? []).map((unitId) => ({ unitId, role: 'lead' as const })), ...(support ?? []).map((unitId) => ({ unitId, role: 'support' as const }))];
}

/**
 * Saves a gap as a Gap node with the deterministic id `gap:<kind>:<segmentId>:<areaId|all>`.
 * Saving again keeps the status and note unless new ones are given, so a
 * planner's work survives reruns of the analysis.
 */
export async function saveGap(store: Store, input: SaveGapInput, now: () => string = () => new Date().toISOString()): Promise<SavedGap> {
  checkEnum(input.kind, GAP_KINDS, 'kind');
  checkEnum(input.status ?? null, GAP_STATUSES, 'status');
  if (!input.segmentId) throw new ValidationError('segmentId is required', 'segmentId');
  const units = input.leadUnitIds || input.supportUnitIds ? unitsOf(input.leadUnitIds, input.supportUnitIds) : null;
  const found = await checkIds(store, { ...input, unitIds: (units ?? []).map((u) => u.unitId) });
  const chainId = input.chainId ?? found.segmentChainIds[0] ?? null;
  if (input.chainId && !found.segmentChainIds.includes(input.chainId)) {
    throw new ValidationError(`segment '${input.segmentId}' is not in chain '${input.chainId}'`, 'chainId');
  }
  const id = gapId(input.kind, input.segmentId, input.areaId ?? null);
  await store.transaction(async (tx) => {
    await tx.run('write/gaps/save-gap', {
      id,
      kind: input.kind,
      segmentId: input.segmentId,
      chainId,
      areaId: input.areaId ?? null,
      taskId: input.taskId ?? null,
      status: input.status ?? null,
      origin: input.origin ?? 'user',
      note: input.note ?? null,
      reason: input.reason ?? null,
      updatedAt: now(),
    });
    if (units) await tx.run('write/gaps/set-responsible-units', { gapId: id, units });
  });
  return (await getSavedGap(store, id))!;
}

/** Moves a saved gap through open → in_progress → filled / dismissed; null note and unit lists keep what is stored. */
export async function setGapStatus(
  store: Store,
  args: { id: string; status: GapStatus; note?: string | null; leadUnitIds?: string[] | null; supportUnitIds?: string[] | null },
  now: () => string = () => new Date().toISOString(),
): Promise<SavedGap> {
  checkEnum(args.status, GAP_STATUSES, 'status');
  const existing = await getSavedGap(store, args.id);
  if (!existing) throw new NotFoundError('Gap', args.id);
  const units = args.leadUnitIds || args.supportUnitIds ? unitsOf(args.leadUnitIds, args.supportUnitIds) : null;
  if (units) await checkIds(store, { unitIds: units.map((u) => u.unitId) });
  await store.transaction(async (tx) => {
    await tx.run('write/gaps/set-gap-status', { id: args.id, status: args.status, note: args.note ?? null, updatedAt: now() });
    if (units) await tx.run('write/gaps/set-responsible-units', { gapId: args.id, units });
  });
  return (await getSavedGap(store, args.id))!;
}
