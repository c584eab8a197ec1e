import { normaliseName } from '../../model/normalise-name.ts';
import { isValidUscc } from '../../model/uscc.ts';
import type { MappedColumn } from './columns.ts';
import { changedKeys, FirstSeen, rejected, RowReader, type Plan, type PlannedItem, type PlannedWrite } from './plan.ts';
import { placeOf, type AreaRef, type EnterpriseIndex, type EnterpriseRef, type NameIndex, type SegmentRef } from './reference.ts';
import type { TableRow } from './read-table.ts';
import { cleanUscc, parseAmount, parseBoolean, parseRegion, parseRole, parseTags, parseYear, splitList } from './values.ts';

export interface EnterpriseReference {
  areas: NameIndex<AreaRef>;
  segments: NameIndex<SegmentRef>;
  enterprises: EnterpriseIndex;
  /** `${enterpriseId}|${segmentId}` → role of existing OPERATES_IN links. */
  operates: Map<string, string | null>;
}

/** Id of a new enterprise: from its USCC, else from its normalised name (so re-importing finds the same id). */
export function newEnterpriseId(uscc: string | null, name: string): string {
  return uscc ? `ent:${uscc}` : `ent:name:${normaliseName(name)}`;
}

/** Reads the USCC cell: '' when empty, null when invalid (issue recorded). */
export function readUscc(r: RowReader, field: string): string | null {
  const text = r.text(field);
  if (!text) return '';
  if (r.lossy(field)) {
    r.error(field, 'USCC_PRECISION_LOST');
    return null;
  }
  const code = cleanUscc(text);
  if (!isValidUscc(code)) {
    r.error(field, 'INVALID_USCC');
    return null;
  }
  return code;
}

function existingProps(e: EnterpriseRef): Record<string, unknown> {
  return { ...e, areaId: e.areaIdProperty };
}

/**
 * Plans an enterprise list: each row creates an enterprise, updates the one
 * with the same USCC (else the same normalised name), or changes nothing.
 * Only the columns the file has are written; an empty cell leaves the stored
 * value as it is.
 */
