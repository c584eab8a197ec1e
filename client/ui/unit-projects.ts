import { fetchProjects } from '../api.ts';
import { t } from '../i18n.ts';
import { h, loadInto } from './dom.ts';
import { projectLine } from './gap-work.ts';

/** Appends to the responsibility view the projects a unit leads or looks after (包保, task 16). */
export async function renderUnitProjects(container: HTMLElement, unitId: string, openProject: (id: string) => void): Promise<void> {
  const list = h('div', {});
  container.append(h('section', { className: 'unit-projects', 'data-testid': 'unit-projects' }, h('h3', {}, t('unit.projects')), list));
  await loadInto(
    list,
    () => fetchProjects({ unitId }, 200),
    (page) =>
      page.items.length
        ? h(
            'ul',
            { className: 'projects' },
            page.items.map((p) => projectLine(p, openProject)),
          )
        : h('p', { className: 'hint' }, t('project.none')),
  );
}
