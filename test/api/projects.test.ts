import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';
import { createSecureTestApi } from '../support/auth.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
const PROJECT = `id name investorName investor { id name } area { id } chains { id } segments { id } gapIds leadUnit { id } lookAfterUnits { id }
  investment plannedOutput stage droppedFrom dropReason leadAt negotiatingAt signedAt startedAt producingAt droppedAt elements notes origin createdBy lastActivityAt
  events { at date actor kind from to note }`;
const CREATE = `mutation ($input: ProjectInput!) { createProject(input: $input) { ${PROJECT} } }`;
const STAGE = `mutation ($id: ID!, $stage: ProjectStage!, $date: String, $note: String, $reason: String) {
  changeProjectStage(id: $id, stage: $stage, date: $date, note: $note, reason: $reason) { ${PROJECT} } }`;
const START = `mutation ($enterpriseId: ID, $gapId: ID, $areaId: ID) { startLead(enterpriseId: $enterpriseId, gapId: $gapId, areaId: $areaId) { ${PROJECT} } }`;
const TARGET = `query ($id: ID!) { target(id: $id) { current currentSource since asOf counts byYear { year value } baseline { value date origin }
  parts { target { id } current byYear { year value } } } }`;

function fieldError(res: { errors?: any[] }): { code: string; message: string } {
  expect(res.errors, 'expected an error').toBeDefined();
  return { code: res.errors![0].extensions?.code, message: res.errors![0].message };
}

