import { getOperationAST, Kind, type DocumentNode, type ExecutionResult } from 'graphql';
import { processRegularResult, type Plugin } from 'graphql-yoga';
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
 * A kept answer is its body as UTF-8 bytes, serialised and encoded once: every
 * later request for it sends the same bytes, where a 2,000-element
 * neighbourhood took ~2 ms of JSON, and each send measured the text's UTF-8
 * length and encoded it again (~1.2 ms), on the thread that also answers
 * /healthz. The bytes live outside the JavaScript heap (about half the size of
 * the two-byte text of Chinese names), so a full cache is neither copied nor
 * marked by the collector, and the answer's objects die young.
 */
type Body = Buffer;

/** Encoded into first, then copied out at the exact length: one pass over the text, where `Buffer.from` makes two (its length, then its bytes). */
let scratch = Buffer.allocUnsafeSlow(0);
/** Texts longer than this (characters) are encoded by `Buffer.from`: the scratch (3 bytes a character) is kept for good. */
const SCRATCH_MAX_CHARS = 2_000_000;

function utf8(text: string): Body {
  if (text.length > SCRATCH_MAX_CHARS) return Buffer.from(text, 'utf8');
  if (scratch.length < text.length * 3) scratch = Buffer.allocUnsafeSlow(text.length * 3);
  const length = scratch.write(text, 'utf8');
  const body = Buffer.allocUnsafeSlow(length);
  scratch.copy(body, 0, 0, length);
  return body;
}

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
export function createResponseCachePlugin(store: Store): Plugin<GraphQLContext> {
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocument = 0;
  let generation = '';
  const answers = new Map<string, Body>();
  /** The kept body of a result about to be processed, and of a request whose response is about to be sent. */
  const bodyOfResult = new WeakMap<object, Body>();
  const bodyOfRequest = new WeakMap<Request, Body>();
  /** A stand-in for a kept answer: its bytes for a JSON response (onResultProcess), its text for yoga's other processors (event streams). */
  const answerWithBody = (body: Body): ExecutionResult => {
    const answer = { data: null, stringify: () => body.toString('utf8') } as ExecutionResult;
    bodyOfResult.set(answer, body);
    return answer;
  };
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
          return answerWithBody(hit);
        }
        // joined only at the generation it started in: a request made after a write never gets an answer begun before it
        const running = computing.get(key);
        if (running && running.generation === now) return running.result;
        const answer = async (): Promise<ExecutionResult> => {
          const result = await executeFn(execArgs);
          // a write committed while this ran: the answer may mix both states; do not keep it
          if (result.errors || `${store.writeGeneration()}:${fitsFinished(store)}` !== now || generation !== now) return result;
          const body = utf8(((result as { stringify?: (value: unknown) => string }).stringify ?? JSON.stringify)(result));
          answers.set(key, body);
          if (answers.size > MAX_ENTRIES) answers.delete(answers.keys().next().value!);
          return answerWithBody(body);
        };
        const entry = { generation: now, result: answer() };
        computing.set(key, entry);
        try {
          return await entry.result;
        } finally {
          if (computing.get(key) === entry) computing.delete(key);
        }
      });
    },
    // After yoga's own processors chose one: a JSON answer (the regular processor) is sent as its kept bytes.
    onResultProcess({ request, result, resultProcessor, setResult }) {
      const body = bodyOfResult.get(result);
      if (!body || resultProcessor !== processRegularResult) return;
      bodyOfRequest.set(request, body);
      setResult(EMPTY_ANSWER); // yoga writes its status and headers for an empty body, then onResponse puts the bytes in
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      const body = bodyOfRequest.get(request);
      if (!body) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-length', String(body.length));
      setResponse(new fetchAPI.Response(body as Uint8Array<ArrayBuffer>, { status: response.status, statusText: response.statusText, headers }));
    },
  };
}

/** What the regular processor serialises for an answer whose bytes are sent instead. */
const EMPTY_ANSWER = { data: null, stringify: () => '' } as ExecutionResult;
