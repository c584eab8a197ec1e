import { areaResolvers } from './areas.ts';
import { auditResolvers } from './audit.ts';
import { authResolvers } from './auth.ts';
import { baseResolvers } from './base.ts';
import { chainResolvers } from './chains.ts';
import { enterpriseResolvers } from './enterprises.ts';
import { exploreResolvers } from './explore.ts';
import { gapResolvers } from './gaps.ts';
import { importResolvers } from './import.ts';
import { projectResolvers } from './projects.ts';
import { reportResolvers } from './reports.ts';
import { responsibilityResolvers } from './responsibility.ts';
import { supplierResolvers } from './suppliers.ts';
import { targetResolvers } from './targets.ts';

/** Resolver maps of every module; makeExecutableSchema merges them. */
export const resolvers = [
  baseResolvers,
  chainResolvers,
  gapResolvers,
  supplierResolvers,
  responsibilityResolvers,
  exploreResolvers,
  enterpriseResolvers,
  targetResolvers,
  authResolvers,
  auditResolvers,
  importResolvers,
  areaResolvers,
  projectResolvers,
  reportResolvers,
];
