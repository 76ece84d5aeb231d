import { dirname } from "node:path";
import { type Character, isInside, readOperatorPolicy } from "../character/index.js";
import { checkPlugin } from "./check-plugin.js";
import { importPlugin } from "./import-plugin.js";
import type { Plugin } from "./plugin.js";
import { PluginConflictError } from "./plugin-conflict-error.js";
import { PluginLoadError } from "./plugin-load-error.js";
import { isPluginPath, resolvePlugin } from "./resolve-plugin.js";

/** A plugin as a character loaded it: the spec written in the file and where it came from. */
export interface LoadedPlugin {
  spec: string;
  file: string;
  plugin: Plugin;
}

/**
 * Loads every plugin a character lists: npm package names (from the
 * project's `node_modules`) and paths relative to the character file. A
 * plugin is code, and a character file may come from a stranger, so a path
 * outside the project's `plugins/` and `node_modules/` (or the operator's
 * `TROUPE_PLUGIN_DIRS`) is refused before anything is imported. Checks each
 * module's shape and refuses two plugins that define the same name. Throws
 * `PluginLoadError` with one line per problem, each naming the plugin and
 * the character file, or `PluginConflictError`.
 *
 * Options: `cwd`, the project folder (default: the current folder); `env`,
 * where `TROUPE_PLUGIN_DIRS` is read (default: `process.env`).
 */
export async function loadPlugins(
  character: Character,
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<LoadedPlugin[]> {
  const file = character.source.file;
  const cwd = options.cwd ?? process.cwd();
  const { pluginDirs } = readOperatorPolicy(options.env ?? process.env, cwd);
  const problems: string[] = [];
  const loaded: LoadedPlugin[] = [];
  for (const spec of character.plugins) {
    const where = `plugin ${spec} (from ${file})`;
    const resolved = resolvePlugin(spec, dirname(file), cwd);
    if ("error" in resolved) {
      problems.push(`${where}: ${resolved.error}`);
      continue;
    }
    if (isPluginPath(spec) && !pluginDirs.some((dir) => isInside(resolved.file, dir))) {
      problems.push(
        `${where}: not imported: ${resolved.file} is outside the project's plugins/ and node_modules/; the operator may allow its folder with TROUPE_PLUGIN_DIRS`,
      );
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
  const kinds = ["actions", "providers", "evaluators", "services", "steps"] as const;
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
