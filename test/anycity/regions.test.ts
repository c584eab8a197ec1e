import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../server/services/import/import-file.ts';
import type { Store } from '../../server/store/store.ts';
import { csv, openDumpStore, usccIn } from '../import/helpers.ts';

let store: Store;
beforeEach(async () => {
  store = await openDumpStore(); // 长三角 ⊃ 安徽省 ⊃ 合肥市 ⊃ 巢湖市 (local); 长三角 ⊃ 江苏省 ⊃ 苏州市
});
afterEach(() => store.close());

const byName = async () => Object.fromEntries((await store.run<any>('read/import/enterprises')).map((e: any) => [e.name, e]));

describe('regions inferred from the 统一社会信用代码, the address or the name', () => {
  it('fills area, province, city, district and region class, says what was inferred, and warns on a contradiction', async () => {
    const rows = [
      ['企业名称', '统一社会信用代码', '所在地区', '地址'],
      ['甲铸造有限公司', usccIn('340181', 101), '', ''],
      ['乙精密有限公司', usccIn('320500', 102), '', ''],
      ['丙电子有限公司', usccIn('440305', 103), '', ''],
      ['丁材料有限公司', usccIn('340100', 104), '', ''],
      ['戊机械有限公司', usccIn('340181', 105), '苏州市', ''],
      ['己科技有限公司', '', '', '江苏省苏州市工业园区星湖街1号'],
      ['庚实业有限公司', '', '', ''],
    ];
    const report = await importFile(store, Buffer.from(csv(rows)), 'x.csv', { kind: 'enterprises', dryRun: false });
    expect(report.committed).toBe(true);
    expect(report.issues.map((i) => [i.row, i.code, i.severity])).toEqual([[6, 'AREA_CONTRADICTS_USCC', 'warning']]);
    const e = await byName();
    expect(e['甲铸造有限公司']).toMatchObject({
      areaIds: ['area:chaohu'],
      local: true,
      region: 'local',
      province: '安徽省',
      city: '巢湖市',
      district: '巢湖市',
    });
    expect(e['乙精密有限公司']).toMatchObject({ areaIds: ['area:suzhou'], local: false, region: 'yrd', province: '江苏省', city: '苏州市' });
    expect(e['丙电子有限公司']).toMatchObject({ areaIds: [], local: false, region: 'other', province: '广东省', city: '深圳市', district: '南山区' });
    // registered in 合肥市, which holds 巢湖市: province and city, but local and region stay unknown
    expect(e['丁材料有限公司']).toMatchObject({ areaIds: [], local: null, region: null, province: '安徽省', city: '合肥市' });
    expect(e['戊机械有限公司']).toMatchObject({ areaIds: ['area:suzhou'] });
    expect(e['己科技有限公司']).toMatchObject({ areaIds: ['area:suzhou'], region: 'yrd' });
    expect(e['庚实业有限公司']).toMatchObject({ areaIds: [], local: null, region: null });
    const inferred = Object.fromEntries(report.items.map((i) => [i.label, i.inferred]));
    expect(inferred['甲铸造有限公司']).toContain('所在地区=巢湖市（据统一社会信用代码 340181 安徽省合肥市巢湖市）');
    expect(inferred['丙电子有限公司']).toContain('地区类别=other（据统一社会信用代码 440305 广东省深圳市南山区）');
    expect(inferred['己科技有限公司']).toContain('所在地区=苏州市（据地址含「苏州市」）');
    expect(inferred['戊机械有限公司']).toEqual([]);
    expect(inferred['庚实业有限公司']).toEqual([]);
  });
});
