/** Small deterministic PRNG helpers: everything the simulated providers "decide" derives from --seed. */
import { createHash } from "node:crypto";

/** 32-bit hash of any strings (FNV-1a), used to derive sub-seeds. */
export function hash32(...parts: (string | number | bigint)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = String(part) + "\u0000";
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h >>> 0;
}

/** mulberry32: returns a function yielding floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A float in [0,1) fixed by the seed and the given parts. */
export function unit(seed: number, ...parts: (string | number | bigint)[]): number {
  return rng(hash32(seed, ...parts))();
}

export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const r = rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Lower-case base32-ish id (kubernetes-like names), deterministic. */
export function shortId(len: number, ...parts: (string | number | bigint)[]): string {
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  const digest = createHash("sha256").update(parts.map(String).join("/")).digest();
  let out = "";
  for (let i = 0; out.length < len; i++) out += alphabet[digest[i % digest.length]! % alphabet.length];
  return out;
}
