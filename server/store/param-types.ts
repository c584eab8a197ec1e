/**
 * The TypeScript type of every query parameter, by name: a name means one thing
 * across cypher/ ($areaId is always an area id or null for every area, $rows
 * always a batch of row objects). `npm run codegen` (server/cli/codegen-queries.ts)
 * writes each query's parameters with these types into QueryParams, so
 * `store.run('name', params)` fails the typecheck when a parameter is missing,
 * misnamed or of the wrong type; a header naming a parameter not listed here
 * fails codegen. Null is a value a query reads as "no filter" / "unknown".
 */
export const PARAM_TYPES: Readonly<Record<string, string>> = {
  // ids of one node; null where the query reads null as "any" / "every area"
  id: 'string',
  nodeId: 'string',
  userId: 'string',
  projectId: 'string',
  targetId: 'string',
  unitId: 'string',
  gapId: 'string',
  enterpriseId: 'string',
  fromId: 'string',
  toId: 'string',
  entityId: 'string | null',
  exceptId: 'string | null',
  areaId: 'string | null',
  segmentId: 'string | null',
  chainId: 'string | null',
  taskId: 'string | null',
  // lists of ids or values; null where the query reads null as "no filter"
  ids: 'readonly string[] | null',
  areaIds: 'readonly string[] | null',
  segmentIds: 'readonly string[] | null',
  chainIds: 'readonly string[] | null',
  taskIds: 'readonly string[] | null',
  unitIds: 'readonly string[] | null',
  parkIds: 'readonly string[] | null',
  projectIds: 'readonly string[] | null',
  enterpriseIds: 'readonly string[] | null',
  gapIds: 'readonly string[] | null',
  statuses: 'readonly string[] | null',
  kinds: 'readonly string[] | null',
  stages: 'readonly string[] | null',
  tags: 'readonly string[] | null',
  labels: 'readonly string[]',
  exclude: 'readonly string[]',
  keep: 'readonly string[]',
  // batches and property maps
  rows: 'readonly object[]',
  /** a batch as one list per field, all of one length (null where a row has no value): cheaper to pass to Grafeo than row maps */
  columns: 'Readonly<Record<string, readonly unknown[]>>',
  props: 'object',
  units: 'readonly object[]',
  demandSegments: 'Readonly<Record<string, boolean>>',
  /** ids as keys: the set the query looks ids up in */
  among: 'Readonly<Record<string, boolean>>',
  /** explorable label → ids of nodes carrying it (the explore projection's lookups, one index per label) */
  byLabel: 'Readonly<Record<string, readonly string[]>>',
  // texts
  name: 'string',
  role: 'string | null',
  kind: 'string',
  status: 'string | null',
  origin: 'string',
  note: 'string | null',
  reason: 'string | null',
  source: 'string | null',
  product: 'string | null',
  region: 'string | null',
  uscc: 'string',
  q: 'string',
  raw: 'string',
  prefix: 'string',
  nameContains: 'string | null',
  nameNormalised: 'string | null',
  tokenHash: 'string',
  passwordHash: 'string',
  createdBy: 'string | null',
  version: 'string',
  // audit entries (JSON texts of the arguments and the entity before and after)
  actor: 'string',
  actorKind: 'string',
  operation: 'string | null',
  field: 'string | null',
  entityLabel: 'string | null',
  args: 'string | null',
  before: 'string | null',
  summary: 'string | null',
  // a paging cursor, or an audit entry's state after the change
  after: 'string | null',
  // a relationship type chosen at run time among RELATIONSHIP_TYPES (the dump reads one type per pass)
  relType: 'string',
  // node ids of a path, or a project's stages before and after an event
  from: 'string | null',
  to: 'string | null',
  // ISO dates and times
  date: 'string | null',
  at: 'string',
  now: 'string',
  createdAt: 'string',
  updatedAt: 'string',
  revokedAt: 'string',
  expiresAt: 'string',
  takenAt: 'string',
  recordedAt: 'string',
  loadedAt: 'string',
  // numbers and flags
  limit: 'number',
  idLimit: 'number',
  first: 'number',
  minShare: 'number',
  share: 'number | null',
  value: 'number',
  minInvestment: 'number | null',
  maxInvestment: 'number | null',
  local: 'boolean | null',
  aboveScale: 'boolean | null',
  ok: 'boolean',
  withProperties: 'boolean',
  replace: 'boolean',
};
