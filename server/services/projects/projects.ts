import { randomUUID } from 'node:crypto';
import type { ProjectElement, ProjectStage } from '../../model/vocabulary.ts';
import type { QueryName, QueryRunner, Store } from '../../store/store.ts';
import { areaScopeIds } from '../areas/area-scope.ts';
import { ValidationError } from '../../errors.ts';
import { FieldNotFoundError } from '../enterprises/field-not-found.ts';
import { STAGE_DATE_FIELD, stageRank } from './pipeline-rules.ts';
import type { Project, ProjectEvent, ProjectFilter, ProjectInput, Ref } from './project-types.ts';
import { checkDate, cleanText, validateProjectInput } from './validate-project.ts';

export const MAX_PAGE = 500;

interface LinkRow {
  projectId: string;
  type: string;
  id: string;
  name: string | null;
  nameEn: string | null;
}

interface ListRow {
  props: Record<string, unknown>;
  area: Ref | null;
  park: Ref | null;
  investor: Ref | null;
  leadUnit: Ref | null;
  lookAfterUnits: Ref[];
  segments: Ref[];
  chains: Ref[];
  gapIds: string[];
}

/** Projects with their links, assembled from one row per link (a pattern comprehension per project was 10× slower on Grafeo at 2,000 projects). */
function assemble(nodes: { props: Record<string, unknown> }[], links: LinkRow[]): ListRow[] {
  const rows = new Map<string, ListRow>();
  for (const { props } of nodes) {
    rows.set(String(props.id), { props, area: null, park: null, investor: null, leadUnit: null, lookAfterUnits: [], segments: [], chains: [], gapIds: [] });
  }
  for (const l of links) {
    const row = rows.get(l.projectId);
    if (!row) continue;
    const ref: Ref = { id: l.id, name: l.name, nameEn: l.nameEn };
    if (l.type === 'IN_AREA') row.area = ref;
    else if (l.type === 'IN_PARK') row.park = ref;
    else if (l.type === 'INVESTS_IN') row.investor = { id: l.id, name: l.name };
    else if (l.type === 'PROMOTES') row.leadUnit = { id: l.id, name: l.name };
    else if (l.type === 'LOOKS_AFTER') row.lookAfterUnits.push({ id: l.id, name: l.name });
    else if (l.type === 'AT') row.segments.push(ref);
    else if (l.type === 'IN_CHAIN') row.chains.push(ref);
    else if (l.type === 'FILLS') row.gapIds.push(l.id);
  }
  return [...rows.values()];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function toProject(r: ListRow): Project {
  const p = r.props;
  return {
    id: String(p.id),
    name: String(p.name ?? p.id),
    investorName: str(p.investorName) ?? r.investor?.name ?? null,
    investor: r.investor,
    area: r.area,
    park: r.park,
    chains: r.chains,
    segments: r.segments,
    gapIds: r.gapIds,
    leadUnit: r.leadUnit,
    lookAfterUnits: r.lookAfterUnits,
    investment: num(p.investment),
    plannedOutput: num(p.plannedOutput),
    stage: (str(p.stage) ?? 'lead') as ProjectStage,
    droppedFrom: str(p.droppedFrom) as ProjectStage | null,
    dropReason: str(p.dropReason),
    leadAt: str(p.leadAt),
    negotiatingAt: str(p.negotiatingAt),
    signedAt: str(p.signedAt),
    startedAt: str(p.startedAt),
    producingAt: str(p.producingAt),
    droppedAt: str(p.droppedAt),
    elements: (Array.isArray(p.elements) ? p.elements : []) as ProjectElement[],
    notes: str(p.notes),
    origin: str(p.origin),
    createdAt: str(p.createdAt),
    createdBy: str(p.createdBy),
    updatedAt: str(p.updatedAt),
    lastActivityAt: str(p.lastActivityAt),
  };
}

/** Projects matching the filter, most recently active first. An unknown area is NOT_FOUND, never an empty list. */
export async function listProjects(runner: QueryRunner, filter: ProjectFilter = {}): Promise<Project[]> {
  const areaIds = filter.areaId ? new Set(await areaScopeIds(runner, filter.areaId)) : null;
  const ids = filter.ids ?? null;
  const [nodes, links] = await Promise.all([
    runner.run<{ props: Record<string, unknown> }>('read/projects/nodes', {
      ids,
      stages: filter.stages?.length ? filter.stages : null,
      minInvestment: filter.minInvestment ?? null,
      maxInvestment: filter.maxInvestment ?? null,
    }),
    runner.run<LinkRow>('read/projects/links', { ids }),
  ]);
  const unit = filter.unitId ?? null;
  return assemble(nodes, links)
    .filter(
      (r) =>
        (areaIds === null || (r.area !== null && areaIds.has(r.area.id))) &&
        (!filter.chainId || r.chains.some((c) => c.id === filter.chainId)) &&
        (!filter.segmentId || r.segments.some((s) => s.id === filter.segmentId)) &&
        (!filter.gapId || r.gapIds.includes(filter.gapId)) &&
        (unit === null || r.leadUnit?.id === unit || r.lookAfterUnits.some((u) => u.id === unit)),
    )
    .map(toProject)
    .sort((a, b) => (b.lastActivityAt ?? '').localeCompare(a.lastActivityAt ?? '') || a.id.localeCompare(b.id));
}

export interface ProjectPage {
  items: Project[];
  totalCount: number;
  /** Cursor for the next page (`after`), null on the last page. */
  endCursor: string | null;
  hasMore: boolean;
}

/** One page of projects; `after` is the endCursor of the previous page. */
export async function pageProjects(runner: QueryRunner, filter: ProjectFilter, first = 50, after: string | null = null): Promise<ProjectPage> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
    throw new ValidationError(`first: must be an integer from 1 to ${MAX_PAGE} (got ${first})`, 'first');
  const offset = after === null ? 0 : Number(after);
  if (!Number.isInteger(offset) || offset < 0) throw new ValidationError(`after: '${after}' is not a cursor from this list`, 'after');
  const all = await listProjects(runner, filter);
  const items = all.slice(offset, offset + first);
  const hasMore = offset + first < all.length;
  return { items, totalCount: all.length, hasMore, endCursor: hasMore ? String(offset + first) : null };
}

