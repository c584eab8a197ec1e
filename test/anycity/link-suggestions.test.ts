import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportMapping } from '../../server/services/export/export-tables.ts';
import { importFile } from '../../server/services/import/import-file.ts';
import type { ImportKind, ImportOptions } from '../../server/services/import/types.ts';
import { csv } from '../import/helpers.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';
import { qingheFiles, SEG } from './qinghe-fixture.ts';

let api: TestApi;
const put = (kind: ImportKind, rows: (string | number)[][], options: Partial<ImportOptions> = {}) =>
  importFile(api.store, Buffer.from(csv(rows)), `${kind}.csv`, { kind, dryRun: false, ...options });

beforeEach(async () => {
  api = await createTestApi(async () => undefined);
  const files = qingheFiles({ locals: 0, outsiders: 0 });
  for (const [kind, bytes] of [
    ['areas', files.areas],
    ['segments', files.alloySegments],
    ['segments', files.sensorSegments],
  ] as const) {
    await importFile(api.store, bytes, 'x.csv', { kind, dryRun: false });
  }
});
afterEach(() => api.close());

const MAPPING = [
  ['产业链', '环节', '行业代码', '关键词'],
  ['轻合金', '铸件、锻件', 'C339；C3391', '铸件、压铸'],
  ['轻合金', '铝材', '3216', '铝型材'],
  ['智能传感', 'MEMS芯片', 'C3973', 'MEMS'],
];
const ENTERPRISES = [
  ['企业名称', '行业代码', '主营产品', '经营范围'],
  ['青禾压铸有限公司', 'C3391', '汽车压铸件', ''],
  ['青禾型材有限公司', '', '', '铝型材加工、销售'],
  ['青禾微电子有限公司', 'C3973', 'MEMS麦克风', ''],
  ['青禾贸易有限公司', 'F5179', '日用百货', ''],
];

describe('挂链: a mapping table users edit, and suggested OPERATES_IN links in the import', () => {
  it('imports the mapping table and exports it back unchanged', async () => {
    const report = await put('mapping', MAPPING);
    expect(report.issues).toEqual([]);
    expect(report.counts).toMatchObject({ update: 3 });
    const bad = await put(
      'mapping',
      [
        ['环节', '行业代码'],
        ['铝材', 'X99999'],
      ],
      { dryRun: true },
    );
    expect(bad.issues.map((i) => [i.code, i.value])).toEqual([['INVALID_INDUSTRY_CODE', 'X99999']]);
    const exported = await exportMapping(api.store, 'csv');
    const again = await importFile(api.store, exported.buffer, exported.filename, { kind: 'mapping', dryRun: true });
    expect(again.issues).toEqual([]);
    expect(again.counts.update).toBe(0);
    expect(again.counts.unchanged).toBe(12); // one row per segment: 8 + 5, 汽车零部件 shared
  });

  it('suggests links with evidence and strength in the dry run, and writes those accepted (per row, per suggestion, all)', async () => {
    await put('mapping', MAPPING);
    const dry = await put('enterprises', ENTERPRISES, { dryRun: true });
    expect(dry.suggestions.map((s) => [s.row, s.segmentId, s.strength, s.evidence, s.accepted])).toEqual([
      [2, SEG.castings, 1, ['行业代码 C3391 属于 3391', '主营产品含「铸件」', '主营产品含「压铸」'], false],
      [3, SEG.aluminium, 0.5, ['经营范围含「铝型材」'], false],
      [4, SEG.mems, 0.98, ['行业代码 C3973 属于 3973', '主营产品含「MEMS」'], false],
    ]);
    const byRow = await put('enterprises', ENTERPRISES, { accept: { rows: [2] } });
    expect(byRow.suggestions.filter((s) => s.accepted).map((s) => s.id)).toEqual([`2:${SEG.castings}`]);
    const operates = async () =>
      (await api.store.run<{ enterprise: string; segment: string }>('read/import/operates-in')).map((o) => `${o.enterprise}→${o.segment}`).sort();
    expect(await operates()).toEqual([`ent:name:青禾压铸→${SEG.castings}`]);
    const byId = await put('enterprises', ENTERPRISES, { accept: { ids: [`4:${SEG.mems}`] } });
    expect(byId.items.find((i) => i.row === 4)).toMatchObject({ action: 'update', changes: [`segment:${SEG.mems}`] });
    // an accepted link is not suggested again
    const all = await put('enterprises', ENTERPRISES, { accept: { all: true } });
    expect(all.suggestions.map((s) => s.row)).toEqual([3]);
    expect(await operates()).toHaveLength(3);
  });
});