describe('招商项目 API on the seed graph', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(loadSeeds);
  });
  afterAll(() => api.close());

  it('loads the sample projects (示例数据) with their history', async () => {
    const res = await api.gql(`{ projects(first: 100) { totalCount items { id origin stage events { kind to } } } }`);
    expect(res.errors).toBeUndefined();
    const items = res.data.projects.items;
    expect(res.data.projects.totalCount).toBeGreaterThanOrEqual(10);
    expect(items.every((p: any) => p.origin === 'sample' && p.id.startsWith('project:sample:'))).toBe(true);
    const battery = items.find((p: any) => p.id === 'project:sample:power-battery');
    expect(battery.events.map((e: any) => e.to)).toEqual(['LEAD', 'NEGOTIATING', 'SIGNED', 'STARTED', 'PRODUCING']);
  });

  it('refuses bad input naming the field', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ areaId: 'area:chaohu' }, 'BAD_USER_INPUT', /^name:/],
      [{ name: 'x' }, 'BAD_USER_INPUT', /^areaId:/],
      [{ name: 'x', areaId: 'area:nowhere' }, 'NOT_FOUND', /^areaId: Area 'area:nowhere' not found/],
      [{ name: 'x', areaId: 'area:chaohu', investment: -1 }, 'BAD_USER_INPUT', /^investment:/],
      [{ name: 'x', areaId: 'area:chaohu', segmentIds: ['seg:nope'] }, 'NOT_FOUND', /^segmentIds:/],
      [{ name: 'x', areaId: 'area:chaohu', leadUnitId: 'unit:nope' }, 'NOT_FOUND', /^leadUnitId:/],
      [{ name: 'x', areaId: 'area:chaohu', investorId: 'ent:nope' }, 'NOT_FOUND', /^investorId:/],
      [{ name: 'x', areaId: 'area:chaohu', stageDate: '2025-02-30' }, 'BAD_USER_INPUT', /^stageDate:/],
      [{ name: 'x', areaId: 'area:chaohu', stage: 'DROPPED' }, 'BAD_USER_INPUT', /^dropReason:/],
      [{ name: 'x', areaId: 'area:chaohu', chainIds: ['chain:nev-parts'], segmentIds: ['seg:polarizer'] }, 'BAD_USER_INPUT', /^segmentIds:/],
    ];
    for (const [input, code, message] of cases) {
      const res = await api.gql(CREATE, { input });
      expect(res.errors, JSON.stringify(input)).toBeDefined();
      const e = fieldError(res);
      expect(e.code, JSON.stringify(input)).toBe(code);
      expect(e.message, JSON.stringify(input)).toMatch(message);
    }
    const none = await api.gql(`{ projects(filter: { areaId: "area:nowhere" }) { totalCount } }`);
    expect(fieldError(none).code).toBe('NOT_FOUND');
  });

  it('creates a project by hand and keeps every stage change as an event', async () => {
    const created = await api.gql(CREATE, {
      input: {
        name: '测试域控制器项目',
        investorName: '新设主体',
        areaId: 'area:anchao',
        segmentIds: ['seg:domain-controller'],
        investment: 3,
        elements: ['BASE', 'RND', 'BASE'],
        leadUnitId: 'unit:qu-touchu',
        lookAfterUnitIds: ['unit:qu-jingmao'],
        stageDate: '2025-01-05',
      },
    });
    expect(created.errors).toBeUndefined();
    const p = created.data.createProject;
    expect(p).toMatchObject({ stage: 'LEAD', leadAt: '2025-01-05', investorName: '新设主体', investor: null, elements: ['BASE', 'RND'] });
    expect(p.chains).toHaveLength(1);
    expect(p.events).toEqual([expect.objectContaining({ kind: 'created', from: null, to: 'LEAD', actor: expect.any(String) })]);

    const signed = await api.gql(STAGE, { id: p.id, stage: 'SIGNED', date: '2025-03-01', note: '签约仪式' });
    expect(signed.errors).toBeUndefined();
    expect(signed.data.changeProjectStage).toMatchObject({ stage: 'SIGNED', signedAt: '2025-03-01', negotiatingAt: null });
    expect(signed.data.changeProjectStage.events.at(-1)).toMatchObject({ kind: 'stage', from: 'LEAD', to: 'SIGNED', date: '2025-03-01', note: '签约仪式' });

    expect(fieldError(await api.gql(STAGE, { id: p.id, stage: 'SIGNED' })).message).toMatch(/^stage: .*already/);
    expect(fieldError(await api.gql(STAGE, { id: p.id, stage: 'STARTED', date: '2025-02-01' })).message).toMatch(/^date: 2025-02-01 is before .*signed/);
    expect(fieldError(await api.gql(STAGE, { id: p.id, stage: 'LEAD' })).message).toMatch(/^note: /);
    expect(fieldError(await api.gql(STAGE, { id: p.id, stage: 'DROPPED' })).message).toMatch(/^reason: /);

    const dropped = await api.gql(STAGE, { id: p.id, stage: 'DROPPED', date: '2025-04-01', reason: '企业战略调整' });
    expect(dropped.data.changeProjectStage).toMatchObject({ stage: 'DROPPED', droppedFrom: 'SIGNED', dropReason: '企业战略调整', droppedAt: '2025-04-01' });
    expect(fieldError(await api.gql(STAGE, { id: p.id, stage: 'SIGNED' })).message).toMatch(/^note: /);
    const reopened = await api.gql(STAGE, { id: p.id, stage: 'SIGNED', date: '2025-05-01', note: '企业重新启动' });
    expect(reopened.data.changeProjectStage).toMatchObject({ stage: 'SIGNED', droppedFrom: null, dropReason: null, droppedAt: null, signedAt: '2025-05-01' });
    expect(reopened.data.changeProjectStage.events.map((e: any) => `${e.from ?? ''}>${e.to}`)).toEqual([
      '>LEAD',
      'LEAD>SIGNED',
      'SIGNED>DROPPED',
      'DROPPED>SIGNED',
    ]);

    const noted = await api.gql(`mutation ($id: ID!) { addProjectNote(id: $id, note: "  企业来访  ") { lastActivityAt events { kind note from to } } }`, {
      id: p.id,
    });
    expect(noted.data.addProjectNote.events.at(-1)).toEqual({ kind: 'note', note: '企业来访', from: 'SIGNED', to: 'SIGNED' });

    const updated = await api.gql(
      `mutation ($id: ID!, $input: ProjectInput!) { updateProject(id: $id, input: $input) { name investment lookAfterUnits { id } leadUnit { id } segments { id } } }`,
      {
        id: p.id,
        input: { investment: null, lookAfterUnitIds: ['unit:qu-jianfa', 'unit:qu-jingmao'] },
      },
    );
    expect(updated.data.updateProject).toMatchObject({
      name: '测试域控制器项目',
      investment: null,
      leadUnit: { id: 'unit:qu-touchu' },
      segments: [{ id: 'seg:domain-controller' }],
    });
    expect(updated.data.updateProject.lookAfterUnits.map((u: any) => u.id).sort()).toEqual(['unit:qu-jianfa', 'unit:qu-jingmao']);
    expect(fieldError(await api.gql(`mutation ($id: ID!) { updateProject(id: $id, input: { stage: PRODUCING }) { id } }`, { id: p.id })).message).toMatch(
      /^stage: /,
    );
  });

  it('starts a lead from a candidate of a detected gap in one click, and only once', async () => {
    const gapId = 'gap:fill:seg:rf-devices:area:anchao';
    const first = await api.gql(START, { enterpriseId: 'ent:s0219', gapId });
    expect(first.errors).toBeUndefined();
    const lead = first.data.startLead;
    expect(lead).toMatchObject({
      stage: 'LEAD',
      investor: { id: 'ent:s0219' },
      area: { id: 'area:anchao' },
      segments: [{ id: 'seg:rf-devices' }],
      gapIds: [gapId],
    });
    expect(lead.chains).toHaveLength(1);
    expect(lead.name).toContain('无锡示例裕天射频科技股份有限公司');
    const again = await api.gql(START, { enterpriseId: 'ent:s0219', gapId });
    expect(again.data.startLead.id).toBe(lead.id);
    const gap = await api.gql(`query ($id: ID!) { gap(id: $id) { status origin projects { id } } }`, { id: gapId });
    expect(gap.data.gap).toMatchObject({ status: 'IN_PROGRESS', origin: 'ANALYSIS', projects: [{ id: lead.id }] });
    // a detected gap the plan also names is the plan's stored gap, not a second copy
    const plan = await api.gql(START, { enterpriseId: 'ent:s0153', gapId: 'gap:fill:seg:bms:area:anchao' });
    expect(plan.data.startLead.gapIds).toEqual(['gap:plan-bms:anchao']);
    expect((await api.gql(`{ gap(id: "gap:fill:seg:bms:area:anchao") { id } }`)).data.gap).toBeNull();
    const viaDetected = await api.gql(`{ gapProjects(gapId: "gap:fill:seg:bms:area:anchao") { projects { id } } }`);
    expect(viaDetected.data.gapProjects.projects.map((p: any) => p.id)).toContain(plan.data.startLead.id);
    expect(fieldError(await api.gql(START, { enterpriseId: 'ent:s0159' })).message).toMatch(/^areaId: /);
    expect(fieldError(await api.gql(START, {})).message).toMatch(/^gapId: /);
    expect(fieldError(await api.gql(START, { gapId: 'gap:nope' })).code).toBe('NOT_FOUND');
  });

  it('pages and filters projects (area, chain, unit, stage, amount band)', async () => {
    const all = await api.gql(`{ projects(first: 500) { totalCount items { id } } }`);
    const total = all.data.projects.totalCount;
    const page1 = await api.gql(`{ projects(first: 4) { totalCount hasMore endCursor items { id } } }`);
    expect(page1.data.projects).toMatchObject({ totalCount: total, hasMore: true, endCursor: '4' });
    const page2 = await api.gql(`query ($after: String) { projects(first: 4, after: $after) { items { id } } }`, { after: page1.data.projects.endCursor });
    expect(page2.data.projects.items.map((p: any) => p.id)).toEqual(all.data.projects.items.slice(4, 8).map((p: any) => p.id));
    expect(fieldError(await api.gql(`{ projects(first: 0) { totalCount } }`)).message).toMatch(/^first:/);

    const band = await api.gql(`{ projects(filter: { minInvestment: 50, maxInvestment: 100 }, first: 100) { items { investment } } }`);
    expect(band.data.projects.items.length).toBeGreaterThan(0);
    expect(band.data.projects.items.every((p: any) => p.investment >= 50 && p.investment < 100)).toBe(true);
    const anchao = await api.gql(`{ projects(filter: { areaId: "area:anchao", stages: [STARTED] }, first: 100) { items { area { id } stage } } }`);
    expect(anchao.data.projects.items.length).toBeGreaterThan(0);
    expect(anchao.data.projects.items.every((p: any) => p.area.id === 'area:anchao' && p.stage === 'STARTED')).toBe(true);
    const unit = await api.gql(`{ projects(filter: { unitId: "unit:shi-jingxin" }, first: 100) { items { leadUnit { id } lookAfterUnits { id } } } }`);
    expect(unit.data.projects.items.length).toBeGreaterThan(0);
    expect(
      unit.data.projects.items.every((p: any) => p.leadUnit?.id === 'unit:shi-jingxin' || p.lookAfterUnits.some((u: any) => u.id === 'unit:shi-jingxin')),
    ).toBe(true);
    const chain = await api.gql(`{ projects(filter: { chainId: "chain:next-gen-it" }, first: 100) { items { chains { id } } } }`);
    expect(chain.data.projects.items.every((p: any) => p.chains.some((c: any) => c.id === 'chain:next-gen-it'))).toBe(true);

    const board = await api.gql(
      `{ pipelineBoard(filter: { areaId: "area:chaohu" }, perStage: 1, stalledDays: 90) { totalCount stalledDays columns { stage count projects { id area { id } } } } }`,
    );
    expect(board.data.pipelineBoard.columns.map((c: any) => c.stage)).toEqual(['LEAD', 'NEGOTIATING', 'SIGNED', 'STARTED', 'PRODUCING', 'DROPPED']);
    expect(board.data.pipelineBoard.columns.every((c: any) => c.projects.length <= 1 && c.projects.every((p: any) => p.area.id === 'area:chaohu'))).toBe(true);
    expect(board.data.pipelineBoard.columns.reduce((n: number, c: any) => n + c.count, 0)).toBe(board.data.pipelineBoard.totalCount);
    expect(fieldError(await api.gql(`{ pipelineBoard(stalledDays: 0) { totalCount } }`)).message).toMatch(/^stalledDays:/);
  });

  it('counts a signed ≥1亿元 project toward the target of its area and year, and proposes the gap as filled at 投产', async () => {
    const before = (await api.gql(TARGET, { id: 'target:projects-100m' })).data.target;
    expect(before).toMatchObject({ currentSource: 'COMPUTED', counts: 'PROJECTS', since: '2024-01-01' });
    const chaohuBefore = before.parts.find((p: any) => p.target.id === 'target:projects-100m:chaohu').current;
    const bigBefore = (await api.gql(TARGET, { id: 'target:projects-5b' })).data.target.current;

    const lead = (await api.gql(START, { enterpriseId: 'ent:s0152', gapId: 'gap:plan-bms:chaohu' })).data.startLead;
    await api.gql(`mutation ($id: ID!) { updateProject(id: $id, input: { investment: 52 }) { id } }`, { id: lead.id });
    const gapBefore = await api.gql(`{ gapProjects(gapId: "gap:plan-bms:chaohu") { projects { id } fillProposedBy { id } } }`);
    expect(gapBefore.data.gapProjects.projects.map((p: any) => p.id)).toContain(lead.id);
    expect(gapBefore.data.gapProjects.fillProposedBy).toEqual([]);

    const signed = await api.gql(STAGE, { id: lead.id, stage: 'SIGNED' });
    expect(signed.errors).toBeUndefined();
    const signedYear = Number(signed.data.changeProjectStage.signedAt.slice(0, 4));
    const after = (await api.gql(TARGET, { id: 'target:projects-100m' })).data.target;
    expect(after.current).toBe(before.current + 1);
    expect(after.parts.find((p: any) => p.target.id === 'target:projects-100m:chaohu').current).toBe(chaohuBefore + 1);
    expect(after.parts.find((p: any) => p.target.id === 'target:projects-100m:anchao').current).toBe(
      before.parts.find((p: any) => p.target.id === 'target:projects-100m:anchao').current,
    );
    const year = (t: any) => t.byYear.find((y: any) => y.year === signedYear)?.value ?? 0;
    expect(year(after)).toBe(year(before) + 1);
    expect((await api.gql(TARGET, { id: 'target:projects-5b' })).data.target.current).toBe(bigBefore + 1);

    expect((await api.gql(STAGE, { id: lead.id, stage: 'STARTED' })).errors).toBeUndefined();
    expect((await api.gql(STAGE, { id: lead.id, stage: 'PRODUCING' })).errors).toBeUndefined();
    const gapAfter = await api.gql(
      `{ gap(id: "gap:plan-bms:chaohu") { status fillProposedBy { id } } gapProjects(gapId: "gap:plan-bms:chaohu") { fillProposedBy { id } } }`,
    );
    expect(gapAfter.data.gap).toEqual({ status: 'IN_PROGRESS', fillProposedBy: [{ id: lead.id }] });
    expect(gapAfter.data.gapProjects.fillProposedBy).toEqual([{ id: lead.id }]);
    // the editor confirms: a filled gap is no longer proposed
    await api.gql(`mutation { setGapStatus(id: "gap:plan-bms:chaohu", status: FILLED) { id } }`);
    expect((await api.gql(`{ gap(id: "gap:plan-bms:chaohu") { status fillProposedBy { id } } }`)).data.gap).toEqual({ status: 'FILLED', fillProposedBy: [] });
    // the anchao gap of the same segment is not proposed by a chaohu project
    expect((await api.gql(`{ gapProjects(gapId: "gap:plan-bms:anchao") { fillProposedBy { id } } }`)).data.gapProjects.fillProposedBy).toEqual([]);
  });

  it('computes 签约落地转化率 and 投产达效率 from the projects', async () => {
    const res = await api.gql(
      `{ projects(first: 500) { items { stage droppedFrom } } projectIndicators { signedToStarted { value numerator denominator } startedToProducing { value numerator denominator } } }`,
    );
    const order = ['LEAD', 'NEGOTIATING', 'SIGNED', 'STARTED', 'PRODUCING'];
    const rank = (p: any) => order.indexOf(p.stage === 'DROPPED' ? p.droppedFrom : p.stage);
    const items = res.data.projects.items;
    const signed = items.filter((p: any) => rank(p) >= 2).length;
    const started = items.filter((p: any) => rank(p) >= 3).length;
    const producing = items.filter((p: any) => rank(p) >= 4).length;
    expect(res.data.projectIndicators.signedToStarted).toEqual({ value: started / signed, numerator: started, denominator: signed });
    expect(res.data.projectIndicators.startedToProducing).toEqual({ value: producing / started, numerator: producing, denominator: started });
  });
});

