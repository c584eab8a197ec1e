import { roleAtLeast } from '../../auth/roles.ts';
import type { RequestAuth } from '../../auth/request-auth.ts';
import { AuditService } from '../../audit/audit-service.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

type Ctx = GraphQLContext & { auth?: RequestAuth };

const isAdmin = (ctx: Ctx) => !ctx.auth || roleAtLeast(ctx.auth.principal.role, 'admin');
const auditOf = (ctx: Ctx) => ctx.auth?.audit ?? new AuditService(ctx.store);

export const auditResolvers: Resolvers = {
  Query: {
    auditTrail: (_, a, ctx) => auditOf(ctx).page({ ...a, accounts: isAdmin(ctx) }),
    auditTrailCsv: (_, a, ctx) => auditOf(ctx).csv({ entityId: a.entityId ?? null, accounts: isAdmin(ctx) }),
  },
};
