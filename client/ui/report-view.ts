import { exportMonthlyReport, fetchMonthlyReport, type MonthlyReport } from '../api.ts';
import { t, tMaybe } from '../i18n.ts';
import { allLocalLabel } from '../state/local-areas.ts';
import type { AreaChoice } from '../state/url-state.ts';
import { download, errorText, h, loadInto } from './dom.ts';
import { areaName } from './panels.ts';
import { stageBadge } from './project-panel.ts';
import { planUnits } from './unit-options.ts';

/*
 * The monthly 调度 report as a printable page (A4, print CSS in styles.css:
 * the controls and the app's header are not printed) with the .xlsx download.
 * The browser's print dialog saves it as PDF; fonts are the machine's own.
 */

/** This month in China time, YYYY-MM. */
function thisMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

const choice: { month: string; unitId: string; stalledDays: number | null } = { month: thisMonth(), unitId: '', stalledDays: null };

const pct = (v: number | null | undefined) => (v === null || v === undefined ? t('report.unknown') : `${(v * 100).toFixed(1)}%`);
const rate = (r: { value: number | null; numerator: number; denominator: number }) =>
  r.value === null ? t('report.unknown') : `${pct(r.value)} (${r.numerator}/${r.denominator})`;
const amount = (v: number | null | undefined) => (v === null || v === undefined ? t('report.unknown') : String(Math.round(v * 100) / 100));
const names = (refs: readonly { name?: string | null; id: string }[]) => refs.map((r) => r.name ?? r.id).join('、');

function table(testid: string, headers: string[], rows: (Node | string | number)[][]): HTMLElement {
  if (rows.length === 0) return h('p', { className: 'hint', 'data-testid': testid }, t('report.none'));
  return h(
    'table',
    { className: 'report-table', 'data-testid': testid },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((x) => h('th', {}, x)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          r.map((c) => h('td', {}, c)),
        ),
      ),
    ),
  );
}

const stageText = (stage: MonthlyReport['projects'][number]['stage']) => stageBadge(stage);

function scopeOf(r: MonthlyReport): string {
  return [r.area?.name, r.unit?.name].filter(Boolean).join(' · ') || allLocalLabel();
}

function reportBody(r: MonthlyReport): HTMLElement {
  const change = (c: MonthlyReport['changes'][number]) =>
    c.from ? `${t(`stage.${c.from}`)} → ${c.to ? t(`stage.${c.to}`) : ''}` : t('report.new', { stage: c.to ? t(`stage.${c.to}`) : '' });
  const sample = r.projects.some((p) => p.project.origin === 'sample');
  return h(
    'article',
    { className: 'report-print', 'data-testid': 'monthly-report', lang: 'zh-CN' },
    h('h1', {}, t('report.title', { scope: scopeOf(r), month: r.month })),
    h('p', { className: 'hint' }, t('report.period', { from: r.from, to: r.to, asOf: r.asOf, at: r.generatedAt.slice(0, 16).replace('T', ' ') + ' UTC' })),
    sample ? h('p', { className: 'badge sample' }, t('report.sample')) : null,
    h('h2', {}, t('report.summary')),
    h('p', {}, t('report.summaryLine', { n: r.totalCount, c: r.changes.length, s: r.stalled.length, days: r.stalledDays, g: r.gaps.length })),
    h('p', {}, t('report.rates', { a: rate(r.signedToStarted), b: rate(r.startedToProducing) })),
    h('h2', {}, t('report.byStage')),
    table(
      'report-stages',
      [t('report.stage'), t('report.count'), t('report.amount'), t('report.unknownAmount')],
      r.stages.map((s) => [stageBadge(s.stage), s.count, s.count > s.unknownInvestment ? amount(s.investment) : '—', s.unknownInvestment]),
    ),
    h('h2', {}, t('report.changes')),
    table(
      'report-changes',
      [t('report.date'), t('report.project'), t('report.change'), t('report.note'), t('report.actor')],
      r.changes.map((c) => [c.date, c.project.name, change(c), c.note ?? '', c.actor]),
    ),
    h('h2', {}, t('report.stalled', { days: r.stalledDays })),
    table(
      'report-stalled',
      [t('report.project'), t('report.stage'), t('report.lastActivity'), t('report.idle'), t('report.lead'), t('report.lookAfter')],
      r.stalled.map((p) => [
        p.project.name,
        stageText(p.stage),
        p.lastActivityAt.slice(0, 10),
        p.idleDays,
        p.project.leadUnit?.name ?? '',
        names(p.project.lookAfterUnits),
      ]),
    ),
    h('h2', {}, t('report.targets')),
    h('p', { className: 'hint' }, t('report.targetsNote')),
    table(
      'report-targets',
      [
        t('report.target'),
        t('report.area'),
        t('report.value'),
        t('report.current'),
        t('report.ratio'),
        t('report.expected'),
        t('report.pace'),
        t('report.basis'),
        t('report.since'),
        t('report.baseline'),
      ],
      r.targets.map((x) => [
        x.target.name,
        x.target.area?.name ?? t('report.wholeArea'),
        `${x.value} ${x.unit ?? ''}`,
        x.current === null || x.current === undefined ? t('report.unknown') : `${Math.round(x.current * 100) / 100}`,
        pct(x.ratio),
        pct(x.expectedRatio),
        x.behindPace === null || x.behindPace === undefined ? t('report.unknown') : x.behindPace ? t('report.behind') : t('report.onPace'),
        tMaybe(`report.source.${x.currentSource}`, x.currentSource),
        x.since ?? '',
        x.baseline ? `${x.baseline.value} (${x.baseline.date})` : x.counts === 'INCREASE' ? t('report.noBaseline') : '',
      ]),
    ),
    h('h2', {}, t('report.gaps')),
    table(
      'report-gaps',
      [t('report.gap'), t('report.status'), t('report.area'), t('report.lead'), t('report.note'), t('report.leads')],
      r.gaps.map(({ gap, projects }) => [
        `${tMaybe(`gap.${gap.kind.toLowerCase()}`, gap.kind)} · ${gap.chainName ? `${gap.chainName} / ` : ''}${gap.segmentName}`,
        tMaybe(`status.${gap.status.toLowerCase()}`, gap.status),
        gap.areaName ?? t('allAreas'),
        gap.responsible
          .filter((u) => u.role === 'LEAD')
          .map((u) => u.unitName)
          .join('、'),
        gap.note ?? '',
        projects.map((p) => `${p.name}（${t(`stage.${p.stage}`)}）`).join('；') || t('report.none'),
      ]),
    ),
    h('h2', { className: 'page-break' }, t('report.projects', { asOf: r.asOf })),
    table(
      'report-projects',
      [
        t('report.stage'),
        t('report.project'),
        t('report.investor'),
        t('report.area'),
        t('report.amount'),
        t('report.lead'),
        t('report.lookAfter'),
        t('report.lastActivity'),
      ],
      r.projects.map((p) => [
        stageText(p.stage),
        p.project.name,
        p.project.investorName ?? '',
        p.project.area?.name ?? '',
        amount(p.project.investment),
        p.project.leadUnit?.name ?? '',
        names(p.project.lookAfterUnits),
        p.lastActivityAt.slice(0, 10),
      ]),
    ),
  );
}

