import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import { UserService } from '../../server/auth/user-service.ts';
import { loadSeeds, resetStore, seedIfEmpty } from '../../server/services/seed/load-seeds.ts';

/** Lead (责任单位) and supporting (配合单位) units per area, typed from 三、重点任务 of the plan. */
const C = 'area:chaohu';
const A = 'area:anchao';
type Duty = { lead: string[]; support: string[] };
const DUTIES: Record<number, Partial<Record<typeof C | typeof A, Duty>>> = {
  1: { [C]: { lead: ['市投促中心'], support: ['市发改委', '市经信局', '居巢经开区', '各镇、街道'] }, [A]: { lead: ['区投促局'], support: ['区经贸局'] } },
  2: {
    [C]: { lead: ['市投促中心'], support: ['市发改委', '市经信局', '市科技局', '居巢经开区', '各镇、街道'] },
    [A]: { lead: ['区投促局'], support: ['区经贸局'] },
  },
  3: { [C]: { lead: ['市委组织部', '市人社局'], support: ['市教体局', '居巢经开区', '各镇、街道'] }, [A]: { lead: ['区党工委办公室'], support: ['区人社局'] } },
  4: { [C]: { lead: ['市经信局'], support: ['市发改委', '居巢经开区', '各镇、街道'] }, [A]: { lead: ['区经贸局'], support: [] } },
  5: { [C]: { lead: ['市经信局'], support: ['市发改委', '市投促中心', '居巢经开区', '各镇、街道'] }, [A]: { lead: ['区经贸局'], support: ['区投促局'] } },
  6: { [C]: { lead: ['市经信局'], support: ['市发改委', '市投促中心', '居巢经开区', '各镇、街道'] }, [A]: { lead: ['区经贸局'], support: ['区投促局'] } },
  7: { [C]: { lead: ['市发改委'], support: ['市经信局', '市投促中心', '居巢经开区'] } },
  8: { [C]: { lead: ['市发改委'], support: ['市经信局', '市投促中心', '居巢经开区', '凤凰山街道'] }, [A]: { lead: ['区经贸局'], support: ['区投促局'] } },
  9: { [C]: { lead: ['市投促中心'], support: ['市发改委', '市经信局', '居巢经开区', '黄麓镇', '烔炀镇'] }, [A]: { lead: ['区投促局'], support: ['区经贸局'] } },
  10: { [C]: { lead: ['市发改委'], support: ['市经信局', '市投促中心', '居巢经开区'] }, [A]: { lead: ['区投促局'], support: ['区经贸局'] } },
  11: { [C]: { lead: ['市科技局', '市经信局'], support: ['市发改委', '市投促中心', '居巢经开区'] }, [A]: { lead: ['区经贸局'], support: ['区投促局'] } },
  12: { [C]: { lead: ['市经信局'], support: ['居巢经开区', '各镇、街道'] } },
  13: { [C]: { lead: ['市科技局', '市经信局'], support: ['市发改委', '居巢经开区', '各镇、街道'] }, [A]: { lead: ['区经贸局'], support: ['东鑫集团'] } },
  14: { [C]: { lead: ['市科技局', '市经信局'], support: ['市发改委', '居巢经开区', '各镇、街道'] }, [A]: { lead: ['区经贸局'], support: [] } },
  15: {
    [C]: { lead: ['市发改委'], support: ['居巢经开区', '烔炀镇'] },
    [A]: { lead: ['区经贸局', '区投促局', '合巢产业新城指挥部办公室'], support: ['东鑫集团'] },
  },
  16: {
    [C]: { lead: ['市经信局'], support: ['市投促中心', '市发改委', '居巢经开区', '各镇、街道'] },
    [A]: { lead: ['区经贸局'], support: ['区市场局', '区建发局', '区资规分局', '区生态环境分局'] },
  },
  17: {
    [C]: { lead: ['市资规局', '市发改委'], support: ['市经信局', '居巢经开区', '各镇、街道'] },
    [A]: { lead: ['区资规分局'], support: ['区建发局', '区经贸局'] },
  },
  18: { [C]: { lead: ['市财政局'], support: ['市投促中心', '居巢经开区', '各镇、街道'] }, [A]: { lead: ['区财政局'], support: ['区投促局', '东鑫集团'] } },
};

