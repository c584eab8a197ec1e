/**
 * The search's name index (issue 17): every searchable node's names in one
 * UTF-16 text pool, with n-gram posting lists, so that `search` finds the
 * nodes whose names contain a text without scanning them all (the store's
 * CONTAINS scan, cypher/read/explore/search.cypher, reads every name: ~160 ms
 * at tier M). It answers what that query and read/explore/search-exact answer
 * together, in the same order.
 *
 * Nodes are numbered in the order the search ranks equal matches: name length
 * (in code points, as Cypher's size()), then id. A posting list holds the
 * numbers of the nodes having a gram in any of their names, ascending; so the
 * first verified candidates of a list are the best of their rank, and a search
 * stops after `limit` of them. Grams: each code unit (for one-character
 * texts), each pair of adjacent code units, and separately the first unit and
 * first pair of each name (for prefixes). A candidate is verified against the
 * names themselves, so the lists only have to hold every match, not only
 * matches.
 */
import { int32s, uint16s, uint8s } from './growing-array.ts';

export interface NameRow {
  id: string;
  label: string;
  name: unknown;
  shortName: unknown;
  searchName: unknown;
  searchShortName: unknown;
  /** Normalised aliases (segments and chains): matched like searchName. */
  searchAliases: unknown;
}

/** A match as read/explore/search gives it: rank 0 exact, 1 prefix, 2 contains; length of the name. */
export interface NameMatch {
  id: string;
  label: string;
  length: number;
  rank: number;
}

/** Slots of a node's text: its id, then the names matched by the raw text, then the ones matched by the normalised text (aliases last, any number). */
const ID = 0;
const FIRST_RAW = 1; // name, shortName
const FIRST_NORMALISED = 3; // searchName, searchShortName, searchAliases…

/** Labels whose aliases are searched (as the query: segments and chains). */
const ALIASED = new Set(['Segment', 'Chain']);

const UNITS = 0x10000;
/** Gram numbers: one unit [0, 65536), first unit of a name [65536, 131072), then pairs and first pairs in the order met. */
const FIRST_UNIT = UNITS;
const PAIRS = 2 * UNITS;

/** FNV-1a over UTF-16 code units (the exact-match table). */
function hashUnits(text: ArrayLike<number>, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text[i]!, 0x01000193);
  return h >>> 0;
}

const codePoints = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || s.charCodeAt(i - 1) < 0xd800 || s.charCodeAt(i - 1) > 0xdbff) n++;
  }
  return n;
};

/**
 * Pairs of code units (c1 << 16 | c2) → gram number: open addressing over
 * typed arrays (a Map of a million number keys costs more time and memory).
 */
class PairTable {
  private keys = new Int32Array(1 << 16);
  private values = new Int32Array(1 << 16).fill(-1);
  private shift = 16;
  private size = 0;

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /** The gram number of `key`, or -1. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      const v = this.values[i]!;
      if (v < 0 || this.keys[i] === key) return v;
    }
  }

  /** The gram number of `key`, given `next` (and `next` taken) when it has none yet. */
  getOrAdd(key: number, next: number): number {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      const v = this.values[i]!;
      if (v >= 0 && this.keys[i] === key) return v;
      if (v < 0) {
        this.keys[i] = key;
        this.values[i] = next;
        this.size++;
        return next;
      }
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2).fill(-1);
    this.shift -= 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (values[i]! >= 0) this.getOrAdd(keys[i]!, values[i]!);
  }

  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }
}

/** Whether `text` (units from..to) equals (0), starts with (1), contains (2) the units `u`, or none (3). */
function matchKind(text: Uint16Array, from: number, to: number, u: Uint16Array): number {
  const m = u.length;
  if (to - from < m) return 3;
  let k = 0;
  while (k < m && text[from + k] === u[k]) k++;
  if (k === m) return to - from === m ? 0 : 1;
  const first = u[0];
  for (let i = from + 1, last = to - m; i <= last; i++) {
    if (text[i] !== first) continue;
    let j = 1;
    while (j < m && text[i + j] === u[j]) j++;
    if (j === m) return 2;
  }
  return 3;
}

