import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { findCharacter, loadCharacter } from "../../character/index.js";
import { loadPlugins } from "../../plugins/index.js";
import { CliError } from "../cli-error.js";

/** Options of `troupe plugins add`. */
export interface AddPluginOptions {
  /** What to install: a package name, a version spec, a tarball or a folder (anything `npm install` takes). */
  spec: string;
  /** The character to add it to: a name from characters/ or a file. */
  character: string;
  /** The project folder (with package.json); default the current folder. */
  cwd?: string;
}

/**
 * `troupe plugins add <package> --character <name>`: installs the package
 * with npm, adds its name to the character's `plugins` (keeping the file's
 * formatting and comments) and loads it once to check it is a Troupe plugin.
 * Returns the package name and the character file.
 */
export async function addPlugin(options: AddPluginOptions): Promise<{ name: string; file: string }> {
  const cwd = resolve(options.cwd ?? ".");
  const file = await findCharacter(options.character, join(cwd, "characters"));
  const before = dependencies(cwd);
  await npmInstall(options.spec, cwd);
  const added = Object.keys(dependencies(cwd)).filter((name) => !(name in before));
  const name = added[0] ?? packageNameOf(options.spec);
  await writeFile(file, addToPluginsList(await readFile(file, "utf8"), name));
  const { character } = await loadCharacter(file);
  await loadPlugins(character, { cwd });
  return { name, file };
}

/**
 * Adds `name` to the `plugins` array of a character file's text, or adds the
 * array after the opening brace. Text elsewhere (comments, layout) is kept.
 */
export function addToPluginsList(text: string, name: string): string {
  const quoted = JSON.stringify(name);
  const list = /"plugins"\s*:\s*\[([^\]]*)\]/.exec(text);
  if (!list) return text.replace("{", `{\n  "plugins": [${quoted}],`);
  const open = list.index + list[0].indexOf("[") + 1;
  const close = list.index + list[0].length - 1;
  const inner = text.slice(open, close);
  if (inner.includes(quoted)) return text;
  const trailing = /\s*$/.exec(inner)?.[0] ?? "";
  const entries =
    inner.trim() === "" ? quoted : `${inner.slice(0, inner.length - trailing.length)}, ${quoted}${trailing}`;
  return `${text.slice(0, open)}${entries}${text.slice(close)}`;
}

function dependencies(cwd: string): Record<string, string> {
  const manifest = join(cwd, "package.json");
  if (!existsSync(manifest)) return {};
  return (JSON.parse(readFileSync(manifest, "utf8")) as { dependencies?: Record<string, string> }).dependencies ?? {};
}

/** "troupe-plugin-x@^1" → "troupe-plugin-x"; "@scope/x@2" → "@scope/x". */
function packageNameOf(spec: string): string {
  const at = spec.indexOf("@", 1);
  return at > 0 ? spec.slice(0, at) : spec;
}

function npmInstall(spec: string, cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn("npm", ["install", spec], { cwd, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", (cause) => fail(new CliError("NPM_FAILED", `Could not run npm: ${cause.message}`)));
    child.on("close", (code) =>
      code === 0 ? done() : fail(new CliError("NPM_FAILED", `npm install ${spec} failed (exit code ${code}).`)),
    );
  });
}
