import type { RequestAuth } from '../../auth/security-plugin.ts';
import { AuditService } from '../../audit/audit-service.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

type Ctx = GraphQLContext & { auth?: RequestAuth };

const auditOf = (ctx: Ctx) => ctx.auth?.audit ?? new AuditService(ctx.store);

export const auditResolvers: Resolvers = {
  Query: {
    auditTrail: (_, a, ctx) => auditOf(ctx).page(a),
    auditTrailCsv: (_, a, ctx) => auditOf(ctx).csv({ entityId: a.entityId ?? null }),
  },
};
