import { fetchTaskResponsibilities, fetchUnit, type Responsibility, type UnitOverview, type UnitRole } from '../api.ts';
import { getLang, t } from '../i18n.ts';
import type { AreaChoice } from '../state/url-state.ts';
import { areaIdsOf } from '../state/local-areas.ts';
import { h, loadInto } from './dom.ts';
import { areaName, gapBadge } from './panels.ts';
import { gapKind } from '../state/map-model.ts';

export interface ResponsibilityActions {
  openUnit(unitId: string | null): void;
  openChain(chainId: string): void;
  openGap(gap: { id: string; segmentId: string; chainId: string | null }): void;
}

/** Units that appear in any task, with the areas they serve, sorted by name (Chinese collation). */
export function unitsOf(tasks: readonly Responsibility[]): { id: string; name: string; areaIds: string[] }[] {
  const units = new Map<string, { id: string; name: string; areaIds: Set<string> }>();
  for (const task of tasks)
    for (const area of task.areas)
      for (const r of [...area.leads, ...area.supports]) {
        const u = units.get(r.unitId) ?? { id: r.unitId, name: r.unitName, areaIds: new Set<string>() };
        if (r.areaId) u.areaIds.add(r.areaId);
        units.set(r.unitId, u);
      }
  return [...units.values()].map((u) => ({ id: u.id, name: u.name, areaIds: [...u.areaIds] })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

function roleNames(list: UnitRole[], actions: ResponsibilityActions): (Node | string)[] {
  if (list.length === 0) return ['—'];
  return list.flatMap((r, i) => [i ? '、' : '', h('button', { type: 'button', className: 'linklike', onclick: () => actions.openUnit(r.unitId) }, r.unitName)]);
}

function taskTable(tasks: readonly Responsibility[], area: AreaChoice, actions: ResponsibilityActions): HTMLElement {
  const areaIds = areaIdsOf(area);
  return h(
    'table',
    { className: 'list', 'data-testid': 'task-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('task')),
        ...areaIds.flatMap((a) => [
          h('th', { scope: 'col' }, `${areaName(a)} · ${t('leadUnit')}`),
          h('th', { scope: 'col' }, `${areaName(a)} · ${t('supportUnit')}`),
        ]),
      ),
    ),
    h(
      'tbody',
      {},
      tasks.map((task) =>
        h(
          'tr',
          { 'data-id': task.nodeId },
          h('th', { scope: 'row' }, `${task.nodeId.replace('task:', '')}. ${task.name ?? task.nodeId}`),
          ...areaIds.flatMap((a) => {
            const part = task.areas.find((x) => x.areaId === a);
            return [h('td', {}, ...roleNames(part?.leads ?? [], actions)), h('td', {}, ...roleNames(part?.supports ?? [], actions))];
          }),
        ),
      ),
    ),
  );
}

function unitDetail(unit: UnitOverview, actions: ResponsibilityActions): Node[] {
  const byTask = new Map<string, UnitRole[]>();
  for (const d of unit.duties) byTask.set(d.taskId ?? d.unitId, [...(byTask.get(d.taskId ?? d.unitId) ?? []), d]);
  const lang = getLang();
  return [
    h('h3', { 'data-testid': 'unit-title' }, t('unitTasks', { unit: unit.name })),
    h(
      'ul',
      {},
      [...byTask.values()].map((duties) => {
        const d = duties[0]!;
        return h(
          'li',
          {},
          `${d.taskNo ?? ''}. ${d.taskName ?? d.taskId ?? ''} — `,
          duties.map((x) => `${areaName(x.areaId)} ${t(x.role === 'LEAD' ? 'leadUnit' : 'supportUnit')}`).join('；'),
        );
      }),
    ),
    h('h3', {}, t('chains')),
    unit.chains.length
      ? h(
          'p',
          {},
          unit.chains.flatMap((c, i) => [
            i ? '、' : '',
            h('button', { type: 'button', className: 'linklike', onclick: () => actions.openChain(c.id) }, c.name),
          ]),
        )
      : h('p', { className: 'hint' }, t('noData')),
    h('h3', {}, `${t('openGaps')} (${unit.openGaps.length})`),
    unit.openGaps.length
      ? h(
          'ul',
          {},
          unit.openGaps.map((g) =>
            h(
              'li',
              {},
              gapBadge(gapKind(g.kind)),
              ' ',
              h(
                'button',
                { type: 'button', className: 'linklike', onclick: () => actions.openGap(g) },
                `${g.segmentName}${g.areaName ? ` · ${lang === 'en' ? areaName(g.areaId) : g.areaName}` : ''}`,
              ),
              g.reason ? h('small', { className: 'hint' }, ` ${g.reason}`) : null,
            ),
          ),
        )
      : h('p', { className: 'hint' }, t('noData')),
  ];
}

/**
 * The responsibility view: the task table (lead and supporting units per area)
 * and, for the chosen unit, its tasks, chains and open gaps.
 */
export async function renderResponsibilityView(container: HTMLElement, area: AreaChoice, unitId: string | null, actions: ResponsibilityActions): Promise<void> {
  const tasksBox = h('div', { className: 'tasks' });
  const unitBox = h('section', { className: 'card', 'aria-live': 'polite' });
  const unitSelect = h('select', {
    id: 'unit-select',
    'aria-label': t('unit'),
    onchange: (e: Event) => actions.openUnit((e.target as HTMLSelectElement).value || null),
  });
  container.replaceChildren(
    h('h2', {}, t('view.responsibility')),
    h('div', { className: 'actions' }, h('label', {}, `${t('unit')} `, unitSelect)),
    unitBox,
    h('h3', {}, t('byTask')),
    tasksBox,
  );
  let tasks: Responsibility[] = [];
  await loadInto(tasksBox, fetchTaskResponsibilities, (data) => {
    tasks = data;
    return taskTable(data, area, actions);
  });
  const units = unitsOf(tasks).filter((u) => area === 'both' || u.areaIds.includes(area));
  unitSelect.replaceChildren(new Option(`— ${t('chooseUnit')} —`, ''), ...units.map((u) => new Option(u.name, u.id, false, u.id === unitId)));
  if (!unitId) {
    unitBox.replaceChildren(h('p', { className: 'hint' }, t('chooseUnit')));
    return;
  }
  await loadInto(
    unitBox,
    () => fetchUnit(unitId),
    (unit) => (unit ? unitDetail(unit, actions) : h('p', { className: 'error' }, t('loadFailed', { msg: unitId }))),
  );
}
