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
  /**
   * Command lines an MCP server in a character file may start with
   * (`TROUPE_MCP_COMMANDS`), each split into words: a server runs only when
   * its command and first arguments are one of these, word for word. Empty:
   * no character may start a program.
   */
  mcpCommands: string[][];
  /** URL prefixes an MCP server in a character file may be reached at (`TROUPE_MCP_URLS`). Empty: none. */
  mcpUrls: string[];
}

/**
 * Reads the policy: `TROUPE_KNOWLEDGE_DIRS` is a list of folders separated like
 * `PATH` (`:` on Linux and macOS), relative ones resolved against `cwd`;
 * `TROUPE_ALLOW_ENV` is a comma-separated list of variable names, where
 * `NAME_*` allows every variable starting with `NAME_`; `TROUPE_PLUGIN_DIRS`
 * is a folder list like `TROUPE_KNOWLEDGE_DIRS`, added to the project's
 * `plugins/` and `node_modules/`; `TROUPE_MCP_COMMANDS` and `TROUPE_MCP_URLS`
 * are comma-separated command lines and URL prefixes.
 */
export function readOperatorPolicy(env: Env, cwd = process.cwd()): OperatorPolicy {
  const knowledgeDirs = folderList(env.TROUPE_KNOWLEDGE_DIRS, cwd);
  const pluginDirs = [
    resolve(cwd, "plugins"),
    resolve(cwd, "node_modules"),
    ...folderList(env.TROUPE_PLUGIN_DIRS, cwd),
  ];
  const mcpCommands = commaList(env.TROUPE_MCP_COMMANDS).map((line) => line.split(/\s+/));
  const mcpUrls = commaList(env.TROUPE_MCP_URLS);
  return { knowledgeDirs, allowEnv: commaList(env.TROUPE_ALLOW_ENV), pluginDirs, mcpCommands, mcpUrls };
}

function commaList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
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

/** True when the policy lets a character start `command` with `args` as an MCP server. */
export function isMcpCommandAllowed(policy: OperatorPolicy, command: string, args: readonly string[]): boolean {
  const words = [command, ...args];
  return policy.mcpCommands.some(
    (allowed) => allowed.length <= words.length && allowed.every((word, index) => words[index] === word),
  );
}

/**
 * True when the policy lets a character reach an MCP server at `url`: the
 * URL is an allowed prefix itself or lies under it at a `/` boundary, so
 * `http://tools.example` never admits `http://tools.example.evil.com`.
 */
export function isMcpUrlAllowed(policy: OperatorPolicy, url: string): boolean {
  const href = normalUrl(url);
  if (href === undefined) return false;
  return policy.mcpUrls.some((allowed) => {
    const prefix = normalUrl(allowed);
    if (prefix === undefined) return false;
    return href === prefix || href.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`);
  });
}

function normalUrl(url: string): string | undefined {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}
