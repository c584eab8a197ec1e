import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypherLibrary } from '../../server/store/cypher-library.ts';
import type { Store } from '../../server/store/store.ts';
import { openTestStore } from '../support/test-store.ts';

/** Queries that read every node on purpose, and why. Any other AllNodesScan fails. */
const INTENDED_SCANS: Record<string, string> = {
  'write/reset-graph': 'empties the store: every node but the kept labels',
  'read/dump/nodes': 'the dump reads every node',
  'read/dump/relationships': 'the dump reads every relationship',
  'read/dump/count': 'counts what a dump would hold',
  'read/graph-counts': 'counts every node and relationship by label and type',
};
/** Queries that look something up by id yet scan a label on purpose, and why. Any other such label scan fails. */
const INTENDED_LABEL_SCANS: Record<string, string> = {
  'read/enterprises/list': 'pages through every enterprise in id order; each filter (by id inside EXISTS) is optional',
  'read/enterprises/count': 'counts the enterprises read/enterprises/list pages through',
  'read/gaps/segments': 'every segment when $chainId is null; the chain is tested per segment',
  'read/targets/list': 'every target of the plan (a few dozen)',
};

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}
const operators = (plan: PlanNode): string[] => [plan.operatorType.replace(/@.*$/, ''), ...plan.children.flatMap(operators)];
/** A lookup by id in the text: `{id: …}` or `.id = …` (not `.id IN` over a list of the caller's, which is still a seek). */
const LOOKS_UP_BY_ID = /\{id:\s*[$\w]|\.id\s*=\s*[$\w]/;

// Runs in the vitest project "neo4j" only: EXPLAIN plans every query of cypher/ on the real server.
describe('no cypher/ query scans the graph where an index lookup was meant (EXPLAIN on Neo4j)', () => {
  let store: Store;
  let driver: import('neo4j-driver').Driver;
  beforeAll(async () => {
    store = await openTestStore();
    driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
  });
  afterAll(async () => {
    await driver.close();
    await store.close();
  });

  const queries = [...cypherLibrary().values()].filter((q) => !q.name.startsWith('schema/'));
  it.each(queries.map((q) => [q.name, q] as const))('%s', async (name, query) => {
    const params = Object.fromEntries(query.params.map((p) => [p, null]));
    for (const statement of query.statements) {
      const { summary } = await driver.executeQuery(`EXPLAIN ${statement}`, params, { database: process.env.NEO4J_DATABASE || undefined });
      const ops = operators(summary.plan as unknown as PlanNode);
      if (!INTENDED_SCANS[name]) expect(ops, `${query.file}: scans every node`).not.toContain('AllNodesScan');
      if (LOOKS_UP_BY_ID.test(statement) && !INTENDED_LABEL_SCANS[name])
        expect(ops, `${query.file}: looks up by id but scans a label`).not.toContain('NodeByLabelScan');
    }
  });
});
