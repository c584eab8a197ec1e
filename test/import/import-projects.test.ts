import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProjects } from '../../server/services/export/export-tables.ts';
import { importFile } from '../../server/services/import/import-file.ts';
import { getProject, listProjects, projectEvents } from '../../server/services/projects/projects.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import type { Store } from '../../server/store/store.ts';
import { openTestStore } from '../support/test-store.ts';
import { counts, csv, makeUscc, utf8Bom, xlsx } from './helpers.ts';

const HEAD = [
  '项目名称',
  '投资方',
  '投资方统一社会信用代码',
  '所在地区',
  '所属环节',
  '投资额（亿元）',
  '阶段',
  '线索日期',
  '签约日期',
  '开工日期',
  '牵头单位',
  '包保单位',
  '填补缺口',
  '1+5要素',
  '终止原因',
  '备注',
];
const NEW_USCC = makeUscc(9001);
const ROWS: (string | number)[][] = [
  HEAD,
  [
    '导入测试BMS项目',
    '马鞍山示例博天动力电池有限公司',
    '',
    '巢湖市',
    'seg:bms',
    6,
    '签约',
    '2025-03-01',
    '2025/6/18',
    '',
    '市投促中心',
    'unit:shi-jingxin',
    'gap:plan-bms:chaohu',
    '制造基地、研发中心',
    '',
    '示例导入',
  ],
  ['导入测试新设主体项目', '安徽导入测试科技有限公司', NEW_USCC, 'area:anchao', '', '12000万元', 'negotiating', '2025年4月1日', '', '', '', '', '', '', '', ''],
];

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await loadSeeds(store);
});
afterAll(() => store.close());

const byName = async (name: string) => (await listProjects(store)).find((p) => p.name === name)!;

