import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { afterEach, describe, expect, it } from 'vitest';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../server/model/vocabulary.ts';
import { cypherExport, cypherLiteral, cypherString } from '../../server/services/dump/cypher-export.ts';
import { DUMP_LABELS, dumpLines, nodeQuery, parseDump, relationshipQuery, RELATIONSHIP_SHAPES, restoreDump } from '../../server/services/dump/dump.ts';
import { memoryDumpSource, readDump } from '../../server/services/dump/dump-pages.ts';
import { cypherLibrary } from '../../server/store/cypher-library.ts';
import type { Store } from '../../server/store/store.ts';
import { openTestStore, runRawCypher, TEST_STORE } from '../support/test-store.ts';
import { baseDump, openDumpStore } from './helpers.ts';

const open: Store[] = [];
/** An empty store; on Neo4j the same database emptied, so read what the source holds first. */
async function fresh(): Promise<Store> {
  const s = await openTestStore();
  open.push(s);
  return s;
}
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

describe('dump and restore', () => {
  it('has a restore query for every label and relationship shape', () => {
    const library = cypherLibrary();
    for (const label of DUMP_LABELS) expect(library.has(nodeQuery(label)), label).toBe(true);
    for (const [t, s, e] of RELATIONSHIP_SHAPES) expect(library.has(relationshipQuery(t, s, e)!), `${t} ${s} ${e}`).toBe(true);
    for (const t of RELATIONSHIP_TYPES)
      expect(
        RELATIONSHIP_SHAPES.some(([x]) => x === t),
        t,
      ).toBe(true);
    const files = [...library.keys()].filter((n) => n.startsWith('write/dump/'));
    expect(files.length).toBe(DUMP_LABELS.length + RELATIONSHIP_SHAPES.length);
  });

  it('dump → restore into an empty store gives an identical dump', async () => {
    const source = await openDumpStore();
    open.push(source);
    const text = [...dumpLines(await readDump(source))].join('\n');
    const target = await fresh();
    const restored = await restoreDump(target, parseDump(text.split('\n')));
    expect(restored).toEqual({ nodes: baseDump().nodes.length, relationships: baseDump().relationships.length });
    expect([...dumpLines(await readDump(target))].join('\n')).toBe(text);
  });

  it('refuses a non-empty store unless replace, which empties it in the same transaction', async () => {
    const target = await openDumpStore();
    open.push(target);
    await target.run('write/import/enterprise-create', { columns: { id: ['ent:extra'], name: ['多余公司'] } });
    const dump = baseDump();
    await expect(restoreDump(target, dump)).rejects.toThrow(/not empty \(18 nodes\).*--replace/);
    await restoreDump(target, dump, { replace: true });
    expect((await readDump(target)).nodes.length).toBe(dump.nodes.length);
  });

  it('leaves security records (users, tokens) out of the dump, and keeps them on --replace', async () => {
    const target = await openDumpStore();
    open.push(target);
    await runRawCypher(target, "CREATE (:User {id: 'user:admin', name: 'admin', passwordHash: 'secret-hash'})");
    const dump = await readDump(target);
    expect(JSON.stringify(dump)).not.toContain('secret-hash');
    await restoreDump(target, baseDump(), { replace: true });
    expect(await runRawCypher(target, 'MATCH (u:User) RETURN u.id AS id')).toEqual([{ id: 'user:admin' }]);
  });

  it('a failing restore leaves the store as it was', async () => {
    const target = await openDumpStore();
    open.push(target);
    const before = await readDump(target);
    const dump = baseDump();
    // Same label and id twice: the unique constraint fails in the middle of the transaction.
    const broken = { ...dump, nodes: [...dump.nodes] };
    broken.nodes.push({ type: 'node', labels: ['Segment'], properties: { id: 'seg:auto-parts', name: 'dup' } });
    const unique = new Set<string>();
    expect(broken.nodes.every((n) => unique.size < unique.add(`${n.labels[0]}|${String(n.properties.id)}`).size)).toBe(false);
    await expect(restoreDump(target, broken, { replace: true })).rejects.toThrow();
    expect(await readDump(target)).toEqual(before);
  });

  it('rejects damaged dumps with the line number', () => {
    const lines = [...dumpLines(baseDump())];
    expect(() => parseDump(lines.slice(0, -1))).toThrow(/incomplete/);
    expect(() => parseDump([lines[0]!, '{"type":"node","labels":["Evil`) DETACH DELETE n //"],"properties":{"id":"x"}}'])).toThrow(/line 2: node labels/);
    expect(() => parseDump(['{"hello":1}'])).toThrow(/not a chain-graph-dump/);
  });
});

describe('Cypher export for Neo4j', () => {
  it('escapes string literals', () => {
    expect(cypherString("a'b\\c\nd\u0001")).toBe("'a\\'b\\\\c\\nd\\u0001'");
    expect(cypherLiteral({ 'weird key': [1, 2.5, true], name: '（巢湖）' })).toBe("{`weird key`: [1, 2.5, true], name: '（巢湖）'}");
  });

  it('lints clean and, run statement by statement, rebuilds the same graph', async () => {
    const source = await openDumpStore();
    open.push(source);
    const dump = await readDump(source);
    const statements: string[] = [];
    for await (const s of cypherExport(memoryDumpSource(dump), 10)) if (!s.startsWith('//')) statements.push(s);
    const schema = { labels: [...NODE_LABELS, 'Meta'], relationshipTypes: [...RELATIONSHIP_TYPES] };
    // The linter is slow: check one statement of each form (schema, nodes, relationships with a quoted, escaped text).
    const sample = [
      statements.find((s) => s.startsWith('CREATE CONSTRAINT'))!,
      statements.find((s) => s.includes('sourceText'))!,
      statements.find((s) => s.includes('CREATE (a)-'))!,
    ];
    for (const s of sample) expect(lintCypherQuery(s, schema).filter((d) => d.severity === 1)).toEqual([]);
    const target = await fresh();
    // On Neo4j every statement runs, as cypher-shell would; the embedded engine takes the data statements
    // (its store has the schema already; the export's constraint syntax is Neo4j's).
    const replay = TEST_STORE === 'neo4j' ? statements : statements.filter((x) => !x.startsWith('CREATE CONSTRAINT') && !x.startsWith('CREATE INDEX'));
    for (const s of replay) await runRawCypher(target, s.replace(/;\n$/, ''));
    expect(await readDump(target)).toEqual(dump);
  });
});
