import { normaliseName } from '../../model/normalise-name.ts';
import { isValidUscc } from '../../model/uscc.ts';
import type { MappedColumn } from './columns.ts';
import { changedKeys, FirstSeen, rejected, RowReader, type ChunkPlanner, type PlannedItem, type PlannedWrite } from './plan.ts';
import { isAccepted, suggestSegments, type AcceptSuggestions, type LinkSuggestion, type SegmentMapping } from './link-suggestions.ts';
import { holdsLocal, placeFromText, placeFromUscc, within, type InferredPlace } from './infer-place.ts';
import { isLocal, placeOf, type AreaIndex, type AreaRef, type EnterpriseIndex, type EnterpriseRef, type NameIndex, type SegmentRef } from './reference.ts';
import { cleanUscc, parseAmount, parseBoolean, parseRegion, parseRole, parseTags, parseYear, splitNames } from './values.ts';

export interface EnterpriseReference {
  areas: AreaIndex;
  segments: NameIndex<SegmentRef>;
  enterprises: EnterpriseIndex;
  /** `${enterpriseId}|${segmentId}` → role of existing OPERATES_IN links. */
  operates: Map<string, string | null>;
  /** The 挂链 mapping table (segments with industry codes / keywords). */
  mapping?: SegmentMapping[];
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

/** Object.assign, not spreads, on a row's objects here: V8 gives each object spread from a per-row map a map of its own (~0.7 KB a row). */
function existingProps(e: EnterpriseRef): Record<string, unknown> {
  return Object.assign<Record<string, unknown>, EnterpriseRef, { areaId: string | null }>({}, e, { areaId: e.areaIdProperty });
}

/**
 * Plans an enterprise list: each row creates an enterprise, updates the one
 * with the same USCC (else the same normalised name), or changes nothing.
 * Only the columns the file has are written; an empty cell leaves the stored
 * value as it is. The planner takes the file's rows chunk by chunk (in order), remembering
 * across chunks what it saw, so a streamed file is checked as a whole.
 */
export function planEnterprises(columns: MappedColumn[], ref: EnterpriseReference, accept?: AcceptSuggestions): ChunkPlanner {
  const seenUscc = new FirstSeen();
  const seenName = new FirstSeen();
  const seenTarget = new FirstSeen();
  return (rows) => {
    const items: PlannedItem[] = [];
    const issues = [];
    const suggestions: LinkSuggestion[] = [];
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
      const inferred = inferPlace(r, uscc || null, name, area, ref.areas);
      const segments: SegmentRef[] = [];
      for (const text of splitNames(r.text('segment'), (t) => ref.segments.knows(t))) {
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
          if (first !== undefined)
            r.error('name', 'DUPLICATE_IN_FILE', {
              first,
              by: `与该行对应同一家已有企业 ${existing.id}`,
              byEn: `matches the same existing enterprise ${existing.id}`,
            });
        }
      }
      issues.push(...r.issues);
      if (r.failed) {
        items.push(rejected(r, name));
        continue;
      }
      // Inference fills in new enterprises only: an update changes what the file gives, so an export imports back unchanged.
      const place = existing ? null : inferred;
      if (!area && place?.area && !holdsLocal(place.area, ref.areas)) area = place.area;

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
        const place = placeOf(area, ref.areas.scope);
        props.areaId = area.id;
        // Derived from the area where the file has no column of its own (an empty cell there leaves the stored
        // value); local and region, which decide the analysis, also where the cell is empty and nothing is stored.
        if (!r.has('local') || (!r.text('local') && existing?.local == null)) props.local = place.local;
        if (!r.has('region') || (!r.text('region') && existing?.region == null)) props.region = place.region;
        if (place.province && !r.has('province')) props.province = place.province;
        if (place.city && !r.has('city')) props.city = place.city;
      } else if (place) {
        // No area to locate it in: the division (or text) still gives province and city, and the region class when
        // the division holds no local area (else "registered in 合肥市" does not say whether it is in 巢湖市).
        const cls = regionOfPlace(place, ref.areas);
        const guesses: [string, unknown][] = [
          ['province', !r.has('province') ? place.province : null],
          ['city', !r.has('city') ? place.city : null],
          ['local', cls && !r.text('local') && existing?.local == null ? false : null],
          ['region', cls && !r.text('region') && existing?.region == null ? cls : null],
        ];
        for (const [key, value] of guesses) if (value !== null) props[key] = value;
      }
      if (!area && local === true && region === undefined && props.region === undefined) props.region = 'local';
      if (place?.district && !r.has('district')) props.district = place.district;
      const inferredFields = place
        ? Object.keys(props).filter((k) => ['areaId', 'province', 'city', 'district', 'local', 'region'].includes(k) && !r.text(k === 'areaId' ? 'area' : k))
        : [];
      if (local !== undefined) props.local = local;
      if (region !== undefined) props.region = region;
      if (r.text('province')) props.province = r.text('province');
      if (r.text('city')) props.city = r.text('city');
      if (r.text('district')) props.district = r.text('district');
      if (r.text('industryCode')) props.industryCode = r.text('industryCode').normalize('NFKC').replace(/\s/g, '').toUpperCase();
      if (r.text('businessScope')) props.businessScope = r.text('businessScope');
      if (r.text('mainProducts')) props.mainProducts = r.text('mainProducts');

