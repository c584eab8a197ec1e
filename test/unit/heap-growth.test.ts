import { describe, expect, it } from 'vitest';
import { BUILD_HEAP_GROWING_PERCENT, withBoundedHeapGrowth } from '../../server/services/projection/heap-growth.ts';

/** The heap's growth is bounded while a projection is read or weights are fitted, and left to V8 otherwise (bench/README.md: the memory it saves at tier L). */
describe('withBoundedHeapGrowth', () => {
  const bound = `--heap-growing-percent=${BUILD_HEAP_GROWING_PERCENT}`;
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
});
