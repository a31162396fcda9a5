/**
 * A small seeded generator (sfc32, Chris Doty-Humphrey's "small fast counting" PRNG: 128 bits of state,
 * passes PractRand to 2^40+): the same seed gives the same numbers on every machine and Node version,
 * which is what makes the data set repeatable. Not for secrets: keys and IVs still come from node:crypto.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    const [a, b, c, d] = seedWords(seed);
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    // Mix the state before use, as the reference implementation does.
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** A generator of its own for a part of the data (a tenant, a case), so parts do not shift each other. */
  fork(label: string): Random {
    return new Random(`${this.next32()}:${this.next32()}:${label}`);
  }

  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1). */
  float(): number {
    return this.next32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.float() * items.length)];
  }

  /** One of the keys, with probability proportional to its weight (weights ≤ 0 are never picked). */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
    let total = 0;
    for (const weight of Object.values<number | undefined>(weights)) total += Math.max(0, weight ?? 0);
    if (total <= 0) throw new RangeError('weighted pick with no positive weight');
    let target = this.float() * total;
    for (const [key, weight] of Object.entries<number | undefined>(weights)) {
      const w = Math.max(0, weight ?? 0);
      if (target < w) return key as K;
      target -= w;
    }
    // Rounding at the very end of the range.
    return Object.keys(weights)
      .filter((key) => ((weights as Record<string, number>)[key] ?? 0) > 0)
      .at(-1) as K;
  }

  /** A random (version 4 shaped) UUID drawn from this generator: repeatable, unlike crypto.randomUUID. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const a = hex(this.next32());
    const b = hex(this.next32());
    const c = hex(this.next32());
    const d = hex(this.next32());
    const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }

  /** `count` bytes. */
  bytes(count: number): Buffer {
    const out = Buffer.alloc(count);
    for (let i = 0; i < count; i += 4) {
      const word = this.next32();
      for (let j = 0; j < 4 && i + j < count; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
    }
    return out;
  }
}

/** cyrb128: four 32-bit words from a string, so any text can seed the generator. */
function seedWords(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
