import type { QueryParams } from '../../server/store/store.ts';

/** The params of `write/audit/record` for a made-up audit entry, told apart by its summary (tests that need writes of their own). */
export const auditEntry = (summary: string): QueryParams['write/audit/record'] => ({
  id: `audit:${summary}`,
  at: new Date().toISOString(),
  actor: 'test',
  actorKind: 'system',
  role: 'admin',
  operation: null,
  field: 'test',
  args: '{}',
  entityId: null,
  entityLabel: null,
  before: null,
  after: null,
  ok: true,
  summary,
});
