import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/store.ts';
import { buildFixture, fixtureApi, sampleEnterprise, seedWriter, type Api } from './gaps-fixture.ts';

/**
 * Issue 14's collaborative signal as a 招商 officer sees it: asked for 铸件 (seg:b) suppliers for 巢湖市,
 * a firm already supplying 零部件 makers (the segment 铸件 feeds, where our 链主 operates) nearby in
 * 安巢经开区 goes before one supplying the same number of such makers far away, and before a much larger
 * 铸件 firm whose customers are unrelated to our demand.
 */
async function build(store: Store): Promise<void> {
  await buildFixture(store);
  const run = seedWriter(store);
  const ent = (id: string, name: string, areaId: string, local: boolean, region: string, output: number, tags: string[] = []) =>
    sampleEnterprise(id, name, areaId, local, region, output, { tags });
  await run('enterprises', [
    ent('ent:c8', '安巢部件甲', 'area:anchao', true, 'local', 8000),
    ent('ent:c9', '安巢部件乙', 'area:anchao', true, 'local', 6000),
    ent('ent:y8', '远地部件甲', 'area:sh', false, 'other', 8000),
    ent('ent:y9', '远地部件乙', 'area:sh', false, 'other', 6000),
    ...[1, 2, 3, 4, 5].map((k) => ent(`ent:u${k}`, `无关材料${k}`, 'area:sh', false, 'yrd', 3000)),
    ent('ent:near', '邻近铸造', 'area:sh', false, 'other', 3000),
    ent('ent:far', '远端铸造', 'area:sh', false, 'other', 50_000),
    ent('ent:big', '大型铸造', 'area:hf', false, 'anhui', 900_000, ['高新技术']),
  ]);
  await run('operates-in', [
    ...['ent:c8', 'ent:c9', 'ent:y8', 'ent:y9'].map((enterprise) => ({ enterprise, segment: 'seg:c', role: 'core' })),
    ...[1, 2, 3, 4, 5].map((k) => ({ enterprise: `ent:u${k}`, segment: 'seg:a', role: 'core' })),
    ...['ent:near', 'ent:far', 'ent:big'].map((enterprise) => ({ enterprise, segment: 'seg:b', role: 'supplier' })),
  ]);
  await run('supplies', [
    { from: 'ent:near', to: 'ent:c8', product: '铸件', share: 0.2 },
    { from: 'ent:near', to: 'ent:c9', product: '铸件', share: 0.2 },
    { from: 'ent:far', to: 'ent:y8', product: '铸件', share: 0.2 },
    { from: 'ent:far', to: 'ent:y9', product: '铸件', share: 0.2 },
    ...[1, 2, 3, 4, 5].map((k) => ({ from: 'ent:big', to: `ent:u${k}`, product: '铸件', share: 0.2 })),
  ]);
}

describe('supplierCandidates: suppliers of firms like the local buyers (issue 14)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await fixtureApi(build);
  });
  afterAll(() => api.close());

  const ranks = async () => {
    const res = await api.gql(`{ supplierCandidates(segmentId: "seg:b", areaId: "area:chaohu") {
      candidates { rank enterpriseId reasonLineZh reasonEn components { name value } } } }`);
    expect(res.errors).toBeUndefined();
    const list = res.data.supplierCandidates.candidates as {
      rank: number;
      enterpriseId: string;
      reasonLineZh: string;
      reasonEn: string;
      components: { name: string; value: number }[];
    }[];
    return { list, rank: (id: string) => list.find((c) => c.enterpriseId === id)!.rank, of: (id: string) => list.find((c) => c.enterpriseId === id)! };
  };

  it('a supplier of 零部件 makers nearby (安巢经开区) outranks a larger one supplying as many far away', async () => {
    const { rank, of } = await ranks();
    expect(rank('ent:near')).toBeLessThan(rank('ent:far'));
    const peers = (id: string) => of(id).components.find((c) => c.name === 'suppliesPeers')!.value;
    expect(peers('ent:near')).toBe(1);
    // distant buyers like ours count FAR_PEER (0.001) of a nearby one: next to nearby evidence, next to nothing
    expect(peers('ent:far')).toBeLessThan(0.05);
  });

  it('an in-segment supplier of firms like ours outranks a much bigger in-segment firm whose customers are unrelated', async () => {
    const { rank, of } = await ranks();
    expect(rank('ent:near')).toBeLessThan(rank('ent:big'));
    expect(of('ent:near').reasonLineZh).toBe('从事铸件环节；供货给2家与本地买方同类的企业（零部件环节，2家在本地）');
  });

  it('says the peer segment in English in the English reason', async () => {
    const { of } = await ranks();
    expect(of('ent:near').reasonEn).toContain('supplies 2 firm(s) like the local buyers (in Parts; 2 local)');
    expect(of('ent:near').reasonEn).not.toMatch(/零部件/);
  });
});
