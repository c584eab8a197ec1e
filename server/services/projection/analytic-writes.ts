/**
 * Write queries that never change what the projection holds (segments, chains,
 * enterprises, areas and their HAS_SEGMENT, FEEDS, OPERATES_IN, LOCATED_IN and
 * SUPPLIES): users and sessions, audit entries, saved gaps, projects, targets,
 * search names and the seed marker. A commit of these only keeps the projection
 * current, so signing in or moving a gap along the pipeline costs no rebuild.
 */
const UNRELATED_WRITES = [
  'write/auth/',
  'write/audit/',
  'write/gaps/',
  'write/projects/',
  'write/targets/',
  'write/enterprises/search-names',
  'write/seed/meta',
];

/** Whether a committed transaction that ran these queries may have changed the analytic subgraph. */
export const changesAnalyticGraph = (queryNames: readonly string[]): boolean =>
  queryNames.some((name) => !name.startsWith('read/') && !UNRELATED_WRITES.some((prefix) => name.startsWith(prefix)));
