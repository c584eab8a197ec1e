import { GraphQLError, Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { AccessError, accessGraphQLError } from './access-error.ts';
import { requiredRole, type OperationKind } from './permissions.ts';
import { roleAtLeast } from './roles.ts';
import type { Principal } from './user-service.ts';

export interface RootField {
  name: string;
  responseKey: string;
  node: FieldNode;
}

/** Root fields of the operation, through inline fragments and fragment spreads. */
export function rootFields(selectionSet: SelectionSetNode, document: DocumentNode): RootField[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const out: RootField[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) out.push({ name: s.name.value, responseKey: s.alias?.value ?? s.name.value, node: s });
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(selectionSet);
  return out;
}

/**
 * The refusal of an operation, or null when the principal may run every root
 * field of it (server/auth/permissions.ts). One refused field refuses all.
 */
export function refusalFor(kind: OperationKind, fields: RootField[], principal: Principal, credentialError?: string): GraphQLError | null {
  for (const field of fields) {
    const need = requiredRole(kind, field.name);
    if (need === 'public' || roleAtLeast(principal.role, need)) continue;
    const what = `${kind} '${field.name}'`;
    const error =
      principal.role === null
        ? new AccessError('UNAUTHENTICATED', `${credentialError ? credentialError + ': ' : ''}sign in to use ${what}: it needs role '${need}'`)
        : new AccessError('FORBIDDEN', `${what} needs role '${need}'; '${principal.name}' has role '${principal.role}'`);
    return accessGraphQLError(error);
  }
  return null;
}