export function planEnterprises(rows: TableRow[], columns: MappedColumn[], ref: EnterpriseReference): Plan {
  const items: PlannedItem[] = [];
  const issues = [];
  const seenUscc = new FirstSeen();
  const seenName = new FirstSeen();
  const seenTarget = new FirstSeen();

  for (const source of rows) {
    const r = new RowReader(source, columns);
    const name = r.text('name');
    if (!name) r.error('name', 'REQUIRED');
    const uscc = r.has('uscc') ? readUscc(r, 'uscc') : '';

    let area: AreaRef | undefined;
    if (r.text('area')) {
      const found = ref.areas.find(r.text('area'));
      if (found.ok) area = found.value;
      else r.error('area', found.code, found.detail ?? {});
    }
    const segments: SegmentRef[] = [];
    for (const text of splitList(r.text('segment'))) {
      const found = ref.segments.find(text);
      if (found.ok) segments.push(found.value);
      else r.error('segment', found.code, found.detail ?? {}, text);
    }
    const role = r.parse('role', parseRole);
    const output = r.parse('output', (t) => parseAmount(t, r.unit('output')));
    const aboveScale = r.parse('aboveScale', parseBoolean);
    const local = r.parse('local', parseBoolean);
    const founded = r.parse('founded', (t) => parseYear(t));
    const region = r.parse('region', parseRegion);
    const tags = r.text('tags') ? parseTags(r.text('tags')) : undefined;

    if (uscc) {
      const first = seenUscc.check(uscc, r.row);
      if (first !== undefined) r.error('uscc', 'DUPLICATE_IN_FILE', { first, by: '统一社会信用代码相同', byEn: 'same unified social credit code' });
    }
    if (name) {
      const first = seenName.check(normaliseName(name), r.row);
      if (first !== undefined) r.error('name', 'DUPLICATE_IN_FILE', { first, by: '企业名称相同（忽略写法差异）', byEn: 'same name, ignoring variants' });
    }

    let existing: EnterpriseRef | undefined;
    let matchedBy: 'uscc' | 'name' | null = null;
    if (!r.failed) {
      existing = uscc ? ref.enterprises.byCode(uscc) : undefined;
      if (existing) matchedBy = 'uscc';
      else {
        existing = ref.enterprises.byNormalisedName(name);
        if (existing) {
          matchedBy = 'name';
          if (uscc && existing.uscc && existing.uscc !== uscc) {
            r.error('uscc', 'USCC_CONFLICT', { existing: existing.name, uscc: existing.uscc });
            existing = undefined;
          } else if (existing.name !== name) r.warn('name', 'NAME_VARIANT', { existing: existing.name });
        }
      }
      if (existing) {
        const first = seenTarget.check(existing.id, r.row);
        if (first !== undefined) r.error('name', 'DUPLICATE_IN_FILE', { first, by: `与该行对应同一家已有企业 ${existing.id}`, byEn: `matches the same existing enterprise ${existing.id}` });
      }
    }
    issues.push(...r.issues);
    if (r.failed) {
      items.push(rejected(r, name));
      continue;
    }

    const props: Record<string, unknown> = {};
    // A name-variant match keeps the stored spelling; a USCC match takes the file's name.
    if (!existing || matchedBy === 'uscc') props.name = name;
    if (r.text('shortName')) props.shortName = r.text('shortName');
    if (uscc) props.uscc = uscc;
    if (output !== undefined) props.output = output;
    if (aboveScale !== undefined) props.aboveScale = aboveScale;
    if (tags !== undefined) props.tags = tags;
    if (founded !== undefined) props.founded = founded;
    if (area) {
      const place = placeOf(area);
      props.areaId = area.id;
      // Derived from the area only where the file has no column of its own (an empty cell there means "leave as is").
      if (!r.has('local')) props.local = place.local;
      if (!r.has('region')) props.region = place.region;
      if (place.province && !r.has('province')) props.province = place.province;
      if (place.city && !r.has('city')) props.city = place.city;
    }
    if (local !== undefined) props.local = local;
    if (region !== undefined) props.region = region;
    if (r.text('province')) props.province = r.text('province');
    if (r.text('city')) props.city = r.text('city');

    const id = existing?.id ?? newEnterpriseId(uscc || null, name);
    const finalName = (props.name as string | undefined) ?? existing?.name ?? name;
    const derived: Record<string, unknown> = { searchName: normaliseName(finalName) };
    const shortName = (props.shortName as string | undefined) ?? existing?.shortName;
    if (shortName) derived.searchShortName = normaliseName(shortName);

    const changes = existing ? changedKeys(props, existingProps(existing)) : Object.keys(props);
    const writes: PlannedWrite[] = [];
    // New enterprises are CREATEd (with their LOCATED_IN), existing ones get SET: the plan read every id in the same transaction.
    if (!existing) {
      const row = { id, props: { ...props, ...derived, origin: 'import' } };
      writes.push(area ? { query: 'write/import/enterprise-create-located', row: { ...row, area: area.id } } : { query: 'write/import/enterprise-create', row });
    } else {
      if (changes.length) {
        writes.push({ query: 'write/import/enterprise-update', row: { id, props: { ...Object.fromEntries(changes.map((k) => [k, props[k]])), ...derived } } });
      }
      if (area && (existing.areaIds.length !== 1 || existing.areaIds[0] !== area.id)) {
        changes.push('area');
        writes.push({ query: 'write/import/enterprise-unlocate', row: { enterprise: id, area: area.id } });
        writes.push({ query: 'write/import/enterprise-locate', row: { enterprise: id, area: area.id } });
      }
    }
    for (const segment of segments) {
      const key = `${id}|${segment.id}`;
      const had = ref.operates.has(key);
      const newRole = role ?? (had ? ref.operates.get(key) : tags?.includes('链主') ? 'leader' : 'core');
      if (!had) {
        if (existing) changes.push(`segment:${segment.id}`);
        writes.push({ query: 'write/import/operates-in-create', row: { enterprise: id, segment: segment.id, role: newRole ?? 'core', origin: 'import' } });
      } else if (role !== undefined && ref.operates.get(key) !== role) {
        changes.push(`segment:${segment.id}`);
        writes.push({ query: 'write/import/operates-in-update', row: { enterprise: id, segment: segment.id, role } });
      }
    }
    const action = !existing ? 'create' : writes.length ? 'update' : 'unchanged';
    items.push({ row: r.row, action, id, label: finalName, changes: action === 'unchanged' ? [] : changes, matchedBy, writes });
  }
  return { items, issues };
}
