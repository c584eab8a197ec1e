import { describe, expect, it } from 'vitest';
import { findFeedsCycles } from './feeds-cycles.ts';

describe('findFeedsCycles', () => {
  it('finds each cycle once, sorted; a chain without one has none', () => {
    expect(
      findFeedsCycles([
        ['a', 'b'],
        ['b', 'c'],
      ]),
    ).toEqual([]);
    expect(
      findFeedsCycles([
        ['铝', '特钢'],
        ['特钢', '铝'],
        ['铝', '板材'],
        ['x', 'y'],
        ['y', 'z'],
        ['z', 'x'],
      ]),
    ).toEqual([
      ['x', 'y', 'z'],
      ['特钢', '铝'],
    ]);
  });
});
