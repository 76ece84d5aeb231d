import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import type { FileReport, JsonPath } from "./file-report.js";
import { readStringEntries } from "./read-values.js";

/** Platforms Troupe has connectors for (elizaOS `clients` values). */
export const TROUPE_CLIENTS = ["discord", "telegram", "twitter", "terminal", "direct"] as const;

/** True for a plugin written as a path (`./`, `../`, `/`) rather than a package name. */
export function isPluginPath(plugin: string): boolean {
  return plugin.startsWith("./") || plugin.startsWith("../") || isAbsolute(plugin);
}

/**
 * Reads `plugins`: elizaOS plugins are skipped with a warning, paths must exist
 * (resolved against the character file's folder), other package names are kept
 * for the plugin loader.
 */
export function readPlugins(report: FileReport, value: unknown, path: JsonPath): string[] {
  const plugins: string[] = [];
  const folder = dirname(report.file);
  for (const [index, plugin] of readStringEntries(report, value, path)) {
    if (/^@elizaos(?:-plugins)?\//.test(plugin)) {
      report.warn([...path, index], `${plugin}: elizaOS plugin, not a Troupe plugin; skipped`);
    } else if (isPluginPath(plugin) && !existsSync(resolve(folder, plugin))) {
      report.problemText([...path, index], "expected an existing plugin path", `${JSON.stringify(plugin)} (not found)`);
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