/** Every numeric goal of 二、工作目标: [id, value, unit, 巢湖市 part, 安巢经开区 part], typed from the text. */
const TARGETS: [string, number, string, number | null, number | null][] = [
  ['target:new-above-scale', 100, '家', 60, 40],
  ['target:above-scale-output', 1000, '亿元', 800, 200],
  ['target:projects-100m', 145, '个', 100, 45],
  ['target:projects-5b', 5, '个', 3, 2],
  ['target:projects-10b', 2, '个', 1, 1],
  ['target:nev-parts-output', 200, '亿元', null, null],
  ['target:next-gen-it-output', 200, '亿元', null, null],
  ['target:new-materials-output', 100, '亿元', null, null],
  ['target:emerging-base', 1, '个', null, null],
  ['target:enterprises-over-100m', 30, '家', 15, 15],
  ['target:enterprises-over-1b', 7, '家', 5, 2],
  ['target:enterprises-over-10b', 2, '家', null, null],
  ['target:high-tech', 105, '家', 60, 45],
  ['target:strategic-emerging', 31, '家', 20, 11],
  ['target:specialised', 90, '家', 55, 35],
  ['target:little-giants', 10, '家', 5, 5],
  ['target:patents', 390, '件', 240, 150],
  ['target:rd-platforms', 31, '家', 20, 11],
  ['target:smart-factories', 20, '家', 10, 10],
  ['target:rd-growth', 10, '%', null, null],
  ['target:land', 4200, '亩', 3000, 1200],
  ['target:talent-teams', 4, '个', 3, 1],
  ['target:policy-loans', 36, '亿元', 30, 6],
  ['target:xinyidai-enterprises', 2.6, '万户', null, null],
  ['target:xinyidai-credit', 120, '亿元', null, null],
];

interface TargetRow {
  id: string;
  name: string;
  value: number;
  unit: string;
  deadline: string;
  group: string;
  metric: string | null;
  wholeId: string | null;
  areaId: string | null;
  measures: string[];
}
type Counts = { kind: string; name: string; count: number }[];
const countsOf = (rows: Counts) => Object.fromEntries(rows.map((r) => [`${r.kind}:${r.name}`, r.count]));

