import { describe, expect, it } from 'vitest';
import { Rng } from '../../server/services/generate/random.ts';
import { forEachInSlices, sortInSlices, TimeSlices } from '../../server/services/projection/time-slices.ts';
import { turnsDuring } from '../support/turns.ts';

describe('background work in time slices', () => {
  it('sortInSlices sorts exactly as Array.prototype.sort (stable: equal items keep their order), yielding between chunks', async () => {
    const rng = new Rng(3);
    for (const n of [0, 1, 5, 4096, 4097, 10_000, 50_001]) {
      // few distinct keys: many ties, so stability shows
      const items = Array.from({ length: n }, (_, i) => ({ key: rng.int(50), at: i }));
      const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const expected = [...items].sort(compare);
      const sliced = [...items];
      const { turns } = await turnsDuring(() => sortInSlices(sliced, compare, new TimeSlices(0)));
      expect(sliced).toEqual(expected);
      if (n > 20_000) expect(turns).toBeGreaterThan(10);
      // without slices: the built-in sort, in one go
      expect(await sortInSlices([...items], compare)).toEqual(expected);
    }
  });

  it('forEachInSlices visits every index once, in order; with slices it lets the event loop turn between chunks', async () => {
    const seen: number[] = [];
    const { turns } = await turnsDuring(() => forEachInSlices(new TimeSlices(0), 10_000, (i) => seen.push(i)));
    expect(seen).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    expect(turns).toBeGreaterThanOrEqual(9);
    const once: number[] = [];
    expect((await turnsDuring(() => forEachInSlices(undefined, 10_000, (i) => once.push(i)))).turns).toBeLessThanOrEqual(1);
    expect(once).toEqual(seen);
  });
});