/** Bytes of a gap in LEB128 (7 bits a byte). */
const gapBytes = (gap: number): number => (gap < 0x80 ? 1 : gap < 0x4000 ? 2 : gap < 0x200000 ? 3 : gap < 0x10000000 ? 4 : 5);

/** Writes a gap in LEB128 at `at`; returns where the next one goes. */
function writeGap(bytes: Uint8Array, at: number, gap: number): number {
  while (gap >= 0x80) {
    bytes[at++] = (gap & 0x7f) | 0x80;
    gap >>>= 7;
  }
  bytes[at++] = gap;
  return at;
}

/** Reads a posting list: its nodes ascending. */
class Cursor {
  private at = 0;
  private last = -1;
  constructor(private readonly bytes: Uint8Array) {}

  /** The next node, or -1 after the last. */
  next(): number {
    if (this.at >= this.bytes.length) return -1;
    let gap = 0;
    let x: number;
    let shift = 0;
    do {
      x = this.bytes[this.at++]!;
      gap |= (x & 0x7f) << shift;
      shift += 7;
    } while (x & 0x80);
    return (this.last += gap);
  }
}

const unitsOf = (s: string): Uint16Array => {
  const u = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
};

export interface NameIndexStats {
  nodes: number;
  grams: number;
  postings: number;
  /** Bytes of the typed arrays (pool, slots, postings, tables). */
  bytes: number;
  buildMs: number;
}

/**
 * Takes the rows of every searchable node a page at a time (name-index-source.ts
 * reads enterprises in pages), keeps their texts in typed arrays as they come
 * and lets the rows go: at tier L a million row objects were held at once before
 * (~0.5 GB of heap while read). `finish` numbers the nodes and packs the lists.
 */
export class NameIndexBuilder {
  private readonly labels: string[] = [];
  private readonly label = uint8s();
  private readonly length = int32s();
  /** Per node in the order added: its first slot; slot s spans text[slotStart[s] .. slotStart[s + 1]). */
  private readonly first = int32s();
  private readonly slotStart = int32s();
  private readonly text = uint16s();
  /** Time spent packing pages (not waiting for them). */
  private packMs = 0;

  /** `expected`: how many nodes are coming, if known (the pools then grow once or twice). */
  constructor(private readonly expected = 0) {
    this.slotStart.push(0);
  }

  /** Adds a page of rows (rows without a text id are not searchable, as before). */
  add(rows: readonly NameRow[]): void {
    const t0 = performance.now();
    const str = (v: unknown): string => (typeof v === 'string' ? v : '');
    const { label, length, first, slotStart, text } = this;
    const nodes = Math.max(this.expected, first.length + rows.length);
    // what the pools will hold in all, from what they hold per node so far (a first page: this page's)
    let units = 0;
    let slots = 0;
    for (const r of rows) {
      if (typeof r.id !== 'string') continue;
      slots += 5 + (Array.isArray(r.searchAliases) ? r.searchAliases.length : 0);
      units += r.id.length + str(r.name).length + str(r.shortName).length + str(r.searchName).length + str(r.searchShortName).length;
      if (Array.isArray(r.searchAliases)) for (const a of r.searchAliases) units += str(a).length;
    }
    const per = (held: number, adding: number) => ((held + adding) / Math.max(1, first.length + rows.length)) * nodes * 1.05;
    label.reserve(rows.length, nodes);
    length.reserve(rows.length, nodes);
    first.reserve(rows.length + 1, nodes + 1); // and the end, added by finish
    slotStart.reserve(slots, per(slotStart.length, slots));
    text.reserve(units, per(text.length, units));
    const put = (t: string) => {
      for (let i = 0; i < t.length; i++) text.push(t.charCodeAt(i));
      slotStart.push(text.length);
    };
    for (const r of rows) {
      if (typeof r.id !== 'string') continue;
      let l = this.labels.indexOf(r.label);
      if (l < 0) l = this.labels.push(r.label) - 1;
      label.push(l);
      length.push(typeof r.name === 'string' ? codePoints(r.name) : 0);
      first.push(slotStart.length - 1);
      put(r.id);
      put(str(r.name));
      put(str(r.shortName));
      put(str(r.searchName));
      put(str(r.searchShortName));
      if (ALIASED.has(r.label) && Array.isArray(r.searchAliases)) for (const a of r.searchAliases) if (typeof a === 'string') put(a);
    }
    this.packMs += performance.now() - t0;
  }

