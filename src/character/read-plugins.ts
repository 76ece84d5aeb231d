import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import type { FileReport, JsonPath } from "./file-report.js";
import { isInside } from "./is-inside.js";
import { readStringEntries } from "./read-values.js";

/** Platforms Troupe has connectors for (elizaOS `clients` values). */
export const TROUPE_CLIENTS = ["discord", "telegram", "twitter", "terminal", "direct"] as const;

/** True for a plugin written as a path (`./`, `../`, `/`) rather than a package name. */
export function isPluginPath(plugin: string): boolean {
  return plugin.startsWith("./") || plugin.startsWith("../") || isAbsolute(plugin);
}

/**
 * Reads `plugins`: elizaOS plugins are skipped with a warning, paths must exist
 * (resolved against the character file's folder) and lie inside `pluginDirs`
 * (the project's `plugins/` and `node_modules/`, or `TROUPE_PLUGIN_DIRS`),
 * other package names are kept for the plugin loader. Nothing is imported.
 */
export function readPlugins(
  report: FileReport,
  value: unknown,
  path: JsonPath,
  pluginDirs: readonly string[],
): string[] {
  const plugins: string[] = [];
  const folder = dirname(report.file);
  for (const [index, plugin] of readStringEntries(report, value, path)) {
    if (/^@elizaos(?:-plugins)?\//.test(plugin)) {
      report.warn([...path, index], `${plugin}: elizaOS plugin, not a Troupe plugin; skipped`);
    } else if (isPluginPath(plugin) && !existsSync(resolve(folder, plugin))) {
      report.problemText([...path, index], "expected an existing plugin path", `${JSON.stringify(plugin)} (not found)`);
    } else if (isPluginPath(plugin) && !pluginDirs.some((dir) => isInside(resolve(folder, plugin), dir))) {
      report.problemText(
        [...path, index],
        `expected a plugin in the project's plugins/ or node_modules/ (${pluginDirs.join(", ")}; the operator may allow more with TROUPE_PLUGIN_DIRS)`,
        `${JSON.stringify(plugin)} (outside)`,
      );
    } else {
      plugins.push(plugin);
    }
  }
  return plugins;
}

/** Reads elizaOS `clients` (lower-cased); ones Troupe has no connector for are kept with a warning. */
export function readClients(report: FileReport, value: unknown, path: JsonPath): string[] {
  return readStringEntries(report, value, path).map(([index, client]) => {
    const name = client.toLowerCase();
    if (!(TROUPE_CLIENTS as readonly string[]).includes(name)) {
      report.warn([...path, index], `${client}: Troupe has no such connector (it has ${TROUPE_CLIENTS.join(", ")})`);
    }
    return name;
  });
}
