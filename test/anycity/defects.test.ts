import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../server/services/import/import-file.ts';
import { exportEnterprises } from '../../server/services/export/export-tables.ts';
import type { ImportKind } from '../../server/services/import/types.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';
import { csv } from '../import/helpers.ts';

/** Reproductions of the defects of issue 13, each on an unseeded store of a made-up city (青禾市). */
let api: TestApi;
const put = (kind: ImportKind, rows: (string | number)[][], dryRun = false) => importFile(api.store, Buffer.from(csv(rows)), `${kind}.csv`, { kind, dryRun });

const AREAS = [
  ['地区名称', '上级地区', '级别', '本地'],
  ['华东', '', '经济区', '否'],
  ['东江省', '华东', '省', '否'],
  ['青禾市', '东江省', '市', '是'],
  ['青禾高新区', '青禾市', '园区', '是'],
  ['临江市', '东江省', '市', '否'],
];
const SEGMENTS = [
  ['产业链', '环节编号', '环节', '上游环节'],
  ['轻合金', '1', '铝材', ''],
  ['轻合金', '2', '铸件', '1'],
  ['轻合金', '3', '铝基/镁基复合材料', '1'],
  ['芯片', '1', '晶圆', ''],
  ['芯片', '2', '封测', '1'],
];
const ANALYSIS = `query ($chainId: ID, $areaId: ID, $t: GapThresholds) { gapAnalysis(chainId: $chainId, areaId: $areaId, thresholds: $t) {
  counts { fill extend strengthen }
  segments { segmentId name localCount localOutput outputUnknownCount presence }
  gaps { id kind severity components { name value } reasonZh }
  emptyChains { chainId name reasonZh entrySegments { segmentId name reasonZh } }
} }`;

beforeEach(async () => {
  api = await createTestApi(async () => undefined);
});
afterEach(() => api.close());

