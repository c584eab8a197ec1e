import { randomUUID } from 'node:crypto';
import { normaliseName } from '../../model/normalise-name.ts';
import type { ProjectStage } from '../../model/vocabulary.ts';
import { STAGE_DATE_FIELD, STAGE_ORDER, STAGE_ZH, stageRank } from '../projects/pipeline-rules.ts';
import type { Project } from '../projects/project-types.ts';
import type { MappedColumn } from './columns.ts';
import { newEnterpriseId, readUscc } from './plan-enterprises.ts';
import { changedKeys, FirstSeen, rejected, RowReader, type Plan, type PlannedItem, type PlannedWrite } from './plan.ts';
import type { AreaIndex, ChainRef, EnterpriseIndex, NameIndex, SegmentRef } from './reference.ts';
import type { TableRow } from './read-table.ts';
import { parseAmount, parseDate, parseElements, parseProjectStage, splitList, splitNames } from './values.ts';

export interface ProjectReference {
  areas: AreaIndex;
  segments: NameIndex<SegmentRef>;
  chains: NameIndex<ChainRef>;
  enterprises: EnterpriseIndex;
  units: { id: string; name: string }[];
  gaps: { id: string; segmentId: string; chainId: string | null }[];
  /** The projects in the graph. */
  projects: Project[];
  /** Who imports, and when (ISO timestamp): recorded on the events the import writes. */
  actor: string;
  at: string;
}

const DATE_FIELDS = ['leadAt', 'negotiatingAt', 'signedAt', 'startedAt', 'producingAt', 'droppedAt'] as const;
type DateField = (typeof DATE_FIELDS)[number];
const STAGE_OF_DATE = Object.fromEntries(Object.entries(STAGE_DATE_FIELD).map(([stage, field]) => [field, stage])) as Record<DateField, ProjectStage>;
const WAN_PER_YI = 10_000;

/** A project's links, compared as sorted id lists. */
interface Links {
  area: string;
  investor: string | null;
  leadUnit: string | null;
  lookAfter: string[];
  segments: string[];
  chains: string[];
  gaps: string[];
}

const LINK_QUERIES = {
  area: 'write/import/project-in-area',
  investor: 'write/import/project-investor',
  leadUnit: 'write/import/project-lead-unit',
  lookAfter: 'write/import/project-look-after',
  segments: 'write/import/project-at-segment',
  chains: 'write/import/project-in-chain',
  gaps: 'write/import/project-fills-gap',
} as const;

function linkWrites(id: string, links: Links): PlannedWrite[] {
  return (Object.keys(LINK_QUERIES) as (keyof Links)[]).flatMap((key) => {
    const value = links[key];
    const targets = Array.isArray(value) ? value : value ? [value] : [];
    return targets.map((target): PlannedWrite => ({ query: LINK_QUERIES[key], row: { project: id, target } }));
  });
}

function linksOf(p: Project): Links {
  return {
    area: p.area?.id ?? '',
    investor: p.investor?.id ?? null,
    leadUnit: p.leadUnit?.id ?? null,
    lookAfter: p.lookAfterUnits.map((u) => u.id).sort(),
    segments: p.segments.map((s) => s.id).sort(),
    chains: p.chains.map((c) => c.id).sort(),
    gaps: [...p.gapIds].sort(),
  };
}

/** Finds units by id or exact name; records UNKNOWN_UNIT naming the item. */
function readUnits(r: RowReader, field: string, units: ProjectReference['units']): string[] | undefined {
  const text = r.text(field);
  if (!text) return undefined;
  const ids: string[] = [];
  for (const item of splitList(text)
    .flatMap((i) => i.split(/[、,，]+/))
    .map((i) => i.trim())
    .filter(Boolean)) {
    const unit = units.find((u) => u.id === item || u.name === item);
    if (unit) ids.push(unit.id);
    else r.error(field, 'UNKNOWN_UNIT', { item }, item);
  }
  return [...new Set(ids)].sort();
}