export async function getProject(runner: QueryRunner, id: string): Promise<Project | null> {
  const [project] = await listProjects(runner, { ids: [id] });
  return project ?? null;
}

async function requireProject(runner: QueryRunner, id: string): Promise<Project> {
  const project = await getProject(runner, id);
  if (!project) throw new FieldNotFoundError('Project', id, 'id');
  return project;
}

export async function projectEvents(runner: QueryRunner, projectIds: string[]): Promise<ProjectEvent[]> {
  return runner.run<ProjectEvent>('read/projects/events', { projectIds });
}

interface LookupRow {
  areaIds: string[];
  parkIds: string[];
  enterprises: { id: string; name: string }[];
  unitIds: string[];
  segmentChains: { segmentId: string; chainId: string }[];
  chainIds: string[];
  gaps: { id: string; segmentId: string; areaId: string | null; chainId: string | null }[];
}

interface Links {
  areaId: string;
  parkId: string | null;
  investorId: string | null;
  leadUnitId: string | null;
  lookAfterUnitIds: string[];
  segmentIds: string[];
  chainIds: string[];
  gapIds: string[];
}

/**
 * Checks every id the input names (NOT_FOUND naming the field) and completes
 * what follows from the rest: segments and chains from the gaps filled, chains
 * from the segments, the investor's name from the linked enterprise.
 */
