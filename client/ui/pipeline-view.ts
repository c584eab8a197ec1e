import {
  createProject,
  fetchPipelineBoard,
  fetchTargetBasis,
  PROJECT_STAGES_API,
  type ChainSummary,
  type PipelineBoardApi,
  type Project,
  type ProjectFilterApi,
  type ProjectStageApi,
  type TargetBasis,
} from '../api.ts';
import { getLang, t } from '../i18n.ts';
import type { AreaChoice } from '../state/url-state.ts';
import { allLocalLabel, localAreaChoices, localAreaName } from '../state/local-areas.ts';
import { errorText, h, loadInto, sampleBadge } from './dom.ts';
import { areaName } from './panels.ts';
import { renderProjectPanel, stageBadge } from './project-panel.ts';
import { planUnits } from './unit-options.ts';

/** Investment bands of the board's filter, in 亿元 (min inclusive, max exclusive). */
export const AMOUNT_BANDS: Record<string, { min: number | null; max: number | null }> = {
  any: { min: null, max: null },
  lt1: { min: null, max: 1 },
  '1to50': { min: 1, max: 50 },
  '50to100': { min: 50, max: 100 },
  ge100: { min: 100, max: null },
};

/** Projects shown per column; the column header counts them all. */
const PER_STAGE = 100;

interface BoardFilters {
  chainId: string;
  unitId: string;
  stage: string;
  band: string;
  stalledDays: number | null;
}

const filters: BoardFilters = { chainId: '', unitId: '', stage: '', band: 'any', stalledDays: null };

export interface PipelineViewActions {
  canEdit: boolean;
  chains: ChainSummary[];
  /** Select a project (null closes the panel); kept in the URL as `sel`. */
  openProject(projectId: string | null): void;
  /** The monthly 调度 report of the same area. */
  openReport(): void;
}

function filterOf(area: AreaChoice): ProjectFilterApi {
  const band = AMOUNT_BANDS[filters.band] ?? AMOUNT_BANDS.any!;
  return {
    areaId: area === 'both' ? null : area,
    chainId: filters.chainId || null,
    unitId: filters.unitId || null,
    stages: filters.stage ? [filters.stage as ProjectStageApi] : null,
    minInvestment: band.min,
    maxInvestment: band.max,
  };
}

function projectCard(p: Project, stalled: boolean, open: (id: string) => void): HTMLElement {
  return h(
    'li',
    { className: `project-card${stalled ? ' stalled' : ''}`, 'data-project-id': p.id },
    h('button', { type: 'button', className: 'linklike', onclick: () => open(p.id) }, p.name),
    ' ',
    sampleBadge(p.origin),
    stalled ? h('span', { className: 'badge warn' }, t('pipeline.stalled')) : null,
    h(
      'div',
      { className: 'hint' },
      [p.investorName, p.area ? areaName(p.area.id) : null, p.investment !== null ? `${p.investment} 亿元` : t('project.unknown')].filter(Boolean).join(' · '),
    ),
  );
}

function board(data: PipelineBoardApi, open: (id: string) => void): HTMLElement {
  const stalled = new Set(data.stalled.map((p) => p.id));
  return h(
    'div',
    { className: 'board', 'data-testid': 'pipeline-board' },
    data.columns.map((c) =>
      h(
        'section',
        { className: 'board-column', 'data-stage': c.stage, 'aria-label': t(`stage.${c.stage}`) },
        h(
          'h3',
          {},
          stageBadge(c.stage),
          ' ',
          h('small', { 'data-testid': 'column-count' }, t('pipeline.column', { n: c.count, amount: Math.round(c.investment * 100) / 100 })),
        ),
        c.unknownInvestment ? h('p', { className: 'hint' }, t('pipeline.unknownAmount', { n: c.unknownInvestment })) : null,
        h(
          'ul',
          {},
          c.projects.map((p) => projectCard(p, stalled.has(p.id), open)),
        ),
        c.count > c.projects.length ? h('p', { className: 'hint' }, t('pipeline.more', { n: c.count - c.projects.length })) : null,
      ),
    ),
  );
}

