import type { QueryRunner } from '../../store/store.ts';

export interface LocalArea {
  id: string;
  name: string;
  nameEn: string | null;
  level: string | null;
}

/** Larger places first (a city before the zones and towns beside it). */
const LEVEL_ORDER = ['region', 'province', 'city', 'district', 'zone', 'town'];
const rank = (level: string | null) => (level && LEVEL_ORDER.includes(level) ? LEVEL_ORDER.indexOf(level) : LEVEL_ORDER.length);

/**
 * The deployment's own areas (the local scope) at their top: what the UI offers
 * as area choices, labels and plan views (巢湖市 and 安巢经开区 with the Chaohu
 * seed; whatever a new city marks 本地 in its area hierarchy).
 */
export async function localAreas(runner: QueryRunner): Promise<LocalArea[]> {
  const rows = await runner.run<LocalArea>('read/areas/local-roots');
  return rows.sort((a, b) => rank(a.level) - rank(b.level) || a.id.localeCompare(b.id));
}
