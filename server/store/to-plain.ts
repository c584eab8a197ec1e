/**
 * An engine's own value types as plain JS (Neo4j's Integers, temporals, nodes,
 * relationships and paths: neo4j-plain.ts), or undefined when `value` is none of
 * them; `plain` converts what they contain.
 */
export type EngineValues = (value: object, plain: (v: unknown) => unknown) => unknown;

/**
 * Converts a value from either engine into plain JS: bigints to numbers, Dates
 * to ISO strings, lists and maps deeply, and the engine's own types through
 * `engine` (Grafeo has none: its values are plain already, and this file loads
 * no driver, so the embedded store's start does not pay for Neo4j's).
 */
export function toPlain(value: unknown, engine?: EngineValues): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object') return value;
  // Lists and maps first: most values of a row are, and the engine's types never are (on Neo4j each test is ~10 checks).
  if (Array.isArray(value)) return value.map((v) => toPlain(v, engine));
  if (Object.getPrototypeOf(value) === Object.prototype) return plainObject(value as Record<string, unknown>, engine);
  if (engine) {
    const converted = engine(value, (v) => toPlain(v, engine));
    if (converted !== undefined) return converted;
  }
  if (value instanceof Date) return value.toISOString();
  return plainObject(value as Record<string, unknown>, engine);
}

export function plainObject(obj: Record<string, unknown>, engine?: EngineValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = toPlain(v, engine);
  return out;
}

export function toPlainRow<T>(row: Record<string, unknown>, engine?: EngineValues): T {
  return plainObject(row, engine) as T;
}
