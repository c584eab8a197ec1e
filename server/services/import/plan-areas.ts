import { normaliseName } from '../../model/normalise-name.ts';
import type { MappedColumn } from './columns.ts';
import { makeIssue } from './issues.ts';
import { changedKeys, FirstSeen, rejected, RowReader, type Plan, type PlannedItem, type PlannedWrite } from './plan.ts';
import type { AreaIndex } from './reference.ts';
import type { TableRow } from './read-table.ts';
import type { ImportIssue } from './types.ts';
import { parseAreaLevel, parseBoolean, parseDivisionCode } from './values.ts';

/**
 * Plans an area hierarchy (地区名称, 上级地区, 级别, 本地, 行政区划代码): how a
 * city other than Chaohu starts. Each row creates or updates an Area (id 地区编号,
 * else `area:<行政区划代码>`, else `area:import:<name>`) and its PART_OF parent,
 * which may be a row of the file (before or after it) or an area of the graph.
 * 本地 = 是 marks the deployment's own areas (the local scope); places inside
 * them are local too.
 */
export function planAreas(rows: TableRow[], columns: MappedColumn[], areas: AreaIndex): Plan {
  const items: PlannedItem[] = [];
  const issues: ImportIssue[] = [];
  const seen = new FirstSeen();
  const readers = rows.map((source) => new RowReader(source, columns));

  const idOf = (r: RowReader): string | null => {
    const name = r.text('name');
    if (!name) return null;
    if (r.text('areaId')) return r.text('areaId');
    const found = areas.find(name);
    if (found.ok) return found.value.id;
    const code = parseDivisionCode(r.text('divisionCode'));
    return code.ok ? `area:${code.value}` : `area:import:${normaliseName(name)}`;
  };
  const fileAreas = new Map<string, string>();
  const ids = readers.map((r) => {
    const id = idOf(r);
    if (id) for (const key of [r.text('name'), normaliseName(r.text('name')), r.text('areaId'), id].filter(Boolean)) fileAreas.set(key, id);
    return id;
  });

  readers.forEach((r, i) => {
    const id = ids[i]!;
    if (!r.text('name')) r.error('name', 'REQUIRED');
    const level = r.parse('level', parseAreaLevel);
    const local = r.parse('local', parseBoolean);
    const code = r.parse('divisionCode', parseDivisionCode);
    let parent: string | null = null;
    const parentText = r.text('parent');
    if (parentText) {
      parent = fileAreas.get(parentText) ?? fileAreas.get(normaliseName(parentText)) ?? null;
      if (!parent) {
        const found = areas.find(parentText);
        if (found.ok) parent = found.value.id;
        else r.error('parent', found.code, found.detail ?? {});
      }
      if (parent && parent === id) r.error('parent', 'SELF_PARENT');
    }
    if (id) {
      const first = seen.check(id, r.row);
      if (first !== undefined) r.error('name', 'DUPLICATE_IN_FILE', { first, by: '同一地区', byEn: 'same area' });
    }
    issues.push(...r.issues);
    if (r.failed || !id) {
      items.push(rejected(r, r.text('name'), id));
      return;
    }
    const existing = areas.get(id);
    const props: Record<string, unknown> = {};
    if (!existing || existing.name !== r.text('name')) props.name = r.text('name');
    if (r.text('nameEn')) props.nameEn = r.text('nameEn');
    if (level !== undefined) props.level = level;
    if (local !== undefined) props.local = local;
    if (code !== undefined) props.divisionCode = code;
    const changes = existing ? changedKeys(props, existing as unknown as Record<string, unknown>) : Object.keys(props);
    const writes: PlannedWrite[] = [];
    if (!existing) writes.push({ query: 'write/import/areas', row: { id, props: { ...props, origin: 'import' } } });
    else if (changes.length) writes.push({ query: 'write/import/areas', row: { id, props: Object.fromEntries(changes.map((k) => [k, props[k]])) } });
    if (parent && existing?.parentId !== parent) {
      if (existing) changes.push('parent');
      writes.push({ query: 'write/import/area-unparent', row: { area: id, parent } });
      writes.push({ query: 'write/import/area-parent', row: { area: id, parent, origin: 'import' } });
    }
    const action = !existing ? 'create' : writes.length ? 'update' : 'unchanged';
    items.push({ row: r.row, action, id, label: r.text('name'), changes: action === 'create' ? [] : changes, matchedBy: existing ? 'id' : null, writes });
  });
  return { items, issues: [...issues, ...parentCycles(items, areas)] };
}

/** PART_OF must not loop (an area inside itself): checked over the graph's parents as the file leaves them. */
function parentCycles(items: PlannedItem[], areas: AreaIndex): ImportIssue[] {
  const parentOf = new Map(areas.all.map((a) => [a.id, a.parentId]));
  for (const item of items) for (const w of item.writes) if (w.query === 'write/import/area-parent') parentOf.set(w.row.area as string, w.row.parent as string);
  const bad: ImportIssue[] = [];
  for (const item of items) {
    if (item.action === 'reject' || !item.id) continue;
    const visited = new Set<string>();
    let at: string | null | undefined = item.id;
    while (at && !visited.has(at)) {
      visited.add(at);
      at = parentOf.get(at);
    }
    if (at === item.id) {
      item.action = 'reject';
      item.writes = [];
      bad.push(makeIssue('SELF_PARENT', { row: item.row, value: item.label }));
    }
  }
  return bad;
}