describe('issue 13 defects on an unseeded store', () => {
  it('2: an area hierarchy imports, 所在地区 resolves, and a local enterprise without area counts when no areaId is given', async () => {
    const areas = await put('areas', AREAS);
    expect(areas).toMatchObject({ committed: true, counts: { create: 5, reject: 0 } });
    await put('segments', SEGMENTS);
    const ents = await put('enterprises', [
      ['企业名称', '所在地区', '所属环节', '是否本地', '产值（万元）'],
      ['青禾铝业有限公司', '青禾高新区', 'seg:import:轻合金:1', '', '30000'],
      ['无址铝材有限公司', '', 'seg:import:轻合金:1', '是', '30000'],
    ]);
    expect(ents.issues).toEqual([]);
    expect(ents.committed).toBe(true);
    const all = await api.gql(ANALYSIS, { chainId: 'chain:import:轻合金' });
    expect(all.errors).toBeUndefined();
    const seg = all.data.gapAnalysis.segments.find((s: any) => s.segmentId === 'seg:import:轻合金:1');
    expect(seg).toMatchObject({ localCount: 2, localOutput: 60000, presence: 'strong' });
    const city = await api.gql(ANALYSIS, { chainId: 'chain:import:轻合金', areaId: 'area:import:青禾市' });
    expect(city.data.gapAnalysis.segments.find((s: any) => s.segmentId === 'seg:import:轻合金:1')).toMatchObject({ localCount: 1 });
    // region derived from the imported hierarchy: 临江市 lies in the same province
    const other = await put('enterprises', [
      ['企业名称', '所在地区'],
      ['临江钢铁有限公司', '临江市'],
    ]);
    expect(other.issues).toEqual([]);
    const [e] = await api.store.run<{ region: string; local: boolean; province: string }>('read/import/enterprises');
    expect(e).toBeDefined();
    const byName = (await api.store.run<any>('read/import/enterprises')).find((x: any) => x.name === '临江钢铁有限公司');
    expect(byName).toMatchObject({ local: false, region: 'anhui', province: '东江省', city: '临江市' });
  });

  it('1: minOutput 0 is allowed and gives numbers, not NaN', async () => {
    await put('areas', AREAS);
    await put('segments', SEGMENTS);
    await put('enterprises', [
      ['企业名称', '所在地区', '所属环节'],
      ['青禾铝业有限公司', '青禾市', 'seg:import:轻合金:1'],
    ]);
    const res = await api.gql(ANALYSIS, { chainId: 'chain:import:轻合金', t: { minOutput: 0 } });
    expect(res.errors).toBeUndefined();
    for (const g of res.data.gapAnalysis.gaps) for (const c of g.components) expect(Number.isFinite(c.value)).toBe(true);
  });

  it('3: two chains numbering segments from 1 keep four segments; two names for one key is an error', async () => {
    const report = await put(
      'segments',
      SEGMENTS.filter((r) => r[2] !== '铝基/镁基复合材料'),
    );
    expect(report.counts).toMatchObject({ create: 4, reject: 0 });
    const segs = await api.store.run<{ id: string; name: string; chains: string[] }>('read/import/segments');
    expect(segs.map((s) => [s.id, s.name]).sort()).toEqual([
      ['seg:import:芯片:1', '晶圆'],
      ['seg:import:芯片:2', '封测'],
      ['seg:import:轻合金:1', '铝材'],
      ['seg:import:轻合金:2', '铸件'],
    ]);
    const clash = await put(
      'segments',
      [
        ['产业链', '环节编号', '环节'],
        ['轻合金', '1', '铝锭'],
        ['轻合金', '5', '板材'],
        ['轻合金', '5', '型材'],
      ],
      true,
    );
    expect(clash.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'SEGMENT_KEY_CONFLICT'],
      [4, 'SEGMENT_KEY_CONFLICT'],
    ]);
  });

  it('4: names with / and 、 stay whole, and the enterprise export imports back unchanged', async () => {
    await put('areas', AREAS);
    await put('segments', [...SEGMENTS, ['轻合金', '4', '铸件、锻件一体化', '2']]);
    const report = await put('enterprises', [
      ['企业名称', '所属环节', '标签', '所在地区'],
      ['青禾镁业有限公司', '铝基/镁基复合材料；铸件、锻件一体化', '高新技术企业、专精特新', '青禾市'],
      ['青禾复材有限公司', '铝基/镁基复合材料', '', '青禾市'],
    ]);
    expect(report.issues).toEqual([]);
    expect(report.items.map((i) => i.changes.filter((c) => c.startsWith('segment')))).toEqual([[], []]);
    const exported = await exportEnterprises(api.store, 'csv');
    const back = await importFile(api.store, exported.buffer, exported.filename, { kind: 'enterprises', dryRun: true });
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(back.counts).toMatchObject({ rows: 2, unchanged: 2 });
  });

  it('5: missing output is unknown, not 0', async () => {
    await put('areas', AREAS);
    await put('segments', SEGMENTS);
    await put('enterprises', [
      ['企业名称', '所在地区', '所属环节', '产值（万元）'],
      ['大型铝业有限公司', '青禾市', 'seg:import:轻合金:1', ''],
      ['二号铝业有限公司', '青禾市', 'seg:import:轻合金:1', ''],
      ['孤单铸造有限公司', '青禾市', 'seg:import:轻合金:2', ''],
    ]);
    const res = await api.gql(ANALYSIS, { chainId: 'chain:import:轻合金' });
    expect(res.errors).toBeUndefined();
    const a = res.data.gapAnalysis;
    expect(a.segments.find((s: any) => s.segmentId === 'seg:import:轻合金:1')).toMatchObject({
      localCount: 2,
      localOutput: null,
      outputUnknownCount: 2,
      presence: 'strong',
    });
    const lone = a.gaps.find((g: any) => g.id === 'gap:strengthen:seg:import:轻合金:2:all');
    expect(lone.components.map((c: any) => c.name)).not.toContain('lowOutput');
    expect(lone.reasonZh).toContain('数据不足');
    expect(lone.reasonZh).not.toContain('本地产值0万元');
  });

  it('6: a chain with no local enterprise is reported as 链条空白 with entry segments', async () => {
    await put('areas', AREAS);
    await put('segments', SEGMENTS);
    const res = await api.gql(ANALYSIS, { chainId: 'chain:import:芯片' });
    expect(res.errors).toBeUndefined();
    expect(res.data.gapAnalysis.gaps).toEqual([]);
    expect(res.data.gapAnalysis.emptyChains).toHaveLength(1);
    const [empty] = res.data.gapAnalysis.emptyChains;
    expect(empty).toMatchObject({ chainId: 'chain:import:芯片', name: '芯片' });
    expect(empty.reasonZh).toContain('链条空白');
    expect(empty.entrySegments.length).toBeGreaterThan(0);
  });

  it('7: a FEEDS cycle is a warning in the import report and the chain view, and no reason names a segment on both sides', async () => {
    await put('areas', AREAS);
    const report = await put('segments', [
      ['产业链', '环节', '上游环节'],
      ['金属', '铝', '特钢'],
      ['金属', '特钢', '铝'],
      ['金属', '板材', '铝'],
    ]);
    expect(report.committed).toBe(true);
    expect(report.issues.filter((i) => i.code === 'FEEDS_CYCLE').map((i) => i.severity)).toEqual(['warning']);
    const view = await api.gql(`{ feedsCycles(chainId: "chain:import:金属") { segmentIds names messageZh } }`);
    expect(view.errors).toBeUndefined();
    expect(view.data.feedsCycles).toHaveLength(1);
    expect(view.data.feedsCycles[0].names.sort()).toEqual(['特钢', '铝']);
    await put('enterprises', [
      ['企业名称', '所在地区', '所属环节'],
      ['甲铝业有限公司', '青禾市', '铝'],
      ['乙板材有限公司', '青禾市', '板材'],
    ]);
    const res = await api.gql(ANALYSIS, { chainId: 'chain:import:金属' });
    for (const g of res.data.gapAnalysis.gaps) expect(g.reasonZh).not.toMatch(/上游（[^）]*铝[^）]*）与下游（[^）]*铝/);
  });

  it('8: a segment shared by two chains is one create and one update', async () => {
    const report = await put('segments', [
      ['产业链', '环节', '统一编码'],
      ['轻合金', '汽车零部件', 'C3670'],
      ['新能源汽车', '汽车零部件', 'C3670'],
    ]);
    expect(report.items.map((i) => [i.action, i.id])).toEqual([
      ['create', 'seg:code:C3670'],
      ['update', 'seg:code:C3670'],
    ]);
    const [seg] = await api.store.run<{ id: string; chains: string[] }>('read/import/segments');
    expect(seg!.chains.sort()).toEqual(['chain:import:新能源汽车', 'chain:import:轻合金']);
  });
});
