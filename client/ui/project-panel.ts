import {
  addProjectNote,
  changeProjectStage,
  fetchProject,
  PROJECT_ELEMENTS_API,
  PROJECT_STAGES_API,
  updateProject,
  type Project,
  type ProjectEventApi,
  type ProjectStageApi,
} from '../api.ts';
import { getLang, t } from '../i18n.ts';
import { errorText, h, loadInto, sampleBadge } from './dom.ts';
import { planUnits, selectedValues, unitMultiSelect } from './unit-options.ts';

export interface ProjectPanelActions {
  canEdit: boolean;
  /** After a change: re-render the board and this panel. */
  changed(projectId: string): void;
  close(): void;
}

const name = (r: { name: string | null; nameEn?: string | null } | null) => (r ? (getLang() === 'en' && r.nameEn ? r.nameEn : (r.name ?? '')) : '');
const STAGE_DATES: [ProjectStageApi, keyof Project][] = [
  ['LEAD', 'leadAt'],
  ['NEGOTIATING', 'negotiatingAt'],
  ['SIGNED', 'signedAt'],
  ['STARTED', 'startedAt'],
  ['PRODUCING', 'producingAt'],
  ['DROPPED', 'droppedAt'],
];

export function stageBadge(stage: ProjectStageApi): HTMLElement {
  return h('span', { className: `badge stage stage-${stage.toLowerCase()}`, 'data-stage': stage }, t(`stage.${stage}`));
}

function eventLine(e: ProjectEventApi): HTMLElement {
  const what =
    e.kind === 'created'
      ? `${t('project.created')} · ${t(`stage.${e.to ?? 'LEAD'}`)}`
      : e.kind === 'note'
        ? t('project.note')
        : t('project.event', { from: e.from ? t(`stage.${e.from}`) : '—', to: e.to ? t(`stage.${e.to}`) : '—' });
  return h('li', { 'data-kind': e.kind }, h('strong', {}, what), ` ${e.date ?? e.at.slice(0, 10)} · ${e.actor}`, e.note ? h('div', {}, e.note) : null);
}

function details(p: Project): HTMLElement {
  const row = (label: string, value: Node | string | null) => [h('dt', {}, label), h('dd', {}, value || '—')];
  const amount = (v: number | null) => (v === null ? t('project.unknown') : `${v} 亿元`);
  return h(
    'dl',
    {},
    row(t('project.investor'), p.investorName),
    row(t('project.area'), name(p.area)),
    row(t('project.chain'), p.chains.map(name).join('、')),
    row(t('project.segments'), p.segments.map(name).join('、')),
    row(t('project.investment'), amount(p.investment)),
    row(t('project.plannedOutput'), amount(p.plannedOutput)),
    row(t('project.leadUnit'), p.leadUnit?.name ?? null),
    row(t('project.lookAfter'), p.lookAfterUnits.map((u) => u.name).join('、')),
    row(t('project.elements'), p.elements.map((e) => t(`element.${e}`)).join('、')),
    row(t('project.notes'), p.notes),
    p.dropReason ? row(t('project.reason'), p.dropReason) : [],
  );
}

function stageForm(p: Project, actions: ProjectPanelActions): HTMLElement {
  const form = h('form', { className: 'stage-form', 'data-testid': 'stage-form' });
  const select = h(
    'select',
    { name: 'stage', 'data-testid': 'stage-select' },
    PROJECT_STAGES_API.filter((s) => s !== p.stage).map((s) => h('option', { value: s }, t(`stage.${s}`))),
  );
  const date = h('input', { type: 'date', name: 'date' });
  const note = h('input', { type: 'text', name: 'note', maxlength: 4000 });
  const reason = h('input', { type: 'text', name: 'reason', maxlength: 500 });
  const message = h('p', { className: 'hint', role: 'status' });
  form.append(
    h('label', { className: 'field' }, h('span', {}, t('project.toStage')), select),
    h('label', { className: 'field' }, h('span', {}, t('project.date')), date),
    h('label', { className: 'field' }, h('span', {}, t('project.note')), note),
    h('label', { className: 'field' }, h('span', {}, t('project.reason')), reason),
    h('button', { type: 'submit', 'data-testid': 'stage-submit' }, t('project.changeStage')),
    message,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void changeProjectStage(p.id, select.value as ProjectStageApi, {
      date: date.value || null,
      note: note.value.trim() || null,
      reason: reason.value.trim() || null,
    }).then(
      () => actions.changed(p.id),
      (err: unknown) => (message.textContent = errorText(err)),
    );
  });
  return form;
}

