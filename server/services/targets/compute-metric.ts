import type { QueryRunner } from '../../store/store.ts';
import { PLAN_START, type TargetRecord, type YearValue } from './target-types.ts';
import { areaScopeIds } from '../areas/area-scope.ts';
import { listProjects } from '../projects/projects.ts';
import type { Project } from '../projects/project-types.ts';
import { countProjects, PROJECT_METRICS } from './project-metrics.ts';

/** 万元 per 亿元: enterprise output is stored in 万元, the plan counts in 亿元. */
export const WAN_PER_YI = 10_000;

interface AreaMetricsRow {
  enterprises: number;
  aboveScaleCount: number;
  aboveScaleOutput: number | null;
  over100m: number;
  over1b: number;
  over10b: number;
  highTech: number;
  strategicEmerging: number;
  specialised: number;
  littleGiants: number;
}

/**
 * Metric codes of seeds/targets.yaml the graph can compute, each from local
 * enterprises in the target's scope. Counts are of enterprises today (a stock),
 * while most targets say 新增 (an increase): compare with a baseline Progress.
 */
const AREA_METRICS: Record<string, (row: AreaMetricsRow) => number> = {
  above_scale_count: (r) => r.aboveScaleCount,
  above_scale_output: (r) => (r.aboveScaleOutput ?? 0) / WAN_PER_YI,
  enterprises_over_100m: (r) => r.over100m,
  enterprises_over_1b: (r) => r.over1b,
  enterprises_over_10b: (r) => r.over10b,
  high_tech_count: (r) => r.highTech,
  strategic_emerging_count: (r) => r.strategicEmerging,
  specialised_count: (r) => r.specialised,
  little_giant_count: (r) => r.littleGiants,
};

export const COMPUTABLE_METRICS = [...Object.keys(AREA_METRICS), 'chain_output', ...Object.keys(PROJECT_METRICS)];

/** A computed figure; project counts also come per signing year. */
export interface Computed {
  value: number;
  byYear: YearValue[] | null;
}

export function isComputable(metric: string | null): metric is string {
  return metric !== null && COMPUTABLE_METRICS.includes(metric);
}

/**
 * Computes metrics for targets, caching query results per scope so the ~60
 * targets of the plan cost a handful of queries. Scope: a per-area part counts
 * enterprises in its area and the areas PART_OF it; a whole counts those in the
 * areas it MEASURES, or every local enterprise when it measures none.
 */
export function createMetricComputer(runner: QueryRunner) {
  const descendants = new Map<string, Promise<string[]>>();
  const results = new Map<string, Promise<unknown>>();

  function areaTree(areaId: string): Promise<string[]> {
    let ids = descendants.get(areaId);
    if (!ids) {
      ids = areaScopeIds(runner, areaId);
      descendants.set(areaId, ids);
    }
    return ids;
  }

  async function scopeOf(target: TargetRecord): Promise<string[] | null> {
    const roots = target.areas.length ? target.areas.map((a) => a.id) : target.measures.filter((m) => m.label === 'Area').map((m) => m.id);
    if (roots.length === 0) return null;
    const trees = await Promise.all(roots.map(areaTree));
    return [...new Set(trees.flat())].sort();
  }

  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = results.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      results.set(key, value);
    }
    return value;
  }

  /** The metric's value today, in the target's unit; null when the metric is not computable. */
  return async function compute(target: TargetRecord): Promise<Computed | null> {
    if (!isComputable(target.metric)) return null;
    const areaIds = await scopeOf(target);
    if (target.metric in PROJECT_METRICS) {
      const projects = await cached<Project[]>('projects', () => listProjects(runner));
      return countProjects(projects, target.metric, areaIds, PLAN_START, target.deadline ?? '9999-12-31');
    }
    const value = await stockValue(target, target.metric, areaIds);
    return value === null ? null : { value, byYear: null };
  };

  async function stockValue(target: TargetRecord, metric: string, areaIds: string[] | null): Promise<number | null> {
    if (metric === 'chain_output') {
      const chainIds = target.measures
        .filter((m) => m.label === 'Chain')
        .map((m) => m.id)
        .sort();
      if (chainIds.length === 0) return null;
      const row = await cached(`chain:${chainIds.join(',')}|${areaIds?.join(',') ?? '*'}`, async () => {
        const [r] = await runner.run<{ output: number | null }>('read/targets/chain-output', { chainIds, areaIds });
        return r;
      });
      return (row?.output ?? 0) / WAN_PER_YI;
    }
    const row = await cached(`area:${areaIds?.join(',') ?? '*'}`, async () => {
      const [r] = await runner.run<AreaMetricsRow>('read/targets/area-metrics', { areaIds });
      return r;
    });
    return row ? AREA_METRICS[metric]!(row) : 0;
  }
}
