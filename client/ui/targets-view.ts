import { fetchTargetBasis, fetchTargets, type TargetBasis, type TargetPart, type TargetProgress } from '../api.ts';
import { getLang, t, tMaybe } from '../i18n.ts';
import { formatAmount, groupTargets, isBehind, progressPercent } from '../state/targets.ts';
import type { AreaChoice } from '../state/url-state.ts';
import { allLocalLabel } from '../state/local-areas.ts';
import { h, loadInto } from './dom.ts';
import { areaName } from './panels.ts';
import { basisLine, indicatorsBox } from './target-basis.ts';

function bar(label: string, tp: TargetPart, today: Date, basis?: Map<string, TargetBasis>): HTMLElement {
  const pct = progressPercent(tp.ratio);
  const behind = isBehind(tp.ratio, tp.target.deadline, today);
  return h(
    'div',
    { className: 'progress', 'data-id': tp.target.id },
    h('span', { className: 'label' }, label),
    h(
      'span',
      {
        className: 'bar',
        role: 'progressbar',
        'aria-label': label,
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': pct ?? 0,
        'aria-valuetext': pct === null ? t('noProgress') : t('achieved', { p: pct }),
      },
      h('span', { className: behind ? 'behind' : '', style: `width:${pct ?? 0}%` }),
    ),
    h('span', { className: 'value' }, `${formatAmount(tp.current, tp.unit)} / ${formatAmount(tp.value, tp.unit)}`),
    basisLine(basis?.get(tp.target.id)),
  );
}

function card(tp: TargetProgress, area: AreaChoice, today: Date, basis?: Map<string, TargetBasis>): HTMLElement {
  const parts = area === 'both' ? tp.parts : [];
  const label = area === 'both' ? t('whole') : areaName(area);
  return h(
    'article',
    { className: 'card', 'data-testid': 'target' },
    h('h4', {}, getLang() === 'en' && tp.target.nameEn ? tp.target.nameEn : tp.target.name),
    bar(label, tp, today, basis),
    ...parts.map((p) =>
      bar(p.target.area ? (getLang() === 'en' && p.target.area.nameEn ? p.target.area.nameEn : p.target.area.name) : p.target.name, p, today, basis),
    ),
    h(
      'small',
      { className: 'hint' },
      [
        tp.target.deadline ? `${t('deadline')} ${tp.target.deadline}` : '',
        tp.currentSource === 'NONE' ? t('noProgress') : '',
        tp.target.source ? `${t('source')} ${tp.target.source}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  );
}

/** Each plan target with progress bars: whole + per-area parts for both areas, or one area's parts. */
export async function renderTargetsView(container: HTMLElement, area: AreaChoice, today = new Date()): Promise<void> {
  const body = h('div', {});
  container.replaceChildren(
    h('h2', {}, `${t('view.targets')} · ${area === 'both' ? allLocalLabel() : areaName(area)}`),
    h('p', { className: 'hint' }, t('computedFromGraph')),
    indicatorsBox(area === 'both' ? null : area),
    body,
  );
  await loadInto(
    body,
    async () => {
      const areaId = area === 'both' ? null : area;
      const [targets, basis] = await Promise.all([fetchTargets(areaId), fetchTargetBasis(areaId).catch(() => [])]);
      return { targets, basis: new Map(basis.flatMap((b) => [b, ...b.parts]).map((b) => [b.target.id, b])) };
    },
    ({ targets, basis }) =>
      targets.length === 0
        ? h('p', { className: 'hint' }, t('noData'))
        : groupTargets(targets).flatMap((g) => [
            h('h3', {}, tMaybe(`targetGroup.${g.group}`, g.group)),
            h(
              'div',
              { className: 'cards' },
              g.targets.map((tp) => card(tp, area, today, basis)),
            ),
          ]),
  );
}
