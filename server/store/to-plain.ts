import neo4j from 'neo4j-driver';

/**
 * Converts a value from either engine into plain JS: Neo4j Integers and
 * bigints to numbers, temporals to ISO strings, nodes to
 * `{ _id, _labels, ...properties }`, relationships to
 * `{ _id, _type, _source, _target, ...properties }` and paths to
 * `{ nodes, edges }` (the shape Grafeo already returns).
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Date) return value.toISOString();
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
    return { _id: node.elementId, _labels: node.labels, ...plainObject(node.properties) };
  }
  if (neo4j.isRelationship(value as never)) {
    const rel = value as {
      elementId: string;
      type: string;
      startNodeElementId: string;
      endNodeElementId: string;
      properties: Record<string, unknown>;
    };
    return { _id: rel.elementId, _type: rel.type, _source: rel.startNodeElementId, _target: rel.endNodeElementId, ...plainObject(rel.properties) };
  }
  if (neo4j.isPath(value as never)) {
    const p = value as { segments: { start: unknown; relationship: unknown; end: unknown }[]; start: unknown };
    const nodes = [p.start, ...p.segments.map((s) => s.end)].map(toPlain);
    return { nodes, edges: p.segments.map((s) => toPlain(s.relationship)) };
  }
  return plainObject(value as Record<string, unknown>);
}

function plainObject(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = toPlain(v);
  return out;
}

export function toPlainRow<T>(row: Record<string, unknown>): T {
  return plainObject(row) as T;
}
