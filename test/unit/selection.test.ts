import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selects } from '../../server/graphql/selection.ts';

const schema = buildSchema(`
  type Node { id: ID! properties: String }
  type Edge { id: ID! properties: String }
  type Result { nodes: [Node!]! edges: [Edge!]! }
  type Query { walk: Result! }
`);

/** What `selects` answers for nodes.properties / edges.properties in `query`. */
async function asked(query: string, variableValues?: Record<string, unknown>): Promise<[boolean, boolean]> {
  let answer: [boolean, boolean] = [false, false];
  const rootValue = {
    walk: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
      answer = [selects(info, ['nodes', 'properties']), selects(info, ['edges', 'properties'])];
      return { nodes: [], edges: [] };
    },
  };
  const res = await graphql({ schema, source: query, rootValue, variableValues });
  expect(res.errors).toBeUndefined();
  return answer;
}

describe('selects: whether a query asks for a field below the one resolved', () => {
  it('sees plain fields, aliases, named and inline fragments', async () => {
    expect(await asked('{ walk { nodes { id } edges { id } } }')).toEqual([false, false]);
    expect(await asked('{ walk { nodes { id properties } edges { id } } }')).toEqual([true, false]);
    expect(await asked('{ walk { n: nodes { p: properties } } }')).toEqual([true, false]);
    expect(await asked('{ walk { edges { ...E } } } fragment E on Edge { properties }')).toEqual([false, true]);
    expect(await asked('{ walk { ... on Result { nodes { ... on Node { properties } } } } }')).toEqual([true, false]);
  });

  it('honours @skip and @include, with variables', async () => {
    const q = 'query ($on: Boolean!) { walk { nodes { id properties @include(if: $on) } edges { properties @skip(if: $on) } } }';
    expect(await asked(q, { on: true })).toEqual([true, false]);
    expect(await asked(q, { on: false })).toEqual([false, true]);
  });
});
