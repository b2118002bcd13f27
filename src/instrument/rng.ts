/**
 * A seeded pseudo-random generator, so that `isrs simulate --seed S` gives the same data on
 * every machine: xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
 * generators"), 32-bit words in integer arithmetic, its 128-bit state filled from the seed by
 * splitmix32 (a 32-bit variant of Steele, Lea & Flood's SplitMix). Standard normal deviates by
 * the Box-Muller transform (Box & Muller 1958): z = sqrt(-2 ln u1) cos(2 pi u2), and its sine
 * partner kept for the next call.
 */

export interface Rng {
  /** uniform on [0, 1) with 32 random bits */
  uniform(): number;
  /** standard normal */
  normal(): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/**
 * The generator of a seed from 0 to 2^53 - 1: the state from splitmix32 of the seed's low 32 bits,
 * its high bits (when there are any) mixed in by a second splitmix32 stream, so that seeds below
 * 2^32 give the same numbers as they always did.
 */
export function createRng(seed: number): Rng {
  const init = splitmix32(seed % 4294967296);
  const s = new Uint32Array([init(), init(), init(), init()]);
  const hi = Math.floor(seed / 4294967296);
  if (hi > 0) {
    const mix = splitmix32(hi ^ 0x6a09e667);
    for (let k = 0; k < 4; k++) s[k] = (s[k]! ^ mix()) >>> 0;
  }
  if (s[0] === 0 && s[1] === 0 && s[2] === 0 && s[3] === 0) s[0] = 1; // the all-zero state is a fixed point
  return rngFromState(s);
}

/** The raw 32-bit outputs of xoshiro128** from a given state (exported for the reference-vector test). */
export function xoshiro128ss(s: Uint32Array): () => number {
  return () => {
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  };
}

function rngFromState(s: Uint32Array): Rng {
  const next = xoshiro128ss(s);
  let spare: number | null = null;
  const uniform = (): number => next() / 4294967296;
  return {
    uniform,
    normal: () => {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return z;
      }
      const u1 = 1 - uniform(); // (0, 1]: the logarithm stays finite
      const u2 = uniform();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return r * Math.cos(2 * Math.PI * u2);
    },
  };
}
