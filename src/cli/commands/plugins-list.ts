import { CharacterFileError, listCharacterFiles, loadCharacter } from "../../character/index.js";
import { loadPlugins } from "../../plugins/index.js";
import { CliError } from "../cli-error.js";

/**
 * `troupe plugins list`: for each character, the plugins it loads and what
 * each adds (actions, providers, evaluators, services). Problems are listed
 * too and make the exit code 1.
 */
export async function listPlugins(paths: string[]): Promise<{ lines: string[]; exitCode: 0 | 1 }> {
  const files = await listCharacterFiles(paths.length > 0 ? paths : ["characters"]);
  if (files.length === 0) throw new CliError("NO_CHARACTERS", "No character files found.");
  const lines: string[] = [];
  let exitCode: 0 | 1 = 0;
  for (const file of files) {
    try {
      const { character } = await loadCharacter(file);
      const loaded = await loadPlugins(character);
      lines.push(`${character.name} (${file}): ${loaded.length === 0 ? "no plugins" : `${loaded.length} plugin(s)`}`);
      for (const { spec, plugin } of loaded) {
        const parts = [
          list("actions", plugin.actions),
          list("providers", plugin.providers),
          list("evaluators", plugin.evaluators),
          list("services", plugin.services),
        ].filter(Boolean);
        lines.push(
          `  ${plugin.name}${spec === plugin.name ? "" : ` (${spec})`}: ${parts.join("; ") || "adds nothing"}`,
        );
      }
    } catch (error) {
      exitCode = 1;
      const problems = error instanceof CharacterFileError ? error.problems : [(error as Error).message];
      lines.push(
        `${file}: cannot load`,
        ...problems.flatMap((problem) => problem.split("\n")).map((line) => `  ${line}`),
      );
    }
  }
  return { lines, exitCode };
}

function list(label: string, items: { name: string }[] | undefined): string {
  return items && items.length > 0 ? `${label} ${items.map((item) => item.name).join(", ")}` : "";
}
