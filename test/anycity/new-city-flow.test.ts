import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportEnterprises } from '../../server/services/export/export-tables.ts';
import { importFile } from '../../server/services/import/import-file.ts';
import type { ImportKind, ImportReport } from '../../server/services/import/types.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';
import { qingheFiles, SEG, type QingheFiles } from './qinghe-fixture.ts';

/**
 * A city that is not Chaohu, from an empty store to gap analysis and
 * candidates using only imports (the made-up 青禾市 of qinghe-fixture.ts).
 */
let api: TestApi;
let files: QingheFiles;
const reports: Partial<Record<string, ImportReport>> = {};
const load = async (key: string, kind: ImportKind, bytes: Buffer) => {
  const report = await importFile(api.store, bytes, `${key}.csv`, { kind, dryRun: false });
  reports[key] = report;
  return report;
};

beforeAll(async () => {
  api = await createTestApi(async () => undefined); // no seed
  files = qingheFiles();
  await load('areas', 'areas', files.areas);
  await load('alloy', 'segments', files.alloySegments);
  await load('sensor', 'segments', files.sensorSegments);
  await load('enterprises', 'enterprises', files.enterprises);
  await load('supplies', 'supplies', files.supplies);
});
afterAll(() => api.close());

const ANALYSIS = `query ($chainId: ID, $areaId: ID) { gapAnalysis(chainId: $chainId, areaId: $areaId) {
  counts { fill extend strengthen }
  segments { segmentId name localCount localOutput outputUnknownCount presence }
  gaps { id kind segmentId severity components { name value weight } reasonZh }
  emptyChains { chainId }
} }`;

describe('a new city (青禾市) from an empty store', () => {
  it('imports every file: areas, two chains numbered from 1, 520 enterprises, supplies', () => {
    expect(files.locals.length + files.outsiders.length).toBeGreaterThanOrEqual(500);
    for (const [key, r] of Object.entries(reports)) {
      expect(
        r!.issues.filter((i) => i.severity === 'error'),
        key,
      ).toEqual([]);
      expect(r!.committed, key).toBe(true);
    }
    expect(reports.alloy!.counts).toMatchObject({ create: 8 });
    // 汽车零部件 is the same segment in both chains (code C3670): the second file adds the chain to it
    expect(reports.sensor!.counts).toMatchObject({ create: 4, update: 1 });
    expect(reports.alloy!.issues.filter((i) => i.code === 'FEEDS_CYCLE').map((i) => i.value)).toEqual(['铝材 ⇄ 特钢']);
    expect(reports.enterprises!.counts.create).toBe(520);
  });

  it("offers the city's own areas, from the data, as the UI's area choices", async () => {
    const res = await api.gql('{ localAreas { id name level } planTasks { id } }');
    expect(res.data.localAreas).toEqual([{ id: 'area:991100', name: '青禾市', level: 'city' }]);
    expect(res.data.planTasks).toEqual([]); // no plan imported: the responsibility view lists no task
  });

  it('locates local enterprises from 所在地区, their USCC, or 是否本地 alone, and outside ones from their USCC', async () => {
    const all = await api.store.run<any>('read/import/enterprises');
    const byName = new Map(all.map((e: any) => [e.name, e]));
    const locals = files.locals.map((n) => byName.get(n));
    expect(locals.every((e) => e.local === true && e.region === 'local')).toBe(true);
    expect(locals.filter((e) => e.areaIds.length === 0)).toHaveLength(60); // the third with 是否本地 only
    const outside = files.outsiders.map((n) => byName.get(n));
    expect(outside.every((e) => e.local !== true)).toBe(true);
    expect(new Set(outside.map((e) => e.region))).toEqual(new Set(['yrd', 'anhui', 'other']));
    const inferred = reports.enterprises!.items.filter((i) => (i.inferred ?? []).length > 0);
    expect(inferred.length).toBeGreaterThan(300);
    expect(inferred[0]!.inferred!.join('；')).toMatch(/据统一社会信用代码 991102 青禾区/);
  });

  it('gap analysis for the whole city counts every local enterprise and keeps unknown output unknown', async () => {
    const res = await api.gql(ANALYSIS, { chainId: 'chain:import:轻合金' });
    expect(res.errors).toBeUndefined();
    const a = res.data.gapAnalysis;
    const seg = Object.fromEntries(a.segments.map((s: any) => [s.segmentId, s]));
    expect(seg[SEG.aluminium].localCount).toBe(52); // 180 locals, 2 of every 7 in 铝材
    expect(seg[SEG.aluminium].outputUnknownCount).toBeGreaterThan(0);
    expect(seg[SEG.sheet].presence).toBe('absent');
    for (const g of a.gaps) for (const c of g.components) expect(Number.isFinite(c.value)).toBe(true);
    expect(a.gaps.some((g: any) => g.kind === 'FILL' && g.segmentId === SEG.sheet)).toBe(true);
    expect(a.gaps.every((g: any) => !/本地产值0万元/.test(g.reasonZh))).toBe(true);
    const city = await api.gql(ANALYSIS, { chainId: 'chain:import:轻合金', areaId: 'area:991100' });
    expect(city.errors).toBeUndefined();
    const inCity = city.data.gapAnalysis.segments.find((s: any) => s.segmentId === SEG.aluminium);
    expect(inCity.localCount).toBeLessThan(seg[SEG.aluminium].localCount); // those with no area are not "in 青禾市"
    expect(inCity.localCount).toBeGreaterThan(0);
  });

  it('ranks candidates for a gap, with no NaN and no unknown read as 0', async () => {
    const res = await api.gql(`{ supplierCandidates(gapId: "gap:fill:${SEG.sheet}:all", first: 10) {
      totalCount candidates { name score output region components { name value detail } } } }`);
    expect(res.errors).toBeUndefined();
    const page = res.data.supplierCandidates;
    expect(page.totalCount).toBeGreaterThan(0);
    for (const c of page.candidates) {
      expect(Number.isFinite(c.score)).toBe(true);
      // issue 14: an unknown output counts as the candidates' median (neutral), and says so
      const scale = c.components.find((x: any) => x.name === 'scale');
      if (c.output === null) expect(scale.detail).toMatch(/output unknown/);
      else expect(scale.detail).toMatch(/output \d/);
    }
  });

  const roundTrip = async (format: 'csv' | 'xlsx') => {
    const exported = await exportEnterprises(api.store, format);
    const back = await importFile(api.store, exported.buffer, exported.filename, { kind: 'enterprises', dryRun: true });
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(back.items.filter((i) => i.action !== 'unchanged')).toEqual([]);
    expect(back.counts).toMatchObject({ rows: 520, unchanged: 520 });
  };

  it('exports the enterprise list (CSV) and imports it back unchanged', () => roundTrip('csv'));

  // Row 360's name came back as 天工合���第105制造有限公司 (exceljs split a UTF-8 character across chunks):
  // server/services/import/workbook-reader.ts.
  it('exports the enterprise list (xlsx) and imports it back unchanged', () => roundTrip('xlsx'));
});