  /** The index over every row added. */
  finish(): NameIndex {
    this.first.push(this.slotStart.length - 1);
    return NameIndex.pack(this.labels, this.label.values(), this.length.values(), this.first.values(), this.slotStart.kept(), this.text.kept(), this.packMs);
  }
}

export class NameIndex {
  private constructor(
    private readonly labels: string[],
    /** Per node number: its label's index in `labels`. */
    private readonly labelOf: Uint8Array,
    /** All text; slot s spans text[slotStart[s] .. slotStart[s + 1]). */
    private readonly text: Uint16Array,
    private readonly slotStart: Int32Array,
    /** Node o's slots are nodeFirst[o] .. nodeEnd[o] - 1 (ID, raw names, normalised names), in the order the rows came. */
    private readonly nodeFirst: Int32Array,
    private readonly nodeEnd: Int32Array,
    private readonly lengthOf: Int32Array,
    private readonly pairs: PairTable,
    private readonly firstPairs: PairTable,
    private readonly gramStart: Int32Array,
    /** Per gram, its nodes ascending, as gaps (the first: node + 1) in LEB128 (~1.5 bytes a node instead of 4). */
    private readonly posting: Uint8Array,
    /** Exact-match table: per hash bucket of a name, the nodes having it. */
    private readonly bucketStart: Int32Array,
    private readonly bucketNode: Int32Array,
    readonly stats: NameIndexStats,
  ) {}

  /** Packs the rows of every searchable node at once (tests; the server adds them a page at a time: NameIndexBuilder). */
  static build(rows: readonly NameRow[]): NameIndex {
    const builder = new NameIndexBuilder(rows.length);
    builder.add(rows);
    return builder.finish();
  }

  /**
   * Numbers the nodes a builder added (`readLabel`, `readLength`, `readFirst`: per node in the order added,
   * `readFirst` with one more entry, the end) and packs the posting lists and the exact-match table.
   */
  static pack(
    labels: string[],
    readLabel: Uint8Array,
    readLength: Int32Array,
    readFirst: Int32Array,
    slotStart: Int32Array,
    text: Uint16Array,
    packedMs = 0,
  ): NameIndex {
    const t0 = performance.now() - packedMs;
    const n = readLabel.length;
    // ranked as equal matches are: name length, then id (compared by UTF-16 units, as JS and the store's queries compare strings)
    const idCompare = (a: number, b: number): number => {
      const fa = slotStart[readFirst[a]!]!;
      const ta = slotStart[readFirst[a]! + 1]!;
      const fb = slotStart[readFirst[b]!]!;
      const tb = slotStart[readFirst[b]! + 1]!;
      for (let i = 0; i < ta - fa && i < tb - fb; i++) if (text[fa + i] !== text[fb + i]) return text[fa + i]! - text[fb + i]!;
      return ta - fa - (tb - fb);
    };
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => readLength[a]! - readLength[b]! || idCompare(a, b) || a - b);
    const labelOf = new Uint8Array(n);
    const lengthOf = new Int32Array(n);
    const nodeFirst = new Int32Array(n);
    const nodeEnd = new Int32Array(n);
    for (let o = 0; o < n; o++) {
      const r = order[o]!;
      labelOf[o] = readLabel[r]!;
      lengthOf[o] = readLength[r]!;
      nodeFirst[o] = readFirst[r]!;
      nodeEnd[o] = readFirst[r + 1]!;
    }
    const slots = slotStart.length - 1;

