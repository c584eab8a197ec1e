import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApi, type Api } from './gaps-fixture.ts';

const RESPONSIBILITY = `query ($id: ID!) { responsibility(nodeId: $id) {
  nodeId kind name areas { areaId leads { unitId via taskId } supports { unitId via taskId } }
} }`;

describe('responsibility on the hand-built chain (see gaps-fixture.ts)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await fixtureApi();
  });
  afterAll(() => api.close());

  it('of a chain: lead and supporting units per area, through the tasks that develop it', async () => {
    const res = await api.gql(RESPONSIBILITY, { id: 'chain:t' });
    expect(res.data.responsibility).toEqual({
      nodeId: 'chain:t',
      kind: 'Chain',
      name: '测试链',
      areas: [
        { areaId: 'area:anchao', leads: [{ unitId: 'unit:qtcj', via: 'TASK', taskId: 'task:t1' }], supports: [] },
        {
          areaId: 'area:chaohu',
          leads: [{ unitId: 'unit:tzzx', via: 'TASK', taskId: 'task:t1' }],
          supports: [{ unitId: 'unit:jxj', via: 'TASK', taskId: 'task:t1' }],
        },
      ],
    });
  });

  it('of a task: the same duties', async () => {
    const res = await api.gql(RESPONSIBILITY, { id: 'task:t1' });
    expect(res.data.responsibility.areas.map((a: any) => [a.areaId, a.leads.map((u: any) => u.unitId)])).toEqual([
      ['area:anchao', ['unit:qtcj']],
      ['area:chaohu', ['unit:tzzx']],
    ]);
  });

  it('of a saved gap: units assigned on the gap, then the task duties of its area only', async () => {
    const res = await api.gql(RESPONSIBILITY, { id: 'gap:plan:castings' });
    expect(res.data.responsibility).toEqual({
      nodeId: 'gap:plan:castings',
      kind: 'Gap',
      name: '铸件',
      areas: [
        {
          areaId: 'area:chaohu',
          leads: [
            { unitId: 'unit:tzzx', via: 'GAP', taskId: 'task:t1' },
            { unitId: 'unit:tzzx', via: 'TASK', taskId: 'task:t1' },
          ],
          supports: [{ unitId: 'unit:jxj', via: 'TASK', taskId: 'task:t1' }],
        },
      ],
    });
  });

  it('of a unit: its tasks, the chains they touch and the open gaps there', async () => {
    const res = await api.gql(`{ unit(id: "unit:tzzx") {
      id name areaId duties { taskId taskName role areaId } chains { id name } openGaps { id status areaId }
    } }`);
    expect(res.data.unit).toEqual({
      id: 'unit:tzzx',
      name: '市投促中心',
      areaId: 'area:chaohu',
      duties: [{ taskId: 'task:t1', taskName: '发展测试链', role: 'LEAD', areaId: 'area:chaohu' }],
      chains: [{ id: 'chain:t', name: '测试链' }],
      // the 安巢 plan gap is not this unit's: its duty on task:t1 is for 巢湖市
      openGaps: [{ id: 'gap:plan:castings', status: 'IN_PROGRESS', areaId: 'area:chaohu' }],
    });
  });

  it('names an unknown id', async () => {
    const res = await api.gql(RESPONSIBILITY, { id: 'nothing:here' });
    expect(res.errors?.[0]).toMatchObject({ message: "Gap, Chain, Task or Unit 'nothing:here' not found", extensions: { code: 'NOT_FOUND' } });
    const unit = await api.gql(`{ unit(id: "unit:ghost") { id } }`);
    expect(unit.errors?.[0]).toMatchObject({ message: "Unit 'unit:ghost' not found", extensions: { code: 'NOT_FOUND' } });
  });
});