function percent(x: number): number {
  return Math.round(x * 1000) / 10;
}

/** Warnings: stalled projects and targets behind the pace the plan's dates imply (parts of the chosen area). */
function warnings(data: PipelineBoardApi, behind: TargetBasis[], open: (id: string) => void): HTMLElement {
  return h(
    'aside',
    { className: 'warnings', 'data-testid': 'pipeline-warnings', role: 'region', 'aria-label': t('pipeline.warnings') },
    h('h3', {}, t('pipeline.warnings')),
    h(
      'details',
      {},
      h('summary', {}, t('pipeline.stalledList', { days: data.stalledDays, n: data.stalled.length })),
      h(
        'ul',
        {},
        data.stalled.map((p) =>
          h(
            'li',
            {},
            h('button', { type: 'button', className: 'linklike', onclick: () => open(p.id) }, p.name),
            h('small', { className: 'hint' }, ` ${t('project.lastActivity')} ${p.lastActivityAt?.slice(0, 10) ?? '—'}`),
          ),
        ),
      ),
    ),
    h(
      'details',
      {},
      h('summary', {}, t('pipeline.behindList', { n: behind.length })),
      h(
        'ul',
        {},
        behind.map((b) => h('li', {}, t('pipeline.behindItem', { name: b.target.name, p: percent(b.ratio ?? 0), e: percent(b.expectedRatio) }))),
      ),
    ),
  );
}

function newProjectForm(area: AreaChoice, actions: PipelineViewActions): HTMLElement {
  const form = h('form', { className: 'new-project', 'data-testid': 'new-project' });
  const nameInput = h('input', { type: 'text', name: 'name', required: true, maxlength: 200 });
  const investor = h('input', { type: 'text', name: 'investorName', maxlength: 200 });
  const areaSelect = h(
    'select',
    { name: 'areaId' },
    localAreaChoices().map((a) => h('option', { value: a.id, selected: a.id === area }, localAreaName(a.id))),
  );
  const chain = h(
    'select',
    { name: 'chainId' },
    h('option', { value: '' }, '—'),
    actions.chains.map((c) => h('option', { value: c.id }, getLang() === 'en' && c.nameEn ? c.nameEn : c.name)),
  );
  const investment = h('input', { type: 'number', name: 'investment', min: 0, step: 'any' });
  const message = h('p', { className: 'hint', role: 'status' });
  form.append(
    h('label', { className: 'field' }, h('span', {}, t('project.name')), nameInput),
    h('label', { className: 'field' }, h('span', {}, t('project.investor')), investor),
    h('label', { className: 'field' }, h('span', {}, t('project.area')), areaSelect),
    h('label', { className: 'field' }, h('span', {}, t('project.chain')), chain),
    h('label', { className: 'field' }, h('span', {}, t('project.investment')), investment),
    h('button', { type: 'submit' }, t('pipeline.newProject')),
    message,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void createProject({
      name: nameInput.value,
      investorName: investor.value.trim() || null,
      areaId: areaSelect.value,
      chainIds: chain.value ? [chain.value] : null,
      investment: investment.value.trim() === '' ? null : Number(investment.value),
    }).then(
      (p) => actions.openProject(p.id),
      (err: unknown) => (message.textContent = errorText(err)),
    );
  });
  return h('details', {}, h('summary', {}, t('pipeline.newProject')), form);
}