/** The report page of the chosen area: month, unit and stalled-days choices, download and print, then the report. */
export async function renderReportView(container: HTMLElement, area: AreaChoice, backToBoard: () => void): Promise<void> {
  const body = h('div', { className: 'report-body' });
  const message = h('p', { className: 'hint', role: 'status' });
  const args = () => ({ month: choice.month, areaId: area === 'both' ? null : area, unitId: choice.unitId || null, stalledDays: choice.stalledDays });
  const load = () => loadInto(body, () => fetchMonthlyReport(args()), reportBody);
  const month = h('input', { type: 'month', name: 'month', value: choice.month, max: thisMonth(), required: true, 'data-testid': 'report-month' });
  month.addEventListener('change', () => {
    if (!month.value) return;
    choice.month = month.value;
    void load();
  });
  const unit = h('select', { name: 'unit', 'data-testid': 'report-unit' }, h('option', { value: '' }, t('report.allUnits')));
  unit.addEventListener('change', () => {
    choice.unitId = unit.value;
    void load();
  });
  void planUnits().then(
    (all) =>
      unit.append(
        ...all.filter((u) => area === 'both' || u.areaIds.includes(area)).map((u) => h('option', { value: u.id, selected: u.id === choice.unitId }, u.name)),
      ),
    () => undefined,
  );
  const days = h('input', { type: 'number', name: 'stalledDays', min: 1, max: 3650, step: 1, value: choice.stalledDays ?? '' });
  days.addEventListener('change', () => {
    choice.stalledDays = days.value ? Number(days.value) : null;
    void load();
  });
  const xlsx = h('button', { type: 'button', 'data-testid': 'report-xlsx' }, t('report.xlsx'));
  xlsx.addEventListener('click', () => {
    message.textContent = t('loading');
    void exportMonthlyReport(args()).then(
      (f) => {
        download(f.filename, f.bytes.buffer as ArrayBuffer, f.mimeType);
        message.textContent = f.filename;
      },
      (e: unknown) => (message.textContent = errorText(e)),
    );
  });
  container.replaceChildren(
    h(
      'div',
      { className: 'filters no-print', 'data-testid': 'report-controls' },
      h('button', { type: 'button', className: 'linklike', onclick: backToBoard }, `← ${t('pipeline.title')}`),
      h('span', {}, `${t('area')}：${area === 'both' ? allLocalLabel() : areaName(area)}`),
      h('label', { className: 'field' }, h('span', {}, t('report.month')), month),
      h('label', { className: 'field' }, h('span', {}, t('report.unit')), unit),
      h('label', { className: 'field' }, h('span', {}, t('pipeline.stalledDays')), days),
      xlsx,
      h('button', { type: 'button', 'data-testid': 'report-print', onclick: () => window.print() }, t('report.print')),
      message,
    ),
    body,
  );
  await load();
}
