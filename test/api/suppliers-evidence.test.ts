import type { RowsQuery } from '../../server/store/store.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, fixtureApi, type Api } from './gaps-fixture.ts';

/**
 * The ranking scores every candidate from counts and reads evidence for the
 * page only: an enterprise in the target segment and in a sibling keeps its
 * segments in the order of its OPERATES_IN, and its path lists each segment's
 * local competitors once.
 */
describe('supplierCandidates: scores from counts, evidence for the page', () => {
  let api: Api;
  beforeAll(async () => {
    api = await fixtureApi(async (store) => {
      await buildFixture(store);
      const run = (name: string, rows: Record<string, unknown>[]) => store.run(`write/seed/${name}` as RowsQuery, { rows });
      await run('enterprises', [
        {
          id: 'ent:x4',
          name: '双环节',
          shortName: null,
          uscc: null,
          local: false,
          region: 'yrd',
          province: null,
          city: null,
          areaId: 'area:sh',
          output: 5000,
          aboveScale: false,
          tags: [],
          origin: 'sample',
          sample: true,
        },
      ]);
      await run('operates-in', [
        { enterprise: 'ent:x4', segment: 'seg:e', role: 'supplier' },
        { enterprise: 'ent:x4', segment: 'seg:b', role: 'core' },
      ]);
      await run('supplies', [
        { from: 'ent:x4', to: 'ent:c1', product: '铸件', share: 0.1 },
        { from: 'ent:x4', to: 'ent:y1', product: '铸件', share: 0.2 },
      ]);
    });
  });
  afterAll(() => api.close());

  it('an enterprise in the segment and a sibling: same segment fit, both segments, local demand once', async () => {
    const res = await api.gql(`{ supplierCandidates(segmentId: "seg:b", areaId: "area:chaohu") {
      totalCount candidates { rank enterpriseId score segmentIds reasonZh components { name value } path { nodeIds edgeIds } }
    } }`);
    expect(res.errors).toBeUndefined();
    const page = res.data.supplierCandidates;
    expect(page.totalCount).toBe(4);
    const x4 = page.candidates.find((c: any) => c.enterpriseId === 'ent:x4');
    expect(x4).toMatchObject({ rank: 1, score: 92.6, segmentIds: ['seg:b', 'seg:e'] });
    expect(x4.reasonZh).toBe('双环节：从事铸件环节；已向本地丙部件供货；供货给1家与本地买方同类的企业（零部件环节）；共2项供货关系；长三角。');
    expect(x4.components.map((c: any) => c.value)).toEqual([1, 1, 1, 1, 0, 0.6, 0, 0]);
    expect(x4.path).toEqual({
      nodeIds: ['ent:x4', 'seg:b', 'seg:e', 'seg:c', 'ent:c1', 'ent:y1', 'ent:c2'],
      edgeIds: [
        'OPERATES_IN:ent:x4->seg:b',
        'OPERATES_IN:ent:x4->seg:e',
        'FEEDS:seg:e->seg:c',
        'FEEDS:seg:b->seg:c',
        'SUPPLIES:ent:x4->ent:c1',
        'SUPPLIES:ent:x4->ent:y1',
        'OPERATES_IN:ent:y1->seg:c',
        'OPERATES_IN:ent:c1->seg:c',
        'OPERATES_IN:ent:c2->seg:c',
      ],
    });
  });

  it('pages read the same ranking as one long page', async () => {
    const q = `query ($first: Int, $after: String) { supplierCandidates(segmentId: "seg:b", areaId: "area:chaohu", first: $first, after: $after) {
      endCursor candidates { rank enterpriseId score } } }`;
    const all = (await api.gql(q, { first: 10 })).data.supplierCandidates.candidates;
    const one = (await api.gql(q, { first: 1 })).data.supplierCandidates;
    const rest = (await api.gql(q, { first: 10, after: one.endCursor })).data.supplierCandidates.candidates;
    expect([...one.candidates, ...rest]).toEqual(all);
  });
});