      const id = existing?.id ?? newEnterpriseId(uscc || null, name);
      const finalName = (props.name as string | undefined) ?? existing?.name ?? name;
      const derived: Record<string, unknown> = { searchName: normaliseName(finalName) };
      const shortName = (props.shortName as string | undefined) ?? existing?.shortName;
      if (shortName) derived.searchShortName = normaliseName(shortName);

      const changes = existing ? changedKeys(props, existingProps(existing)) : Object.keys(props);
      const writes: PlannedWrite[] = [];
      // the role of a link the row creates: the file's, else 链主 (leader) from the tags, else core
      const newRole = role ?? (tags?.includes('链主') ? 'leader' : 'core');
      // New enterprises are CREATEd (with their LOCATED_IN, and their first segment's OPERATES_IN where they have an area),
      // existing ones get SET: the plan read every id in the same transaction.
      let createdWith: SegmentRef | undefined;
      if (!existing) {
        const created = Object.assign({}, props, derived, { origin: 'import' });
        createdWith = area ? segments[0] : undefined;
        writes.push(
          createdWith
            ? {
                query: 'write/import/enterprise-create-located-operating',
                row: { id, props: created, area: area!.id, segment: createdWith.id, role: newRole },
              }
            : area
              ? { query: 'write/import/enterprise-create-located', row: { id, props: created, area: area.id } }
              : { query: 'write/import/enterprise-create', row: { id, props: created } },
        );
      } else {
        if (changes.length) {
          writes.push({
            query: 'write/import/enterprise-update',
            row: { id, props: Object.assign(Object.fromEntries(changes.map((k) => [k, props[k]])), derived) },
          });
        }
        if (area && (existing.areaIds.length !== 1 || existing.areaIds[0] !== area.id)) {
          changes.push('area');
          writes.push({ query: 'write/import/enterprise-unlocate', row: { enterprise: id, area: area.id } });
          writes.push({ query: 'write/import/enterprise-locate', row: { enterprise: id, area: area.id } });
        }
      }
      for (const segment of segments) {
        // created with the enterprise (a row may name it twice: 轻合金铸件、seg:alloy-casting)
        if (segment.id === createdWith?.id) continue;
        const key = `${id}|${segment.id}`;
        const had = ref.operates.has(key);
        if (!had) {
          if (existing) changes.push(`segment:${segment.id}`);
          writes.push({ query: 'write/import/operates-in-create', row: { enterprise: id, segment: segment.id, role: newRole, origin: 'import' } });
        } else if (role !== undefined && ref.operates.get(key) !== role) {
          changes.push(`segment:${segment.id}`);
          writes.push({ query: 'write/import/operates-in-update', row: { enterprise: id, segment: segment.id, role } });
        }
      }
      // 挂链: rows naming no segment, with an industry code, 主营产品 or 经营范围, get suggested segments
      if (segments.length === 0 && ref.mapping?.length) {
        const facts = {
          industryCode: (props.industryCode as string | undefined) ?? existing?.industryCode ?? null,
          mainProducts: (props.mainProducts as string | undefined) ?? existing?.mainProducts ?? null,
          businessScope: (props.businessScope as string | undefined) ?? existing?.businessScope ?? null,
        };
        // Links the store has, or this row writes, are not suggested again (a suggestion creates its link).
        const already = new Set([...ref.mapping.map((m) => m.segmentId)].filter((sid) => ref.operates.has(`${id}|${sid}`)));
        for (const w of writes) if (w.query === 'write/import/operates-in-create') already.add((w.row as { segment: string }).segment);
        for (const s of suggestSegments(facts, ref.mapping, already)) {
          const suggestionId = `${r.row}:${s.segmentId}`;
          const accepted = isAccepted(accept, r.row, suggestionId);
          suggestions.push({ id: suggestionId, row: r.row, enterpriseId: id, enterpriseName: finalName, ...s, accepted });
          if (accepted) {
            if (existing) changes.push(`segment:${s.segmentId}`);
            writes.push({ query: 'write/import/operates-in-create', row: { enterprise: id, segment: s.segmentId, role: role ?? 'core', origin: 'suggested' } });
          }
        }
      }
      const action = !existing ? 'create' : writes.length ? 'update' : 'unchanged';
      const notes = place && !r.text('area') ? inferredNotes(place, inferredFields, props) : [];
      items.push({ row: r.row, action, id, label: finalName, changes: action === 'unchanged' ? [] : changes, matchedBy, writes, inferred: notes });
    }
    return { items, issues, suggestions };
  };
}