describe('新增 targets count from the baseline recorded at first load', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(loadSeeds);
  });
  afterAll(() => api.close());

  it('shows 0 at first load (not today stock), then the increase', async () => {
    const first = (await api.gql(TARGET, { id: 'target:new-above-scale' })).data.target;
    expect(first).toMatchObject({ counts: 'INCREASE', current: 0, currentSource: 'COMPUTED', baseline: { origin: 'snapshot' } });
    expect(first.baseline.value).toBeGreaterThan(0);
    expect(first.since).toBe(first.baseline.date);
    const add = await api.gql(
      `mutation { createEnterprise(input: { name: "巢湖示例新增规上有限公司", areaId: "area:chaohu", local: true, aboveScale: true }) { id } }`,
    );
    expect(add.errors).toBeUndefined();
    const after = (await api.gql(TARGET, { id: 'target:new-above-scale' })).data.target;
    expect(after.current).toBe(1);
    expect(after.parts.find((p: any) => p.target.id === 'target:new-above-scale:chaohu').current).toBe(1);
    // loading the seeds again keeps the baseline
    await loadSeeds(api.store);
    expect((await api.gql(TARGET, { id: 'target:new-above-scale' })).data.target.current).toBe(1);
  });

  it('lets an editor record the baseline (e.g. at the plan start), field-named errors otherwise', async () => {
    const rec = await api.gql(
      `mutation { recordTargetBaseline(targetId: "target:new-above-scale", value: 90, date: "2024-01-01", source: "统计局") { value date origin source } }`,
    );
    expect(rec.data.recordTargetBaseline).toEqual({ value: 90, date: '2024-01-01', origin: 'user', source: '统计局' });
    const t = (await api.gql(TARGET, { id: 'target:new-above-scale' })).data.target;
    expect(t).toMatchObject({ since: '2024-01-01', baseline: { value: 90 } });
    expect(t.current).toBeGreaterThan(1);
    expect(fieldError(await api.gql(`mutation { recordTargetBaseline(targetId: "target:nope", value: 1, date: "2024-01-01") { id } }`)).message).toMatch(
      /^targetId:/,
    );
    expect(
      fieldError(await api.gql(`mutation { recordTargetBaseline(targetId: "target:new-above-scale", value: 1, date: "2024-13-01") { id } }`)).message,
    ).toMatch(/^date:/);
  });

  it('a 新增 target without a baseline is unknown, never the stock', async () => {
    const bare = await createTestApi(async (store) => {
      await loadSeeds(store);
      await store.run('write/reset-graph', {
        keep: ['Area', 'Park', 'Chain', 'Segment', 'Enterprise', 'Unit', 'Action', 'Task', 'Gap', 'Target', 'Progress', 'Project', 'ProjectEvent', 'Meta'],
      });
    });
    try {
      const t = (await bare.gql(TARGET, { id: 'target:high-tech' })).data.target;
      expect(t).toMatchObject({ baseline: null, current: null, currentSource: 'NONE', since: null });
    } finally {
      await bare.close();
    }
  });
});

