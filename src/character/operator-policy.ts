import { delimiter, resolve } from "node:path";
import type { Env } from "./resolve-env.js";

/**
 * What the operator lets character files reach, read from the environment
 * (or `.env`). Character files come from strangers, so everything outside the
 * character's own folder, and every environment variable, is refused unless
 * allowed here.
 */
export interface OperatorPolicy {
  /** Absolute folders besides the character file's own that knowledge may come from (`TROUPE_KNOWLEDGE_DIRS`). */
  knowledgeDirs: string[];
  /** Names and `PREFIX_*` patterns of the variables a character may name in its secrets (`TROUPE_ALLOW_ENV`). */
  allowEnv: string[];
  /**
   * Absolute folders a plugin written as a path may load from: the project's
   * `plugins/` and `node_modules/` (the project is the folder Troupe runs
   * from) and the operator's `TROUPE_PLUGIN_DIRS`. A plugin is code: one from
   * anywhere else is refused before it is imported.
   */
  pluginDirs: string[];
}

/**
 * Reads the policy: `TROUPE_KNOWLEDGE_DIRS` is a list of folders separated like
 * `PATH` (`:` on Linux and macOS), relative ones resolved against `cwd`;
 * `TROUPE_ALLOW_ENV` is a comma-separated list of variable names, where
 * `NAME_*` allows every variable starting with `NAME_`; `TROUPE_PLUGIN_DIRS`
 * is a folder list like `TROUPE_KNOWLEDGE_DIRS`, added to the project's
 * `plugins/` and `node_modules/`.
 */
export function readOperatorPolicy(env: Env, cwd = process.cwd()): OperatorPolicy {
  const knowledgeDirs = folderList(env.TROUPE_KNOWLEDGE_DIRS, cwd);
  const pluginDirs = [
    resolve(cwd, "plugins"),
    resolve(cwd, "node_modules"),
    ...folderList(env.TROUPE_PLUGIN_DIRS, cwd),
  ];
  const allowEnv = (env.TROUPE_ALLOW_ENV ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  return { knowledgeDirs, allowEnv, pluginDirs };
}

function folderList(value: string | undefined, cwd: string): string[] {
  return (value ?? "")
    .split(delimiter)
    .map((dir) => dir.trim())
    .filter((dir) => dir !== "")
    .map((dir) => resolve(cwd, dir));
}

/** True when the policy lets a character read environment variable `name`. */
export function isEnvAllowed(policy: OperatorPolicy, name: string): boolean {
  return policy.allowEnv.some((allowed) =>
    allowed.endsWith("*") ? name.startsWith(allowed.slice(0, -1)) : allowed === name,
  );
}
