import { describe, expect, it } from 'vitest';
import { dictionaries, t } from './i18n.ts';

describe('i18n', () => {
  it('has the same keys in both languages and no empty strings', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.zh).sort());
    for (const d of Object.values(dictionaries)) for (const v of Object.values(d)) expect(v.trim()).not.toBe('');
  });

  it('keeps the domain words fixed', () => {
    expect([t('gap.fill', {}, 'zh'), t('gap.extend', {}, 'zh'), t('gap.strengthen', {}, 'zh'), t('leadUnit', {}, 'zh'), t('supportUnit', {}, 'zh')]).toEqual([
      '补链',
      '延链',
      '强链',
      '责任单位',
      '配合单位',
    ]);
    expect(t('segmentsShown', { n: 3 }, 'en')).toBe('3 segments');
  });
});
