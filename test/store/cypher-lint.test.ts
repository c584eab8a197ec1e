import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { cypherLibrary } from '../../server/store/cypher-library.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../server/model/vocabulary.ts';

const dbSchema = {
  labels: [...NODE_LABELS, 'Meta'],
  relationshipTypes: [...RELATIONSHIP_TYPES],
};

describe('every cypher/ file is valid Neo4j 5 Cypher', () => {
  const queries = [...cypherLibrary().values()];

  it('finds the query library', () => {
    expect(queries.length).toBeGreaterThan(3);
  });

  it.each(queries.map((q) => [q.name, q] as const))('%s: no lint error or warning', (_name, query) => {
    const parameters = Object.fromEntries(query.params.map((p) => [p, null]));
    const problems = query.statements.flatMap((statement) =>
      lintCypherQuery(statement, { ...dbSchema, parameters }).map(
        (d) => `${query.file}: ${d.severity === 1 ? 'error' : 'warning'}: ${d.message} (declare parameters in the header: // name: purpose; params $a, $b)`,
      ),
    );
    expect(problems).toEqual([]);
  });
});
