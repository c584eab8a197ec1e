import type { CandidateFilter, Enterprise, EnterpriseListItem, GapAnalysis, SupplierCandidate, SupplierCandidatePage, UnitRole } from '../api.ts';
import { candidateFilterBar } from './candidate-filters.ts';
import { getLang, t, tMaybe } from '../i18n.ts';
import { localAreaChoices, localAreaName } from '../state/local-areas.ts';
import { gapStatus, groupGaps, type MapGap } from '../state/map-model.ts';
import { classifyStrength } from '../graph/strength.ts';
import { GAP_STYLES } from '../graph/stylesheet.ts';
import { STRENGTH_COLOURS } from '../graph/strength.ts';
import { formatOutput, h, sampleBadge } from './dom.ts';

/** What panels may ask the app to do; panels never call the server or cytoscape themselves. */
export interface PanelActions {
  selectNode(id: string): void;
  showCandidates(gapId: string): void;
  highlightCandidate(enterpriseId: string | null): void;
  expand(id: string): void;
  setPathEnd(end: 'from' | 'to', id: string, name: string): void;
  exportCandidates(format: 'csv' | 'xlsx'): void;
  filterCandidates(filter: CandidateFilter): void;
  openUnit(unitId: string): void;
  back(): void;
  /** The work on a gap (status, note, units, leads and projects); see gap-work.ts. */
  gapWork?(gap: MapGap): Node | null;
  /** One-click "start a lead" for a supplier candidate of a gap (editors). */
  candidateLead?(gapId: string, enterpriseId: string): Node | null;
}

function compact(nodes: (Node | null)[]): Node[] {
  return nodes.filter((n): n is Node => n !== null);
}

export function gapBadge(kind: MapGap['kind']): HTMLElement {
  return h('span', { className: `badge gap-${kind}`, title: t(`gap.kindTitle.${kind}`), 'data-gap-kind': kind }, t(`gap.${kind}`));
}

export function areaName(areaId: string | null | undefined): string {
  if (!areaId) return t('allAreas');
  return localAreaName(areaId);
}

/** Lead and supporting units grouped by area. */
export function unitsByArea(roles: readonly UnitRole[], actions: PanelActions, fallbackArea: string | null = null): HTMLElement {
  // The units come from the plan's tasks: none means the plan names none here, not missing data.
  if (roles.length === 0) return h('p', { className: 'hint', 'data-testid': 'no-units' }, t('noUnitInPlan'));
  // Units assigned on a saved gap carry no area of their own: they serve the gap's area.
  if (fallbackArea) roles = roles.map((r) => (r.areaId ? r : { ...r, areaId: fallbackArea }));
  const areas = [...new Set(roles.map((r) => r.areaId ?? ''))];
  const unitButton = (r: UnitRole) => h('button', { type: 'button', className: 'linklike', onclick: () => actions.openUnit(r.unitId) }, r.unitName);
  const join = (list: UnitRole[]) => {
    const unique = list.filter((r, i) => list.findIndex((x) => x.unitId === r.unitId) === i);
    return unique.length ? unique.flatMap((r, i) => (i ? ['、', unitButton(r)] : [unitButton(r)])) : ['—'];
  };
  return h(
    'dl',
    { className: 'units' },
    areas.flatMap((a) => {
      const inArea = roles.filter((r) => (r.areaId ?? '') === a);
      return [
        h('dt', {}, areaName(a || null)),
        h(
          'dd',
          {},
          h('div', {}, h('strong', {}, `${t('leadUnit')}：`), ...join(inArea.filter((r) => r.role === 'LEAD'))),
          h('div', {}, h('strong', {}, `${t('supportUnit')}：`), ...join(inArea.filter((r) => r.role === 'SUPPORT'))),
        ),
      ];
    }),
  );
}

function enterpriseList(items: readonly EnterpriseListItem[], segmentId: string, actions: PanelActions): HTMLElement {
  if (items.length === 0) return h('p', { className: 'hint' }, t('noData'));
  return h(
    'ul',
    {},
    items.map((e) => {
      const role = e.segments.find((s) => s.segment.id === segmentId)?.role;
      return h(
        'li',
        {},
        h('button', { type: 'button', className: 'linklike', onclick: () => actions.selectNode(e.id) }, e.name),
        ' ',
        role === 'leader' ? h('span', { className: 'badge leader' }, t('chainLeader')) : null,
        ' ',
        sampleBadge(e.origin ?? (e.sample ? 'sample' : null)),
        h('small', { className: 'hint' }, ` ${[e.city, formatOutput(e.output)].filter(Boolean).join(' · ')}`),
      );
    }),
  );
}