/**
 * Plans a project list (招商项目清单): each row creates a project, updates the
 * one with the same 项目编号 (else the same name in the same area), or changes
 * nothing. The investor is matched to an enterprise of the graph by 统一社会信用代码
 * or name, else created. Columns the file has set what they say; an empty cell
 * leaves the stored value. A stage may move forward (its date from its date
 * column, unknown otherwise) or to 终止 with a reason, each move kept as a
 * ProjectEvent; moving back is refused (the project panel asks why).
 * Amounts are 亿元 unless the header or cell says 万元.
 */
export function planProjects(rows: TableRow[], columns: MappedColumn[], ref: ProjectReference): Plan {
  const items: PlannedItem[] = [];
  const issues = [];
  const seenId = new FirstSeen();
  const seenName = new FirstSeen();
  const byId = new Map(ref.projects.map((p) => [p.id, p]));
  const byName = new Map(ref.projects.map((p) => [`${p.area?.id}|${normaliseName(p.name)}`, p]));
  const gaps = new Map(ref.gaps.map((g) => [g.id, g]));
  let n = 0;

  for (const source of rows) {
    const r = new RowReader(source, columns);
    const name = r.text('name');
    if (!name) r.error('name', 'REQUIRED');
    const givenId = r.text('id');
    if (givenId && !/^project:\S+$/.test(givenId)) r.error('id', 'INVALID_PROJECT_ID');

    let area: string | undefined;
    if (!r.text('area')) r.error('area', 'REQUIRED');
    else {
      const found = ref.areas.find(r.text('area'));
      if (found.ok) area = found.value.id;
      else r.error('area', found.code, found.detail ?? {});
    }
    const segments: SegmentRef[] = [];
    for (const text of splitNames(r.text('segment'), (t) => ref.segments.knows(t))) {
      const found = ref.segments.find(text);
      if (found.ok) segments.push(found.value);
      else r.error('segment', found.code, found.detail ?? {}, text);
    }
    const chains: string[] = [];
    for (const text of splitNames(r.text('chain'), (t) => ref.chains.knows(t))) {
      const found = ref.chains.find(text);
      if (found.ok) chains.push(found.value.id);
      else r.error('chain', found.code, found.detail ?? {}, text);
    }
    const gapIds: string[] = [];
    for (const item of splitList(r.text('gaps'))
      .flatMap((i) => i.split(/[、,，\s]+/))
      .filter(Boolean)) {
      if (gaps.has(item)) gapIds.push(item);
      else r.error('gaps', 'UNKNOWN_GAP', { item }, item);
    }
    const leadUnits = readUnits(r, 'leadUnit', ref.units);
    const lookAfter = readUnits(r, 'lookAfter', ref.units);
    const yi = (field: string) => r.parse(field, (t) => parseAmount(t, r.unit(field)));
    const investmentWan = yi('investment');
    const outputWan = yi('plannedOutput');
    const stage = r.parse('stage', parseProjectStage);
    const elements = r.parse('elements', parseElements);
    const dates: Partial<Record<DateField, string>> = {};
    for (const field of DATE_FIELDS) {
      const date = r.parse(field, parseDate);
      if (date) dates[field] = date;
    }
    const uscc = r.has('investorUscc') ? readUscc(r, 'investorUscc') : '';
    const investorName = r.text('investor');

    // the existing project: by id, else by name in the same area
    const existing = (givenId ? byId.get(givenId) : undefined) ?? (name && area && !givenId ? byName.get(`${area}|${normaliseName(name)}`) : undefined);
    const matchedBy = existing ? (givenId ? 'id' : 'name') : null;
    const key = existing?.id ?? (givenId || `${area}|${normaliseName(name)}`);
    const first = seenId.check(key, r.row) ?? (name && area && !givenId ? seenName.check(`${area}|${normaliseName(name)}`, r.row) : undefined);
    if (first !== undefined) r.error(givenId ? 'id' : 'name', 'DUPLICATE_IN_FILE', { first, by: '同一项目', byEn: 'same project' });

    // stage dates in order: no reached stage before an earlier one
    let previous: [DateField, string] | null = null;
    for (const field of DATE_FIELDS.slice(0, 5)) {
      const date = dates[field] ?? (existing?.[field] as string | null | undefined) ?? null;
      if (!date) continue;
      if (previous && date < previous[1] && dates[field]) {
        const s = STAGE_OF_DATE[previous[0]];
        r.error(field, 'DATE_ORDER', { earlier: STAGE_ZH[s], earlierEn: s, date: previous[1] });
      }
      previous = [field, date];
    }

    const currentStage: ProjectStage = existing?.stage ?? 'lead';
    let to: ProjectStage = stage ?? (existing ? currentStage : (highestDated(dates) ?? 'lead'));
    if (!existing && dates.droppedAt && !stage) to = 'dropped';
    if (existing && to !== currentStage && to !== 'dropped') {
      const back = currentStage === 'dropped' || stageRank({ stage: to, droppedFrom: null }) < stageRank(existing);
      if (back) r.error('stage', 'STAGE_MOVES_BACK', { current: STAGE_ZH[currentStage], to: STAGE_ZH[to], currentEn: currentStage, toEn: to });
    }
    const dropReason = r.text('dropReason') || null;
    if (to === 'dropped' && currentStage !== 'dropped' && !dropReason) r.error('dropReason', 'DROP_REASON_REQUIRED');
    if (to === 'dropped' && currentStage === 'dropped' && !dropReason && !existing?.dropReason) r.error('dropReason', 'DROP_REASON_REQUIRED');

    issues.push(...r.issues);
    if (r.failed || !area) {
      items.push(rejected(r, name, existing?.id ?? null));
      continue;
    }

    // investor: an enterprise of the graph by USCC or name, else a new one
    const writes: PlannedWrite[] = [];
    let investor: string | null | undefined;
    // the investor named as stored, without a code: the stored link (or its absence) stands, so an export imports back unchanged
    const sameInvestor = existing && !uscc && investorName === (existing.investorName ?? '');
    if ((uscc || investorName) && !sameInvestor) {
      const found = (uscc ? ref.enterprises.byCode(uscc) : undefined) ?? (investorName ? ref.enterprises.byNormalisedName(investorName) : undefined);
      if (found) investor = found.id;
      else {
        investor = newEnterpriseId(uscc || null, investorName || uscc!);
        const props: Record<string, unknown> = { name: investorName || uscc, searchName: normaliseName(investorName || uscc!), origin: 'import' };
        if (uscc) props.uscc = uscc;
        writes.push({ query: 'write/import/enterprise-create', row: { id: investor, props } });
      }
    }

    const props: Record<string, unknown> = {};
    if (!existing || matchedBy === 'id') props.name = name;
    if (investorName) props.investorName = investorName;
    if (investmentWan !== undefined) props.investment = round(investmentWan / WAN_PER_YI);
    if (outputWan !== undefined) props.plannedOutput = round(outputWan / WAN_PER_YI);
    if (elements !== undefined) props.elements = elements;
    if (r.text('notes')) props.notes = r.text('notes');
    for (const field of DATE_FIELDS) if (dates[field]) props[field] = dates[field];
    if (dropReason) props.dropReason = dropReason;

    const inheritedSegments = segments.length ? segments.map((s) => s.id) : [...new Set(gapIds.map((g) => gaps.get(g)!.segmentId))];
    const chainsOf = () => {
      const fromGaps = [...new Set(gapIds.map((g) => gaps.get(g)!.chainId).filter((c): c is string => !!c))];
      if (fromGaps.length) return fromGaps;
      const first = inheritedSegments.map((id) => ref.segments.get(id)).find((s) => s && s.chains.length);
      return first ? [[...first.chains].sort()[0]!] : [];
    };
    const old = existing ? linksOf(existing) : null;
    const links: Links = {
      area,
      investor: investor !== undefined ? investor : (old?.investor ?? null),
      leadUnit: leadUnits !== undefined ? (leadUnits[0] ?? null) : (old?.leadUnit ?? null),
      lookAfter: lookAfter ?? old?.lookAfter ?? [],
      segments: r.text('segment') || r.text('gaps') ? [...inheritedSegments].sort() : (old?.segments ?? []),
      chains: (chains.length ? chains : r.text('segment') || r.text('gaps') || !old ? chainsOf() : old.chains).sort(),
      gaps: r.text('gaps') ? [...new Set(gapIds)].sort() : (old?.gaps ?? []),
    };

    const events: Record<string, unknown>[] = [];
    const event = (kind: 'created' | 'stage', from: ProjectStage | null, stageTo: ProjectStage, date: string | null) => {
      n += 1;
      events.push({
        id: `event:${ref.at}:import-${n}-${randomUUID().slice(0, 8)}`,
        projectId: '',
        at: ref.at,
        date,
        actor: ref.actor,
        kind,
        from,
        to: stageTo,
        note: '导入',
      });
    };
    let id: string;
    let changes: string[];
    if (!existing) {
      id = givenId || `project:${randomUUID()}`;
      // the stages the file dates, in order, up to the project's stage: its history
      const reached = STAGE_ORDER.filter(
        (s) =>
          dates[STAGE_DATE_FIELD[s] as DateField] &&
          (to === 'dropped' || stageRank({ stage: s, droppedFrom: null }) <= stageRank({ stage: to, droppedFrom: null })),
      );
      let from: ProjectStage | null = null;
      for (const s of reached) {
        event(from === null ? 'created' : 'stage', from, s, dates[STAGE_DATE_FIELD[s] as DateField]!);
        from = s;
      }
      if (from !== to) event(from === null ? 'created' : 'stage', from, to, dates[STAGE_DATE_FIELD[to] as DateField] ?? null);
      Object.assign(props, {
        stage: to,
        droppedFrom: to === 'dropped' ? (reached.at(-1) ?? 'lead') : undefined,
        origin: 'import',
        createdAt: ref.at,
        createdBy: ref.actor,
        updatedAt: ref.at,
        lastActivityAt: ref.at,
      });
      const clean = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined && v !== null));
      writes.push({ query: 'write/import/project-create', row: { id, props: clean } });
      writes.push(...linkWrites(id, links));
      changes = Object.keys(clean);
    } else {
      id = existing.id;
      changes = changedKeys(props, existing as unknown as Record<string, unknown>);
      const update: Record<string, unknown> = Object.fromEntries(changes.map((k) => [k, props[k]]));
      if (to !== currentStage) {
        changes.push('stage');
        update.stage = to;
        if (to === 'dropped') update.droppedFrom = currentStage;
        event('stage', currentStage, to, dates[STAGE_DATE_FIELD[to] as DateField] ?? null);
        update.lastActivityAt = ref.at;
      }
      const linkChanges = (Object.keys(links) as (keyof Links)[]).filter((k) => JSON.stringify(links[k]) !== JSON.stringify(old![k]));
      changes.push(...linkChanges);
      if (Object.keys(update).length) writes.push({ query: 'write/import/project-update', row: { id, props: { ...update, updatedAt: ref.at } } });
      if (linkChanges.length) writes.push({ query: 'write/import/project-unlink', row: { id } }, ...linkWrites(id, links));
    }
    for (const e of events) writes.push({ query: 'write/import/project-event', row: { ...e, projectId: id } });
    const action = !existing ? 'create' : changes.length ? 'update' : 'unchanged';
    items.push({
      row: r.row,
      action,
      id,
      label: name,
      changes: action === 'unchanged' ? [] : changes,
      matchedBy,
      writes: action === 'unchanged' ? [] : writes,
    });
  }
  return { items, issues };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The furthest forward stage the row dates (a new project without a 阶段 column starts there). */
function highestDated(dates: Partial<Record<DateField, string>>): ProjectStage | null {
  return [...STAGE_ORDER].reverse().find((s) => dates[STAGE_DATE_FIELD[s] as DateField]) ?? null;
}
