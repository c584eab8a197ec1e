import type { SupplyLink } from '../../services/enterprises/enterprise-types.ts';
import { getEnterprise, listEnterprises } from '../../services/enterprises/read-enterprises.ts';
import {
  addSupplies,
  createEnterprise,
  deleteEnterprise,
  removeOperatesIn,
  removeSupplies,
  setOperatesIn,
  updateEnterprise,
} from '../../services/enterprises/write-enterprises.ts';
import { NotFoundError } from '../../errors.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

const supplyLink = (link: SupplyLink) => ({ enterprise: link, product: link.product, share: link.share });

export const enterpriseResolvers: Resolvers = {
  Query: {
    enterprise: async (_, args, { store }) => {
      try {
        return await getEnterprise(store, args.id);
      } catch (e) {
        if (e instanceof NotFoundError) return null;
        throw e;
      }
    },
    enterprises: (_, args, { store }) => listEnterprises(store, args.filter ?? {}, args.first ?? undefined, args.after ?? null),
  },
  Mutation: {
    createEnterprise: (_, args, { store }) => createEnterprise(store, args.input),
    updateEnterprise: (_, args, { store }) => updateEnterprise(store, args.id, args.input),
    deleteEnterprise: (_, args, { store }) => deleteEnterprise(store, args.id),
    setOperatesIn: (_, args, { store }) => setOperatesIn(store, args.enterpriseId, args.segmentId, args.role),
    removeOperatesIn: (_, args, { store }) => removeOperatesIn(store, args.enterpriseId, args.segmentId),
    addSupplies: (_, args, { store }) => addSupplies(store, args.fromId, args.toId, args.product, args.share),
    removeSupplies: (_, args, { store }) => removeSupplies(store, args.fromId, args.toId, args.product),
  },
  EnterpriseConnection: {
    // Counted only when the client asks for it (server/services/enterprises/read-enterprises.ts).
    totalCount: (connection) => connection.totalCount(),
  },
  Enterprise: {
    tags: (e) => e.tags ?? [],
    sample: (e) => e.sample === true,
    founded: (e) => (e.founded == null ? null : String(e.founded)),
    area: (e) => e.areas[0] ?? null,
    segments: (e) => e.segments.map((s) => ({ segment: s, role: s.role })),
    suppliers: (e) => e.suppliers.map(supplyLink),
    customers: (e) => e.customers.map(supplyLink),
  },
};
