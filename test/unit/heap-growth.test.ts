import { describe, expect, it, vi } from 'vitest';
import { HEAP_GROWING_PERCENT, SERVING_HEADROOM_MB, servingGrowingPercent, withBoundedHeapGrowth } from '../../server/services/projection/heap-growth.ts';

/** The heap's growth is bounded while a projection is read or weights are fitted, and from what it keeps once the server serves (bench/README.md: the memory it saves at tier L). */
describe('withBoundedHeapGrowth', () => {
  const bound = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
  const lifted = '--heap-growing-percent=0';

  it('bounds the growth while work runs, once for overlapping work, and lifts it when the last ends', async () => {
    const flags: string[] = [];
    const set = (f: string) => flags.push(f);
    let endFirst!: () => void;
    const first = withBoundedHeapGrowth(() => new Promise<string>((resolve) => (endFirst = () => resolve('graph'))), set);
    const second = withBoundedHeapGrowth(async () => 'weights', set);
    expect(await second).toBe('weights');
    expect(flags).toEqual([bound]);
    endFirst();
    expect(await first).toBe('graph');
    expect(flags).toEqual([bound, lifted]);
  });

  it('lifts it when the work fails, and passes the failure on', async () => {
    const flags: string[] = [];
    await expect(
      withBoundedHeapGrowth(
        async () => {
          throw new Error('engine limit');
        },
        (f) => flags.push(f),
      ),
    ).rejects.toThrow('engine limit');
    expect(flags).toEqual([bound, lifted]);
  });

  it('with V8’s own setter: the work runs and its value comes back', async () => {
    expect(await withBoundedHeapGrowth(async () => 42)).toBe(42);
  });

  it('while serving: V8’s own growth for a small heap, at most the headroom (or 30 %) past what a larger one keeps', () => {
    expect(servingGrowingPercent(60)).toBe(0); // tier M
    expect(servingGrowingPercent(SERVING_HEADROOM_MB)).toBe(0);
    expect(servingGrowingPercent(280)).toBe(46); // tier L: +128 MB
    expect(servingGrowingPercent(1000)).toBe(HEAP_GROWING_PERCENT);
  });

  it('once the server serves, sets the growth after each major collection, and builds return to it when they end', async () => {
    vi.resetModules(); // a fresh module: the server's setting stays out of the tests above
    const growth = await import('../../server/services/projection/heap-growth.ts');
    const flags: string[] = [];
    const set = (f: string) => flags.push(f);
    let collected!: () => void;
    let kept = 60;
    growth.boundHeapGrowthWhileServing(
      set,
      (report) => (collected = report),
      () => kept,
    );
    collected();
    expect(flags).toEqual([]); // a small heap: V8's own, as before
    let endBuild!: () => void;
    const build = growth.withBoundedHeapGrowth(() => new Promise<void>((resolve) => (endBuild = resolve)), set);
    kept = 280;
    collected(); // during the build its bound stands
    expect(flags).toEqual([bound]);
    endBuild();
    await build;
    expect(flags).toEqual([bound, '--heap-growing-percent=46']);
    kept = 100;
    collected();
    expect(flags).toEqual([bound, '--heap-growing-percent=46', lifted]);
  });
});
