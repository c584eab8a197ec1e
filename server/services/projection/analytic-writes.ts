/**
 * Write queries that never change what the projection holds (segments, chains,
 * enterprises, areas and their HAS_SEGMENT, FEEDS, OPERATES_IN, LOCATED_IN and
 * SUPPLIES; and the explorable graph's topology: nodes with explorable labels and
 * the relationships between them, not their properties): users and sessions,
 * audit entries, a saved gap's status, projects, baselines, search names and the
 * seed marker. A commit of these only keeps the projection current, so signing in
 * or moving a gap along the pipeline costs no rebuild. Saving a gap, its
 * responsible units and recording progress add explorable nodes or relationships:
 * they do.
 */
const UNRELATED_WRITES = [
  'write/auth/',
  'write/audit/',
  'write/gaps/set-gap-status',
  'write/projects/',
  'write/targets/record-baseline',
  'write/enterprises/search-names',
  'write/seed/meta',
];

/** Whether a committed transaction that ran these queries may have changed the projection (analytic subgraph or explorable topology). */
export const changesAnalyticGraph = (queryNames: readonly string[]): boolean =>
  queryNames.some((name) => !name.startsWith('read/') && !UNRELATED_WRITES.some((prefix) => name.startsWith(prefix)));