/** Local output with what is unknown said so: 产值未知, or the known sum with how many are unknown. */
function outputText(f: { localCount: number; localOutput: number | null; outputUnknownCount: number }): string {
  if (f.localOutput === null) return t('outputUnknown');
  return formatOutput(f.localOutput) + (f.outputUnknownCount > 0 && f.localCount > 0 ? t('outputPartlyUnknown', { n: f.outputUnknownCount }) : '');
}

export interface SegmentPanelData {
  id: string;
  name: string;
  stage: string | null;
  analysis: GapAnalysis | null;
  gaps: MapGap[];
  local: { items: EnterpriseListItem[]; totalCount: number };
  external: { items: EnterpriseListItem[]; totalCount: number };
  /** Units of the chain's tasks, shown when the segment has no gap (a gap lists its own units). */
  chainUnits: UnitRole[] | null;
}

export function renderSegmentPanel(d: SegmentPanelData, actions: PanelActions): Node[] {
  const facts = d.analysis?.segments.find((s) => s.segmentId === d.id) ?? null;
  const strength = classifyStrength(facts ? { localCount: facts.localCount, localOutput: facts.localOutput, presence: facts.presence } : null);
  const lang = getLang();
  return [
    h(
      'h2',
      { 'data-testid': 'panel-title' },
      h('span', { className: 'swatch', style: `background:${STRENGTH_COLOURS[strength]}` }),
      d.name,
      h('small', { className: 'hint' }, `${t('segment')}${d.stage ? ' · ' + tMaybe(`stage.${d.stage}`, d.stage) : ''}`),
    ),
    h(
      'dl',
      {},
      h('dt', {}, t('legend.strength')),
      h('dd', {}, t(`strength.${strength}`)),
      h('dt', {}, t('localCount')),
      h('dd', {}, facts ? String(facts.localCount) : '—'),
      h('dt', {}, t('localOutput')),
      h('dd', {}, facts ? outputText(facts) : '—'),
      h('dt', {}, t('hasLeader')),
      h('dd', {}, facts ? t(facts.hasLeader ? 'yes' : 'no') : '—'),
      h('dt', {}, t('outsideShare')),
      h('dd', {}, facts?.outsideShare != null ? `${Math.round(facts.outsideShare * 100)}%` : '—'),
    ),
    h(
      'div',
      { className: 'actions' },
      h('button', { type: 'button', onclick: () => actions.expand(d.id) }, t('expand')),
      h('button', { type: 'button', onclick: () => actions.setPathEnd('from', d.id, d.name) }, t('setFrom')),
      h('button', { type: 'button', onclick: () => actions.setPathEnd('to', d.id, d.name) }, t('setTo')),
    ),
    h('h3', {}, t('gaps')),
    d.gaps.length === 0
      ? h(
          'div',
          {},
          h('p', { className: 'hint' }, t('noGapHere')),
          d.chainUnits ? h('h3', {}, t('responsibleUnits')) : null,
          d.chainUnits ? unitsByArea(d.chainUnits, actions) : null,
        )
      : h(
          'div',
          {},
          groupGaps(d.gaps).map((group) => {
            // Both areas first, then the local areas in the deployment's order.
            const order = (x: MapGap) => (x.saved?.areaId ? 1 + localAreaChoices().findIndex((a) => a.id === x.saved?.areaId) : 0);
            group.gaps.sort((a, b) => order(a) - order(b));
            const g = group.gaps[0]!;
            const planAreas = group.gaps.length > 1 ? group.gaps.map((x) => areaName(x.saved?.areaId ?? null)) : [];
            return h(
              'section',
              { className: 'gap', 'data-gap-id': g.id },
              h(
                'p',
                {},
                gapBadge(g.kind),
                ' ',
                // Plan-named gaps have no computed severity: say where they come from instead.
                g.detected ? `${t('severity')} ${g.detected.severity}` : h('span', { className: 'badge tag', title: t('planNamedTitle') }, t('planNamed')),
                planAreas.length ? ` · ${planAreas.join('、')}` : '',
                g.saved || g.detected?.saved ? ` · ${t('saved')}` : '',
                gapStatus(g) ? ` · ${t(`status.${gapStatus(g)!.toLowerCase() as 'open'}`)}` : '',
              ),
              h(
                'p',
                {},
                h('strong', {}, `${t('reason')}：`),
                g.detected ? (lang === 'zh' ? g.detected.reasonZh : g.detected.reasonEn) : (g.saved?.reason ?? g.saved?.note ?? '—'),
              ),
              g.saved?.source ? h('p', { className: 'hint' }, `${t('source')}：${g.saved.source} ${g.saved.sourceText ?? ''}`) : null,
              h('h3', {}, t('responsibleUnits')),
              unitsByArea(
                group.gaps.flatMap((x) =>
                  (x.detected?.responsible ?? x.saved?.responsible ?? []).map((r) => (r.areaId ? r : { ...r, areaId: x.saved?.areaId ?? null })),
                ),
                actions,
              ),
              h(
                'div',
                { className: 'actions' },
                group.gaps.map((x) =>
                  h(
                    'button',
                    { type: 'button', 'data-testid': 'find-candidates', onclick: () => actions.showCandidates(x.id) },
                    planAreas.length ? `${t('findCandidates')}（${areaName(x.saved?.areaId ?? null)}）` : t('findCandidates'),
                  ),
                ),
              ),
              ...group.gaps.map((x) => actions.gapWork?.(x) ?? null),
            );
          }),
        ),
    h('h3', {}, `${t('localEnterprises')} (${d.local.totalCount})`),
    enterpriseList(d.local.items, d.id, actions),
    h('h3', {}, `${t('externalEnterprises')} (${d.external.totalCount})`),
    enterpriseList(d.external.items, d.id, actions),
  ];
}

