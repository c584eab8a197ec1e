import { normaliseName } from '../../model/normalise-name.ts';
import type { QueryRunner, Store } from '../../store/store.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { EnterpriseConnection, EnterpriseFilter, EnterpriseProfile } from './enterprise-types.ts';
import { areaScopeIds } from '../areas/area-scope.ts';
import { analysisCache } from '../analysis-cache.ts';
import { limitedWork } from '../limits/work-limits.ts';

export const ENTERPRISES_DEFAULT_PAGE = 50;
export const ENTERPRISES_MAX_PAGE = 200;

/** Profiles of the given enterprises, in the order of `ids`; unknown ids are left out. */
export function readProfiles(runner: QueryRunner, ids: string[]): Promise<EnterpriseProfile[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return runner.run<EnterpriseProfile>('read/enterprises/profile', { ids });
}

/** One enterprise with its area, segments, suppliers and customers; NOT_FOUND naming the id. */
export async function getEnterprise(runner: QueryRunner, id: string): Promise<EnterpriseProfile> {
  const [profile] = await readProfiles(runner, [id]);
  if (!profile) throw new NotFoundError('Enterprise', id);
  return profile;
}

function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!id || encodeCursor(id) !== cursor) throw new ValidationError(`after: '${cursor}' is not a cursor returned by enterprises`, 'after');
  return id;
}

/**
 * A page of enterprises matching `filter`, ordered by id, with keyset
 * pagination: `after` is the `endCursor` of the previous page. `first` is at
 * most 200 (default 50).
 */
export async function listEnterprises(
  runner: Store,
  filter: EnterpriseFilter = {},
  first: number = ENTERPRISES_DEFAULT_PAGE,
  after: string | null = null,
): Promise<EnterpriseConnection> {
  if (!Number.isInteger(first) || first < 0 || first > ENTERPRISES_MAX_PAGE) {
    throw new ValidationError(`first: must be an integer from 0 to ${ENTERPRISES_MAX_PAGE}, got ${first}`, 'first');
  }
  let areaIds: string[] | null = null;
  if (filter.areaId) {
    areaIds = await areaScopeIds(runner, filter.areaId);
  }
  const nameContains = filter.nameContains?.trim() || null;
  const params = {
    areaIds,
    segmentId: filter.segmentId ?? null,
    chainId: filter.chainId ?? null,
    local: filter.local ?? null,
    tags: filter.tags?.length ? filter.tags : null,
    region: filter.region ?? null,
    aboveScale: filter.aboveScale ?? null,
    nameContains,
    nameNormalised: nameContains ? normaliseName(nameContains) || nameContains : null,
  };
  const rows = await runner.run<{ id: string }>('read/enterprises/list', {
    ...params,
    after: after ? decodeCursor(after) : null,
    first: first + 1,
  });
  const pageIds = rows.slice(0, first).map((r) => r.id);
  const items = await readProfiles(runner, pageIds);
  const last = pageIds[pageIds.length - 1];
  const totalCount = () =>
    analysisCache(runner, `enterprises/count ${JSON.stringify(params)}`, () =>
      limitedWork(runner, 'heavyRead', { zh: '企业总数统计', en: 'counting enterprises' }, async () => {
        const [count] = await runner.run<{ total: number }>('read/enterprises/count', params);
        if (!count) throw new Error('read/enterprises/count returned no row');
        return count.total;
      }),
    );
  return { items, totalCount, hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null };
}
