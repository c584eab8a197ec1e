import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Api = TestApi;
const seededApi = (): Promise<Api> => createTestApi(loadSeeds);

/** The seed files read here on their own, to check the API's computed figures independently of the loader. */
const SEEDS = new URL('../../seeds/', import.meta.url);
const areas: { id: string; local?: boolean; partOf?: string }[] = YAML.parse(readFileSync(new URL('areas.yaml', SEEDS), 'utf8')).areas;
const segments: { id: string; chains: string[] }[] = YAML.parse(readFileSync(new URL('chains.yaml', SEEDS), 'utf8')).segments;
const enterprises: Record<string, string>[] = parseCsv(readFileSync(new URL('sample/enterprises.csv', SEEDS), 'utf8'), { columns: true });

function areaTree(root: string): Set<string> {
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const a of areas) if (a.partOf && tree.has(a.partOf) && !tree.has(a.id)) (tree.add(a.id), (grew = true));
  }
  return tree;
}
const localAreas = new Set(areas.filter((a) => a.local).map((a) => a.id));
const localEnterprises = enterprises.filter((e) => localAreas.has(e.areaId!));
const tagsOf = (e: Record<string, string>) => (e.tags ? e.tags.split(';') : []);
const segmentsOf = (e: Record<string, string>) => (e.segments ? e.segments.split(';').map((s) => s.split('=')[0]!) : []);

const TARGETS = `query ($areaId: ID) { targets(areaId: $areaId) {
  value unit current currentSource ratio counts baseline { value origin }
  target { id name value unit deadline group metric area { id } wholeId measures { id label } }
  history { value date source note }
  parts { value current currentSource ratio counts baseline { value origin } target { id area { id } wholeId } }
} }`;
const RECORD = `mutation ($targetId: ID!, $value: Float!, $date: String!, $source: String, $note: String) {
  recordTargetProgress(targetId: $targetId, value: $value, date: $date, source: $source, note: $note) { id value date source note origin }
}`;