async function resolveLinks(runner: QueryRunner, links: Links): Promise<{ links: Links; investorName: string | null }> {
  const [row] = await runner.run<LookupRow>('read/projects/lookup-ids', {
    areaIds: [links.areaId],
    parkIds: links.parkId ? [links.parkId] : [],
    enterpriseIds: links.investorId ? [links.investorId] : [],
    unitIds: [...(links.leadUnitId ? [links.leadUnitId] : []), ...links.lookAfterUnitIds],
    segmentIds: links.segmentIds,
    chainIds: links.chainIds,
    gapIds: links.gapIds,
  });
  if (!row) throw new Error('read/projects/lookup-ids returned no row');
  if (!row.areaIds.includes(links.areaId)) throw new FieldNotFoundError('Area', links.areaId, 'areaId');
  if (links.parkId && !row.parkIds.includes(links.parkId)) throw new FieldNotFoundError('Park', links.parkId, 'parkId');
  const investor = links.investorId ? row.enterprises.find((e) => e.id === links.investorId) : null;
  if (links.investorId && !investor) throw new FieldNotFoundError('Enterprise', links.investorId, 'investorId');
  if (links.leadUnitId && !row.unitIds.includes(links.leadUnitId)) throw new FieldNotFoundError('Unit', links.leadUnitId, 'leadUnitId');
  const unit = links.lookAfterUnitIds.find((u) => !row.unitIds.includes(u));
  if (unit) throw new FieldNotFoundError('Unit', unit, 'lookAfterUnitIds');
  const gap = links.gapIds.find((g) => !row.gaps.some((x) => x.id === g));
  if (gap) throw new FieldNotFoundError('Gap', gap, 'gapIds');
  const segmentIds = links.segmentIds.length ? links.segmentIds : [...new Set(row.gaps.map((g) => g.segmentId))];
  const knownSegments = new Set(row.segmentChains.map((s) => s.segmentId));
  const segment = links.segmentIds.find((s) => !knownSegments.has(s));
  if (segment) throw new FieldNotFoundError('Segment', segment, 'segmentIds');
  const chain = links.chainIds.find((c) => !row.chainIds.includes(c));
  if (chain) throw new FieldNotFoundError('Chain', chain, 'chainIds');
  const chainsOfSegments = (ids: string[]) => [...new Set(row.segmentChains.filter((s) => ids.includes(s.segmentId)).map((s) => s.chainId))];
  let chainIds = links.chainIds;
  if (chainIds.length === 0) {
    const fromGaps = row.gaps.map((g) => g.chainId).filter((c): c is string => !!c);
    chainIds = fromGaps.length ? [...new Set(fromGaps)] : chainsOfSegments(links.segmentIds).slice(0, 1);
  } else if (links.segmentIds.length) {
    const outside = links.segmentIds.find((s) => !row.segmentChains.some((x) => x.segmentId === s && chainIds.includes(x.chainId)));
    if (outside) throw new ValidationError(`segmentIds: segment '${outside}' is in none of the chains ${chainIds.join(', ')}`, 'segmentIds');
  }
  return { links: { ...links, segmentIds, chainIds }, investorName: investor?.name ?? null };
}

async function writeLinks(tx: QueryRunner, id: string, links: Links): Promise<void> {
  await tx.run('write/projects/unlink', { id });
  const lists: [Extract<QueryName, `write/projects/link-${string}`>, string[]][] = [
    ['write/projects/link-areas', [links.areaId]],
    ['write/projects/link-parks', links.parkId ? [links.parkId] : []],
    ['write/projects/link-investors', links.investorId ? [links.investorId] : []],
    ['write/projects/link-lead-units', links.leadUnitId ? [links.leadUnitId] : []],
    ['write/projects/link-look-after-units', links.lookAfterUnitIds],
    ['write/projects/link-segments', links.segmentIds],
    ['write/projects/link-chains', links.chainIds],
    ['write/projects/link-gaps', links.gapIds],
  ];
  for (const [query, ids] of lists) if (ids.length) await tx.run(query, { id, ids });
}

export interface Clock {
  /** ISO timestamp. */
  now(): string;
}
export const systemClock: Clock = { now: () => new Date().toISOString() };

async function recordEvent(
  tx: QueryRunner,
  e: {
    projectId: string;
    at: string;
    date: string | null;
    actor: string;
    kind: ProjectEvent['kind'];
    from: ProjectStage | null;
    to: ProjectStage | null;
    note: string | null;
  },
): Promise<void> {
  await tx.run('write/projects/record-event', { ...e, id: `event:${e.at}:${randomUUID().slice(0, 8)}` });
}

