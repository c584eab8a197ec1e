import type { RowsQuery, Store } from '../../server/store/store.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';

/** Writes rows through one of the product's seed write queries (cypher/write/seed/<name>.cypher). */
export const seedWriter =
  (store: Store) =>
  (name: string, rows: Record<string, unknown>[]): Promise<unknown> =>
    store.run(`write/seed/${name}` as RowsQuery, { rows });

/** A sample enterprise as write/seed/enterprises takes it: 规上 from 2,000 万元 unless said, no tags, no province unless said. */
export function sampleEnterprise(
  id: string,
  name: string,
  areaId: string,
  local: boolean,
  region: string,
  output: number,
  { aboveScale = output >= 2000, tags = [] as string[], province = null as string | null } = {},
) {
  return {
    id,
    name,
    shortName: name,
    uscc: null,
    local,
    region,
    province,
    city: null,
    areaId,
    output,
    aboveScale,
    tags,
    origin: 'sample',
    sample: true,
  };
}

/**
 * A hand-built chain whose right answers are obvious, written through the
 * product's seed write queries (cypher/write/seed/*):
 *
 *   seg:a 材料 → seg:b 铸件 → seg:c 零部件 → seg:d 整车        seg:c → seg:g 回收
 *                  seg:e 涂层 ↗ (feeds seg:c too)
 *
 * 巢湖市 (area:chaohu, with area:town PART_OF it): ent:a1 in seg:a (one
 * enterprise → 强链), nothing in seg:b (between a and c, and bought from
 * outside → 补链), ent:c1 链主 + ent:c2 in seg:c (strong), ent:d1 alone in
 * seg:d (强链), nothing in seg:e (bought from outside → 补链), nothing in
 * seg:g (beyond strong seg:c → 延链).
 * 安巢经开区 (area:anchao): ent:n1 in seg:d only.
 * External: ent:x1 (anhui, 专精特新, 规上) in seg:b supplies c1; ent:x2 (yrd, 小巨人)
 * in seg:e supplies c2; ent:x3 (other) in seg:b supplies ent:y1, an external
 * seg:c enterprise (a competitor of our 链主 c1); ent:y1 is 链主 of seg:c elsewhere.
 */