    // Posting lists in two passes over the text (sizes, then bytes), each gram listed once per node.
    const pairs = new PairTable();
    const firstPairs = new PairTable();
    let grams = PAIRS;
    let size = new Int32Array(PAIRS + (1 << 16));
    let seen = new Int32Array(size.length).fill(-1);
    let postings = 0;
    const visit = (o: number, gram: (g: number) => void) => {
      for (let s = nodeFirst[o]! + FIRST_RAW; s < nodeEnd[o]!; s++) {
        const from = slotStart[s]!;
        const to = slotStart[s + 1]!;
        if (to === from) continue;
        gram(FIRST_UNIT + text[from]!);
        if (to - from > 1) gram(firstPairs.getOrAdd((text[from]! << 16) | text[from + 1]!, grams));
        for (let i = from; i < to; i++) {
          gram(text[i]!);
          if (i + 1 < to) gram(pairs.getOrAdd((text[i]! << 16) | text[i + 1]!, grams));
        }
      }
    };
    let node = 0;
    const sizeGram = (g: number) => {
      if (g === grams) {
        grams++;
        if (grams > size.length) {
          const bigger = new Int32Array(size.length * 2);
          bigger.set(size);
          size = bigger;
          const seenBigger = new Int32Array(size.length).fill(-1);
          seenBigger.set(seen);
          seen = seenBigger;
        }
      }
      if (seen[g] !== node) {
        size[g]! += gapBytes(node - seen[g]!);
        seen[g] = node;
        postings++;
      }
    };
    for (node = 0; node < n; node++) visit(node, sizeGram);
    const gramStart = new Int32Array(grams + 1);
    for (let g = 0; g < grams; g++) gramStart[g + 1] = gramStart[g]! + size[g]!;
    const posting = new Uint8Array(gramStart[grams]!);
    const fill = gramStart.slice(0, grams);
    seen.fill(-1);
    const fillGram = (g: number) => {
      if (seen[g] !== node) {
        fill[g] = writeGap(posting, fill[g]!, node - seen[g]!);
        seen[g] = node;
      }
    };
    for (node = 0; node < n; node++) visit(node, fillGram);

    // Exact matches: every name (not ids) by hash bucket.
    const names = slots - n;
    let buckets = 1;
    while (buckets < names) buckets *= 2;
    const bucketOfSlot = new Int32Array(slots);
    const bucketStart = new Int32Array(buckets + 1);
    for (let o = 0; o < n; o++) {
      for (let s = nodeFirst[o]! + FIRST_RAW; s < nodeEnd[o]!; s++) {
        const b = hashUnits(text, slotStart[s]!, slotStart[s + 1]!) & (buckets - 1);
        bucketOfSlot[s] = b;
        bucketStart[b + 1]!++;
      }
    }
    for (let b = 0; b < buckets; b++) bucketStart[b + 1]! += bucketStart[b]!;
    const bucketFill = bucketStart.slice(0, buckets);
    const bucketNode = new Int32Array(names);
    for (let o = 0; o < n; o++) for (let s = nodeFirst[o]! + FIRST_RAW; s < nodeEnd[o]!; s++) bucketNode[bucketFill[bucketOfSlot[s]!]!++] = o;