/** Creates a project (by hand, from a candidate or a gap, or from an import); it enters at `stage` (default 线索 lead) with a first event. */
export async function createProject(
  store: Store,
  raw: ProjectInput,
  actor: string,
  options: { origin?: string; id?: string; clock?: Clock } = {},
): Promise<Project> {
  const input = validateProjectInput(raw, true);
  const at = (options.clock ?? systemClock).now();
  const stage = input.stage ?? 'lead';
  const date = input.stageDate ?? at.slice(0, 10);
  const { links, investorName } = await resolveLinks(store, {
    areaId: input.areaId!,
    parkId: input.parkId ?? null,
    investorId: input.investorId ?? null,
    leadUnitId: input.leadUnitId ?? null,
    lookAfterUnitIds: input.lookAfterUnitIds ?? [],
    segmentIds: input.segmentIds ?? [],
    chainIds: input.chainIds ?? [],
    gapIds: input.gapIds ?? [],
  });
  const id = options.id ?? `project:${randomUUID()}`;
  const props: Record<string, unknown> = {
    name: input.name,
    investorName: input.investorName ?? investorName,
    investment: input.investment ?? null,
    plannedOutput: input.plannedOutput ?? null,
    stage,
    [STAGE_DATE_FIELD[stage]]: date,
    droppedFrom: stage === 'dropped' ? 'lead' : null,
    dropReason: stage === 'dropped' ? input.dropReason : null,
    elements: input.elements ?? [],
    notes: input.notes ?? null,
    origin: options.origin ?? 'user',
    createdAt: at,
    createdBy: actor,
    updatedAt: at,
    lastActivityAt: at,
  };
  await store.transaction(async (tx) => {
    await tx.run('write/projects/create', { id, props: Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null)) });
    await writeLinks(tx, id, links);
    await recordEvent(tx, { projectId: id, at, date, actor, kind: 'created', from: null, to: stage, note: input.notes ?? null });
  });
  return (await getProject(store, id))!;
}

/** Changes a project's fields; omitted fields keep their value, null clears one. The stage changes only through changeProjectStage. */
export async function updateProject(store: Store, id: string, raw: ProjectInput, options: { clock?: Clock } = {}): Promise<Project> {
  if (raw.stage != null || raw.stageDate != null)
    throw new ValidationError('stage: change the stage with changeProjectStage, which keeps the history', 'stage');
  const input = validateProjectInput(raw, false);
  const existing = await requireProject(store, id);
  const pick = <T>(given: T | undefined, current: T): T => (given === undefined ? current : given);
  const investorChanged = input.investorId !== undefined;
  const { links, investorName } = await resolveLinks(store, {
    areaId: input.areaId ?? existing.area!.id,
    parkId: pick(input.parkId, existing.park?.id ?? null),
    investorId: pick(input.investorId, existing.investor?.id ?? null),
    leadUnitId: pick(input.leadUnitId, existing.leadUnit?.id ?? null),
    lookAfterUnitIds:
      pick(
        input.lookAfterUnitIds,
        existing.lookAfterUnits.map((u) => u.id),
      ) ?? [],
    segmentIds:
      pick(
        input.segmentIds,
        existing.segments.map((s) => s.id),
      ) ?? [],
    chainIds: pick(input.chainIds, input.segmentIds !== undefined ? [] : existing.chains.map((c) => c.id)) ?? [],
    gapIds: pick(input.gapIds, existing.gapIds) ?? [],
  });
  const props: Record<string, unknown> = { updatedAt: (options.clock ?? systemClock).now() };
  if (input.name !== undefined) props.name = input.name;
  if (input.investorName !== undefined || investorChanged) props.investorName = input.investorName ?? (investorChanged ? investorName : existing.investorName);
  if (input.investment !== undefined) props.investment = input.investment;
  if (input.plannedOutput !== undefined) props.plannedOutput = input.plannedOutput;
  if (input.elements !== undefined) props.elements = input.elements ?? [];
  if (input.notes !== undefined) props.notes = input.notes;
  await store.transaction(async (tx) => {
    await tx.run('write/projects/update', { id, props });
    await writeLinks(tx, id, links);
  });
  return (await getProject(store, id))!;
}

