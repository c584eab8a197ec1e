import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/store.ts';
import { buildFixture, fixtureApi, sampleEnterprise, seedWriter, type Api } from './gaps-fixture.ts';

/**
 * Issue 14, the `contrast` dataset's finding: buyers of a segment share suppliers whether or not the chain's FEEDS
 * edges say that segment takes the target's output. Asked for 铸件 (seg:b) suppliers for 巢湖市, whose 戊整车 makes
 * vehicles (seg:d; the chain has 铸件 → 零部件 → 整车, no 铸件 → 整车 edge): vehicle makers in 安巢经开区 buy 铸件
 * (observed on SUPPLIES), so 整车 is part of the local demand for 铸件, and a foundry supplying them goes before an
 * otherwise identical one supplying firms in a segment no local enterprise is in. Before, the local demand was
 * only the target and the segments it FEEDS: both scored alike and the name decided (安信 before 远驰).
 */
async function build(store: Store): Promise<void> {
  await buildFixture(store);
  const run = seedWriter(store);
  const ent = sampleEnterprise;
  await run('enterprises', [
    ent('ent:v1', '安巢整车甲', 'area:anchao', true, 'local', 9000),
    ent('ent:v2', '安巢整车乙', 'area:anchao', true, 'local', 7000),
    ent('ent:r1', '外地回收甲', 'area:sh', false, 'yrd', 9000),
    ent('ent:r2', '外地回收乙', 'area:sh', false, 'yrd', 7000),
    ent('ent:vs', '远驰铸造', 'area:hf', false, 'anhui', 5000),
    ent('ent:ctl', '安信铸造', 'area:hf', false, 'anhui', 5000),
  ]);
  await run('operates-in', [
    ...['ent:v1', 'ent:v2'].map((enterprise) => ({ enterprise, segment: 'seg:d', role: 'core' })),
    ...['ent:r1', 'ent:r2'].map((enterprise) => ({ enterprise, segment: 'seg:g', role: 'core' })),
    ...['ent:vs', 'ent:ctl'].map((enterprise) => ({ enterprise, segment: 'seg:b', role: 'supplier' })),
  ]);
  await run('supplies', [
    { from: 'ent:vs', to: 'ent:v1', product: '铸件', share: 0.2 },
    { from: 'ent:vs', to: 'ent:v2', product: '铸件', share: 0.2 },
    { from: 'ent:ctl', to: 'ent:r1', product: '铸件', share: 0.2 },
    { from: 'ent:ctl', to: 'ent:r2', product: '铸件', share: 0.2 },
  ]);
}

describe('supplierCandidates: the local demand includes segments observed buying the target (issue 14)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await fixtureApi(build);
  });
  afterAll(() => api.close());

  it('a foundry supplying vehicle makers nearby outranks an identical one supplying firms unlike ours, and says why', async () => {
    const res = await api.gql(`{ supplierCandidates(segmentId: "seg:b", areaId: "area:chaohu") {
      candidates { rank enterpriseId reasonLineZh reasonLineEn components { name value } path { nodeIds edgeIds } } } }`);
    expect(res.errors).toBeUndefined();
    const list = res.data.supplierCandidates.candidates as {
      rank: number;
      enterpriseId: string;
      reasonLineZh: string;
      reasonLineEn: string;
      components: { name: string; value: number }[];
    }[];
    const of = (id: string) => list.find((c) => c.enterpriseId === id)!;
    const peers = (id: string) => of(id).components.find((c) => c.name === 'suppliesPeers')!.value;
    expect(of('ent:vs').rank).toBeLessThan(of('ent:ctl').rank);
    expect(peers('ent:vs')).toBeGreaterThan(0);
    expect(peers('ent:ctl')).toBe(0);
    expect(of('ent:vs').reasonLineZh).toBe('从事铸件环节；供货给2家与本地买方同类的企业（整车环节，2家在本地）');
    expect(of('ent:vs').reasonLineEn).toBe('operates in Castings; supplies 2 firm(s) like the local buyers (in Vehicles; 2 local)');
  });

  it('the path shows the vehicle makers, their segment and our 戊整车 there, and no FEEDS edge the chain does not have', async () => {
    const res = await api.gql(`{ supplierCandidates(segmentId: "seg:b", areaId: "area:chaohu") { candidates { enterpriseId path { nodeIds edgeIds } } } }`);
    const vs = (res.data.supplierCandidates.candidates as { enterpriseId: string; path: { nodeIds: string[]; edgeIds: string[] } }[]).find(
      (c) => c.enterpriseId === 'ent:vs',
    )!;
    expect(vs.path).toEqual({
      nodeIds: ['ent:vs', 'seg:b', 'ent:v1', 'seg:d', 'ent:d1', 'ent:v2'],
      edgeIds: [
        'OPERATES_IN:ent:vs->seg:b',
        'SUPPLIES:ent:vs->ent:v1',
        'OPERATES_IN:ent:v1->seg:d',
        'OPERATES_IN:ent:d1->seg:d',
        'SUPPLIES:ent:vs->ent:v2',
        'OPERATES_IN:ent:v2->seg:d',
      ],
    });
  });
});