    const bytes = [labelOf, text, slotStart, nodeFirst, nodeEnd, lengthOf, gramStart, posting, bucketStart, bucketNode].reduce(
      (sum, a) => sum + a.byteLength,
      0,
    );
    return new NameIndex(labels, labelOf, text, slotStart, nodeFirst, nodeEnd, lengthOf, pairs, firstPairs, gramStart, posting, bucketStart, bucketNode, {
      nodes: n,
      grams,
      postings,
      bytes: bytes + pairs.bytes + firstPairs.bytes,
      buildMs: performance.now() - t0,
    });
  }

  get size(): number {
    return this.labelOf.length;
  }

  /**
   * The best `limit` nodes of `labels` whose normalised names (searchName,
   * searchShortName, aliases of segments and chains) contain `q` or whose
   * names (name, shortName) contain `raw`, by rank (exact, prefix, contains),
   * name length and id: what read/explore/search and search-exact give,
   * ranked across labels. `q` and `raw` are not empty.
   */
  find(q: string, raw: string, labels: readonly string[], limit: number): NameMatch[] {
    const allowed = new Uint8Array(this.labels.length);
    for (const l of labels) {
      const i = this.labels.indexOf(l);
      if (i >= 0) allowed[i] = 1;
    }
    const Q = unitsOf(q);
    const R = unitsOf(raw);
    const texts = q === raw ? [Q] : [Q, R];
    const rankOf = (o: number): number => {
      let best = 3;
      const first = this.nodeFirst[o]!;
      for (let s = first + FIRST_RAW, end = this.nodeEnd[o]!; s < end && best > 0; s++) {
        const kind = matchKind(this.text, this.slotStart[s]!, this.slotStart[s + 1]!, s < first + FIRST_NORMALISED ? R : Q);
        if (kind < best) best = kind;
      }
      return best;
    };
    const found: number[][] = [[], [], []];
    // rank 0: through the exact-match table
    const exact = new Set<number>();
    for (const u of texts) {
      const b = hashUnits(u, 0, u.length) & (this.bucketStart.length - 2);
      for (let i = this.bucketStart[b]!; i < this.bucketStart[b + 1]!; i++) {
        const o = this.bucketNode[i]!;
        if (allowed[this.labelOf[o]!] && rankOf(o) === 0) exact.add(o);
      }
    }
    found[0] = [...exact].sort((a, b) => a - b);
    // ranks 1 and 2: the first verified candidates of the lists, in node order
    let wanted = limit - found[0].length;
    for (const rank of [1, 2]) {
      if (wanted <= 0) break;
      const lists = texts.map((u) => {
        // every prefix match is in both lists: the shorter one does
        const contains = this.shortestList(u);
        const first = rank === 1 ? this.firstGramList(u) : contains;
        return first.length < contains.length ? first : contains;
      });
      this.scan(lists, (o) => {
        if (allowed[this.labelOf[o]!] && rankOf(o) === rank) {
          found[rank]!.push(o);
          wanted--;
        }
        return wanted > 0;
      });
    }
    return found
      .flatMap((nodes, rank) =>
        nodes.slice(0, limit).map((o) => ({ id: this.idOf(o), label: this.labels[this.labelOf[o]!]!, length: this.lengthOf[o]!, rank })),
      )
      .slice(0, limit);
  }

  private idOf(o: number): string {
    const s = this.nodeFirst[o]! + ID;
    return String.fromCharCode(...this.text.subarray(this.slotStart[s]!, this.slotStart[s + 1]!));
  }

  private list(gram: number): Uint8Array {
    return gram < 0 ? new Uint8Array(0) : this.posting.subarray(this.gramStart[gram]!, this.gramStart[gram + 1]!);
  }

  /** Nodes with a name starting with the first gram of `u` (a superset of those starting with `u`). */
  private firstGramList(u: Uint16Array): Uint8Array {
    return this.list(u.length === 1 ? FIRST_UNIT + u[0]! : this.firstPairs.get((u[0]! << 16) | u[1]!));
  }

  /** The shortest list (in bytes) among the grams of `u` (a superset of the nodes with a name containing `u`). */
  private shortestList(u: Uint16Array): Uint8Array {
    if (u.length === 1) return this.list(u[0]!);
    let best: Uint8Array | null = null;
    for (let i = 0; i + 1 < u.length; i++) {
      const l = this.list(this.pairs.get((u[i]! << 16) | u[i + 1]!));
      if (!best || l.length < best.length) best = l;
      if (l.length === 0) break;
    }
    return best!;
  }

  /** Visits the union of the lists in ascending order, each node once, while `visit` says go on. */
  private scan(lists: Uint8Array[], visit: (o: number) => boolean): void {
    const cursors = lists.map((l) => new Cursor(l));
    const heads = cursors.map((c) => c.next());
    for (;;) {
      let o = -1;
      for (const h of heads) if (h >= 0 && (o < 0 || h < o)) o = h;
      if (o < 0) return;
      for (let k = 0; k < heads.length; k++) if (heads[k] === o) heads[k] = cursors[k]!.next();
      if (!visit(o)) return;
    }
  }
}
