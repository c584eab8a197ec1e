import { countsForProjectTarget, signedYear } from '../projects/pipeline-rules.ts';
import type { Project } from '../projects/project-types.ts';
import type { YearValue } from './target-types.ts';

/** Project-count metric codes (seeds/targets.yaml) and the investment (亿元) a project needs to count. */
export const PROJECT_METRICS: Record<string, number> = {
  projects_over_100m: 1,
  projects_over_5b: 50,
  projects_over_10b: 100,
};

/** Projects counting for a project-count target in an area scope, in total and per signing year. */
export function countProjects(
  projects: readonly Project[],
  metric: string,
  areaIds: readonly string[] | null,
  since: string,
  until: string,
): { value: number; byYear: YearValue[] } {
  const min = PROJECT_METRICS[metric]!;
  const counted = projects.filter(
    (p) => (areaIds === null || (p.area !== null && areaIds.includes(p.area.id))) && countsForProjectTarget(p, min, since, until),
  );
  const years = new Map<number | null, number>();
  for (const p of counted) years.set(signedYear(p), (years.get(signedYear(p)) ?? 0) + 1);
  const byYear = [...years.entries()].map(([year, value]) => ({ year, value })).sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999));
  return { value: counted.length, byYear };
}