export async function buildFixture(store: Store): Promise<void> {
  const origin = 'sample';
  const run = seedWriter(store);
  await run('areas', [
    { id: 'area:chaohu', name: '巢湖市', nameEn: 'Chaohu', level: 'city', local: true, origin },
    { id: 'area:anchao', name: '安巢经开区', nameEn: 'Anchao EDZ', level: 'zone', local: true, origin },
    { id: 'area:town', name: '某街道', nameEn: 'Town', level: 'town', local: true, origin },
    { id: 'area:sh', name: '上海市', nameEn: 'Shanghai', level: 'city', local: false, origin },
    { id: 'area:hf', name: '合肥市', nameEn: 'Hefei', level: 'city', local: false, origin },
  ]);
  await run('area-part-of', [{ from: 'area:town', to: 'area:chaohu' }]);
  await run('chains', [{ id: 'chain:t', name: '测试链', nameEn: 'Test chain', origin }]);
  const segs = [
    ['seg:a', '材料', 'Material', 'upstream'],
    ['seg:b', '铸件', 'Castings', 'midstream'],
    ['seg:c', '零部件', 'Parts', 'midstream'],
    ['seg:d', '整车', 'Vehicles', 'downstream'],
    ['seg:e', '涂层', 'Coatings', 'midstream'],
    ['seg:g', '回收', 'Recycling', 'downstream'],
  ] as const;
  await run(
    'segments',
    segs.map(([id, name, nameEn, stage]) => ({ id, name, nameEn, stage, origin })),
  );
  await run(
    'chain-segments',
    segs.map(([segment]) => ({ chain: 'chain:t', segment })),
  );
  await run('feeds', [
    { from: 'seg:a', to: 'seg:b' },
    { from: 'seg:b', to: 'seg:c' },
    { from: 'seg:c', to: 'seg:d' },
    { from: 'seg:e', to: 'seg:c' },
    { from: 'seg:c', to: 'seg:g' },
  ]);
  const ent = (id: string, name: string, areaId: string, local: boolean, region: string, output: number, aboveScale: boolean, tags: string[]) =>
    sampleEnterprise(id, name, areaId, local, region, output, { aboveScale, tags, province: local ? '安徽省' : null });
  await run('enterprises', [
    ent('ent:a1', '甲材料', 'area:town', true, 'local', 60000, true, []),
    ent('ent:c1', '丙部件', 'area:chaohu', true, 'local', 80000, true, ['链主']),
    ent('ent:c2', '丁部件', 'area:chaohu', true, 'local', 30000, true, []),
    ent('ent:d1', '戊整车', 'area:chaohu', true, 'local', 5000, false, []),
    ent('ent:n1', '安巢整车', 'area:anchao', true, 'local', 60000, true, []),
    ent('ent:x1', '合肥铸造', 'area:hf', false, 'anhui', 120000, true, ['专精特新']),
    ent('ent:x2', '上海涂层', 'area:sh', false, 'yrd', 20000, true, ['小巨人']),
    ent('ent:x3', '远方铸造', 'area:sh', false, 'other', 10000, false, []),
    ent('ent:y1', '外地部件', 'area:sh', false, 'yrd', 90000, true, ['链主']),
  ]);
  await run('operates-in', [
    { enterprise: 'ent:a1', segment: 'seg:a', role: 'core' },
    { enterprise: 'ent:c1', segment: 'seg:c', role: 'leader' },
    { enterprise: 'ent:c2', segment: 'seg:c', role: 'core' },
    { enterprise: 'ent:d1', segment: 'seg:d', role: 'core' },
    { enterprise: 'ent:n1', segment: 'seg:d', role: 'core' },
    { enterprise: 'ent:x1', segment: 'seg:b', role: 'supplier' },
    { enterprise: 'ent:x2', segment: 'seg:e', role: 'supplier' },
    { enterprise: 'ent:x3', segment: 'seg:b', role: 'supplier' },
    { enterprise: 'ent:y1', segment: 'seg:c', role: 'leader' },
  ]);
  await run('supplies', [
    { from: 'ent:x1', to: 'ent:c1', product: '铸件', share: 0.4 },
    { from: 'ent:x2', to: 'ent:c2', product: '涂层', share: 0.3 },
    { from: 'ent:x3', to: 'ent:y1', product: '铸件', share: 0.5 },
    { from: 'ent:c1', to: 'ent:d1', product: '零部件', share: 0.6 },
  ]);
  await run('actions', [{ id: 'action:1', no: 1, name: '行动一', origin }]);
  await run('tasks', [{ id: 'task:t1', no: 1, actionId: 'action:1', name: '发展测试链', origin }]);
  await run('task-chains', [{ task: 'task:t1', chain: 'chain:t' }]);
  await run('units', [
    { id: 'unit:tzzx', name: '市投促中心', areaId: 'area:chaohu', origin },
    { id: 'unit:jxj', name: '市经信局', areaId: 'area:chaohu', origin },
    { id: 'unit:qtcj', name: '区投促局', areaId: 'area:anchao', origin },
  ]);
  await run('task-leads', [
    { unit: 'unit:tzzx', task: 'task:t1', area: 'area:chaohu', order: 1 },
    { unit: 'unit:qtcj', task: 'task:t1', area: 'area:anchao', order: 1 },
  ]);
  await run('task-supports', [{ unit: 'unit:jxj', task: 'task:t1', area: 'area:chaohu', order: 1 }]);
  await run('gaps', [
    {
      id: 'gap:plan:castings',
      kind: 'fill',
      status: 'in_progress',
      origin: 'plan',
      note: null,
      reason: '计划点名补链',
      updatedAt: '2024-01-01',
      segment: 'seg:b',
      chain: 'chain:t',
      area: 'area:chaohu',
      task: 'task:t1',
      source: '三(三)7',
    },
    {
      id: 'gap:plan:coat-anchao',
      kind: 'fill',
      status: 'open',
      origin: 'plan',
      note: null,
      reason: null,
      updatedAt: '2024-01-01',
      segment: 'seg:e',
      chain: 'chain:t',
      area: 'area:anchao',
      task: 'task:t1',
      source: '三(三)7',
    },
  ]);
  await run('gap-responsible', [{ unit: 'unit:tzzx', gap: 'gap:plan:castings', role: 'lead' }]);
}

export type Api = TestApi;

/** A fresh test store holding the fixture, and a GraphQL client through yoga.fetch. */
export function fixtureApi(build: (store: Store) => Promise<void> = buildFixture): Promise<Api> {
  return createTestApi(build);
}