describe('targets of the plan and their progress on the seed graph', () => {
  let api: Api;
  let wholes: any[];
  beforeAll(async () => {
    api = await seededApi();
    const res = await api.gql(TARGETS);
    expect(res.errors).toBeUndefined();
    wholes = res.data.targets;
  });
  afterAll(() => api.close());

  const whole = (id: string) => wholes.find((t) => t.target.id === id);

  it('lists whole targets in the plan groups with their per-area split', () => {
    expect(wholes.every((t) => t.target.wholeId === null)).toBe(true);
    expect(wholes.map((t) => t.target.group)).toEqual(
      [...wholes.map((t) => t.target.group)].sort(
        (a, b) => ['规模总量', '产业集聚', '发展质量', '要素保障'].indexOf(a) - ['规模总量', '产业集聚', '发展质量', '要素保障'].indexOf(b),
      ),
    );
    const output = whole('target:above-scale-output');
    expect(output).toMatchObject({ value: 1000, unit: '亿元', currentSource: 'COMPUTED', target: { deadline: '2026-12-31', metric: 'above_scale_output' } });
    expect(output.parts.map((p: any) => [p.target.area.id, p.value, p.target.wholeId])).toEqual([
      ['area:anchao', 200, 'target:above-scale-output'],
      ['area:chaohu', 800, 'target:above-scale-output'],
    ]);
  });

  it('computes 规上工业总产值 of 安巢经开区 in 亿元 as the seed files give it', () => {
    const tree = areaTree('area:anchao');
    const expected = localEnterprises.filter((e) => tree.has(e.areaId!) && e.aboveScale === 'true').reduce((s, e) => s + Number(e.output), 0) / 10_000;
    const part = whole('target:above-scale-output').parts.find((p: any) => p.target.area.id === 'area:anchao');
    expect(part.currentSource).toBe('COMPUTED');
    expect(part.current).toBeCloseTo(expected, 3);
    expect(part.ratio).toBeCloseTo(expected / 200, 3);
  });

  it('computes 新材料 output over two chains, counting each enterprise once', () => {
    const chainSegments = new Set(
      segments.filter((s) => s.chains.some((c) => c === 'chain:light-alloy' || c === 'chain:functional-materials')).map((s) => s.id),
    );
    const expected = localEnterprises.filter((e) => segmentsOf(e).some((s) => chainSegments.has(s))).reduce((s, e) => s + Number(e.output), 0) / 10_000;
    const t = whole('target:new-materials-output');
    expect(t.target.measures.map((m: any) => m.id).sort()).toEqual(['chain:functional-materials', 'chain:light-alloy']);
    expect(t.current).toBeCloseTo(expected, 3);
    expect(t.currentSource).toBe('COMPUTED');
  });

  // 新增 targets: the stock at first load is the baseline, so progress starts at 0 (issue 12: never today's stock as progress)
  it('counts 小巨人 and 高新技术 enterprises per area and in total into the first-load baseline of the 新增 targets', () => {
    const chaohu = areaTree('area:chaohu');
    const giants = localEnterprises.filter((e) => chaohu.has(e.areaId!) && tagsOf(e).includes('小巨人')).length;
    const t = whole('target:little-giants');
    expect(t.parts.find((p: any) => p.target.area.id === 'area:chaohu')).toMatchObject({
      counts: 'INCREASE',
      current: 0,
      baseline: { value: giants, origin: 'snapshot' },
    });
    const highTech = localEnterprises.filter((e) => tagsOf(e).includes('高新技术')).length;
    expect(whole('target:high-tech')).toMatchObject({ current: 0, baseline: { value: highTech } });
    const over100m = localEnterprises.filter((e) => Number(e.output) > 10_000).length;
    expect(whole('target:enterprises-over-100m')).toMatchObject({ current: 0, baseline: { value: over100m } });
  });

  it('says NONE for a target with no metric and no record', () => {
    expect(whole('target:patents')).toMatchObject({ current: null, currentSource: 'NONE', ratio: null, history: [] });
  });

  it('records progress and reports the latest record as current (RECORDED), history newest first', async () => {
    const first = await api.gql(RECORD, { targetId: 'target:patents:chaohu', value: 80, date: '2025-03-31', source: '市科技局季报' });
    expect(first.errors).toBeUndefined();
    expect(first.data.recordTargetProgress).toEqual({
      id: expect.stringMatching(/^progress:/),
      value: 80,
      date: '2025-03-31',
      source: '市科技局季报',
      note: null,
      origin: 'user',
    });
    await api.gql(RECORD, { targetId: 'target:patents:chaohu', value: 120, date: '2025-06-30', source: '市科技局季报', note: '含实用新型转发明' });
    const res = await api.gql(TARGETS, { areaId: 'area:chaohu' });
    const part = res.data.targets.find((t: any) => t.target.id === 'target:patents:chaohu');
    expect(part).toMatchObject({ value: 240, current: 120, currentSource: 'RECORDED', ratio: 0.5 });
    expect(part.history.map((h: any) => [h.value, h.date])).toEqual([
      [120, '2025-06-30'],
      [80, '2025-03-31'],
    ]);
    expect(res.data.targets.every((t: any) => t.target.area?.id === 'area:chaohu')).toBe(true);
    const one = await api.gql(`{ target(id: "target:patents") { parts { current currentSource target { id } } } }`);
    expect(one.data.target.parts).toContainEqual({ current: 120, currentSource: 'RECORDED', target: { id: 'target:patents:chaohu' } });
  });

  it('validates progress: ISO date, known target; and a known area for targets(areaId)', async () => {
    for (const date of ['2025-13-01', '30/06/2025', '2025-02-30']) {
      const res = await api.gql(RECORD, { targetId: 'target:patents', value: 1, date });
      expect(res.errors?.[0]).toMatchObject({
        message: `date: '${date}' is not an ISO date (YYYY-MM-DD)`,
        extensions: { code: 'BAD_USER_INPUT', field: 'date' },
      });
    }
    const unknown = await api.gql(RECORD, { targetId: 'target:ghost', value: 1, date: '2025-06-30' });
    expect(unknown.errors?.[0]).toMatchObject({ message: "targetId: Target 'target:ghost' not found", extensions: { code: 'NOT_FOUND' } });
    const notNumber = await api.gql(RECORD, { targetId: 'target:patents', value: 'many', date: '2025-06-30' });
    expect(notNumber.errors).toHaveLength(1); // refused by GraphQL's Float coercion before the service runs
    expect(notNumber.data).toBeUndefined();
    const area = await api.gql(TARGETS, { areaId: 'area:atlantis' });
    expect(area.errors?.[0]).toMatchObject({ message: "areaId: Area 'area:atlantis' not found", extensions: { code: 'NOT_FOUND' } });
  });
});
