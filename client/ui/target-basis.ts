import { fetchProjectIndicators, type Rate, type TargetBasis } from '../api.ts';
import { t } from '../i18n.ts';
import { h, loadInto } from './dom.ts';

/** How a figure is measured, in words: computed or recorded, since and as of when, the baseline, per signing year, behind pace. */
export function basisLine(b: TargetBasis | undefined): HTMLElement | null {
  if (!b) return null;
  const parts = [
    b.currentSource === 'COMPUTED' ? t('target.computed') : b.currentSource === 'RECORDED' ? t('target.recorded') : t('target.none'),
    b.since ? t('target.since', { date: b.since }) : '',
    b.asOf ? t('target.asOf', { date: b.asOf }) : '',
    b.baseline
      ? t('target.baseline', {
          value: b.baseline.value,
          date: b.baseline.date,
          origin: b.baseline.origin === 'snapshot' ? t('target.baseline.snapshot') : t('target.baseline.user'),
        })
      : '',
    b.byYear?.length ? t('target.byYear', { list: b.byYear.map((y) => `${y.year ?? t('target.yearUnknown')} ${y.value}`).join('，') }) : '',
    b.behindPace ? t('target.behind', { e: Math.round(b.expectedRatio * 1000) / 10 }) : '',
  ].filter(Boolean);
  return h(
    'small',
    { className: `hint basis${b.behindPace ? ' behind' : ''}`, 'data-testid': 'target-basis', 'data-source': b.currentSource },
    parts.join(' · '),
  );
}

function rate(label: string, r: Rate, what: string): HTMLElement {
  return h(
    'div',
    { className: 'indicator', 'data-testid': 'indicator' },
    h('strong', {}, label),
    ' ',
    r.value === null ? t('target.rateUnknown', { what }) : t('target.rate', { p: Math.round(r.value * 1000) / 10, n: r.numerator, d: r.denominator }),
  );
}

/** 签约落地转化率 and 投产达效率 of the area, computed from projects. */
export function indicatorsBox(areaId: string | null): HTMLElement {
  const box = h('section', { className: 'indicators', 'data-testid': 'project-indicators' });
  void loadInto(
    box,
    () => fetchProjectIndicators(areaId),
    (r) => [
      h('h4', {}, t('target.indicators')),
      rate(t('target.signedToStarted'), r.signedToStarted, t('stage.SIGNED')),
      rate(t('target.startedToProducing'), r.startedToProducing, t('stage.STARTED')),
    ],
  );
  return box;
}
