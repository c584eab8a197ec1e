import type { Role } from './roles.ts';

/**
 * Who may call which root field. The rule is deny-by-default for writes:
 * every Mutation field needs `editor` unless listed here, so a mutation added
 * by any module is protected without that module doing anything. Query fields
 * need `viewer` (anyone signed in, or anyone at all in open mode and before
 * the first user exists) unless listed here.
 *
 * `public` means no sign-in at all (signing in itself, asking who you are).
 */
export type Requirement = Role | 'public';

/** Mutation fields that need more (admin) or less (public) than `editor`. */
export const MUTATION_REQUIREMENTS: Readonly<Record<string, Requirement>> = {
  signIn: 'public',
  signOut: 'public',
  /** Refused by the service once any user exists. */
  createFirstAdmin: 'public',
  createUser: 'admin',
  removeUser: 'admin',
  setUserRole: 'admin',
  setUserPassword: 'admin',
  createApiToken: 'admin',
  revokeApiToken: 'admin',
  /** Store-wide destructive operations other modules may add. */
  resetStore: 'admin',
  restoreBackup: 'admin',
  createBackup: 'admin',
};

/** Query fields that need more than `viewer` (or nothing at all). */
export const QUERY_REQUIREMENTS: Readonly<Record<string, Requirement>> = {
  me: 'public',
  users: 'admin',
  apiTokens: 'admin',
  auditTrail: 'editor',
  auditTrailCsv: 'editor',
};

export type OperationKind = 'query' | 'mutation' | 'subscription';

/** The role a root field needs; introspection fields (`__schema`, `__typename`) are governed elsewhere. */
export function requiredRole(operation: OperationKind, field: string): Requirement {
  if (field.startsWith('__')) return 'public';
  if (operation === 'mutation') return MUTATION_REQUIREMENTS[field] ?? 'editor';
  if (operation === 'subscription') return 'viewer';
  return QUERY_REQUIREMENTS[field] ?? 'viewer';
}