function supplyList(links: Enterprise['suppliers'], actions: PanelActions): HTMLElement {
  if (links.length === 0) return h('p', { className: 'hint' }, t('noData'));
  return h(
    'ul',
    {},
    links.map((l) =>
      h(
        'li',
        {},
        h('button', { type: 'button', className: 'linklike', onclick: () => actions.selectNode(l.enterprise.id) }, l.enterprise.name),
        h(
          'small',
          { className: 'hint' },
          ` ${[l.enterprise.local ? t('region.local') : l.enterprise.region ? tMaybe(`region.${l.enterprise.region}`, l.enterprise.region) : '', l.product, l.share != null ? `${t('share')} ${Math.round(l.share * 100)}%` : ''].filter(Boolean).join(' · ')}`,
        ),
      ),
    ),
  );
}

export function renderEnterprisePanel(e: Enterprise, actions: PanelActions): Node[] {
  const leader = e.segments.some((s) => s.role === 'leader') || e.tags.includes('链主');
  const row = (label: string, value: string | null | undefined) => [h('dt', {}, label), h('dd', {}, value || '—')];
  return compact([
    h(
      'h2',
      { 'data-testid': 'panel-title' },
      e.name,
      sampleBadge(e.origin ?? (e.sample ? 'sample' : null)),
      leader ? h('span', { className: 'badge leader' }, t('chainLeader')) : null,
    ),
    e.tags.length
      ? h(
          'p',
          {},
          e.tags.map((tag) => h('span', { className: 'badge tag' }, tag)).flatMap((b) => [b, ' ']),
        )
      : null,
    h('h3', {}, t('profile')),
    h(
      'dl',
      {},
      row(t('uscc'), e.uscc),
      row(t('area'), e.area ? (getLang() === 'en' && e.area.nameEn ? e.area.nameEn : e.area.name) : null),
      row(t('region'), e.region ? tMaybe(`region.${e.region}`, e.region) : null),
      row(t('city'), [e.province, e.city].filter(Boolean).join(' ')),
      row(t('output'), formatOutput(e.output)),
      row(t('aboveScale'), e.aboveScale == null ? null : t(e.aboveScale ? 'yes' : 'no')),
      row(t('founded'), e.founded),
    ),
    h('h3', {}, t('segment')),
    e.segments.length
      ? h(
          'ul',
          {},
          e.segments.map((s) =>
            h(
              'li',
              {},
              h(
                'button',
                { type: 'button', className: 'linklike', onclick: () => actions.selectNode(s.segment.id) },
                getLang() === 'en' && s.segment.nameEn ? s.segment.nameEn : s.segment.name,
              ),
              s.role ? h('small', { className: 'hint' }, ` ${tMaybe(`role.${s.role}`, s.role)}`) : null,
            ),
          ),
        )
      : h('p', { className: 'hint' }, t('noData')),
    h(
      'div',
      { className: 'actions' },
      h('button', { type: 'button', 'data-testid': 'expand', onclick: () => actions.expand(e.id) }, t('expand')),
      h('button', { type: 'button', onclick: () => actions.setPathEnd('from', e.id, e.name) }, t('setFrom')),
      h('button', { type: 'button', onclick: () => actions.setPathEnd('to', e.id, e.name) }, t('setTo')),
    ),
    h('h3', {}, `${t('suppliers')} (${e.suppliers.length})`),
    supplyList(e.suppliers, actions),
    h('h3', {}, `${t('customers')} (${e.customers.length})`),
    supplyList(e.customers, actions),
  ]);
}

