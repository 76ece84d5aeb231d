import { dirname, isAbsolute, relative, resolve } from "node:path";
import { isObject } from "./file-report.js";
import type { CharacterParts } from "./read-eliza-character.js";
import { isPluginPath } from "./read-plugins.js";

/**
 * Merges the parts of an `extends` chain, base first, the way elizaOS does:
 * objects merge key by key, arrays are concatenated, and for anything else the
 * later file wins. Plugins, clients, capabilities and MCP servers (by name) are kept once each.
 */
export function mergeParts(layers: CharacterParts[]): CharacterParts {
  const merged = layers.reduce<unknown>((base, child) => mergeValues(base, child), {}) as CharacterParts;
  if (merged.plugins) merged.plugins = [...new Set(merged.plugins)];
  if (merged.clients) merged.clients = [...new Set(merged.clients)];
  // A server named again in a file that extends its base replaces the base's.
  if (merged.mcp) merged.mcp = [...new Map(merged.mcp.map((server) => [server.name, server])).values()];
  if (merged.capabilities) {
    merged.capabilities = [...new Map(merged.capabilities.map((capability) => [capability.name, capability])).values()];
  }
  return merged;
}

function mergeValues(base: unknown, child: unknown): unknown {
  if (child === undefined) return base;
  if (Array.isArray(base) && Array.isArray(child)) return [...base, ...child];
  if (isObject(base) && isObject(child)) {
    const result: Record<string, unknown> = { ...base };
    // defineProperty, not assignment: a "__proto__" key from a file stays a key instead of becoming the prototype.
    for (const [key, value] of Object.entries(child)) {
      const merged = mergeValues(Object.hasOwn(base, key) ? base[key] : undefined, value);
      Object.defineProperty(result, key, { value: merged, enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  return child;
}

/**
 * Rewrites the relative knowledge and plugin paths of a base file so they stay
 * relative to the file that extends it, where the merged character lives.
 */
export function rebaseParts(parts: CharacterParts, fromFile: string, toFile: string): CharacterParts {
  const from = dirname(fromFile);
  const to = dirname(toFile);
  if (resolve(from) === resolve(to)) return parts;
  const rebase = (path: string) => {
    if (isAbsolute(path)) return path;
    const moved = relative(to, resolve(from, path));
    return moved.startsWith("..") ? moved : `./${moved}`;
  };
  return {
    ...parts,
    plugins: parts.plugins?.map((plugin) => (isPluginPath(plugin) ? rebase(plugin) : plugin)),
    knowledge: parts.knowledge?.map((item) => {
      if (item.kind === "path") return { ...item, path: rebase(item.path) };
      if (item.kind === "directory") return { ...item, directory: rebase(item.directory) };
      return item;
    }),
  };
}
