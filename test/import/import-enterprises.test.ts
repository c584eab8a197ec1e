import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../server/services/import/import-file.ts';
import { readDump } from '../../server/services/dump/dump-pages.ts';
import type { Store } from '../../server/store/store.ts';
import { counts, csv, gbk, makeUscc, openDumpStore, utf8Bom, xlsx } from './helpers.ts';

const HEAD = ['企业名称', '简称', '统一社会信用代码', '所属环节', '所在地区', '产值（亿元）', '规上', '标签', '成立年份'];

let store: Store;
beforeEach(async () => {
  store = await openDumpStore();
});
afterEach(() => store.close());

describe('enterprise import', () => {
  it('creates enterprises from a GBK CSV, and re-importing the same file changes nothing', async () => {
    const file = gbk(
      csv([
        HEAD,
        ['安徽巢湖精密铸造有限公司', '巢湖精铸', makeUscc(100), '铸件', '巢湖市', '2.5', '是', '高新技术企业、专精特新', '2016'],
        ['江苏某某汽车零部件股份有限公司', '', '', 'seg:auto-parts', '苏州市', '0.8', '否', '', '2008年'],
      ]),
    );
    const first = await importFile(store, file, '企业.csv', { kind: 'enterprises', dryRun: false });
    expect(first).toMatchObject({ committed: true, encoding: 'gb18030', counts: { rows: 2, create: 2, update: 0, unchanged: 0, reject: 0 } });
    expect(first.issues).toEqual([]);
    const [created] = await store.run<Record<string, unknown>>('read/import/enterprises');
    const byId = Object.fromEntries((await store.run<Record<string, unknown>>('read/import/enterprises')).map((e) => [e.id, e]));
    expect(created).toBeDefined();
    expect(byId[`ent:${makeUscc(100)}`]).toMatchObject({
      name: '安徽巢湖精密铸造有限公司',
      shortName: '巢湖精铸',
      output: 25000,
      aboveScale: true,
      tags: ['专精特新', '高新技术'],
      founded: 2016,
      local: true,
      region: 'local',
      province: '安徽省',
      city: '巢湖市',
      areaIds: ['area:chaohu'],
    });
    expect(byId['ent:name:江苏某某汽车零部件']).toMatchObject({ region: 'yrd', local: false, province: '江苏省', city: '苏州市', output: 8000 });

    const before = await readDump(store);
    const again = await importFile(store, file, '企业.csv', { kind: 'enterprises', dryRun: false });
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 2, reject: 0 });
    expect(await readDump(store)).toEqual(before);
  });

  it('updates by 统一社会信用代码, else by normalised name, warning about a name variant', async () => {
    const file = utf8Bom(
      csv([
        ['企业名称', '统一社会信用代码', '产值（万元）'],
        ['合肥巢湖铝业有限公司', '', '15000'],
        ['苏州精密锻造(集团)有限责任公司', '', '50000'],
      ]),
    );
    const report = await importFile(store, file, 'x.csv', { kind: 'enterprises', dryRun: false });
    expect(report.items.map(({ row, action, id, matchedBy, changes }) => ({ row, action, id, matchedBy, changes }))).toEqual([
      { row: 2, action: 'update', id: 'ent:sample-1', matchedBy: 'name', changes: ['output'] },
      { row: 3, action: 'unchanged', id: 'ent:sample-2', matchedBy: 'name', changes: [] },
    ]);
    expect(report.issues.map((i) => [i.row, i.code, i.severity, i.column])).toEqual([
      [2, 'NAME_VARIANT', 'warning', '企业名称'],
      [3, 'NAME_VARIANT', 'warning', '企业名称'],
    ]);
    expect(report.issues[0]!.message).toContain('合肥巢湖铝业有限责任公司');
    const rows = await store.run<{ id: string; name: string; output: number }>('read/import/enterprises');
    expect(rows.find((r) => r.id === 'ent:sample-1')).toMatchObject({ name: '合肥巢湖铝业有限责任公司', output: 15000 });
  });

  it('reports every kind of row error with the Excel row number, header and value, and writes nothing', async () => {
    const before = await readDump(store);
    const bad = makeUscc(5).slice(0, 17) + (makeUscc(5).endsWith('0') ? '1' : '0');
    const file = await xlsx(
      [
        ['企业名称', '统一社会信用代码', '所属环节', '所在地区', '产值（万元）', '规上', '成立年份'],
        ['甲有限公司', bad, '铸件', '巢湖市', '100', '是', '2010'],
        ['乙有限公司', '', '不存在的环节', '巢湖市', '100', '是', '2010'],
        ['丙有限公司', '', '铸件', '火星', '100', '是', '2010'],
        ['丁有限公司', '', '铸件', '巢湖市', '-3', '是', '2010'],
        ['戊有限公司', '', '铸件', '巢湖市', '很多', '是', '2010'],
        ['己有限公司', makeUscc(7), '铸件', '巢湖市', '1', '是', '2010'],
        ['己有限责任公司', makeUscc(8), '铸件', '巢湖市', '1', '是', '2010'],
        ['庚有限公司', makeUscc(7), '铸件', '巢湖市', '1', '是', '2010'],
        ['', '', '铸件', '巢湖市', '1', '也许', '10'],
        ['辛有限公司', '', '铸件', '巢湖市', '1', '是', '2010'],
      ],
      { title: '企业名单（测试）' },
    );
    const report = await importFile(store, file, 'bad.xlsx', { kind: 'enterprises', dryRun: false });
    expect(report.committed).toBe(false);
    expect(report.notCommittedReasonEn).toContain('rejected; nothing was written');
    expect(report.counts).toMatchObject({ rows: 10, create: 2, reject: 8 });
    expect(report.issues.filter((i) => i.severity === 'error').map(({ row, column, value, code }) => ({ row, column, value, code }))).toEqual([
      { row: 3, column: '统一社会信用代码', value: bad, code: 'INVALID_USCC' },
      { row: 4, column: '所属环节', value: '不存在的环节', code: 'UNKNOWN_SEGMENT' },
      { row: 5, column: '所在地区', value: '火星', code: 'UNKNOWN_AREA' },
      { row: 6, column: '产值（万元）', value: '-3', code: 'NEGATIVE_AMOUNT' },
      { row: 7, column: '产值（万元）', value: '很多', code: 'NOT_A_NUMBER' },
      { row: 9, column: '企业名称', value: '己有限责任公司', code: 'DUPLICATE_IN_FILE' },
      { row: 10, column: '统一社会信用代码', value: makeUscc(7), code: 'DUPLICATE_IN_FILE' },
      { row: 11, column: '企业名称', value: '', code: 'REQUIRED' },
      { row: 11, column: '规上', value: '也许', code: 'INVALID_BOOLEAN' },
      { row: 11, column: '成立年份', value: '10', code: 'INVALID_YEAR' },
    ]);
    for (const issue of report.issues) {
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.messageEn).toMatch(/[a-z]/);
    }
    expect(await readDump(store)).toEqual(before);
  });

  it('skips rejected rows only when asked (--skip-invalid)', async () => {
    const file = Buffer.from(
      csv([
        ['企业名称', '产值（万元）'],
        ['好公司有限公司', '1'],
        ['坏公司有限公司', 'x'],
      ]),
    );
    const report = await importFile(store, file, 'x.csv', { kind: 'enterprises', dryRun: false, skipInvalid: true });
    expect(report).toMatchObject({ committed: true, counts: { create: 1, reject: 1 } });
    expect((await counts(store))['node:Enterprise']).toBe(3);
  });

  it('a dry run shows what would happen and writes nothing', async () => {
    const before = await readDump(store);
    const file = Buffer.from(
      csv([
        ['name', 'uscc', 'output'],
        ['新公司有限公司', makeUscc(42), '3'],
      ]),
    );
    const report = await importFile(store, file, 'x.csv', { kind: 'enterprises', dryRun: true, unit: '亿元' });
    expect(report).toMatchObject({ dryRun: true, committed: false, counts: { create: 1 } });
    expect(report.columns).toEqual([
      { header: 'name', field: 'name', unit: null },
      { header: 'uscc', field: 'uscc', unit: null },
      { header: 'output', field: 'output', unit: '亿元' },
    ]);
    expect(await readDump(store)).toEqual(before);
  });

  it('flags a 统一社会信用代码 that Excel stored as a number', async () => {
    const file = await xlsx([
      ['企业名称', '统一社会信用代码'],
      ['数字代码有限公司', 913401811234567800],
    ]);
    const report = await importFile(store, file, 'x.xlsx', { kind: 'enterprises', dryRun: true });
    expect(report.issues.map((i) => i.code)).toEqual(['USCC_PRECISION_LOST']);
  });

  it('marks imported enterprises origin import and gives them a searchName', async () => {
    await importFile(store, Buffer.from(csv([['企业名称'], ['合肥（巢湖）新公司有限公司']])), 'x.csv', { kind: 'enterprises', dryRun: false });
    const dump = await readDump(store);
    expect(dump.nodes.find((n) => n.properties.name === '合肥（巢湖）新公司有限公司')?.properties).toMatchObject({
      origin: 'import',
      searchName: '合肥巢湖新公司',
    });
  });
});

