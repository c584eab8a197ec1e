import type { ExploreGraph } from './explore-graph.ts';

/** One relationship of a path, as stored (start → end), by the topology's node numbers. */
export interface PathStep {
  type: string;
  source: number;
  target: number;
}

/**
 * The shortest path read/explore/shortest-path gives, from the projection's
 * topology: at most `maxLength` relationships of the `types` given, either
 * direction, and of all shortest paths the first by the ids along it (the
 * query orders them by `id|id|…|` as a string). Null when none is that short.
 *
 * A breadth-first search from both ends finds the length d; one from `to`
 * (continued to depth d - 1) gives every node's distance to it; then, from
 * `from`, each step takes the neighbour one step nearer whose `id|` sorts
 * first — choosing the smallest `id|` at the first node where two paths differ
 * is what ordering their whole keys as strings does; between two nodes joined
 * twice, the relationship is chosen the same way by `type:startId|`.
 */
export function projectedShortestPath(g: ExploreGraph, from: number, to: number, types: readonly string[], maxLength: number): PathStep[] | null {
  const allowed = Uint8Array.from(g.types, (t) => (types.includes(t) ? 1 : 0));
  const { outStart, outNode, outType, inStart, inNode, inType } = g;
  const n = g.ids.length;
  const each = (v: number, visit: (w: number) => void) => {
    for (let k = outStart[v]!; k < outStart[v + 1]!; k++) if (allowed[outType[k]!]) visit(outNode[k]!);
    for (let k = inStart[v]!; k < inStart[v + 1]!; k++) if (allowed[inType[k]!]) visit(inNode[k]!);
  };
  /** One more level of a breadth-first search: the nodes first reached, marked `level` in `dist`. */
  const grow = (frontier: number[], dist: Int8Array, level: number, reached: (w: number) => void = () => {}) => {
    const next: number[] = [];
    for (const v of frontier)
      each(v, (w) => {
        if (dist[w] !== -1) return;
        dist[w] = level;
        next.push(w);
        reached(w);
      });
    return next;
  };
  const fromA = new Int8Array(n).fill(-1);
  const fromB = new Int8Array(n).fill(-1);
  fromA[from] = 0;
  fromB[to] = 0;
  let frontierA = [from];
  let frontierB = [to];
  let depthA = 0;
  let depthB = 0;
  let length = -1;
  // the smaller frontier grows a level at a time until the two searches meet
  while (length < 0 && depthA + depthB < maxLength && frontierA.length > 0 && frontierB.length > 0) {
    const growA = frontierA.length <= frontierB.length;
    const [mine, theirs, frontier] = growA ? [fromA, fromB, frontierA] : [fromB, fromA, frontierB];
    const level = (growA ? depthA : depthB) + 1;
    const next = grow(frontier, mine, level, (w) => {
      const rest = theirs[w]!;
      if (rest !== -1 && (length < 0 || level + rest < length)) length = level + rest;
    });
    if (growA) [frontierA, depthA] = [next, level];
    else [frontierB, depthB] = [next, level];
  }
  if (length < 0) return null;
  // every node's distance to `to`, up to length - 1 (the search from `to` may have stopped short of it)
  while (depthB < length - 1 && frontierB.length > 0) [frontierB, depthB] = [grow(frontierB, fromB, depthB + 1), depthB + 1];
  const key = (v: number) => `${g.ids[v]}|`;
  const steps: PathStep[] = [];
  let at = from;
  for (let left = length - 1; left >= 0; left--) {
    let best = -1;
    each(at, (w) => {
      if (fromB[w] === left && (best < 0 || key(w) < key(best))) best = w;
    });
    steps.push(stepBetween(g, allowed, at, best));
    at = best;
  }
  return steps;
}

/**
 * The relationship joining `a` and `b` (of the allowed types) the query keeps:
 * the first by `type:startId|` (its second sort key, step by step).
 */
function stepBetween(g: ExploreGraph, allowed: Uint8Array, a: number, b: number): PathStep {
  let found: PathStep | null = null;
  let foundKey = '';
  const consider = (type: number, source: number, target: number) => {
    if (!allowed[type]) return;
    const key = `${g.types[type]}:${g.ids[source]}|`;
    if (!found || key < foundKey) [found, foundKey] = [{ type: g.types[type]!, source, target }, key];
  };
  for (let k = g.outStart[a]!; k < g.outStart[a + 1]!; k++) if (g.outNode[k] === b) consider(g.outType[k]!, a, b);
  for (let k = g.inStart[a]!; k < g.inStart[a + 1]!; k++) if (g.inNode[k] === b) consider(g.inType[k]!, b, a);
  return found!;
}
