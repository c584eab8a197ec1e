/** Axis-aligned box of a node already drawn. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Point {
  x: number;
  y: number;
}

function overlaps(p: Point, half: Point, boxes: readonly Box[], margin: number): boolean {
  return boxes.some((b) => p.x + half.x + margin > b.x1 && p.x - half.x - margin < b.x2 && p.y + half.y + margin > b.y1 && p.y - half.y - margin < b.y2);
}

/**
 * Positions for `count` new nodes around `center` that keep clear of the
 * `obstacles` (existing nodes, which are never moved) and of each other: each
 * new node starts on a ring and walks outward along its ray until it finds a
 * free spot. `size` is the new node's box including its label.
 */
export function placeAround(center: Point, count: number, obstacles: readonly Box[], size: Point = { x: 130, y: 60 }, radius = 150): Point[] {
  const placed: Box[] = [];
  const out: Point[] = [];
  const half = { x: size.x / 2, y: size.y / 2 };
  const ring = Math.max(radius, (count * Math.max(size.x, size.y)) / (2 * Math.PI) / 1.6);
  for (let i = 0; i < count; i++) {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, count);
    let r = ring;
    let p = { x: center.x + r * Math.cos(angle), y: center.y + r * Math.sin(angle) };
    for (let step = 0; step < 200 && overlaps(p, half, [...obstacles, ...placed], 8); step++) {
      r += 30;
      p = { x: center.x + r * Math.cos(angle), y: center.y + r * Math.sin(angle) };
    }
    placed.push({ x1: p.x - half.x, y1: p.y - half.y, x2: p.x + half.x, y2: p.y + half.y });
    out.push(p);
  }
  return out;
}

/** Grid positions for many new nodes, in a block just below everything drawn (`bounds`), centred under `center.x`. */
export function placeBelow(center: Point, count: number, bounds: Box, cell: Point = { x: 140, y: 70 }): Point[] {
  const columns = Math.max(1, Math.ceil(Math.sqrt(count * 2)));
  const left = center.x - ((columns - 1) * cell.x) / 2;
  return Array.from({ length: count }, (_, i) => ({ x: left + (i % columns) * cell.x, y: bounds.y2 + cell.y * 1.5 + Math.floor(i / columns) * cell.y }));
}