describe('the seed graph matches the plan', () => {
  let store: EmbeddedStore;
  beforeAll(async () => {
    store = EmbeddedStore.open(':memory:');
    await store.applySchema();
    await loadSeeds(store);
  });
  afterAll(() => store.close());

  it('has 7 actions, 18 tasks, the 8 chains and the Meta nodes (seeded; search names complete)', async () => {
    const counts = countsOf(await store.run<Counts[number]>('read/graph-counts'));
    expect(counts['node:Action']).toBe(7);
    expect(counts['node:Task']).toBe(18);
    expect(counts['node:Chain']).toBe(8);
    expect(counts['node:Meta']).toBe(2);
    expect(counts['relationship:HAS_TASK']).toBe(18);
    const [status] = await store.run<{ seeded: boolean; version: string }>('read/seed-status');
    expect(status?.seeded).toBe(true);
    expect(status?.version).toMatch(/^seed-[0-9a-f]{16}$/);
  });

  it.each(Object.entries(DUTIES))('task %s: lead and supporting units per area, as the plan writes them', async (no, expected) => {
    const rows = await store.run<{ area: string; role: 'lead' | 'support'; unit: string; position: number }>('read/seed/task-units', { taskId: `task:${no}` });
    const actual: Record<string, Duty> = {};
    for (const r of [...rows].sort((a, b) => a.position - b.position)) {
      actual[r.area] ??= { lead: [], support: [] };
      actual[r.area]![r.role].push(r.unit);
    }
    expect(actual).toEqual(expected);
  });

  it('every target of 二、工作目标 with its value, unit, deadline and per-area split', async () => {
    const rows = await store.run<TargetRow>('read/seed/targets');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const wholes = rows.filter((r) => r.wholeId === null);
    expect(wholes.map((r) => r.id).sort()).toEqual(TARGETS.map(([id]) => id).sort());
    for (const [id, value, unit, chaohu, anchao] of TARGETS) {
      const whole = byId.get(id)!;
      expect({ id, value: whole.value, unit: whole.unit, deadline: whole.deadline }).toEqual({ id, value, unit, deadline: '2026-12-31' });
      const parts = rows.filter((r) => r.wholeId === id);
      if (chaohu === null) {
        expect(parts, id).toEqual([]);
        continue;
      }
      expect(parts.map((p) => [p.areaId, p.value, p.unit]).sort(), id).toEqual([
        ['area:anchao', anchao, unit],
        ['area:chaohu', chaohu, unit],
      ]);
    }
    expect(rows).toHaveLength(TARGETS.length + 2 * TARGETS.filter((t) => t[3] !== null).length);
  });

  it('targets measure chains and areas; metric codes where the graph can compute them', async () => {
    const byId = new Map((await store.run<TargetRow>('read/seed/targets')).map((r) => [r.id, r]));
    expect(byId.get('target:nev-parts-output')).toMatchObject({ metric: 'chain_output', measures: ['chain:nev-parts'] });
    expect(byId.get('target:next-gen-it-output')).toMatchObject({ metric: 'chain_output', measures: ['chain:next-gen-it'] });
    expect(byId.get('target:new-materials-output')?.measures.sort()).toEqual(['chain:functional-materials', 'chain:light-alloy']);
    expect(byId.get('target:little-giants:chaohu')).toMatchObject({ metric: 'little_giant_count', areaId: 'area:chaohu', value: 5 });
    expect(byId.get('target:new-above-scale')?.metric).toBe('above_scale_count');
    expect(byId.get('target:high-tech')?.metric).toBe('high_tech_count');
    expect(byId.get('target:enterprises-over-100m')?.metric).toBe('enterprises_over_100m');
    expect(byId.get('target:patents')?.metric).toBeNull();
    expect(byId.get('target:above-scale-output')?.measures.sort()).toEqual(['area:anchao', 'area:chaohu']);
  });

  it.each([
    ['seg:light-alloy-material', 'seg:alloy-casting'],
    ['seg:light-alloy-material', 'seg:alloy-forging'],
    ['seg:alloy-casting', 'seg:auto-parts'],
    ['seg:alloy-forging', 'seg:auto-parts'],
    ['seg:alloy-casting', 'seg:aerospace'],
    ['seg:alloy-forging', 'seg:aerospace'],
    ['seg:light-alloy-material', 'seg:al-mg-composite'],
    ['seg:light-alloy-material', 'seg:hydrogen-storage'],
    ['seg:pva-film', 'seg:display-panel'],
    ['seg:pvb-resin', 'seg:auto-glass'],
    ['seg:epitaxy', 'seg:packaging-test'],
    ['seg:semi-3g', 'seg:power-devices'],
    ['seg:semi-2g', 'seg:rf-devices'],
    ['seg:optoelectronic', 'seg:camera-module'],
    ['seg:optoelectronic', 'seg:photo-sensor'],
    ['seg:body-structure', 'seg:vehicle'],
    ['seg:smart-vehicle-parts', 'seg:vehicle'],
    ['seg:auto-electronics', 'seg:vehicle'],
    ['seg:lightweight-parts', 'seg:vehicle'],
    ['seg:battery-materials', 'seg:vehicle'],
    ['seg:auto-glass', 'seg:vehicle'],
    ['seg:bms', 'seg:vehicle'],
    ['seg:domain-controller', 'seg:vehicle'],
    ['seg:cement', 'seg:concrete'],
    ['seg:gypsum-board', 'seg:prefab-building'],
  ])('FEEDS path %s -> %s', async (from, to) => {
    const [row] = await store.run<{ exists: boolean; segmentIds: string[] }>('read/segment-path-exists', { from, to });
    expect(row?.exists).toBe(true);
    expect(row?.segmentIds[0]).toBe(from);
    expect(row?.segmentIds.at(-1)).toBe(to);
  });

  it('has no FEEDS path upstream (整车 does not feed 轻合金)', async () => {
    const [row] = await store.run<{ exists: boolean }>('read/segment-path-exists', { from: 'seg:vehicle', to: 'seg:light-alloy-material' });
    expect(row?.exists).toBe(false);
  });

  it('the gaps the plan names, with the responsible units of their task and area', async () => {
    type GapRow = {
      id: string;
      kind: string;
      status: string;
      origin: string;
      segmentId: string;
      chainId: string;
      areaId: string;
      taskId: string;
      leads: string[];
      supports: string[];
    };
    const gaps = new Map((await store.run<GapRow>('read/seed/gaps')).map((g) => [g.id, g]));
    expect(gaps.size).toBe(16);
    for (const g of gaps.values()) {
      expect(g).toMatchObject({ origin: 'plan', status: 'open' });
      const duty = DUTIES[Number(g.taskId.slice(5))]![g.areaId as typeof C]!;
      expect([...g.leads].sort(), g.id).toEqual([...duty.lead].sort());
      expect([...g.supports].sort(), g.id).toEqual([...duty.support].sort());
    }
    expect(gaps.get('gap:plan-bms:chaohu')).toMatchObject({ kind: 'fill', segmentId: 'seg:bms', taskId: 'task:2', areaId: C });
    expect(gaps.get('gap:plan-domain-controller:anchao')).toMatchObject({ kind: 'fill', leads: ['区投促局'], supports: ['区经贸局'] });
    expect(gaps.get('gap:plan-3d-printing:chaohu')?.kind).toBe('fill');
    expect(gaps.get('gap:plan-epitaxy:chaohu')).toMatchObject({ kind: 'fill', chainId: 'chain:next-gen-it', taskId: 'task:9' });
    expect(gaps.get('gap:plan-packaging-test:anchao')?.kind).toBe('fill');
    expect(gaps.get('gap:plan-polarizer:chaohu')).toMatchObject({ kind: 'strengthen', taskId: 'task:8' });
    expect(gaps.get('gap:plan-aerospace:chaohu')).toMatchObject({ kind: 'extend', chainId: 'chain:light-alloy', leads: ['市发改委'] });
    expect(gaps.get('gap:plan-auto-parts:chaohu')?.kind).toBe('extend');
    expect([...gaps.keys()].filter((id) => id.includes('aerospace') || id.includes('auto-parts'))).toEqual([
      'gap:plan-aerospace:chaohu',
      'gap:plan-auto-parts:chaohu',
    ]);
  });

  it('sample enterprises are all marked sample, in every region', async () => {
    const rows = await store.run<{ region: string; origin: string; sample: boolean; enterprises: number }>('read/seed/enterprise-summary');
    expect(rows.every((r) => r.origin === 'sample' && r.sample === true)).toBe(true);
    expect(rows.map((r) => r.region).sort()).toEqual(['anhui', 'local', 'other', 'yrd']);
    const total = rows.reduce((s, r) => s + r.enterprises, 0);
    expect(total).toBeGreaterThanOrEqual(250);
    expect(total).toBeLessThanOrEqual(350);
  });

  it('loading twice changes no node or relationship count; seedIfEmpty skips a seeded store', async () => {
    const before = await store.run<Counts[number]>('read/graph-counts');
    await loadSeeds(store);
    const after = await store.run<Counts[number]>('read/graph-counts');
    expect(countsOf(after)).toEqual(countsOf(before));
    expect(await seedIfEmpty(store)).toBeNull();
  });

  it('resetStore empties the graph but keeps user accounts, and seedIfEmpty loads it again', async () => {
    const fresh = EmbeddedStore.open(':memory:');
    try {
      await fresh.applySchema();
      await loadSeeds(fresh);
      await new UserService(fresh).addUser('wang', 'admin', 'wang-password-1');
      await resetStore(fresh);
      expect(await fresh.run('read/graph-counts')).toEqual([{ kind: 'node', name: 'User', count: 1 }]);
      const summary = await seedIfEmpty(fresh);
      expect(summary?.tasks).toBe(18);
      expect(summary?.enterprises).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });
});
