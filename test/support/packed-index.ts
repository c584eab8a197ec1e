import type { NameIndex } from '../../server/services/projection/name-index.ts';

/**
 * A name index's packed contents, comparable with toEqual in milliseconds: each
 * typed array (also inside its pair tables) as base64 of its bytes, the build
 * time left out (vitest compares typed arrays element by element, seconds for a
 * few thousand names).
 */
export function packedIndex(index: NameIndex): unknown {
  const plain = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v)) return `${v.constructor.name} ${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')}`;
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    return v;
  };
  return { ...(plain(index) as object), stats: { ...index.stats, buildMs: 0 } };
}
