import { describe, expect, it } from 'vitest';
import { placeAround, placeBelow } from './placement.ts';

describe('placement of new nodes', () => {
  it('walks outward past obstacles and keeps new nodes apart', () => {
    const obstacles = [{ x1: -60, y1: -200, x2: 60, y2: -120 }];
    const points = placeAround({ x: 0, y: 0 }, 6, obstacles, { x: 100, y: 40 }, 100);
    expect(points).toHaveLength(6);
    expect(points[0]!.y).toBeLessThan(-200 - 20);
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++) {
        const a = points[i]!;
        const b = points[j]!;
        expect(Math.abs(a.x - b.x) >= 100 || Math.abs(a.y - b.y) >= 40).toBe(true);
      }
  });

  it('puts a grid under the bounds', () => {
    const points = placeBelow({ x: 0, y: 0 }, 10, { x1: -100, y1: -100, x2: 100, y2: 100 });
    expect(Math.min(...points.map((p) => p.y))).toBeGreaterThan(100);
    expect(new Set(points.map((p) => `${p.x},${p.y}`)).size).toBe(10);
  });
});
