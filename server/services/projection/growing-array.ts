type NumberArray = Int32Array | Float64Array | Uint16Array | Uint8Array;

/**
 * A list of numbers growing in a typed array, for what is read page by page and
 * packed as it comes (tier L: 5M SUPPLIES as 16 bytes each, not JS arrays of
 * boxed values; a million names' text as UTF-16 units, not a million strings).
 */
export class Growing<A extends NumberArray> {
  length = 0;
  constructor(
    private array: A,
    private readonly make: (n: number) => A,
  ) {}

  /**
   * Room for `more` values. When it grows, to at least `estimate` (what the
   * caller expects in all, e.g. from the share of the pages read so far), so a
   * pool whose final size is known roughly grows once or twice, not log₂(n)
   * times with a copy each time.
   */
  reserve(more: number, estimate = 0): void {
    const need = this.length + more;
    if (need <= this.array.length) return;
    const bigger = this.make(Math.max(need, Math.ceil(estimate), Math.max(1024, this.array.length * 2)));
    bigger.set(this.array.subarray(0, this.length));
    this.array = bigger;
  }

  push(v: number): void {
    if (this.length === this.array.length) this.reserve(1);
    this.array[this.length++] = v;
  }

  /** The values pushed (a view: no copy). */
  values(): A {
    return this.array.subarray(0, this.length) as A;
  }

  /**
   * The values pushed, to keep: a view when the room to spare is under an eighth
   * (grown to an estimate, it is a few per cent), else a copy of their own size.
   * No copy, no second pool for a moment (at tier L the names' text is ~0.1 GB).
   */
  kept(): A {
    return this.array.length - this.length < this.array.length / 8 ? this.values() : (this.array.slice(0, this.length) as A);
  }
}

export const int32s = (): Growing<Int32Array> => new Growing(new Int32Array(0), (n) => new Int32Array(n));
export const float64s = (): Growing<Float64Array> => new Growing(new Float64Array(0), (n) => new Float64Array(n));
export const uint16s = (): Growing<Uint16Array> => new Growing(new Uint16Array(0), (n) => new Uint16Array(n));
export const uint8s = (): Growing<Uint8Array> => new Growing(new Uint8Array(0), (n) => new Uint8Array(n));