/**
 * Where the row seems to be: from the 统一社会信用代码's division code first,
 * else the 地址 column, else the name. A given 所在地区 that the code
 * contradicts (neither lies in the other) is a warning.
 */
function inferPlace(r: RowReader, uscc: string | null, name: string, given: AreaRef | undefined, areas: AreaIndex): InferredPlace | null {
  const fromCode = uscc ? placeFromUscc(uscc, areas) : null;
  if (given) {
    if (fromCode?.area && !within(given, fromCode.area) && !within(fromCode.area, given)) {
      r.warn('area', 'AREA_CONTRADICTS_USCC', { division: fromCode.evidence });
    }
    return fromCode;
  }
  if (fromCode?.area) return fromCode;
  return placeFromText(r.text('address'), 'address', areas) ?? (r.has('address') ? null : placeFromText(name, 'name', areas)) ?? fromCode;
}

/** Region class from a division with no area to locate in; null when the hierarchy cannot tell (no local area, or the division holds one). */
function regionOfPlace(place: InferredPlace, areas: AreaIndex): 'anhui' | 'yrd' | 'other' | null {
  if (!areas.all.some(isLocal)) return null;
  const named = (n: string | null) => (n ? areas.all.filter((a) => a.name === n) : []);
  const [province] = named(place.province);
  const [city] = named(place.city);
  if ((city && holdsLocal(city, areas)) || (!place.city && province && holdsLocal(province, areas))) return null;
  if (province && areas.scope.provinceIds.has(province.id)) return 'anhui';
  if (province && province.ancestors.some((a) => areas.scope.regionIds.has(a.id))) return 'yrd';
  return 'other';
}

/** What the report says was inferred for a row, and from what: `所在地区=巢湖市（据统一社会信用代码 340181 …）`. */
function inferredNotes(place: InferredPlace, keys: string[], props: Record<string, unknown>): string[] {
  const from = place.source === 'uscc' ? `统一社会信用代码 ${place.evidence}` : place.evidence;
  const label: Record<string, string> = { areaId: '所在地区', province: '省份', city: '城市', district: '区县', local: '是否本地', region: '地区类别' };
  const shown = (k: string) =>
    k === 'areaId' ? (place.area?.name ?? String(props[k])) : typeof props[k] === 'boolean' ? (props[k] ? '是' : '否') : String(props[k]);
  return keys.map((k) => `${label[k]}=${shown(k)}（据${from}）`);
}
