import type { QueryRunner } from '../../store/store.ts';
import { NotFoundError } from '../../errors.ts';

/**
 * The ids of an area and of every area PART_OF it, at any depth: what "in 巢湖市"
 * means for enterprises located in its towns and parks. NOT_FOUND for an
 * unknown area, so a mistyped id never reads as an empty area.
 */
export async function areaScopeIds(runner: QueryRunner, areaId: string): Promise<string[]> {
  const rows = await runner.run<{ id: string }>('read/explore/area-descendants', { areaId });
  if (rows.length === 0) throw new NotFoundError('Area', areaId);
  return rows.map((r) => r.id);
}