function noteForm(p: Project, actions: ProjectPanelActions): HTMLElement {
  const form = h('form', { className: 'note-form' });
  const note = h('textarea', { name: 'note', rows: 2, maxlength: 4000, 'aria-label': t('project.note') });
  const message = h('p', { className: 'hint', role: 'status' });
  form.append(note, h('button', { type: 'submit' }, t('project.addNote')), message);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void addProjectNote(p.id, note.value).then(
      () => actions.changed(p.id),
      (err: unknown) => (message.textContent = errorText(err)),
    );
  });
  return form;
}

function editForm(p: Project, actions: ProjectPanelActions): HTMLElement {
  const form = h('form', { className: 'edit-form', 'data-testid': 'project-edit' });
  const number = (field: string, value: number | null) => {
    const input = h('input', { type: 'number', name: field, min: 0, step: 'any' });
    input.value = value === null ? '' : String(value);
    return input;
  };
  const investment = number('investment', p.investment);
  const output = number('plannedOutput', p.plannedOutput);
  const elements = PROJECT_ELEMENTS_API.map((e) =>
    h('label', { className: 'check' }, h('input', { type: 'checkbox', name: 'elements', value: e, checked: p.elements.includes(e) }), t(`element.${e}`)),
  );
  const units = h('div', {});
  void loadInto(units, planUnits, (all) => [
    h(
      'label',
      { className: 'field' },
      h('span', {}, t('project.leadUnit')),
      h(
        'select',
        { name: 'leadUnit' },
        h('option', { value: '' }, '—'),
        all.map((u) => h('option', { value: u.id, selected: u.id === p.leadUnit?.id }, u.name)),
      ),
    ),
    h(
      'label',
      { className: 'field' },
      h('span', {}, t('project.lookAfter')),
      unitMultiSelect(
        all,
        p.lookAfterUnits.map((u) => u.id),
        { name: 'lookAfter' },
      ),
    ),
  ]);
  const message = h('p', { className: 'hint', role: 'status' });
  form.append(
    h('label', { className: 'field' }, h('span', {}, t('project.investment')), investment),
    h('label', { className: 'field' }, h('span', {}, t('project.plannedOutput')), output),
    h('fieldset', {}, h('legend', {}, t('project.elements')), elements),
    units,
    h('button', { type: 'submit' }, t('project.save')),
    message,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const amount = (input: HTMLInputElement) => (input.value.trim() === '' ? null : Number(input.value));
    const lead = form.querySelector<HTMLSelectElement>('select[name=leadUnit]');
    const lookAfter = form.querySelector<HTMLSelectElement>('select[name=lookAfter]');
    void updateProject(p.id, {
      investment: amount(investment),
      plannedOutput: amount(output),
      elements: [...form.querySelectorAll<HTMLInputElement>('input[name=elements]:checked')].map((c) => c.value as Project['elements'][number]),
      ...(lead ? { leadUnitId: lead.value || null } : {}),
      ...(lookAfter ? { lookAfterUnitIds: selectedValues(lookAfter) } : {}),
    }).then(
      () => actions.changed(p.id),
      (err: unknown) => (message.textContent = errorText(err)),
    );
  });
  return form;
}

/** A project with its stage dates and history; editors change its stage, add notes and edit its fields. */
export async function renderProjectPanel(container: HTMLElement, projectId: string, actions: ProjectPanelActions): Promise<void> {
  await loadInto(
    container,
    () => fetchProject(projectId),
    (p) => {
      if (!p) return h('p', { className: 'error' }, t('loadFailed', { msg: projectId }));
      return [
        h('div', { className: 'actions' }, h('button', { type: 'button', onclick: () => actions.close() }, `× ${t('project.close')}`)),
        h('h2', { 'data-testid': 'project-title' }, p.name, ' ', stageBadge(p.stage), ' ', sampleBadge(p.origin)),
        details(p),
        h('h3', {}, t('project.stageDates')),
        h(
          'table',
          { className: 'list', 'data-testid': 'stage-dates' },
          h(
            'tbody',
            {},
            STAGE_DATES.filter(([s]) => s !== 'DROPPED' || p.droppedAt).map(([s, field]) =>
              h('tr', { 'data-stage': s }, h('th', { scope: 'row' }, t(`stage.${s}`)), h('td', {}, (p[field] as string | null) ?? '—')),
            ),
          ),
        ),
        actions.canEdit ? h('h3', {}, t('project.changeStage')) : null,
        actions.canEdit ? stageForm(p, actions) : null,
        h('h3', {}, t('project.history')),
        h('ol', { className: 'history', 'data-testid': 'project-history' }, p.events.map(eventLine)),
        actions.canEdit ? noteForm(p, actions) : null,
        actions.canEdit ? h('details', {}, h('summary', {}, t('project.edit')), editForm(p, actions)) : null,
      ].filter((n): n is HTMLElement => n !== null);
    },
  );
}
