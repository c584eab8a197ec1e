import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { addProjectNote, changeProjectStage, createProject, type Clock } from '../../server/services/projects/projects.ts';
import { REPORT_SHEETS } from '../../server/services/reports/report-workbook.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';
import { createSecureTestApi } from '../support/auth.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
const at = (iso: string): Clock => ({ now: () => iso });
const REPORT = `query ($month: String!, $areaId: ID, $unitId: ID, $stalledDays: Int) {
  monthlyReport(month: $month, areaId: $areaId, unitId: $unitId, stalledDays: $stalledDays) {
    month from to asOf stalledDays totalCount area { id name } unit { id name } targetAreaId
    stages { stage count investment unknownInvestment }
    projects { stage idleDays stalled project { id name } }
    changes { date at from to note project { id name } }
    stalled { idleDays project { id name } }
    signedToStarted { value numerator denominator } startedToProducing { value numerator denominator }
    targets { target { id name } current currentSource }
    gaps { gap { id status } projects { id stage } } } }`;
const FILE = `query ($month: String!, $areaId: ID, $unitId: ID) { monthlyReportFile(month: $month, areaId: $areaId, unitId: $unitId) { filename mimeType base64 } }`;

function cellTexts(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (c) => cells.push(String(c.value)));
    rows.push(cells);
  });
  return rows;
}

