import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { readSeeds } from '../../server/services/seed/read-seeds.ts';
import { isValidUscc } from '../../server/model/uscc.ts';

type Presence = { segmentId: string; localCount: number; roles: string[]; localOutput: number | null; smallestOutput: number | null };

/** The sample data is built so that 补链/强链/延链 analyses have something to show (seeds/README.md). */
describe('sample enterprises: designed showcases', () => {
  let store: EmbeddedStore;
  let presence: Map<string, Presence>;
  beforeAll(async () => {
    store = EmbeddedStore.open(':memory:');
    await store.applySchema();
    await loadSeeds(store);
    presence = new Map((await store.run<Presence>('read/seed/segment-presence')).map((p) => [p.segmentId, p]));
  });
  afterAll(() => store.close());
  const local = (id: string) => presence.get(id)!.localCount;

  it('every record is sample data with a valid, unique USCC and a fictional name', () => {
    const data = readSeeds();
    expect(data.enterprises.length).toBeGreaterThanOrEqual(250);
    expect(data.supplies.length).toBeGreaterThanOrEqual(500);
    for (const e of data.enterprises) {
      expect(e.origin).toBe('sample');
      expect(e.sample).toBe(true);
      expect(e.name).toContain('示例');
      expect(isValidUscc(e.uscc as string)).toBe(true);
    }
    expect(new Set(data.enterprises.map((e) => e.uscc)).size).toBe(data.enterprises.length);
    expect(data.supplies.every((s) => s.origin === 'sample')).toBe(true);
  });

  it('补链: segments with no local enterprise while local enterprises exist up- and downstream', () => {
    expect(local('seg:bms')).toBe(0);
    expect(local('seg:power-devices')).toBeGreaterThan(0); // upstream of BMS
    expect(local('seg:power-battery')).toBeGreaterThan(0); // downstream of BMS
    expect(local('seg:domain-controller')).toBe(0);
    expect(local('seg:auto-electronics')).toBeGreaterThan(0);
    expect(local('seg:vehicle')).toBeGreaterThan(0);
    for (const id of ['seg:3d-printing', 'seg:epitaxy', 'seg:wafer-fab', 'seg:display-panel']) expect(local(id), id).toBe(0);
  });

  it('强链: segments with exactly one small local enterprise', () => {
    for (const id of ['seg:polarizer', 'seg:packaging-test', 'seg:power-devices', 'seg:al-mg-composite', 'seg:hydrogen-storage']) {
      expect(local(id), id).toBe(1);
      expect(presence.get(id)!.smallestOutput!, id).toBeLessThan(5000);
    }
  });

  it('强链: local buyers of 汽车电子 buy mostly from outside', async () => {
    const [row] = await store.run<{ localShare: number; outsideShare: number }>('read/seed/local-sourcing', { segmentId: 'seg:auto-electronics' });
    expect(row!.outsideShare).toBeGreaterThan(row!.localShare);
  });

  it('strong segments: a local 链主 and several local firms', () => {
    for (const id of ['seg:light-alloy-material', 'seg:alloy-casting', 'seg:pva-film', 'seg:optoelectronic', 'seg:cement']) {
      expect(presence.get(id)!.roles, id).toContain('leader');
      expect(local(id), id).toBeGreaterThanOrEqual(4);
    }
  });

  it('延链: 航空航天 has no local enterprise, 汽车零部件 (轻合金) one small one', () => {
    expect(local('seg:aerospace')).toBe(0);
    expect(local('seg:auto-parts')).toBe(1);
  });
});
