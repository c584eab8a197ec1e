import type { CandidateFilter } from '../api.ts';
import { t, tMaybe } from '../i18n.ts';
import { apiFilter } from '../state/candidate-filter.ts';
import { h } from './dom.ts';

/** Region classes an external candidate can have (local enterprises are never candidates). */
const REGIONS = ['anhui', 'yrd', 'other', 'unknown'] as const;
const TAGS = ['专精特新', '小巨人', '高新技术', '链主'] as const;

function toggled(list: readonly string[] | null | undefined, item: string, on: boolean): string[] {
  const rest = (list ?? []).filter((x) => x !== item);
  return on ? [...rest, item] : rest;
}

/**
 * The filter bar over the candidate list: region classes, 规上, qualifications and
 * in-segment only. Every change hands the whole new filter to `onChange`.
 */
export function candidateFilterBar(filter: CandidateFilter, onChange: (filter: CandidateFilter) => void): HTMLElement {
  const check = (testId: string, label: string, checked: boolean, change: (on: boolean) => void) =>
    h(
      'label',
      { className: 'filter-check' },
      h('input', { type: 'checkbox', 'data-testid': testId, checked, onchange: (e: Event) => change((e.target as HTMLInputElement).checked) }),
      ` ${label}`,
    );
  const scale = h(
    'select',
    {
      'data-testid': 'filter-above-scale',
      'aria-label': t('filter.aboveScale'),
      onchange: (e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        onChange({ ...filter, aboveScale: v === 'yes' ? true : v === 'no' ? false : null });
      },
    },
    h('option', { value: 'any', selected: filter.aboveScale == null }, t('filter.any')),
    h('option', { value: 'yes', selected: filter.aboveScale === true }, t('filter.yes')),
    h('option', { value: 'no', selected: filter.aboveScale === false }, t('filter.no')),
  );
  return h(
    'fieldset',
    { className: 'candidate-filters', 'data-testid': 'candidate-filters' },
    h('legend', {}, t('filter.title')),
    h(
      'div',
      {},
      h('span', { className: 'hint' }, `${t('filter.region')}：`),
      REGIONS.map((r) =>
        check(`filter-region-${r}`, r === 'unknown' ? t('filter.region.unknown') : tMaybe(`region.${r}`, r), filter.regions?.includes(r) ?? false, (on) =>
          onChange({ ...filter, regions: toggled(filter.regions, r, on) }),
        ),
      ),
    ),
    h(
      'div',
      {},
      h('span', { className: 'hint' }, `${t('filter.tags')}：`),
      TAGS.map((tag) =>
        check(`filter-tag-${tag}`, tag, filter.tags?.includes(tag) ?? false, (on) => onChange({ ...filter, tags: toggled(filter.tags, tag, on) })),
      ),
    ),
    h(
      'div',
      {},
      h('label', {}, `${t('filter.aboveScale')} `, scale),
      ' ',
      check('filter-in-segment', t('filter.inSegment'), filter.inSegmentOnly === true, (on) => onChange({ ...filter, inSegmentOnly: on })),
      ' ',
      apiFilter(filter)
        ? h('button', { type: 'button', className: 'linklike', 'data-testid': 'filter-clear', onclick: () => onChange({}) }, t('filter.clear'))
        : null,
    ),
    apiFilter(filter) ? h('p', { className: 'hint' }, t('filter.rankNote')) : null,
  );
}
