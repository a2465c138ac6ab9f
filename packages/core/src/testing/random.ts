/** A source of floats in [0, 1), like `Math.random`. */
export type Random = () => number;

/**
 * A small, fast, seedable PRNG (mulberry32): the same seed gives the same sequence on every platform.
 *
 * @example
 * const random = mulberry32(42);
 * random(); // 0.6011037519201636, every time
 */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A version-4-shaped UUID drawn from `random`: deterministic ids for a seeded simulator.
 *
 * @example
 * uuidFrom(mulberry32(1)); // "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", the same for the same seed
 */
export function uuidFrom(random: Random): string {
  let hex = "";
  for (let i = 0; i < 32; i++) {
    const nibble = Math.floor(random() * 16);
    hex += (i === 12 ? 4 : i === 16 ? 8 | (nibble & 3) : nibble).toString(16);
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