describe('project list import (招商项目清单)', () => {
  it('a dry run reports what it would do and writes nothing', async () => {
    const before = await counts(store);
    const report = await importFile(store, await xlsx(ROWS), '项目清单.xlsx', { kind: 'projects', dryRun: true });
    expect(report).toMatchObject({ committed: false, dryRun: true, counts: { rows: 2, create: 2, reject: 0 } });
    expect(report.issues).toEqual([]);
    expect(await counts(store)).toEqual(before);
  });

  it('creates projects with Chinese headers and stage words, matching or creating the investor, in one transaction', async () => {
    const report = await importFile(store, await xlsx(ROWS), '项目清单.xlsx', { kind: 'projects', dryRun: false, actor: 'wang' });
    expect(report).toMatchObject({ committed: true, counts: { rows: 2, create: 2, update: 0, unchanged: 0, reject: 0 } });
    const bms = await byName('导入测试BMS项目');
    expect(bms).toMatchObject({
      stage: 'signed',
      leadAt: '2025-03-01',
      signedAt: '2025-06-18',
      negotiatingAt: null,
      investment: 6,
      origin: 'import',
      notes: '示例导入',
      investor: { id: 'ent:s0138' },
      area: { id: 'area:chaohu' },
      leadUnit: { id: 'unit:shi-touchu' },
      gapIds: ['gap:plan-bms:chaohu'],
      elements: ['base', 'rnd'],
    });
    expect(bms.segments.map((s) => s.id)).toEqual(['seg:bms']);
    expect(bms.chains.map((c) => c.id)).toEqual(['chain:emerging']);
    expect(bms.lookAfterUnits.map((u) => u.id)).toEqual(['unit:shi-jingxin']);
    const events = await projectEvents(store, [bms.id]);
    expect(events.map((e) => [e.kind, e.from, e.to, e.date, e.actor])).toEqual([
      ['created', null, 'lead', '2025-03-01', 'wang'],
      ['stage', 'lead', 'signed', '2025-06-18', 'wang'],
    ]);

    const fresh = await byName('导入测试新设主体项目');
    expect(fresh).toMatchObject({
      stage: 'negotiating',
      negotiatingAt: null,
      leadAt: '2025-04-01',
      investment: 1.2,
      investor: { id: `ent:${NEW_USCC}`, name: '安徽导入测试科技有限公司' },
    });
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await counts(store);
    const again = await importFile(store, await xlsx(ROWS), '项目清单.xlsx', { kind: 'projects', dryRun: false });
    expect(again).toMatchObject({ committed: true, counts: { rows: 2, create: 0, update: 0, unchanged: 2, reject: 0 } });
    expect(again.items.map((i) => i.matchedBy)).toEqual(['name', 'name']);
    expect(await counts(store)).toEqual(before);
  });

  it('moves a stage forward with an event, by 项目编号, and refuses to move one back', async () => {
    const bms = await byName('导入测试BMS项目');
    const forward = utf8Bom(
      csv([
        ['项目编号', '项目名称', '所在地区', '阶段', '开工日期'],
        [bms.id, '导入测试BMS项目', '巢湖市', '开工', '2025-09-01'],
      ]),
    );
    const moved = await importFile(store, forward, 'p.csv', { kind: 'projects', dryRun: false });
    expect(moved).toMatchObject({ committed: true, counts: { update: 1 } });
    expect(moved.items[0]).toMatchObject({ matchedBy: 'id', changes: expect.arrayContaining(['startedAt', 'stage']) });
    expect(await getProject(store, bms.id)).toMatchObject({ stage: 'started', startedAt: '2025-09-01', signedAt: '2025-06-18' });
    expect((await projectEvents(store, [bms.id])).at(-1)).toMatchObject({ kind: 'stage', from: 'signed', to: 'started', date: '2025-09-01' });

    const back = utf8Bom(
      csv([
        ['项目编号', '项目名称', '所在地区', '阶段'],
        [bms.id, '导入测试BMS项目', '巢湖市', '洽谈'],
      ]),
    );
    const refused = await importFile(store, back, 'p.csv', { kind: 'projects', dryRun: false });
    expect(refused).toMatchObject({ committed: false, counts: { reject: 1 } });
    expect(refused.issues).toEqual([expect.objectContaining({ row: 2, column: '阶段', code: 'STAGE_MOVES_BACK', value: '洽谈' })]);
  });

  it('reports bad rows with row number and column, and writes nothing', async () => {
    const before = await counts(store);
    const bad = utf8Bom(
      csv([
        ['项目名称', '所在地区', '阶段', '签约日期', '投资额', '牵头单位', '填补缺口', '1+5要素', '终止原因'],
        ['坏行一', '巢湖市', '开会', '2025-02-30', 'abc', '', '', '', ''],
        ['', '不存在的地区', '', '', '', '不存在局', 'gap:nope', '工厂', ''],
        ['坏行三', '巢湖市', '终止', '', '', '', '', '', ''],
        ['好行', '巢湖市', '线索', '', '3', '', '', '', ''],
      ]),
    );
    const report = await importFile(store, bad, 'bad.csv', { kind: 'projects', dryRun: false });
    expect(report).toMatchObject({ committed: false, counts: { rows: 4, create: 1, reject: 3 } });
    const issues = report.issues.map((i) => [i.row, i.column, i.code]);
    expect(issues).toEqual(
      expect.arrayContaining([
        [2, '阶段', 'INVALID_PROJECT_STAGE'],
        [2, '签约日期', 'INVALID_DATE'],
        [2, '投资额', 'NOT_A_NUMBER'],
        [3, '项目名称', 'REQUIRED'],
        [3, '所在地区', 'UNKNOWN_AREA'],
        [3, '牵头单位', 'UNKNOWN_UNIT'],
        [3, '填补缺口', 'UNKNOWN_GAP'],
        [3, '1+5要素', 'INVALID_ELEMENT'],
        [4, '终止原因', 'DROP_REASON_REQUIRED'],
      ]),
    );
    expect(report.issues.every((i) => i.message && i.messageEn)).toBe(true);
    expect(await counts(store)).toEqual(before);
  });

  it('imports its own export (xlsx and CSV) back unchanged', async () => {
    const before = await counts(store);
    const all = await listProjects(store);
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await exportProjects(store, format);
      const report = await importFile(store, file.buffer, file.filename, { kind: 'projects', dryRun: false });
      expect(
        report.issues.filter((i) => i.severity === 'error'),
        format,
      ).toEqual([]);
      expect(report.counts, format).toMatchObject({ rows: all.length, unchanged: all.length, create: 0, update: 0, reject: 0 });
    }
    expect(await counts(store)).toEqual(before);
  });

  it('needs the 项目名称 and 所在地区 columns', async () => {
    const report = await importFile(store, utf8Bom(csv([['投资方'], ['某公司']])), 'x.csv', { kind: 'projects', dryRun: true });
    expect(report.issues.filter((i) => i.code === 'MISSING_COLUMN').map((i) => i.message)).toEqual([
      expect.stringContaining('项目名称'),
      expect.stringContaining('所在地区'),
    ]);
  });
});
