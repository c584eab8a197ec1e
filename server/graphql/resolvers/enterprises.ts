import type { EnterpriseFilter, EnterpriseInput, EnterpriseProfile, SupplyLink } from '../../services/enterprises/enterprise-types.ts';
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
import type { GraphQLContext } from '../context.ts';

type Ctx = GraphQLContext;

const supplyLink = (link: SupplyLink) => ({ enterprise: link, product: link.product, share: link.share });

export const enterpriseResolvers = {
  Query: {
    enterprise: async (_: unknown, args: { id: string }, { store }: Ctx) => {
      try {
        return await getEnterprise(store, args.id);
      } catch (e) {
        if (e instanceof NotFoundError) return null;
        throw e;
      }
    },
    enterprises: (_: unknown, args: { filter?: EnterpriseFilter | null; first?: number | null; after?: string | null }, { store }: Ctx) =>
      listEnterprises(store, args.filter ?? {}, args.first ?? undefined, args.after ?? null),
  },
  Mutation: {
    createEnterprise: (_: unknown, args: { input: EnterpriseInput }, { store }: Ctx) => createEnterprise(store, args.input),
    updateEnterprise: (_: unknown, args: { id: string; input: EnterpriseInput }, { store }: Ctx) => updateEnterprise(store, args.id, args.input),
    deleteEnterprise: (_: unknown, args: { id: string }, { store }: Ctx) => deleteEnterprise(store, args.id),
    setOperatesIn: (_: unknown, args: { enterpriseId: string; segmentId: string; role: string }, { store }: Ctx) =>
      setOperatesIn(store, args.enterpriseId, args.segmentId, args.role),
    removeOperatesIn: (_: unknown, args: { enterpriseId: string; segmentId: string }, { store }: Ctx) =>
      removeOperatesIn(store, args.enterpriseId, args.segmentId),
    addSupplies: (_: unknown, args: { fromId: string; toId: string; product: string; share?: number | null }, { store }: Ctx) =>
      addSupplies(store, args.fromId, args.toId, args.product, args.share),
    removeSupplies: (_: unknown, args: { fromId: string; toId: string; product?: string | null }, { store }: Ctx) =>
      removeSupplies(store, args.fromId, args.toId, args.product),
  },
  Enterprise: {
    tags: (e: EnterpriseProfile) => e.tags ?? [],
    sample: (e: EnterpriseProfile) => e.sample === true,
    founded: (e: EnterpriseProfile) => (e.founded == null ? null : String(e.founded)),
    area: (e: EnterpriseProfile) => e.areas[0] ?? null,
    segments: (e: EnterpriseProfile) => e.segments.map((s) => ({ segment: s, role: s.role })),
    suppliers: (e: EnterpriseProfile) => e.suppliers.map(supplyLink),
    customers: (e: EnterpriseProfile) => e.customers.map(supplyLink),
  },
};
