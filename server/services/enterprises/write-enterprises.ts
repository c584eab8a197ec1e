import { randomUUID } from 'node:crypto';
import { normaliseName } from '../../model/normalise-name.ts';
import type { QueryRunner, Store } from '../../store/store.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { EnterpriseInput, EnterpriseProfile } from './enterprise-types.ts';
import { FieldNotFoundError } from './field-not-found.ts';
import { getEnterprise } from './read-enterprises.ts';
import { checkEnterpriseInput, checkProduct, checkRole, checkShare } from './validate-enterprise.ts';

async function requireArea(tx: QueryRunner, areaId: string): Promise<{ id: string; local: boolean | null }> {
  const [area] = await tx.run<{ id: string; local: boolean | null }>('read/enterprises/area', { areaId });
  if (!area) throw new FieldNotFoundError('Area', areaId, 'areaId');
  return area;
}

async function requireEnterprises(tx: QueryRunner, ids: { id: string; field: string }[]): Promise<void> {
  const found = new Set((await tx.run<{ id: string }>('read/enterprises/exists', { ids: ids.map((i) => i.id) })).map((r) => r.id));
  for (const { id, field } of ids) if (!found.has(id)) throw new FieldNotFoundError('Enterprise', id, field);
}

async function requireUniqueUscc(tx: QueryRunner, uscc: string | null | undefined, exceptId: string | null): Promise<void> {
  if (!uscc) return;
  const [other] = await tx.run<{ id: string }>('read/enterprises/by-uscc', { uscc, exceptId });
  if (other) throw new ValidationError(`uscc: ${uscc} is already the 统一社会信用代码 of enterprise '${other.id}'`, 'uscc');
}

/** Stored properties for the checked input; search keys follow name and shortName. */
function toProps(input: EnterpriseInput): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined && key !== 'areaId') props[key] = value;
  if (typeof input.name === 'string') props.searchName = normaliseName(input.name);
  if (input.shortName !== undefined) props.searchShortName = input.shortName ? normaliseName(input.shortName) : null;
  return props;
}

/**
 * Creates an enterprise (origin `user`) located in `areaId`. `local` defaults
 * to the area's flag and `region` to `local` for a local area.
 */
export async function createEnterprise(store: Store, input: EnterpriseInput): Promise<EnterpriseProfile> {
  const checked = checkEnterpriseInput(input, true);
  const id = `ent:user:${randomUUID()}`;
  return store.transaction(async (tx) => {
    const area = await requireArea(tx, checked.areaId!);
    await requireUniqueUscc(tx, checked.uscc, null);
    const local = checked.local ?? area.local === true;
    const props = {
      ...toProps(checked),
      local,
      region: checked.region ?? (local ? 'local' : null),
      areaId: area.id,
      origin: 'user',
      sample: false,
      tags: checked.tags ?? [],
    };
    await tx.run('write/enterprises/create', { id, props, areaId: area.id });
    return getEnterprise(tx, id);
  });
}

/** Changes the given fields (absent fields stay, null clears an optional one); a new areaId moves the enterprise. */
export async function updateEnterprise(store: Store, id: string, input: EnterpriseInput): Promise<EnterpriseProfile> {
  const checked = checkEnterpriseInput(input, false);
  return store.transaction(async (tx) => {
    await requireEnterprises(tx, [{ id, field: 'id' }]);
    if (checked.areaId) {
      await requireArea(tx, checked.areaId);
      await tx.run('write/enterprises/relocate', { id, areaId: checked.areaId });
    }
    await requireUniqueUscc(tx, checked.uscc, id);
    const props = toProps(checked);
    if (Object.keys(props).length > 0) await tx.run('write/enterprises/update', { id, props });
    return getEnterprise(tx, id);
  });
}

/** Deletes an enterprise with all its relationships; NOT_FOUND naming the id. */
export async function deleteEnterprise(store: Store, id: string): Promise<string> {
  return store.transaction(async (tx) => {
    const [row] = await tx.run<{ deleted: number }>('write/enterprises/delete', { id });
    if (!row || row.deleted === 0) throw new NotFoundError('Enterprise', id);
    return id;
  });
}

/** The enterprise operates in the segment with `role` (leader/core/supplier); replaces an earlier role. */
export async function setOperatesIn(store: Store, enterpriseId: string, segmentId: string, role: string): Promise<EnterpriseProfile> {
  checkRole(role);
  return store.transaction(async (tx) => {
    await requireEnterprises(tx, [{ id: enterpriseId, field: 'enterpriseId' }]);
    const [segment] = await tx.run('read/enterprises/segment', { segmentId });
    if (!segment) throw new FieldNotFoundError('Segment', segmentId, 'segmentId');
    await tx.run('write/enterprises/set-operates-in', { enterpriseId, segmentId, role });
    return getEnterprise(tx, enterpriseId);
  });
}

export async function removeOperatesIn(store: Store, enterpriseId: string, segmentId: string): Promise<EnterpriseProfile> {
  return store.transaction(async (tx) => {
    await requireEnterprises(tx, [{ id: enterpriseId, field: 'enterpriseId' }]);
    const [row] = await tx.run<{ removed: number }>('write/enterprises/remove-operates-in', { enterpriseId, segmentId });
    if (!row || row.removed === 0) throw new FieldNotFoundError(`OPERATES_IN from '${enterpriseId}' to Segment`, segmentId, 'segmentId');
    return getEnterprise(tx, enterpriseId);
  });
}

/** `fromId` supplies `product` to `toId`, covering `share` (0–1) of the buyer's need; one relationship per product. */
export async function addSupplies(store: Store, fromId: string, toId: string, product: string, share: number | null | undefined): Promise<EnterpriseProfile> {
  const cleanProduct = checkProduct(product);
  const cleanShare = checkShare(share);
  if (fromId === toId) throw new ValidationError(`toId: an enterprise cannot supply itself ('${toId}')`, 'toId');
  return store.transaction(async (tx) => {
    await requireEnterprises(tx, [
      { id: fromId, field: 'fromId' },
      { id: toId, field: 'toId' },
    ]);
    await tx.run('write/enterprises/add-supplies', { fromId, toId, product: cleanProduct, share: cleanShare });
    return getEnterprise(tx, fromId);
  });
}

/** Removes SUPPLIES from `fromId` to `toId` (only of `product` when given); returns the supplier. */
export async function removeSupplies(store: Store, fromId: string, toId: string, product: string | null | undefined): Promise<EnterpriseProfile> {
  return store.transaction(async (tx) => {
    await requireEnterprises(tx, [
      { id: fromId, field: 'fromId' },
      { id: toId, field: 'toId' },
    ]);
    const [row] = await tx.run<{ removed: number }>('write/enterprises/remove-supplies', { fromId, toId, product: product ?? null });
    if (!row || row.removed === 0) throw new FieldNotFoundError(`SUPPLIES from '${fromId}' to Enterprise`, toId, 'toId');
    return getEnterprise(tx, fromId);
  });
}