describe('links and segments', () => {
  it('imports OPERATES_IN links with roles, and SUPPLIES relations with product and share', async () => {
    const operates = Buffer.from(
      csv([
        ['企业名称', '所属环节', '角色'],
        ['苏州精密锻造（集团）有限公司', '铸件、锻件', '配套'],
        ['没有的公司', '铸件', '核心'],
        ['合肥巢湖铝业有限责任公司', '铸件', '老大'],
      ]),
    );
    const r1 = await importFile(store, operates, 'o.csv', { kind: 'operates', dryRun: false, skipInvalid: true });
    expect(r1.items.map((i) => [i.row, i.action, i.changes])).toEqual([
      [2, 'create', ['segment:seg:alloy-casting', 'role:seg:alloy-forging']],
      [3, 'reject', []],
      [4, 'reject', []],
    ]);
    expect(r1.issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'UNKNOWN_ENTERPRISE'],
      [4, 'INVALID_ROLE'],
    ]);
    const supplies = Buffer.from(
      csv([
        ['供应方', '采购方', '产品', '占比'],
        ['合肥巢湖铝业有限责任公司', '苏州精密锻造（集团）有限公司', '铝锭', '40%'],
        ['苏州精密锻造（集团）有限公司', '合肥巢湖铝业有限责任公司', '锻件', '0.3'],
      ]),
    );
    const r2 = await importFile(store, supplies, 's.csv', { kind: 'supplies', dryRun: false });
    expect(r2.items.map((i) => [i.row, i.action])).toEqual([
      [2, 'create'],
      [3, 'unchanged'],
    ]);
    const again = await importFile(store, supplies, 's.csv', { kind: 'supplies', dryRun: false });
    expect(again.counts).toMatchObject({ unchanged: 2 });
  });

  it('imports the chains and segments of another city, with FEEDS and HAS_SEGMENT', async () => {
    const file = Buffer.from(
      csv([
        ['产业链', '环节', '阶段', '上游环节', '英文名'],
        ['智能家电', '家电整机', '下游', '电机、家电芯片', 'Appliances'],
        ['智能家电', '电机', '中游', '', ''],
        ['智能家电', '家电芯片', '上游', '', ''],
        ['高性能轻合金', '铸件', '中游', '高性能轻合金材料', ''],
        ['智能家电', '电机', '中游', '', ''],
        ['智能家电', '遥控器', '天上', '火星环节', ''],
      ]),
    );
    const report = await importFile(store, file, 'seg.csv', { kind: 'segments', dryRun: false, skipInvalid: true });
    expect(report.items.map((i) => [i.row, i.action, i.id])).toEqual([
      [2, 'create', 'seg:import:智能家电:家电整机'],
      [3, 'create', 'seg:import:智能家电:电机'],
      [4, 'create', 'seg:import:智能家电:家电芯片'],
      [5, 'unchanged', 'seg:alloy-casting'],
      [6, 'reject', 'seg:import:智能家电:电机'],
      [7, 'reject', 'seg:import:智能家电:遥控器'],
    ]);
    expect(report.issues.map((i) => [i.row, i.code, i.value])).toEqual([
      [6, 'DUPLICATE_IN_FILE', '电机'],
      [7, 'INVALID_STAGE', '天上'],
      [7, 'UNKNOWN_SEGMENT', '火星环节'],
    ]);
    const c = await counts(store);
    expect(c['node:Chain']).toBe(2);
    expect(c['node:Segment']).toBe(7);
    expect(c['relationship:FEEDS']).toBe(6);
    expect(c['relationship:HAS_SEGMENT']).toBe(7);
    const again = await importFile(store, file, 'seg.csv', { kind: 'segments', dryRun: false, skipInvalid: true });
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 4, reject: 2 });
  });
});
