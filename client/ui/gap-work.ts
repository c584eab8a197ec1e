import { fetchGapProjects, saveGapWork, startLead, type GapStatusApi, type Project } from '../api.ts';
import { t } from '../i18n.ts';
import { gapStatus, storedGapId, type MapGap } from '../state/map-model.ts';
import { errorText, h, loadInto, sampleBadge } from './dom.ts';
import { planUnits, selectedValues, unitMultiSelect } from './unit-options.ts';

const STATUSES: GapStatusApi[] = ['OPEN', 'IN_PROGRESS', 'FILLED', 'DISMISSED'];
const statusText = (s: GapStatusApi) => t(`status.${s.toLowerCase() as 'open'}`);

export interface GapWorkActions {
  canEdit: boolean;
  /** The area a lead of an all-areas gap lands in (the area chosen on the map), or null. */
  areaId: string | null;
  openProject(projectId: string): void;
  /** Called after the gap was changed, to reload the map's analysis. */
  changed(): void;
}

export function projectLine(p: Project, open: (id: string) => void): HTMLElement {
  return h(
    'li',
    { 'data-project-id': p.id },
    h('span', { className: `badge stage stage-${p.stage.toLowerCase()}` }, t(`stage.${p.stage}`)),
    ' ',
    h('button', { type: 'button', className: 'linklike', onclick: () => open(p.id) }, p.name),
    ' ',
    sampleBadge(p.origin),
    p.investment !== null ? h('small', { className: 'hint' }, ` ${p.investment} 亿元`) : null,
  );
}

/**
 * The work on one gap, under the gap in the segment panel: its status and note
 * for everyone, the leads and projects filling it, the 已填补 proposal, and for
 * editors the status / note / units form and a button to start a lead.
 */
export function renderGapWork(g: MapGap, actions: GapWorkActions): HTMLElement {
  const box = h('div', { className: 'gap-work', 'data-testid': 'gap-work' });
  const status = gapStatus(g);
  const note = g.saved?.note ?? g.detected?.savedGaps?.[0]?.note ?? null;
  const storedId = storedGapId(g);
  const statusLine = h(
    'p',
    { 'data-testid': 'gap-status' },
    t('gap.statusLabel', { s: statusText(status ?? 'OPEN') }),
    note ? h('span', { className: 'hint' }, ` · ${note}`) : null,
  );
  const projects = h('div', { 'data-testid': 'gap-projects' });
  box.append(statusLine, h('h4', {}, t('gap.projects')), projects);
  void loadInto(
    projects,
    () => fetchGapProjects(storedId),
    (work) => {
      const nodes: Node[] = [
        work.projects.length
          ? h(
              'ul',
              { className: 'projects' },
              work.projects.map((p) => projectLine(p, actions.openProject)),
            )
          : h('p', { className: 'hint' }, t('gap.noProjects')),
      ];
      if (work.fillProposedBy.length) {
        nodes.push(
          h(
            'p',
            { className: 'proposal', role: 'status', 'data-testid': 'fill-proposal' },
            t('gap.proposeFilled', { s: statusText('FILLED'), names: work.fillProposedBy.map((p) => p.name).join('、') }),
            actions.canEdit
              ? h('button', { type: 'button', 'data-testid': 'confirm-filled', onclick: () => void save('FILLED', note, null, null) }, t('gap.confirmFilled'))
              : null,
          ),
        );
      }
      return nodes;
    },
  );
  const message = h('p', { className: 'hint', role: 'status' });

  async function save(next: GapStatusApi, nextNote: string | null, lead: string[] | null, support: string[] | null): Promise<void> {
    try {
      const responsible = g.saved?.responsible ?? g.detected?.responsible ?? [];
      await saveGapWork(
        {
          id: storedId,
          saved: !!(g.saved || g.detected?.saved),
          kind: g.detected?.kind ?? g.saved!.kind,
          segmentId: g.segmentId,
          areaId: g.saved?.areaId ?? g.detected?.areaId ?? null,
          chainId: g.saved?.chainId ?? g.detected?.chainIds[0] ?? null,
        },
        {
          status: next,
          note: nextNote,
          leadUnitIds: lead ?? responsible.filter((r) => r.role === 'LEAD').map((r) => r.unitId),
          supportUnitIds: support ?? responsible.filter((r) => r.role === 'SUPPORT').map((r) => r.unitId),
        },
      );
      message.textContent = t('project.saved');
      actions.changed();
    } catch (e) {
      message.textContent = errorText(e);
    }
  }

  if (actions.canEdit) {
    const form = h('form', { className: 'gap-form', 'data-testid': 'gap-form' });
    const select = h(
      'select',
      { name: 'status', 'data-testid': 'gap-status-select' },
      STATUSES.map((s) => h('option', { value: s, selected: s === (status ?? 'OPEN') }, statusText(s))),
    );
    const noteInput = h('textarea', { name: 'note', rows: 2 });
    noteInput.value = note ?? '';
    const unitsBox = h('div', {});
    const responsible = g.saved?.responsible ?? g.detected?.responsible ?? [];
    void loadInto(unitsBox, planUnits, (all) => [
      h(
        'label',
        { className: 'field' },
        h('span', {}, t('gap.leadUnits')),
        unitMultiSelect(
          all,
          responsible.filter((r) => r.role === 'LEAD').map((r) => r.unitId),
          { name: 'lead' },
        ),
      ),
      h(
        'label',
        { className: 'field' },
        h('span', {}, t('gap.supportUnits')),
        unitMultiSelect(
          all,
          responsible.filter((r) => r.role === 'SUPPORT').map((r) => r.unitId),
          { name: 'support' },
        ),
      ),
    ]);
    form.append(
      h('label', { className: 'field' }, h('span', {}, t('gap.status')), select),
      h('label', { className: 'field' }, h('span', {}, t('gap.note')), noteInput),
      unitsBox,
      h('button', { type: 'submit', 'data-testid': 'save-gap' }, t('gap.saveWork')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const lead = form.querySelector<HTMLSelectElement>('select[name=lead]');
      const support = form.querySelector<HTMLSelectElement>('select[name=support]');
      void save(select.value as GapStatusApi, noteInput.value.trim() || null, lead ? selectedValues(lead) : null, support ? selectedValues(support) : null);
    });
    box.append(
      h('details', {}, h('summary', {}, t('gap.work')), form),
      h(
        'div',
        { className: 'actions' },
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'new-lead',
            onclick: () =>
              void startLead({ gapId: storedId, areaId: actions.areaId }).then(
                (p) => actions.openProject(p.id),
                (e: unknown) => (message.textContent = errorText(e)),
              ),
          },
          t('gap.newLead'),
        ),
      ),
    );
  }
  box.append(message);
  return box;
}

/** The one-click button of a supplier candidate: starts a lead with the candidate as investor. */
export function candidateLeadButton(gapId: string, enterpriseId: string, actions: Pick<GapWorkActions, 'areaId' | 'openProject'>): HTMLElement {
  const button = h('button', { type: 'button', className: 'small', 'data-testid': 'candidate-to-lead' }, t('candidate.toLead'));
  button.addEventListener('click', () => {
    button.disabled = true;
    void startLead({ gapId, enterpriseId, areaId: actions.areaId }).then(
      (p) => actions.openProject(p.id),
      (e: unknown) => {
        button.disabled = false;
        button.title = errorText(e);
        button.textContent = errorText(e);
      },
    );
  });
  return button;
}
