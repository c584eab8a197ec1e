import type { MappedColumn } from './columns.ts';
import { readUscc } from './plan-enterprises.ts';
import { changedKeys, FirstSeen, rejected, RowReader, type ChunkPlanner, type PlannedItem, type PlannedWrite } from './plan.ts';
import type { EnterpriseIndex, EnterpriseKey, NameIndex, SegmentRef } from './reference.ts';
import { parseRole, parseShare, splitNames } from './values.ts';

/** Finds an enterprise of the graph by the USCC column, else the name column; records UNKNOWN_ENTERPRISE. */
function findEnterprise(r: RowReader, enterprises: EnterpriseIndex<EnterpriseKey>, nameField: string, usccField: string): EnterpriseKey | undefined {
  const uscc = r.has(usccField) ? readUscc(r, usccField) : '';
  if (uscc === null) return undefined;
  const name = r.text(nameField);
  if (!uscc && !name) {
    r.error(r.has(nameField) ? nameField : usccField, 'REQUIRED');
    return undefined;
  }
  const found = (uscc ? enterprises.byCode(uscc) : undefined) ?? (name ? enterprises.byNormalisedName(name) : undefined);
  if (!found) r.error(uscc && !name ? usccField : nameField, 'UNKNOWN_ENTERPRISE');
  else if (name && found.name !== name && !uscc) r.warn(nameField, 'NAME_VARIANT', { existing: found.name });
  return found;
}

/** Plans Enterprise OPERATES_IN Segment links: one row per enterprise and segment (several segments may be listed with 、); chunk by chunk as planEnterprises. */
export function planOperates(
  columns: MappedColumn[],
  ref: { enterprises: EnterpriseIndex<EnterpriseKey>; segments: NameIndex<SegmentRef>; operates: Map<string, string | null> },
): ChunkPlanner {
  const seen = new FirstSeen();
  return (rows) => {
    const items: PlannedItem[] = [];
    const issues = [];
    for (const source of rows) {
      const r = new RowReader(source, columns);
      const enterprise = findEnterprise(r, ref.enterprises, 'name', 'uscc');
      const segments: SegmentRef[] = [];
      const texts = splitNames(r.text('segment'), (t) => ref.segments.knows(t));
      if (!texts.length) r.error('segment', 'REQUIRED');
      for (const text of texts) {
        const found = ref.segments.find(text);
        if (found.ok) segments.push(found.value);
        else r.error('segment', found.code, found.detail ?? {}, text);
      }
      const role = r.parse('role', parseRole);
      // `enterprise|segment`: one string per link for the duplicate check and the store's links (a million-row file)
      const keys = enterprise ? segments.map((s) => `${enterprise.id}|${s.id}`) : [];
      for (let i = 0; i < keys.length; i++) {
        const first = seen.check(keys[i]!, r.row);
        if (first !== undefined)
          r.error('segment', 'DUPLICATE_IN_FILE', { first, by: '同一企业与环节', byEn: 'same enterprise and segment' }, segments[i]!.name);
      }
      issues.push(...r.issues);
      const label = `${enterprise?.name ?? (r.text('name') || r.text('uscc'))} → ${segments.map((s) => s.name).join('、') || r.text('segment')}`;
      if (r.failed || !enterprise) {
        items.push(rejected(r, label));
        continue;
      }
      const changes: string[] = [];
      const writes: PlannedWrite[] = [];
      let created = false;
      for (let i = 0; i < segments.length; i++) {
        const s = segments[i]!;
        const key = keys[i]!;
        const had = ref.operates.has(key);
        if (!had) created = true;
        if (!had) {
          changes.push(`segment:${s.id}`);
          writes.push({ query: 'write/import/operates-in-create', row: { enterprise: enterprise.id, segment: s.id, role: role ?? 'core', origin: 'import' } });
        } else if (role !== undefined && ref.operates.get(key) !== role) {
          changes.push(`role:${s.id}`);
          writes.push({ query: 'write/import/operates-in-update', row: { enterprise: enterprise.id, segment: s.id, role } });
        }
      }
      items.push({
        row: r.row,
        action: created ? 'create' : writes.length ? 'update' : 'unchanged',
        id: enterprise.id,
        label,
        changes,
        matchedBy: null,
        writes,
      });
    }
    return { items, issues };
  };
}

/** Plans Enterprise SUPPLIES Enterprise relations; both enterprises must be in the graph; chunk by chunk as planEnterprises. */
export function planSupplies(
  columns: MappedColumn[],
  ref: { enterprises: EnterpriseIndex<EnterpriseKey>; /** by `supplier->buyer` */ supplies: Map<string, { product: string | null; share: number | null }> },
): ChunkPlanner {
  const seen = new FirstSeen();
  return (rows) => {
    const items: PlannedItem[] = [];
    const issues = [];
    for (const source of rows) {
      const r = new RowReader(source, columns);
      const supplier = findEnterprise(r, ref.enterprises, 'supplier', 'supplierUscc');
      const buyer = findEnterprise(r, ref.enterprises, 'buyer', 'buyerUscc');
      const share = r.parse('share', parseShare);
      const product = r.text('product');
      // `supplier->buyer`: the row's id in the report, its duplicate check's key and the store's SUPPLIES' key, one string
      const id = supplier && buyer ? `${supplier.id}->${buyer.id}` : null;
      if (id) {
        if (supplier!.id === buyer!.id) r.error('buyer', 'SELF_SUPPLY');
        const first = seen.check(id, r.row);
        if (first !== undefined) r.error('buyer', 'DUPLICATE_IN_FILE', { first, by: '供应方与采购方相同', byEn: 'same supplier and buyer' });
      }
      issues.push(...r.issues);
      const label = `${supplier?.name ?? r.text('supplier')} → ${buyer?.name ?? r.text('buyer')}`;
      if (r.failed || !supplier || !buyer || !id) {
        items.push(rejected(r, label));
        continue;
      }
      const props: Record<string, unknown> = {};
      if (product) props.product = product;
      if (share !== undefined) props.share = share;
      const existing = ref.supplies.get(id);
      const changes = existing ? changedKeys(props, existing) : Object.keys(props);
      const row = {
        supplier: supplier.id,
        buyer: buyer.id,
        // Object.assign, not a spread: V8 gives each object spread from a per-row map a map of its own (~0.3 KB a row at 1M rows)
        props: existing ? Object.fromEntries(changes.map((k) => [k, props[k]])) : Object.assign({}, props, { origin: 'import' }),
      };
      const action = !existing ? 'create' : changes.length ? 'update' : 'unchanged';
      const query = existing ? 'write/import/supplies-update' : 'write/import/supplies-create';
      items.push({ row: r.row, action, id, label, changes, matchedBy: null, writes: action === 'unchanged' ? [] : [{ query, row }] });
    }
    return { items, issues };
  };
}
