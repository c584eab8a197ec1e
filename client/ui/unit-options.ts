import { fetchTaskResponsibilities } from '../api.ts';
import { unitsOf } from './responsibility-view.ts';
import { h } from './dom.ts';

let units: Promise<{ id: string; name: string; areaIds: string[] }[]> | null = null;

/** Every unit named in the plan's tasks (loaded once), for unit pickers and filters. */
export function planUnits(): Promise<{ id: string; name: string; areaIds: string[] }[]> {
  units ??= fetchTaskResponsibilities()
    .then(unitsOf)
    .catch((e: unknown) => {
      units = null;
      throw e;
    });
  return units;
}

/** A multiple select of units with `selected` ticked. */
export function unitMultiSelect(all: { id: string; name: string }[], selected: readonly string[], attrs: Record<string, string> = {}): HTMLSelectElement {
  const select = h('select', { multiple: true, size: 4, ...attrs });
  for (const u of all) {
    const option = new Option(u.name, u.id);
    option.selected = selected.includes(u.id);
    select.append(option);
  }
  return select;
}

export const selectedValues = (select: HTMLSelectElement): string[] => [...select.selectedOptions].map((o) => o.value);
