import type { CandidateFilter } from '../api.ts';

/** The filter on the candidate list, kept while the user moves between gaps (the server applies it). */
let current: CandidateFilter = {};

export function candidateFilter(): CandidateFilter {
  return current;
}

export function setCandidateFilter(filter: CandidateFilter): void {
  current = filter;
}

/** The filter as the API takes it: empty lists and unset conditions left out, null when nothing filters. */
export function apiFilter(filter: CandidateFilter): CandidateFilter | null {
  const out: CandidateFilter = {};
  if (filter.regions?.length) out.regions = filter.regions;
  if (filter.aboveScale != null) out.aboveScale = filter.aboveScale;
  if (filter.tags?.length) out.tags = filter.tags;
  if (filter.inSegmentOnly) out.inSegmentOnly = true;
  return Object.keys(out).length ? out : null;
}