describe('monthly 调度 report on the seed graph', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(loadSeeds);
    const base = { areaId: 'area:chaohu', leadUnitId: 'unit:shi-touchu', segmentIds: ['seg:bms'] };
    // idle since 1 August 2025: stalled at the end of October
    await createProject(api.store, { ...base, name: '报告测试停滞项目', investment: 2, stageDate: '2025-08-01' }, 'tester', {
      id: 'project:t-idle',
      clock: at('2025-08-01T02:00:00.000Z'),
    });
    // a note on 20 October keeps it active; its signing on 28 October is entered in December
    await createProject(api.store, { ...base, name: '报告测试签约项目', investment: 6, stageDate: '2025-09-01' }, 'tester', {
      id: 'project:t-signed',
      clock: at('2025-09-01T02:00:00.000Z'),
    });
    await addProjectNote(api.store, 'project:t-signed', '企业来访', 'tester', { clock: at('2025-10-20T02:00:00.000Z') });
    await changeProjectStage(api.store, { id: 'project:t-signed', stage: 'signed', date: '2025-10-28', note: '补录' }, 'tester', {
      clock: at('2025-12-05T02:00:00.000Z'),
    });
    // created in November: not in the October report
    await createProject(api.store, { ...base, name: '报告测试十一月项目', stageDate: '2025-11-03' }, 'tester', {
      id: 'project:t-later',
      clock: at('2025-11-03T02:00:00.000Z'),
    });
  });
  afterAll(() => api.close());

  it('reports an area month: stages at the month end, the month changes, stalled projects, targets and open gaps', async () => {
    const res = await api.gql(REPORT, { month: '2025-10', areaId: 'area:chaohu' });
    expect(res.errors).toBeUndefined();
    const r = res.data.monthlyReport;
    expect(r).toMatchObject({
      month: '2025-10',
      from: '2025-10-01',
      to: '2025-10-31',
      asOf: '2025-10-31',
      stalledDays: 30,
      area: { id: 'area:chaohu', name: '巢湖市' },
      targetAreaId: 'area:chaohu',
    });
    const ids = r.projects.map((p: any) => p.project.id);
    expect(ids).toContain('project:t-idle');
    expect(ids).not.toContain('project:t-later');
    expect(r.totalCount).toBe(r.projects.length);
    expect(r.stages.reduce((s: number, c: any) => s + c.count, 0)).toBe(r.totalCount);
    expect(r.projects.find((p: any) => p.project.id === 'project:t-signed').stage).toBe('SIGNED');

    const changes = r.changes.map((c: any) => [c.project.id, c.date, c.to]);
    expect(changes).toContainEqual(['project:sample:power-battery', '2025-10-15', 'PRODUCING']);
    expect(changes).toContainEqual(['project:t-signed', '2025-10-28', 'SIGNED']);
    expect(changes.every(([, date]: string[]) => date! >= '2025-10-01' && date! <= '2025-10-31')).toBe(true);

    const stalled = r.stalled.map((p: any) => p.project.id);
    expect(stalled).toContain('project:t-idle');
    expect(stalled).not.toContain('project:t-signed');
    expect(r.stalled.find((p: any) => p.project.id === 'project:t-idle').idleDays).toBe(91);

    expect(r.targets.map((t: any) => t.target.id)).toContain('target:projects-100m:chaohu');
    expect(r.targets.find((t: any) => t.target.id === 'target:projects-100m:chaohu').currentSource).toBe('COMPUTED');
    expect(r.gaps.every((g: any) => ['OPEN', 'IN_PROGRESS'].includes(g.gap.status))).toBe(true);
    expect(r.gaps.find((g: any) => g.gap.id === 'gap:plan-bms:chaohu')?.projects.map((p: any) => p.id)).toEqual(
      expect.arrayContaining(['project:t-idle', 'project:t-signed']),
    );
  });

  it('reports a unit: its 招商 and 包保 projects only', async () => {
    const res = await api.gql(REPORT, { month: '2025-10', unitId: 'unit:shi-touchu' });
    expect(res.errors).toBeUndefined();
    const r = res.data.monthlyReport;
    expect(r.unit).toEqual({ id: 'unit:shi-touchu', name: '市投促中心' });
    expect(r.targetAreaId).toBe('area:chaohu');
    expect(r.projects.map((p: any) => p.project.id)).toContain('project:t-idle');
    expect(r.projects.map((p: any) => p.project.id)).not.toContain('project:sample:auto-glass'); // 安巢经开区, other units
  });

  it('refuses a bad month, an unknown area or unit and bad stalled days, naming the field', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ month: '2025-13' }, 'BAD_USER_INPUT', /^month:/],
      [{ month: '2999-01' }, 'BAD_USER_INPUT', /^month: 2999-01 has not begun/],
      [{ month: '2025-10', areaId: 'area:nowhere' }, 'NOT_FOUND', /^areaId:/],
      [{ month: '2025-10', unitId: 'unit:nope' }, 'NOT_FOUND', /^unitId:/],
      [{ month: '2025-10', stalledDays: 0 }, 'BAD_USER_INPUT', /^stalledDays:/],
    ];
    for (const [vars, code, message] of cases) {
      const res = await api.gql(REPORT, vars);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe(code);
      expect(res.errors?.[0]?.message, JSON.stringify(vars)).toMatch(message);
    }
  });

  it('writes the report as an .xlsx that opens with exceljs, with the expected sheets and rows', async () => {
    const res = await api.gql(FILE, { month: '2025-10', areaId: 'area:chaohu' });
    expect(res.errors).toBeUndefined();
    const file = res.data.monthlyReportFile;
    expect(file.filename).toBe('月度调度报告-2025-10-巢湖市.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...REPORT_SHEETS]);
    const sheet = (name: string) => cellTexts(workbook.getWorksheet(name)!);
    expect(sheet('概况')).toContainEqual(['范围', '巢湖市']);
    expect(sheet('概况')).toContainEqual(['统计期', '2025-10-01 至 2025-10-31']);
    expect(sheet('分阶段')[0]).toEqual(['阶段', '项目数', '投资额（亿元）', '投资额未知（个）']);
    expect(sheet('分阶段')).toHaveLength(7); // header + six stages
    const changes = sheet('本月变化');
    expect(changes[0]).toEqual(['日期', '项目名称', '变化', '说明', '操作人', '记录时间']);
    expect(changes).toContainEqual(expect.arrayContaining(['2025-10-28', '报告测试签约项目', '线索 → 签约', '补录']));
    expect(changes).toContainEqual(expect.arrayContaining(['2025-10-15', '博天动力电池巢湖生产基地', '开工 → 投产']));
    expect(sheet('停滞项目')).toContainEqual(expect.arrayContaining(['报告测试停滞项目', '线索', '91']));
    expect(sheet('目标进度').some((row) => row[0]!.startsWith('累计招引亿元以上工业项目') && row.includes('据数据计算'))).toBe(true);
    expect(sheet('缺口与线索').some((row) => row[0] === 'gap:plan-bms:chaohu' && row.some((c) => c.includes('报告测试停滞项目（线索）')))).toBe(true);
    expect(sheet('项目清单').length).toBeGreaterThan(2);
  });
});

describe('access to the monthly report', () => {
  it('lets a viewer read the report and download the workbook', async () => {
    const api = await createSecureTestApi();
    try {
      await loadSeeds(api.store);
      const viewer = await api.signedIn('viewer2', 'viewer');
      const report = await api.gql(`{ monthlyReport(month: "2025-10") { month totalCount } }`, {}, viewer);
      expect(report.body.errors).toBeUndefined();
      expect((report.body.data as any).monthlyReport.totalCount).toBeGreaterThan(0);
      const file = await api.gql(`{ monthlyReportFile(month: "2025-10") { filename } }`, {}, viewer);
      expect(file.body.errors).toBeUndefined();
      expect((file.body.data as any).monthlyReportFile.filename).toBe('月度调度报告-2025-10-全部本地地区.xlsx');
      const anonymous = await api.gql(`{ monthlyReport(month: "2025-10") { month } }`);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await api.close();
    }
  });
});
