import { hashText } from "./feature-hashing.js";

/** A seed derived from the input, so the same conversation always gets the same reply. */
export function seedFrom(...parts: string[]): number {
  return hashText(parts.join("\u0000"), 0x5bd1e995);
}

/** Picks one of `variants` by `seed` (never `Math.random`); `salt` lets one seed drive several independent picks. */
export function pick<T>(variants: readonly T[], seed: number, salt = 0): T {
  if (variants.length === 0) throw new RangeError("pick needs at least one variant");
  const mixed = hashText(String(salt), seed);
  return variants[mixed % variants.length] as T;
}