function filterBar(area: AreaChoice, actions: PipelineViewActions, reload: () => void): HTMLElement {
  const bind = <E extends HTMLSelectElement | HTMLInputElement>(el: E, apply: (value: string) => void) => {
    el.addEventListener('change', () => {
      apply(el.value);
      reload();
    });
    return el;
  };
  const chain = bind(
    h(
      'select',
      { name: 'chain' },
      h('option', { value: '' }, t('allChains')),
      actions.chains.map((c) => h('option', { value: c.id, selected: c.id === filters.chainId }, getLang() === 'en' && c.nameEn ? c.nameEn : c.name)),
    ),
    (v) => (filters.chainId = v),
  );
  const unit = bind(
    h('select', { name: 'unit', 'data-testid': 'unit-filter' }, h('option', { value: '' }, t('pipeline.allUnits'))),
    (v) => (filters.unitId = v),
  );
  void planUnits().then(
    (all) =>
      unit.append(
        ...all.filter((u) => area === 'both' || u.areaIds.includes(area)).map((u) => h('option', { value: u.id, selected: u.id === filters.unitId }, u.name)),
      ),
    () => undefined,
  );
  const stage = bind(
    h(
      'select',
      { name: 'stage' },
      h('option', { value: '' }, t('pipeline.allStages')),
      PROJECT_STAGES_API.map((s) => h('option', { value: s, selected: s === filters.stage }, t(`stage.${s}`))),
    ),
    (v) => (filters.stage = v),
  );
  const band = bind(
    h(
      'select',
      { name: 'band' },
      Object.keys(AMOUNT_BANDS).map((b) => h('option', { value: b, selected: b === filters.band }, t(`pipeline.band.${b}` as 'pipeline.band.any'))),
    ),
    (v) => (filters.band = v),
  );
  const days = bind(
    h('input', { type: 'number', name: 'stalledDays', min: 1, max: 3650, step: 1, value: filters.stalledDays ?? '' }),
    (v) => (filters.stalledDays = v ? Number(v) : null),
  );
  return h(
    'div',
    { className: 'filters', 'data-testid': 'pipeline-filters' },
    h('span', {}, `${t('area')}：${area === 'both' ? allLocalLabel() : areaName(area)}`),
    h('label', { className: 'field' }, h('span', {}, t('chain')), chain),
    h('label', { className: 'field' }, h('span', {}, t('pipeline.unit')), unit),
    h('label', { className: 'field' }, h('span', {}, t('pipeline.stage')), stage),
    h('label', { className: 'field' }, h('span', {}, t('pipeline.band')), band),
    h('label', { className: 'field' }, h('span', {}, t('pipeline.stalledDays')), days),
  );
}

/** The pipeline board of the chosen area: filters, warnings, columns by stage, and the selected project's panel. */
export async function renderPipelineView(container: HTMLElement, area: AreaChoice, selected: string | null, actions: PipelineViewActions): Promise<void> {
  const body = h('div', { className: 'pipeline-body' });
  const panel = h('aside', { className: 'panel project-panel', 'data-testid': 'project-panel' });
  const total = h('p', { className: 'hint', role: 'status' });
  const reload = () => void load();
  container.replaceChildren(
    h(
      'h2',
      {},
      `${t('pipeline.title')} · ${area === 'both' ? allLocalLabel() : areaName(area)} `,
      h('button', { type: 'button', 'data-testid': 'open-report', onclick: () => actions.openReport() }, t('view.report')),
    ),
    filterBar(area, actions, reload),
    actions.canEdit ? newProjectForm(area, actions) : '',
    total,
    h('div', { className: 'pipeline-layout' }, body, selected ? panel : ''),
  );
  const open = (id: string) => actions.openProject(id);
  async function load(): Promise<void> {
    await loadInto(
      body,
      async () => {
        const [data, targets] = await Promise.all([
          fetchPipelineBoard(filterOf(area), PER_STAGE, filters.stalledDays),
          fetchTargetBasis(area === 'both' ? null : area).catch(() => []),
        ]);
        return { data, targets };
      },
      ({ data, targets }) => {
        total.textContent = t('pipeline.total', { n: data.totalCount });
        const behind = targets.flatMap((x) => [x, ...(x.parts ?? [])]).filter((x) => x.behindPace === true);
        return [warnings(data, behind, open), board(data, open)];
      },
    );
  }
  const tasks: Promise<void>[] = [load()];
  if (selected) {
    const panelActions = {
      canEdit: actions.canEdit,
      changed: (id: string) => {
        void load();
        void renderProjectPanel(panel, id, panelActions).catch((e: unknown) => panel.replaceChildren(h('p', { className: 'error' }, errorText(e))));
      },
      close: () => actions.openProject(null),
    };
    tasks.push(renderProjectPanel(panel, selected, panelActions));
  }
  await Promise.all(tasks);
}