export interface CandidatePanelData {
  gap: MapGap | null;
  segmentName: string;
  page: SupplierCandidatePage;
  highlighted: string | null;
  filter: CandidateFilter;
}

function componentChips(c: SupplierCandidate): HTMLElement {
  return h(
    'div',
    { className: 'components' },
    c.components.filter((p) => p.points > 0).map((p) => h('span', { title: p.detail }, `${tMaybe(`component.${p.name}`, p.name)} +${p.points.toFixed(1)}`)),
  );
}

export function renderCandidatePanel(d: CandidatePanelData, actions: PanelActions): Node[] {
  const lang = getLang();
  const g = d.gap;
  return compact([
    h('div', { className: 'actions' }, h('button', { type: 'button', onclick: () => actions.back() }, `← ${t('backToSegment')}`)),
    h('h2', { 'data-testid': 'panel-title' }, t('candidatesOf', { segment: d.segmentName }), g ? gapBadge(g.kind) : null),
    g?.detected
      ? h('p', {}, h('strong', {}, `${t('reason')}：`), lang === 'zh' ? g.detected.reasonZh : g.detected.reasonEn)
      : g?.saved?.reason
        ? h('p', {}, g.saved.reason)
        : null,
    g
      ? h(
          'details',
          {},
          h('summary', {}, t('responsibleUnits')),
          unitsByArea(g.detected?.responsible ?? g.saved?.responsible ?? [], actions, g.saved?.areaId ?? null),
        )
      : null,
    h(
      'div',
      { className: 'actions' },
      h(
        'button',
        { type: 'button', 'data-testid': 'export-csv', disabled: d.page.candidates.length === 0, onclick: () => actions.exportCandidates('csv') },
        t('exportCsv'),
      ),
      h(
        'button',
        { type: 'button', 'data-testid': 'export-xlsx', disabled: d.page.candidates.length === 0, onclick: () => actions.exportCandidates('xlsx') },
        t('exportXlsx'),
      ),
      h(
        'button',
        { type: 'button', 'data-testid': 'clear-highlight', disabled: !d.highlighted, onclick: () => actions.highlightCandidate(null) },
        t('clearHighlight'),
      ),
    ),
    candidateFilterBar(d.filter, actions.filterCandidates),
    h('p', { className: 'hint' }, t('total', { n: d.page.totalCount })),
    h('p', { className: 'hint', 'data-testid': 'ranking-weights' }, rankingWeightsLine(d.page.rankingWeights)),
    d.page.candidates.length === 0
      ? h('p', { className: 'hint' }, t('noCandidates'))
      : h(
          'table',
          { className: 'list', 'data-testid': 'candidates' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('rank')), h('th', { scope: 'col' }, t('enterprise')), h('th', { scope: 'col' }, t('score')))),
          h(
            'tbody',
            {},
            d.page.candidates.map((c) =>
              h(
                'tr',
                { 'data-id': c.enterpriseId, 'aria-selected': c.enterpriseId === d.highlighted ? 'true' : 'false' },
                h('td', {}, String(c.rank)),
                h(
                  'td',
                  {},
                  h(
                    'button',
                    {
                      type: 'button',
                      className: 'linklike',
                      'aria-pressed': c.enterpriseId === d.highlighted ? 'true' : 'false',
                      title: t('highlightPath'),
                      'data-testid': 'candidate',
                      onclick: () => actions.highlightCandidate(c.enterpriseId),
                    },
                    c.name,
                  ),
                  ' ',
                  c.sample ? sampleBadge('sample') : null,
                  h(
                    'div',
                    { className: 'hint' },
                    [c.region ? tMaybe(`region.${c.region}`, c.region) : '', c.city, c.tags.join('、')].filter(Boolean).join(' · '),
                  ),
                  h(
                    'div',
                    { className: 'reason-line', 'data-testid': 'reason-line', title: lang === 'zh' ? c.reasonZh : c.reasonEn },
                    lang === 'zh' ? c.reasonLineZh : c.reasonLineEn,
                  ),
                  componentChips(c),
                  g ? (actions.candidateLead?.(g.id, c.enterpriseId) ?? null) : null,
                ),
                h('td', {}, c.score.toFixed(1)),
              ),
            ),
          ),
        ),
  ]);
}

