import { basename } from "node:path";

/**
 * The namespace of a troupe's keys on a shared Redis: `TROUPE_BUS_PREFIX`
 * when set, else `troupe:<project folder name>`, so two troupes on one Redis
 * server never join each other by accident, while the processes of one
 * project (started from its folder) find each other. Letters, digits, `-`,
 * `_`, `.` and `:` are kept; anything else becomes `-`.
 *
 * @example busPrefix({}, "/srv/my-bots") // "troupe:my-bots"
 */
export function busPrefix(env: Record<string, string | undefined>, folder: string): string {
  const given = env.TROUPE_BUS_PREFIX?.trim();
  if (given) return clean(given);
  const name = clean(basename(folder));
  return name ? `troupe:${name}` : "troupe";
}

function clean(text: string): string {
  return text.replace(/[^\p{L}\p{N}_.:-]+/gu, "-").replace(/^-+|-+$/g, "");
}
