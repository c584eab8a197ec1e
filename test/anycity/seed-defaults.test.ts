import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { createTestApi, type TestApi } from '../support/test-api.ts';

/** The Chaohu seed stays the default: its areas and 18 tasks now come from the data, not from the client. */
describe('the UI’s areas and tasks on the seed graph', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi((store) => loadSeeds(store));
  });
  afterAll(() => api.close());

  it('lists 巢湖市 and 安巢经开区 as the local areas, and the plan’s 18 tasks', async () => {
    const res = await api.gql('{ localAreas { id name level } planTasks { id no } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.localAreas).toEqual([
      { id: 'area:chaohu', name: '巢湖市', level: 'city' },
      { id: 'area:anchao', name: '安巢经开区', level: 'zone' },
    ]);
    expect(res.data.planTasks.map((t: any) => t.no)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
  });
});
