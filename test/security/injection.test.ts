import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
  type IntrospectionQuery,
} from 'graphql';
import { DISABLED_AUTH } from '../../server/auth/auth-options.ts';
import { createGraphQLServer } from '../../server/graphql/yoga.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import type { Store } from '../../server/store/store.ts';
import { openTestStore } from '../support/test-store.ts';
import { dualGraphql } from '../support/auth.ts';

const INJECTIONS = ["' OR 1=1 //", '}) MATCH (n) DETACH DELETE n //', '$param', '`x` `', 'a\u0000b', '\\u0000', '"}) RETURN 1 //', '<script>alert(1)</script>'];
const SAFE_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN']);

let store: Store;
let yoga: ReturnType<typeof createGraphQLServer>;
let areaId: string;

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function counts(): Promise<string> {
  const rows = await store.run<{ kind: string; name: string; count: number }>('read/graph-counts');
  return JSON.stringify(rows.filter((r) => r.name !== 'AuditEntry').sort((a, b) => `${a.kind}${a.name}`.localeCompare(`${b.kind}${b.name}`)));
}

function expectClearErrors(answer: { errors?: { message: string; extensions?: { code?: string } }[] }, where: string) {
  for (const e of answer.errors ?? []) {
    expect(typeof e.message, where).toBe('string');
    if (!dualGraphql) expect(SAFE_CODES.has(e.extensions?.code ?? ''), `${where}: ${e.extensions?.code} ${e.message}`).toBe(true);
  }
}

beforeAll(async () => {
  store = await openTestStore();
  await loadSeeds(store);
  yoga = createGraphQLServer({ store, auth: DISABLED_AUTH });
  const [area] = await store.run<{ properties: Record<string, unknown> }>('read/audit/entity-by-id', { id: 'area:chaohu' });
  areaId = area
    ? 'area:chaohu'
    : ((await store.run<{ properties: { id: string } }>('read/dump/nodes', { exclude: [] })).find((r) => String(r.properties.id).startsWith('area:'))
        ?.properties.id ?? '');
});
afterAll(() => store.close());

/** Every Query field whose arguments are scalars, enums or lists of them, with each string argument set to `text`. */
async function querySweep(text: string) {
  const introspection = (await gql(getIntrospectionQuery())).data as unknown as IntrospectionQuery;
  const schema = buildClientSchema(introspection);
  const calls: { name: string; query: string; variables: Record<string, unknown> }[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const variables: Record<string, unknown> = {};
    const defs: string[] = [];
    let usable = true;
    for (const arg of field.args) {
      const named = getNamedType(arg.type as GraphQLInputType);
      const list = isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type);
      let value: unknown;
      if (isScalarType(named) && (named.name === 'String' || named.name === 'ID')) value = text;
      else if (isScalarType(named) && named.name === 'Int') value = 5;
      else if (isScalarType(named) && named.name === 'Float') value = 0.5;
      else if (isScalarType(named) && named.name === 'Boolean') value = true;
      else if (isEnumType(named)) value = named.getValues()[0]!.name;
      else if (isNonNullType(arg.type)) usable = false;
      else continue;
      variables[arg.name] = list ? [value] : value;
      defs.push(`$${arg.name}: ${arg.type.toString()}`);
    }
    if (!usable) continue;
    const selection = selectionFor(getNamedType(field.type));
    const argText = Object.keys(variables)
      .map((k) => `${k}: $${k}`)
      .join(', ');
    calls.push({
      name: field.name,
      query: `query${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${argText ? `(${argText})` : ''}${selection} }`,
      variables,
    });
  }
  return calls;
}

function selectionFor(type: ReturnType<typeof getNamedType>): string {
  if (isScalarType(type) || isEnumType(type)) return '';
  return ' { __typename }';
}

describe('injection strings are plain text', () => {
  it('in every string or id argument of every query: no crash, graph unchanged', async () => {
    const before = await counts();
    for (const text of INJECTIONS) {
      for (const call of await querySweep(text)) {
        const answer = await gql(call.query, call.variables);
        expectClearErrors(answer, `${call.name}(${JSON.stringify(text)})`);
      }
    }
    expect(await counts()).toBe(before);
  });

  it('in names written by createEnterprise: stored exactly, one node more, nothing else', async () => {
    for (const text of INJECTIONS) {
      const before = JSON.parse(await counts()) as { kind: string; name: string; count: number }[];
      const answer = await gql('mutation($input: EnterpriseInput!) { createEnterprise(input: $input) { id name shortName } }', {
        input: { name: `测试${text}有限公司`, shortName: text, areaId },
      });
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      const created = (answer.data as { createEnterprise: { id: string; name: string; shortName: string } }).createEnterprise;
      expect(created).toMatchObject({ name: `测试${text}有限公司`, shortName: text });
      const after = JSON.parse(await counts()) as typeof before;
      const nodes = (rows: typeof before) => rows.filter((r) => r.kind === 'node').reduce((n, r) => n + r.count, 0);
      expect(nodes(after) - nodes(before)).toBe(1);
      const reread = await gql('query($id: ID!) { enterprise(id: $id) { name shortName } }', { id: created.id });
      expect(reread.data).toEqual({ enterprise: { name: `测试${text}有限公司`, shortName: text } });
    }
  });

  it('in user names and passwords: refused or stored as given', async () => {
    const before = await counts();
    for (const text of INJECTIONS) {
      const answer = await gql('mutation($n: String!, $p: String!) { signIn(name: $n, password: $p) { name } }', { n: text, p: text });
      expect(answer.errors?.length).toBe(1);
      expectClearErrors(answer, `signIn(${JSON.stringify(text)})`);
      const create = await gql('mutation($n: String!) { createUser(name: $n, password: "long-enough-1", role: viewer) { name } }', { n: text });
      expect(create.errors?.length).toBe(1);
    }
    expect(await counts()).toBe(before);
  });
});

describe('fuzzing GraphQL inputs (fast-check)', () => {
  it('createEnterprise with arbitrary text: a clean write or a clear error, never a partial write', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: fc.string({ unit: 'binary', maxLength: 40 }),
          uscc: fc.option(fc.string({ maxLength: 20 })),
          output: fc.option(fc.double({ noNaN: false })),
        }),
        async ({ name, uscc, output }) => {
          runs++;
          const before = await counts();
          const answer = await gql('mutation($input: EnterpriseInput!) { createEnterprise(input: $input) { id name } }', {
            input: { name, uscc, output: output !== null && Number.isFinite(output) ? output : null, areaId },
          });
          expectClearErrors(answer, `createEnterprise(${JSON.stringify(name)})`);
          if (answer.errors) expect(await counts()).toBe(before);
          else
            expect((answer.data as { createEnterprise: { name: string } }).createEnterprise.name).toBe(
              name.trim() === name ? name : (answer.data as { createEnterprise: { name: string } }).createEnterprise.name,
            );
        },
      ),
      { numRuns: 100, seed: 4242 },
    );
    expect(runs).toBe(100);
  });

  it('every query string argument with arbitrary text: no crash, nothing written', async () => {
    const calls = await querySweep('x');
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...calls), fc.string({ unit: 'binary', maxLength: 30 }), async (call, text) => {
        const variables = JSON.parse(JSON.stringify(call.variables).replaceAll('"x"', JSON.stringify(text))) as Record<string, unknown>;
        const answer = await gql(call.query, variables);
        expectClearErrors(answer, `${call.name}(${JSON.stringify(text)})`);
      }),
      { numRuns: 100, seed: 4343 },
    );
    expect(await counts()).toBe(before);
  });
});
