import { describe, expect, it } from 'vitest';
import { divisionOf, usccDivisionCode } from './divisions.ts';

describe('divisionOf (GB/T 2260)', () => {
  it('finds district, city and province, and falls back for a retired code', () => {
    expect(divisionOf('340181')).toMatchObject({ name: '巢湖市', level: 'district', province: { name: '安徽省' }, city: { name: '合肥市' } });
    expect(divisionOf('320500')).toMatchObject({ name: '苏州市', level: 'city', province: { name: '江苏省' } });
    expect(divisionOf('310115')).toMatchObject({ name: '浦东新区', level: 'district', province: { name: '上海市' } });
    expect(divisionOf('342601')).toMatchObject({ province: { name: '安徽省' } }); // 原地级巢湖市, abolished 2011
    expect(divisionOf('99999x')).toBeNull();
    expect(usccDivisionCode('91340181MA2N000000')).toBe('340181');
  });
});
