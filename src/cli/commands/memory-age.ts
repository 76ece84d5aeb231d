import { InvalidArgumentError } from "commander";

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses an age such as `90d`, `12h` or `2w` into milliseconds (commander argument parser). */
export function parseAge(value: string): number {
  const match = /^(\d+)\s*([hdw])$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError("expected an age such as 90d, 12h or 2w");
  return Number(match[1]) * (UNIT_MS[match[2] as string] as number);
}