describe('access to projects', () => {
  it('lets viewers read and editors write, with an audit entry per change', async () => {
    const api = await createSecureTestApi();
    try {
      await loadSeeds(api.store);
      const viewer = await api.signedIn('viewer1', 'viewer');
      const editor = await api.signedIn('editor1', 'editor');
      const input = { name: '权限测试项目', areaId: 'area:chaohu' };
      expect((await api.gql(`{ projects { totalCount } }`, {}, viewer)).body.errors).toBeUndefined();
      expect((await api.gql(CREATE, { input }, viewer)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const made = await api.gql(CREATE, { input }, editor);
      expect(made.body.errors).toBeUndefined();
      const id = (made.body.data as any).createProject.id;
      expect((made.body.data as any).createProject.events[0].actor).toBe('editor1');
      await api.gql(STAGE, { id, stage: 'NEGOTIATING' }, editor);
      const trail = await api.gql(`{ auditTrail(first: 20) { entries { field actor ok summary entityId } } }`, {}, editor);
      const entries = (trail.body.data as any).auditTrail.entries;
      expect(entries.find((e: any) => e.field === 'changeProjectStage')).toMatchObject({ actor: 'editor1', ok: true, entityId: id });
      expect(entries.find((e: any) => e.field === 'createProject' && e.ok)).toMatchObject({ actor: 'editor1', summary: expect.stringContaining(id) });
      expect(entries.find((e: any) => e.field === 'createProject' && !e.ok)).toMatchObject({ actor: 'viewer1' });
    } finally {
      await api.close();
    }
  });
});