/** Marks the highlighted candidate row in a rendered candidate panel without re-rendering it. */
export function markCandidate(panel: HTMLElement, enterpriseId: string | null): void {
  for (const row of panel.querySelectorAll<HTMLElement>('[data-testid=candidates] tbody tr')) {
    const on = row.dataset.id === enterpriseId;
    row.setAttribute('aria-selected', String(on));
    row.querySelector('[data-testid=candidate]')?.setAttribute('aria-pressed', String(on));
  }
  const clear = panel.querySelector<HTMLButtonElement>('[data-testid=clear-highlight]');
  if (clear) clear.disabled = !enterpriseId;
}

/** The legend: strength scale and gap kinds, with the counts of the current analysis. */
export function renderLegend(counts: GapAnalysis['counts'] | null, open = true): Node[] {
  const strengths = ['strong', 'medium', 'weak', 'none', 'unknown'] as const;
  // A <details> so the legend can be folded away when it covers part of the map.
  return [
    h(
      'details',
      { open },
      h('summary', { id: 'legend-title' }, t('legend')),
      h('div', { className: 'hint' }, t('legend.strength')),
      h(
        'ul',
        {},
        strengths.map((s) => h('li', {}, h('span', { className: 'swatch', style: `background:${STRENGTH_COLOURS[s]}` }), t(`strength.${s}`))),
      ),
      h('div', { className: 'hint' }, t('gaps')),
      h(
        'ul',
        {},
        (['fill', 'strengthen', 'extend'] as const).map((k) =>
          h(
            'li',
            { 'data-testid': `legend-${k}` },
            h('span', { className: 'swatch', style: `background:#fff;border:3px ${GAP_STYLES[k].border} ${GAP_STYLES[k].colour}` }),
            `${t(`gap.${k}`)}${counts ? ` ${counts[k]}` : ''}`,
          ),
        ),
      ),
      h(
        'ul',
        {},
        h('li', {}, h('span', { className: 'swatch round', style: 'background:#7b8794;border:3px solid #c9a227' }), t('sampleBadge')),
        h('li', {}, h('span', { className: 'swatch round', style: 'background:#2e7d32' }), t('localEnterprises')),
      ),
      h('div', { className: 'hint' }, t('mapHint')),
    ),
  ];
}

/** Where the ranking's weights come from: fitted on the store's own links (how many), or the defaults and why. */
function rankingWeightsLine(w: SupplierCandidatePage['rankingWeights']): string {
  if (!w.fitted && w.links != null) return t('weightsTooFew', { n: w.links });
  if (!w.fitted) return w.current ? t('weightsDefault', { reason: w.reason ?? '' }) : t('weightsFitting');
  if (!w.current) return t('weightsFittedEarlier', { n: w.links ?? '?' });
  return t('weightsFitted', { n: w.links ?? '?', before: (w.mrrDefault ?? NaN).toFixed(2), after: (w.mrrFitted ?? NaN).toFixed(2) });
}
