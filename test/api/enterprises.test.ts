import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../server/model/uscc.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Api = TestApi;
const seededApi = (): Promise<Api> => createTestApi(loadSeeds);

const FIELDS = `id name shortName uscc local region output aboveScale tags origin sample area { id name }
  segments { role segment { id name chainIds } } suppliers { product share enterprise { id } } customers { product share enterprise { id } }`;
const CREATE = `mutation ($input: EnterpriseInput!) { createEnterprise(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: EnterpriseUpdate!) { updateEnterprise(id: $id, input: $input) { ${FIELDS} } }`;
const GET = `query ($id: ID!) { enterprise(id: $id) { ${FIELDS} } }`;
const OPERATES = `mutation ($e: ID!, $s: ID!, $role: String!) { setOperatesIn(enterpriseId: $e, segmentId: $s, role: $role) { segments { role segment { id } } } }`;
const SUPPLY = `mutation ($from: ID!, $to: ID!, $product: String!, $share: Float) { addSupplies(fromId: $from, toId: $to, product: $product, share: $share) { id customers { product share enterprise { id } } } }`;
const LIST = `query ($filter: EnterpriseFilter, $first: Int, $after: String) {
  enterprises(filter: $filter, first: $first, after: $after) { totalCount hasNextPage endCursor items { id name local tags area { id } } }
}`;

/** A valid 统一社会信用代码 with the given 9-character subject code. */
function uscc(subject: string): string {
  const first17 = `91340181${subject}`;
  return first17 + usccCheckChar(first17);
}

function firstError(res: { errors?: any[] }): { message: string; code: string; field?: string } {
  const e = res.errors?.[0];
  return { message: e?.message, code: e?.extensions?.code, ...(e?.extensions?.field ? { field: e.extensions.field } : {}) };
}

