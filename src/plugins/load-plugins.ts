import { dirname } from "node:path";
import type { Character } from "../character/index.js";
import { checkPlugin } from "./check-plugin.js";
import { importPlugin } from "./import-plugin.js";
import type { Plugin } from "./plugin.js";
import { PluginConflictError } from "./plugin-conflict-error.js";
import { PluginLoadError } from "./plugin-load-error.js";
import { resolvePlugin } from "./resolve-plugin.js";

/** A plugin as a character loaded it: the spec written in the file and where it came from. */
export interface LoadedPlugin {
  spec: string;
  file: string;
  plugin: Plugin;
}

/**
 * Loads every plugin a character lists: npm package names (from
 * `node_modules`) and paths relative to the character file. Checks each
 * module's shape and refuses two plugins that define the same name. Throws
 * `PluginLoadError` with one line per problem, each naming the plugin and
 * the character file, or `PluginConflictError`.
 */
export async function loadPlugins(character: Character, options: { cwd?: string } = {}): Promise<LoadedPlugin[]> {
  const file = character.source.file;
  const problems: string[] = [];
  const loaded: LoadedPlugin[] = [];
  for (const spec of character.plugins) {
    const where = `plugin ${spec} (from ${file})`;
    const resolved = resolvePlugin(spec, dirname(file), options.cwd);
    if ("error" in resolved) {
      problems.push(`${where}: ${resolved.error}`);
      continue;
    }
    let module: unknown;
    try {
      module = await importPlugin(resolved.file);
    } catch (error) {
      problems.push(`${where}: could not be imported: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const check = checkPlugin(module);
    if (check.ok) loaded.push({ spec, file: resolved.file, plugin: check.plugin });
    else problems.push(...check.problems.map((problem) => `${where}: ${problem}`));
  }
  if (problems.length > 0) throw new PluginLoadError({ problems });
  refuseConflicts(loaded, file);
  return loaded;
}

function refuseConflicts(loaded: LoadedPlugin[], file: string): void {
  const kinds = ["actions", "providers", "evaluators", "services"] as const;
  for (const kind of kinds) {
    const owners = new Map<string, string>();
    for (const { spec, plugin } of loaded) {
      for (const item of plugin[kind] ?? []) {
        const other = owners.get(item.name);
        if (other !== undefined) {
          throw new PluginConflictError({ kind: kind.slice(0, -1), name: item.name, plugins: [other, spec], file });
        }
        owners.set(item.name, spec);
      }
    }
  }
}
