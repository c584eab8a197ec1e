import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { neo4jToPlain as toPlain } from '../../server/store/neo4j-plain.ts';

describe('toPlain', () => {
  it('turns Neo4j Integers and bigints into numbers, deeply', () => {
    expect(toPlain({ n: neo4j.int(42), list: [neo4j.int(1), 2n], nested: { m: neo4j.int(-3) } })).toEqual({ n: 42, list: [1, 2], nested: { m: -3 } });
  });

  it('gives Neo4j nodes and relationships the shape Grafeo returns', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Segment'], { id: 'seg:a', name: '轻合金' }, '4:x:1');
    const rel = new neo4j.types.Relationship(neo4j.int(7), neo4j.int(1), neo4j.int(2), 'FEEDS', { source: '三(三)7' }, '5:x:7', '4:x:1', '4:x:2');
    expect(toPlain(node)).toEqual({ _id: '4:x:1', _labels: ['Segment'], id: 'seg:a', name: '轻合金' });
    expect(toPlain(rel)).toEqual({ _id: '5:x:7', _type: 'FEEDS', _source: '4:x:1', _target: '4:x:2', source: '三(三)7' });
  });

  it('turns temporals into ISO strings', () => {
    expect(toPlain(new neo4j.types.Date(2026, 12, 31))).toBe('2026-12-31');
  });
});
