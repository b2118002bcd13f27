/**
 * A counter-based pseudo-random generator: Philox4x32-10 (Salmon, Moraes, Dror & Shaw 2011,
 * "Parallel random numbers: as easy as 1, 2, 3", SC'11, §3 and Fig. 2). The output is a pure
 * function of a 128-bit counter and a 64-bit key, so any number of independent streams can be
 * made without state shared between threads: bootstrap replication b of a run with seed S
 * reads the blocks
 *     key = (S mod 2³², ⌊S / 2³²⌋),   counter = (j, b, purpose, 0),   j = 0, 1, 2, …
 * (four 32-bit words per block). Its numbers therefore depend only on (S, purpose, b), never
 * on which worker thread runs the replication or in which order: the same seed gives the same
 * numbers whatever the number of workers.
 *
 * One round maps (c0, c1, c2, c3) with key (k0, k1) to
 *     (hi(M1·c2) ⊕ c1 ⊕ k0,  lo(M1·c2),  hi(M0·c0) ⊕ c3 ⊕ k1,  lo(M0·c0))
 * with M0 = 0xD2511F53, M1 = 0xCD9E8D57; between rounds the key is bumped by the Weyl
 * constants (0x9E3779B9, 0xBB67AE85). Ten rounds pass BigCrush (Salmon et al. 2011, Table 2).
 * The known-answer vectors of the authors' Random123 library are checked in the tests.
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** High 32 bits of the 64-bit product of two unsigned 32-bit words (exact in doubles via 16-bit halves). */
function mulhi(a: number, b: number): number {
  const aL = a & 0xffff;
  const aH = a >>> 16;
  const bL = b & 0xffff;
  const bH = b >>> 16;
  const lh = aL * bH;
  const hl = aH * bL;
  const mid = ((aL * bL) >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (aH * bH + (lh >>> 16) + (hl >>> 16) + Math.floor(mid / 65536)) >>> 0;
}

/** Philox4x32 with `rounds` rounds (10 is the standard) of one counter block under one key; writes 4 words to `out`. */
export function philox4x32(
  counter: readonly number[],
  key: readonly number[],
  out: Uint32Array,
  rounds = 10,
): Uint32Array {
  let c0 = counter[0]! >>> 0;
  let c1 = counter[1]! >>> 0;
  let c2 = counter[2]! >>> 0;
  let c3 = counter[3]! >>> 0;
  let k0 = key[0]! >>> 0;
  let k1 = key[1]! >>> 0;
  for (let r = 0; r < rounds; r++) {
    if (r > 0) {
      k0 = (k0 + W0) >>> 0;
      k1 = (k1 + W1) >>> 0;
    }
    const hi0 = mulhi(M0, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi(M1, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
  return out;
}

/** What a stream is for: a different purpose never shares a counter block with another. */
export const STREAM_PURPOSE = { ordinary: 0, bollenStine: 1, test: 2 } as const;
export type StreamPurpose = (typeof STREAM_PURPOSE)[keyof typeof STREAM_PURPOSE];

export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** The stream of replication `index` (0-based) for `purpose` under `seed` (an integer 0 … 2⁵³−1). */
export class RandomStream {
  private readonly key: [number, number];
  private readonly counter: [number, number, number, number];
  private readonly block = new Uint32Array(4);
  private used = 4;

  constructor(seed: number, index: number, purpose: StreamPurpose = STREAM_PURPOSE.ordinary) {
    if (!Number.isSafeInteger(seed) || seed < 0)
      throw new RangeError(`seed ${seed}: a whole number from 0 to ${MAX_SEED} is needed`);
    if (!Number.isInteger(index) || index < 0 || index > 0xffffffff)
      throw new RangeError(`stream index ${index} out of range`);
    this.key = [seed % 2 ** 32, Math.floor(seed / 2 ** 32)];
    this.counter = [0, index, purpose, 0];
  }

  /** The next uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number {
    if (this.used === 4) {
      philox4x32(this.counter, this.key, this.block);
      this.counter[0] = (this.counter[0] + 1) >>> 0;
      this.used = 0;
    }
    return this.block[this.used++]!;
  }

  /**
   * A uniform integer in 0 … n−1 (1 ≤ n ≤ 2³²) without modulo bias: draws r below the largest
   * multiple of n that fits in 32 bits are accepted and reduced mod n (rejection sampling;
   * Knuth, TAOCP vol. 2, §3.4.1); at most half the draws are rejected, usually none.
   */
  uniformInt(n: number): number {
    const limit = 2 ** 32 - (2 ** 32 % n);
    let r = this.nextUint32();
    while (r >= limit) r = this.nextUint32();
    return r % n;
  }

  /** `count` uniform integers in 0 … n−1 (as uniformInt, in the same order). */
  uniformInts(count: number, n: number): Int32Array {
    const out = new Int32Array(count);
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (let i = 0; i < count; i++) {
      let r = this.nextUint32();
      while (r >= limit) r = this.nextUint32();
      out[i] = r % n;
    }
    return out;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }
}
