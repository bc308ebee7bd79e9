/**
 * Deterministic randomness for the simulator. Everything the demo fleet shows is a pure function of the
 * seed, a node and a moment, so the same seed gives the same fleet in the browser, in Vitest and in e2e.
 */

/** mulberry32: a tiny, fast, good-enough seeded PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a over a string: a stable 32-bit id for a node id or any label. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function step(h: number, p: number): number {
  // Keep the low 32 bits and the next bits of large numbers (timestamps, slot indexes) apart.
  const lo = p | 0
  const hi = Math.floor(p / 4294967296) | 0
  let x = Math.imul(h ^ lo, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x ^ hi, 0xc2b2ae35)
  return x ^ (x >>> 16)
}

/**
 * Mixes up to four numbers into one well-spread 32-bit hash (a murmur3-style finalizer per step). Fixed
 * arity on purpose: it runs millions of times for a month of history, and rest arguments allocate.
 */
export function mix(a: number, b = 0, c = 0, d = 0): number {
  return step(step(step(step(0x9e3779b9, a), b), c), d) >>> 0
}

/** A uniform float in [0, 1) for the given parts. */
export function unit(a: number, b = 0, c = 0, d = 0): number {
  return mix(a, b, c, d) / 4294967296
}

/**
 * Smooth value noise in [-1, 1] along time: hashed values at knots `periodMs` apart, joined by a smoothstep.
 * Summing a few periods gives a plausible, deterministic random walk of CPU or memory use.
 */
export function smoothNoise(key: number, t: number, periodMs: number): number {
  const x = t / periodMs
  const k = Math.floor(x)
  const f = x - k
  const s = f * f * (3 - 2 * f)
  const a = unit(key, periodMs, k) * 2 - 1
  const b = unit(key, periodMs, k + 1) * 2 - 1
  return a + (b - a) * s
}

export function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0')
}
