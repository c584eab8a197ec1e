import { roleAtLeast } from '../../auth/roles.ts';
import type { RequestAuth } from '../../auth/request-auth.ts';
import { AuditService } from '../../audit/audit-service.ts';
import type { GraphQLContext } from '../context.ts';

type Ctx = GraphQLContext & { auth?: RequestAuth };

const isAdmin = (ctx: Ctx) => !ctx.auth || roleAtLeast(ctx.auth.principal.role, 'admin');
const auditOf = (ctx: Ctx) => ctx.auth?.audit ?? new AuditService(ctx.store);

export const auditResolvers = {
  Query: {
    auditTrail: (_: unknown, a: { first?: number | null; after?: string | null; entityId?: string | null }, ctx: Ctx) => auditOf(ctx).page({ ...a, accounts: isAdmin(ctx) }),
    auditTrailCsv: (_: unknown, a: { entityId?: string | null }, ctx: Ctx) => auditOf(ctx).csv({ entityId: a.entityId ?? null, accounts: isAdmin(ctx) }),
  },
};
