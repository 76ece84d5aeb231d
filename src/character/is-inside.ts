import { existsSync, realpathSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";

/** True when `path` is `folder` itself or lies under it (compared as written, after resolving `..`). */
export function isInside(path: string, folder: string): boolean {
  const rest = relative(resolve(folder), resolve(path));
  return rest === "" || (!rest.startsWith("..") && !isAbsolute(rest));
}

/**
 * True when `path` lies under one of `folders`, both as written and, for a path
 * that exists, after following symbolic links: a link inside the folder that
 * points at `/etc/passwd` is outside.
 */
export function isInsideAny(path: string, folders: readonly string[]): boolean {
  if (!folders.some((folder) => isInside(path, folder))) return false;
  if (!existsSync(path)) return true;
  const real = realpathSync(path);
  return folders.some((folder) => existsSync(folder) && isInside(real, realpathSync(folder)));
}
