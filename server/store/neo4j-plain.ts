import neo4j from 'neo4j-driver';
import { plainObject, toPlain, toPlainRow, type EngineValues } from './to-plain.ts';

/**
 * Neo4j's own values as plain JS: Integers to numbers, temporals to ISO strings,
 * nodes to `{ _id, _labels, ...properties }`, relationships to
 * `{ _id, _type, _source, _target, ...properties }` and paths to
 * `{ nodes, edges }` (the shape Grafeo already returns).
 */
const neo4jValues: EngineValues = (value, plain) => {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (
    neo4j.isDate(value as never) ||
    neo4j.isDateTime(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isTime(value as never) ||
    neo4j.isLocalTime(value as never) ||
    neo4j.isDuration(value as never)
  ) {
    return String(value);
  }
  if (neo4j.isNode(value as never)) {
    const node = value as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return { _id: node.elementId, _labels: node.labels, ...plainObject(node.properties, neo4jValues) };
  }
  if (neo4j.isRelationship(value as never)) {
    const rel = value as {
      elementId: string;
      type: string;
      startNodeElementId: string;
      endNodeElementId: string;
      properties: Record<string, unknown>;
    };
    return { _id: rel.elementId, _type: rel.type, _source: rel.startNodeElementId, _target: rel.endNodeElementId, ...plainObject(rel.properties, neo4jValues) };
  }
  if (neo4j.isPath(value as never)) {
    const p = value as { segments: { start: unknown; relationship: unknown; end: unknown }[]; start: unknown };
    return { nodes: [p.start, ...p.segments.map((s) => s.end)].map(plain), edges: p.segments.map((s) => plain(s.relationship)) };
  }
  return undefined;
};

/** A value from Neo4j as plain JS (to-plain.ts, with Neo4j's own types). */
export const neo4jToPlain = (value: unknown): unknown => toPlain(value, neo4jValues);

/** A record from Neo4j as a plain row. */
export const neo4jPlainRow = <T>(row: Record<string, unknown>): T => toPlainRow<T>(row, neo4jValues);
