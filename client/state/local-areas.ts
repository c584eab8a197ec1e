import { getLang, t } from '../i18n.ts';
import type { AreaChoice } from './url-state.ts';

/** One of the deployment's own areas, as the server lists them (localAreas): the UI's area choices come from data. */
export interface LocalAreaChoice {
  id: string;
  name: string;
  nameEn: string | null;
}

let areas: readonly LocalAreaChoice[] = [];

export function setLocalAreas(list: readonly LocalAreaChoice[]): void {
  areas = list;
}

export function localAreaChoices(): readonly LocalAreaChoice[] {
  return areas;
}

export function isLocalArea(id: string): boolean {
  return areas.some((a) => a.id === id);
}

/** The area ids a choice covers: `both` is every local area. */
export function areaIdsOf(choice: AreaChoice): string[] {
  return choice === 'both' ? areas.map((a) => a.id) : [choice];
}

/** An area's name in the UI language; the id when it is not a local area. */
export function localAreaName(id: string): string {
  const a = areas.find((x) => x.id === id);
  if (!a) return id;
  return getLang() === 'en' && a.nameEn ? a.nameEn : a.name;
}

/** The label of `both`: the local areas' names joined (巢湖市 + 安巢经开区), or "all local areas" when there are many or none. */
export function allLocalLabel(): string {
  return areas.length >= 1 && areas.length <= 3 ? areas.map((a) => localAreaName(a.id)).join(' + ') : t('area.both');
}
