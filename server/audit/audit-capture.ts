import { getArgumentValues, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { RequestAuth } from '../auth/request-auth.ts';
import type { RootField } from '../auth/authorise.ts';
import { isReadQuery, queryRunner, uncheckedRun, type Params, type QueryRunner, type Store } from '../store/store.ts';
import { auditJson, type AuditService, type Snapshot } from './audit-service.ts';

/** Argument values of a root field (variables applied); raw literals when they cannot be coerced. */
export function argumentsOf(schema: GraphQLSchema, field: RootField, variables: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const def = schema.getMutationType()?.getFields()[field.name] ?? schema.getQueryType()?.getFields()[field.name];
  if (!def) return {};
  try {
    return getArgumentValues(def, field.node, (variables ?? {}) as Record<string, unknown>);
  } catch {
    return {};
  }
}

/**
 * An id among a mutation's arguments: an `id`, else (with `references`) an
 * `…Id` string, else the `id` of its `input`. An `…Id` names what the entity
 * refers to (createProject's areaId, startLead's enterpriseId), not the entity.
 */
export function entityIdIn(value: unknown, { references = true } = {}, depth = 0): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value) || depth > 1) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string') return record.id;
  if (depth > 0) return null;
  if (references) for (const [k, v] of Object.entries(record)) if (/Id$/.test(k) && typeof v === 'string') return v;
  for (const v of Object.values(record)) {
    const nested = entityIdIn(v, { references }, depth + 1);
    if (nested) return nested;
  }
  return null;
}

/**
 * The id a mutation is about: its own id in the arguments; else the node it
 * returns (a create's new node: startLead's project, not the enterprise it
 * names); else what its arguments refer to.
 */
export const mutationEntityId = (args: Record<string, unknown>, result: unknown): string | null =>
  entityIdIn(args, { references: false }) ?? entityIdIn(result) ?? entityIdIn(args);

/** Before/after of one mutation, read inside its own write transaction(s). */
export interface Capture {
  /** The id in the mutation's arguments, if any. */
  entityId: string | null;
  /** undefined: not read (no transaction ran). */
  before?: Snapshot | null;
  /** The node read at the end of the last transaction, and its id (from the arguments, else from what the transaction returned). */
  after?: { id: string; snapshot: Snapshot | null };
}

/**
 * The store a mutation's resolver sees while it is audited: every write
 * transaction reads the entity's properties first (before, in the first
 * transaction) and last (after, in the last), in the same transaction as the
 * write, so another editor's concurrent write can never appear in them.
 */
export function capturingStore(store: Store, audit: AuditService, capture: Capture): Store {
  const transaction = <T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> =>
    store.transaction(async (tx) => {
      if (capture.before === undefined) capture.before = capture.entityId ? await audit.snapshot(capture.entityId, tx) : null;
      const result = await work(tx);
      const id = capture.entityId ?? entityIdIn(result);
      if (id) capture.after = { id, snapshot: await audit.snapshot(id, tx) };
      return result;
    });
  const wrapped: Store = Object.create(store) as Store;
  return Object.assign(wrapped, {
    transaction,
    run: queryRunner(<T>(name: string, params: Params = {}): Promise<T[]> =>
      isReadQuery(name) ? uncheckedRun(store)<T>(name, params) : transaction((tx) => uncheckedRun(tx)<T>(name, params)),
    ).run,
  });
}

export interface RecordArgs {
  schema: GraphQLSchema;
  fields: RootField[];
  variables: Record<string, unknown> | null | undefined;
  auth: RequestAuth;
  operationName: string | null;
  result: ExecutionResult;
  /** Captures made in the write transactions, by response key. */
  captures?: Map<string, Capture>;
}

/** One audit entry per root field of a mutation (refused ones too); failures to record are logged, never thrown. */
export async function recordMutation({ schema, fields, variables, auth, operationName, result, captures }: RecordArgs): Promise<void> {
  for (const field of fields) {
    if (field.name.startsWith('__')) continue;
    try {
      const fieldArgs = argumentsOf(schema, field, variables);
      const error = result.errors?.find((e) => !e.path || e.path[0] === field.responseKey);
      const value = (result.data as Record<string, unknown> | null | undefined)?.[field.responseKey];
      const capture = captures?.get(field.responseKey);
      const entityId = mutationEntityId(fieldArgs, value);
      // Read in the write's transaction when there was one for this id; else (no store write) after it.
      const inTx = capture?.after && capture.after.id === entityId ? capture.after.snapshot : undefined;
      const after = error || !entityId ? null : inTx !== undefined ? inTx : await auth.audit.snapshot(entityId).catch(() => null);
      // Read before the write for the id in the arguments, which the entity may turn out not to be.
      const prior = capture?.entityId === entityId ? (capture?.before ?? null) : null;
      const actor =
        field.name === 'signIn' && typeof fieldArgs.name === 'string' ? `${auth.principal.name} (as ${fieldArgs.name.slice(0, 64)})` : auth.principal.name;
      await auth.audit.record({
        actor,
        actorKind: auth.principal.kind,
        role: auth.principal.role,
        operation: operationName,
        field: field.name,
        args: auditJson(fieldArgs),
        entityId: entityId ?? null,
        entityLabel: after?.label ?? prior?.label ?? null,
        before: prior?.json ?? null,
        after: after?.json ?? null,
        ok: !error,
        summary: error ? `${String(error.extensions?.code ?? 'ERROR')}: ${error.message}`.slice(0, 500) : auditJson(value, 500),
      });
    } catch (e) {
      console.error(`audit: could not record mutation '${field.name}': ${(e as Error).message}`);
    }
  }
}
