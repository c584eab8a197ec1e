import { getOperationAST, Kind, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { fitsFinished } from '../services/suppliers/fitted-weights.ts';
import type { Store } from '../store/store.ts';
import type { GraphQLContext } from './context.ts';

/**
 * Query fields whose answer depends only on the stored graph, the arguments and
 * the caller's role: never on the caller's identity (me, users, apiTokens,
 * auditTrail), the clock (targets' progress) or the process (health).
 */
export const CACHEABLE_FIELDS = new Set([
  'chains',
  'chainOverview',
  'enterprise',
  'enterprises',
  'search',
  'neighbourhood',
  'shortestPath',
  'gapAnalysis',
  'gaps',
  'gap',
  'responsibility',
  'unit',
  'supplierCandidates',
]);

/** Answers kept per write generation; the oldest used goes first. */
const MAX_ENTRIES = 256;

/**
 * A response cache for GraphQL queries (issue 17): an answer is kept until the
 * store's next committed write (`writeGeneration`) and served again to callers
 * of the same role asking the same document with the same variables, without
 * running the resolvers. Only queries whose every root field is in
 * CACHEABLE_FIELDS, and only answers without errors, are kept. Runs after the
 * security plugins, so a refusal is decided (and never cached) as before. On
 * Neo4j the generation also moves every NEO4J_CACHE_SECONDS, for other servers' writes.
 * Identical requests that arrive while the first is computing, with no write
 * in between, share its answer: when the cache lapses under load they would
 * otherwise all compute it at once.
 */
/**
 * A kept answer is its text, serialised once (yoga writes `result.stringify(result)`
 * when it has one): every later request for it sends the same text, where a
 * 2,000-element neighbourhood took ~2 ms of JSON each time, on the thread that
 * also answers /healthz. Only error-free answers are kept, and yoga needs nothing
 * else of them: the answer's objects are let go, so they die young instead of
 * being copied by each collection and then kept until the cache drops them
 * (under uncached load, ~0.3 MB an answer promoted to the old generation).
 */
function keptText(result: ExecutionResult & { stringify?: (value: unknown) => string }): ExecutionResult {
  const serialise = result.stringify ?? JSON.stringify;
  const text = serialise(result);
  // the caller that computed it sends the same text
  result.stringify = (value) => (value === result ? text : serialise(value));
  return { data: null, stringify: () => text } as ExecutionResult;
}

export function createResponseCachePlugin(store: Store): Plugin<GraphQLContext> {
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocument = 0;
  let generation = '';
  const answers = new Map<string, ExecutionResult>();
  const computing = new Map<string, { generation: string; result: Promise<ExecutionResult> }>();
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation || operation.operation !== 'query') return;
      const cacheable = operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && CACHEABLE_FIELDS.has(s.name.value));
      if (!cacheable) return;
      let documentId = documentIds.get(args.document);
      if (documentId === undefined) documentIds.set(args.document, (documentId = nextDocument++));
      const role = (args.contextValue as GraphQLContext).auth?.principal.role ?? 'none';
      const key = `${role}|${documentId}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}`;
      setExecuteFn(async (execArgs) => {
        // A finished weight fit changes supplierCandidates' answers without a write (fitted-weights.ts).
        const now = `${store.writeGeneration()}:${fitsFinished(store)}`;
        if (now !== generation) {
          answers.clear();
          generation = now;
        }
        const hit = answers.get(key);
        if (hit) {
          answers.delete(key);
          answers.set(key, hit); // most recently used last
          return hit;
        }
        // joined only at the generation it started in: a request made after a write never gets an answer begun before it
        const running = computing.get(key);
        if (running && running.generation === now) return running.result;
        const entry = { generation: now, result: Promise.resolve(executeFn(execArgs) as ExecutionResult | Promise<ExecutionResult>) };
        computing.set(key, entry);
        try {
          const result = await entry.result;
          // a write committed while this ran: the answer may mix both states; do not keep it
          if (!result.errors && `${store.writeGeneration()}:${fitsFinished(store)}` === now && generation === now) {
            answers.set(key, keptText(result));
            if (answers.size > MAX_ENTRIES) answers.delete(answers.keys().next().value!);
          }
          return result;
        } finally {
          if (computing.get(key) === entry) computing.delete(key);
        }
      });
    },
  };
}