export interface StageChange {
  id: string;
  stage: ProjectStage;
  /** The date the stage was reached (default today), ISO YYYY-MM-DD. */
  date?: string | null;
  note?: string | null;
  /** Required for 终止 dropped. */
  reason?: string | null;
}

/**
 * Moves a project to another stage and keeps the change as an event. Forward
 * moves may skip stages (their dates stay unknown); a move back, or out of
 * 终止, needs a note saying why; 终止 needs a reason. A stage date before the
 * date of a stage already reached is refused.
 */
export async function changeProjectStage(store: Store, change: StageChange, actor: string, options: { clock?: Clock } = {}): Promise<Project> {
  const project = await requireProject(store, change.id);
  const at = (options.clock ?? systemClock).now();
  const note = cleanText(change.note, 'note') ?? null;
  const reason = cleanText(change.reason, 'reason', 500) ?? null;
  const date = change.date ? checkDate(change.date, 'date') : at.slice(0, 10);
  const to = change.stage;
  if (to === project.stage) throw new ValidationError(`stage: the project is already at '${to}'`, 'stage');
  if (to === 'dropped' && !reason) throw new ValidationError('reason: a dropped (终止) project needs the reason', 'reason');
  const back = project.stage === 'dropped' || (to !== 'dropped' && stageRank({ stage: to, droppedFrom: null }) < stageRank(project));
  if (back && !note) throw new ValidationError(`note: moving a project from '${project.stage}' back to '${to}' needs a note saying why`, 'note');
  if (!back && to !== 'dropped') {
    const earlier = (['lead', 'negotiating', 'signed', 'started'] as const)
      .filter((s) => stageRank({ stage: s, droppedFrom: null }) < stageRank({ stage: to, droppedFrom: null }))
      .map((s) => [s, project[STAGE_DATE_FIELD[s]] as string | null] as const)
      .find(([, d]) => d !== null && d > date);
    if (earlier) throw new ValidationError(`date: ${date} is before the project's '${earlier[0]}' date ${earlier[1]}`, 'date');
  }
  const props: Record<string, unknown> = { stage: to, [STAGE_DATE_FIELD[to]]: date, updatedAt: at, lastActivityAt: at };
  if (to === 'dropped') Object.assign(props, { droppedFrom: project.stage, dropReason: reason });
  else if (project.stage === 'dropped') Object.assign(props, { droppedFrom: null, dropReason: null, droppedAt: null });
  await store.transaction(async (tx) => {
    await tx.run('write/projects/update', { id: project.id, props });
    await recordEvent(tx, {
      projectId: project.id,
      at,
      date,
      actor,
      kind: 'stage',
      from: project.stage,
      to,
      note: to === 'dropped' ? [reason, note].filter(Boolean).join(' · ') : note,
    });
  });
  return (await getProject(store, project.id))!;
}

/** Adds a dated note to a project's history (a note counts as activity: the project is not stalled). */
export async function addProjectNote(store: Store, id: string, text: string, actor: string, options: { clock?: Clock } = {}): Promise<Project> {
  const note = cleanText(text, 'note');
  if (!note) throw new ValidationError('note: empty note', 'note');
  const project = await requireProject(store, id);
  const at = (options.clock ?? systemClock).now();
  await store.transaction(async (tx) => {
    await tx.run('write/projects/update', { id, props: { lastActivityAt: at, updatedAt: at } });
    await recordEvent(tx, { projectId: id, at, date: at.slice(0, 10), actor, kind: 'note', from: project.stage, to: project.stage, note });
  });
  return (await getProject(store, id))!;
}

export async function deleteProject(store: Store, id: string): Promise<string> {
  await requireProject(store, id);
  await store.transaction((tx) => tx.run('write/projects/delete', { id }));
  return id;
}