describe('enterprise editing through GraphQL', () => {
  let api: Api;
  let id: string;
  beforeAll(async () => {
    api = await seededApi();
  });
  afterAll(() => api.close());

  it('creates an enterprise with origin user, local from its area, and reads its profile', async () => {
    const code = uscc('MA2T0001X');
    const res = await api.gql(CREATE, {
      input: { name: '巢湖测试新材料有限公司', shortName: '测试新材', uscc: code, areaId: 'area:huanglu', output: 25000, aboveScale: true, tags: ['高新技术'] },
    });
    expect(res.errors).toBeUndefined();
    const e = res.data.createEnterprise;
    id = e.id;
    expect(e).toEqual({
      id: expect.stringMatching(/^ent:user:/),
      name: '巢湖测试新材料有限公司',
      shortName: '测试新材',
      uscc: code,
      local: true,
      region: 'local',
      output: 25000,
      aboveScale: true,
      tags: ['高新技术'],
      origin: 'user',
      sample: false,
      area: { id: 'area:huanglu', name: '黄麓镇' },
      segments: [],
      suppliers: [],
      customers: [],
    });
    expect((await api.gql(GET, { id })).data.enterprise).toEqual(e);
  });

  it('refuses bad input, each error naming the field', async () => {
    const base = { name: '巢湖校验测试有限公司', areaId: 'area:chaohu' };
    const wrongCheck = uscc('MA2T0002X').slice(0, 17) + (uscc('MA2T0002X').endsWith('0') ? '1' : '0');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ uscc: wrongCheck }, 'uscc', 'BAD_USER_INPUT'],
      [{ uscc: '12345' }, 'uscc', 'BAD_USER_INPUT'],
      [{ output: -1 }, 'output', 'BAD_USER_INPUT'],
      [{ region: 'mars' }, 'region', 'BAD_USER_INPUT'],
      [{ tags: ['独角兽'] }, 'tags', 'BAD_USER_INPUT'],
      [{ name: '  ' }, 'name', 'BAD_USER_INPUT'],
    ];
    for (const [override, field, code] of cases) {
      const err = firstError(await api.gql(CREATE, { input: { ...base, ...override } }));
      expect(err, JSON.stringify(override)).toMatchObject({ code, field });
      expect(err.message.startsWith(`${field}:`), err.message).toBe(true);
    }
    const noArea = firstError(await api.gql(CREATE, { input: { ...base, areaId: 'area:atlantis' } }));
    expect(noArea).toEqual({ message: "areaId: Area 'area:atlantis' not found", code: 'NOT_FOUND' });
    const taken = firstError(await api.gql(CREATE, { input: { ...base, uscc: '91340181MAGNC3UR2J' } }));
    expect(taken).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uscc' });
    expect(taken.message).toContain('ent:s0001');
  });

  it('updates fields, clears with null, moves the area, and keeps the rest', async () => {
    const res = await api.gql(UPDATE, { id, input: { name: '巢湖测试新材料股份有限公司', shortName: null, areaId: 'area:anchao', output: 30000 } });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateEnterprise).toMatchObject({
      id,
      name: '巢湖测试新材料股份有限公司',
      shortName: null,
      output: 30000,
      aboveScale: true,
      tags: ['高新技术'],
      area: { id: 'area:anchao', name: '安巢经开区' },
    });
    expect(firstError(await api.gql(UPDATE, { id, input: { output: -5 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'output' });
    expect(firstError(await api.gql(UPDATE, { id: 'ent:ghost', input: { output: 5 } }))).toEqual({
      message: "id: Enterprise 'ent:ghost' not found",
      code: 'NOT_FOUND',
    });
    // the renamed enterprise is found under its new name, suffix variant included
    const hits = await api.gql(`{ search(text: "巢湖测试新材料有限责任公司") { id match } }`);
    expect(hits.data.search[0]).toEqual({ id, match: 'EXACT' });
  });

  it('sets, changes and removes OPERATES_IN with a validated role', async () => {
    const set = await api.gql(OPERATES, { e: id, s: 'seg:alloy-casting', role: 'core' });
    expect(set.data.setOperatesIn.segments).toEqual([{ role: 'core', segment: { id: 'seg:alloy-casting' } }]);
    const again = await api.gql(OPERATES, { e: id, s: 'seg:alloy-casting', role: 'leader' });
    expect(again.data.setOperatesIn.segments).toEqual([{ role: 'leader', segment: { id: 'seg:alloy-casting' } }]);
    expect(firstError(await api.gql(OPERATES, { e: id, s: 'seg:alloy-casting', role: 'boss' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    expect(firstError(await api.gql(OPERATES, { e: id, s: 'seg:nowhere', role: 'core' }))).toEqual({
      message: "segmentId: Segment 'seg:nowhere' not found",
      code: 'NOT_FOUND',
    });
    expect(firstError(await api.gql(OPERATES, { e: 'ent:ghost', s: 'seg:alloy-casting', role: 'core' }))).toEqual({
      message: "enterpriseId: Enterprise 'ent:ghost' not found",
      code: 'NOT_FOUND',
    });
    const removed = await api.gql(`mutation ($e: ID!) { removeOperatesIn(enterpriseId: $e, segmentId: "seg:alloy-casting") { segments { role } } }`, { e: id });
    expect(removed.data.removeOperatesIn.segments).toEqual([]);
  });

  it('adds and removes SUPPLIES with share in [0, 1], visible from both sides', async () => {
    const res = await api.gql(SUPPLY, { from: id, to: 'ent:s0001', product: '铝合金锭', share: 0.25 });
    expect(res.errors).toBeUndefined();
    expect(res.data.addSupplies.customers).toEqual([{ product: '铝合金锭', share: 0.25, enterprise: { id: 'ent:s0001' } }]);
    const buyer = (await api.gql(GET, { id: 'ent:s0001' })).data.enterprise;
    expect(buyer.suppliers).toContainEqual({ product: '铝合金锭', share: 0.25, enterprise: { id } });
    for (const share of [1.5, -0.1]) {
      expect(firstError(await api.gql(SUPPLY, { from: id, to: 'ent:s0001', product: '铝合金锭', share }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'share',
      });
    }
    expect(firstError(await api.gql(SUPPLY, { from: id, to: 'ent:ghost', product: 'x', share: 0.1 }))).toEqual({
      message: "toId: Enterprise 'ent:ghost' not found",
      code: 'NOT_FOUND',
    });
    expect(firstError(await api.gql(SUPPLY, { from: id, to: 'ent:s0001', product: ' ', share: 0.1 }))).toMatchObject({ field: 'product' });
    const removed = await api.gql(`mutation ($f: ID!) { removeSupplies(fromId: $f, toId: "ent:s0001") { customers { product } } }`, { f: id });
    expect(removed.data.removeSupplies.customers).toEqual([]);
  });

  it('deletes an enterprise; a second delete is NOT_FOUND naming the id', async () => {
    await api.gql(SUPPLY, { from: id, to: 'ent:s0001', product: '铝合金锭', share: 0.1 });
    const res = await api.gql(`mutation ($id: ID!) { deleteEnterprise(id: $id) }`, { id });
    expect(res).toEqual({ data: { deleteEnterprise: id } });
    expect((await api.gql(GET, { id })).data.enterprise).toBeNull();
    const buyer = (await api.gql(GET, { id: 'ent:s0001' })).data.enterprise;
    expect(buyer.suppliers.map((s: any) => s.enterprise.id)).not.toContain(id);
    expect(firstError(await api.gql(`mutation ($id: ID!) { deleteEnterprise(id: $id) }`, { id }))).toEqual({
      message: `Enterprise '${id}' not found`,
      code: 'NOT_FOUND',
    });
  });

  it('pages through every enterprise once, at most 200 per page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 10; page++) {
      const res: any = await api.gql(LIST, { first: 120, after });
      expect(res.errors).toBeUndefined();
      const conn = res.data.enterprises;
      total = conn.totalCount;
      seen.push(...conn.items.map((e: any) => e.id));
      if (!conn.hasNextPage) break;
      after = conn.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(300);
    expect(firstError(await api.gql(LIST, { first: 201 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(firstError(await api.gql(LIST, { first: 5, after: 'not a cursor!' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('filters by area (with sub-areas), chain, local and tags', async () => {
    const res = await api.gql(LIST, { first: 200, filter: { areaId: 'area:chaohu', tags: ['小巨人'], chainId: 'chain:light-alloy', local: true } });
    expect(res.errors).toBeUndefined();
    const conn = res.data.enterprises;
    expect(conn.totalCount).toBe(conn.items.length);
    expect(conn.items.length).toBeGreaterThan(0);
    const chaohuTree = ['area:chaohu', 'area:juchao', 'area:fenghuangshan', 'area:huanglu', 'area:tongyang'];
    for (const e of conn.items) {
      expect(e.tags).toContain('小巨人');
      expect(e.local).toBe(true);
      expect(chaohuTree).toContain(e.area.id);
    }
    const named = await api.gql(LIST, { filter: { nameContains: '瑞弘轻合金科技有限责任公司' } });
    expect(named.data.enterprises.items.map((e: any) => e.id)).toEqual(['ent:s0001']);
  });
});
