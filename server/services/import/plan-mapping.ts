import type { MappedColumn } from './columns.ts';
import { changedKeys, FirstSeen, rejected, RowReader, type Plan, type PlannedItem, type PlannedWrite } from './plan.ts';
import type { ChainRef, NameIndex, SegmentRef } from './reference.ts';
import type { TableRow } from './read-table.ts';
import { codeDigits } from './link-suggestions.ts';
import { splitList } from './values.ts';

/**
 * Plans the 挂链 mapping table (产业链, 环节, 行业代码, 关键词): which industry
 * codes and keywords point to a segment. Each row replaces the segment's lists
 * (an empty cell clears one); the enterprise import's dry run then suggests
 * OPERATES_IN links from them (link-suggestions.ts).
 */
export function planMapping(rows: TableRow[], columns: MappedColumn[], ref: { chains: NameIndex<ChainRef>; segments: NameIndex<SegmentRef> }): Plan {
  const items: PlannedItem[] = [];
  const issues = [];
  const seen = new FirstSeen();
  for (const source of rows) {
    const r = new RowReader(source, columns);
    let chainId: string | null = null;
    if (r.text('chain')) {
      const chain = ref.chains.find(r.text('chain'));
      if (chain.ok) chainId = chain.value.id;
      else r.error('chain', chain.code);
    }
    let segment: SegmentRef | undefined;
    if (!r.text('segment')) r.error('segment', 'REQUIRED');
    else {
      const found = ref.segments.find(r.text('segment'), (s) => chainId !== null && s.chains.includes(chainId));
      if (found.ok) segment = found.value;
      else r.error('segment', found.code, found.detail ?? {});
    }
    const codes = [
      ...new Set(
        splitList(r.text('industryCodes'))
          .flatMap((c) => c.split(/[、,，\s]+/))
          .filter(Boolean)
          .map((c) => c.normalize('NFKC').toUpperCase()),
      ),
    ];
    for (const c of codes) if (!/^\d{2,4}$/.test(codeDigits(c))) r.error('industryCodes', 'INVALID_INDUSTRY_CODE', {}, c);
    const keywords = [
      ...new Set(
        splitList(r.text('keywords'))
          .flatMap((k) => k.split(/[、,，]+/))
          .map((k) => k.trim())
          .filter(Boolean),
      ),
    ];
    if (segment) {
      const first = seen.check(segment.id, r.row);
      if (first !== undefined) r.error('segment', 'DUPLICATE_IN_FILE', { first, by: '同一环节', byEn: 'same segment' });
    }
    issues.push(...r.issues);
    const label = segment ? segment.name : r.text('segment');
    if (r.failed || !segment) {
      items.push(rejected(r, label, segment?.id ?? null));
      continue;
    }
    const props: Record<string, unknown> = {};
    if (r.has('industryCodes')) props.industryCodes = codes;
    if (r.has('keywords')) props.keywords = keywords;
    const changes = changedKeys(props, { industryCodes: segment.industryCodes ?? [], keywords: segment.keywords ?? [] });
    const writes: PlannedWrite[] = changes.length
      ? [{ query: 'write/import/segments', row: { id: segment.id, props: Object.fromEntries(changes.map((k) => [k, props[k]])) } }]
      : [];
    items.push({ row: r.row, action: writes.length ? 'update' : 'unchanged', id: segment.id, label, changes, matchedBy: 'id', writes });
  }
  return { items, issues };
}
