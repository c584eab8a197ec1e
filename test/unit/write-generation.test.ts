import { describe, expect, it } from 'vitest';
import { WriteGeneration } from '../../server/store/write-generation.ts';

describe('WriteGeneration', () => {
  it('single writer (embedded): moves only on this process’s writes', () => {
    let t = 0;
    const g = new WriteGeneration(Infinity, () => t);
    const first = g.current();
    t += 3_600_000;
    expect(g.current()).toBe(first);
    g.bump();
    expect(g.current()).toBeGreaterThan(first);
  });

  it('shared database (Neo4j): also moves once the max age has passed, so other servers’ writes show within it', () => {
    let t = 10_000;
    const g = new WriteGeneration(5_000, () => t);
    const first = g.current();
    t += 4_000; // 14 s: same 5-s window as 10 s
    expect(g.current()).toBe(first);
    t += 1_000; // 15 s: a new window
    const second = g.current();
    expect(second).toBeGreaterThan(first);
    expect(g.current()).toBe(second);
    g.bump();
    expect(g.current()).toBeGreaterThan(second);
  });

  it('max age 0: a different number on every look (caches never hit)', () => {
    const g = new WriteGeneration(0, () => 0);
    expect(g.current()).not.toBe(g.current());
  });
});
