import { ValidationError } from '../../errors.ts';
import type { ScoreFacts } from './score.ts';

/** Which candidates a list shows; ranks stay those of the whole ranking. */
export interface CandidateFilter {
  /** Region classes to keep; 'unknown' keeps candidates whose region is not known. */
  regions?: string[] | null;
  /** true: 规上 only; false: only those known not to be 规上 (unknown is dropped by either). */
  aboveScale?: boolean | null;
  /** Keep candidates carrying at least one of these tags. */
  tags?: string[] | null;
  /** Only candidates operating in a target segment itself. */
  inSegmentOnly?: boolean | null;
}

export const REGION_CLASSES = ['local', 'anhui', 'yrd', 'other', 'unknown'] as const;

/** A predicate over scoring facts, or null when the filter keeps everything. Bad values are refused by field. */
export function candidatePredicate(filter: CandidateFilter | null | undefined): ((f: ScoreFacts) => boolean) | null {
  if (!filter) return null;
  const { regions, aboveScale, tags, inSegmentOnly } = filter;
  for (const r of regions ?? []) {
    if (!(REGION_CLASSES as readonly string[]).includes(r))
      throw new ValidationError(`filter.regions: '${r}' is not one of ${REGION_CLASSES.join(', ')}`, 'filter.regions');
  }
  if (regions && regions.length === 0) throw new ValidationError('filter.regions: give at least one region class, or leave it out', 'filter.regions');
  if (tags && tags.length === 0) throw new ValidationError('filter.tags: give at least one tag, or leave it out', 'filter.tags');
  const checks: ((f: ScoreFacts) => boolean)[] = [];
  if (regions) checks.push((f) => regions.includes(f.region ?? 'unknown'));
  if (aboveScale != null) checks.push((f) => f.aboveScale === aboveScale);
  if (tags) checks.push((f) => (f.tags ?? []).some((t) => tags.includes(t)));
  if (inSegmentOnly) checks.push((f) => f.direct);
  return checks.length ? (f) => checks.every((c) => c(f)) : null;
}
