import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
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
 * with npm, loads it as the character would to check it is a Troupe plugin,
 * and only then adds its name to the character's `plugins` (keeping the
 * file's formatting and comments). All or nothing: when the check fails,
 * the package is uninstalled and `package.json` and its lockfile are put
 * back as they were; the character file was never touched.
 * Returns the package name and the character file.
 */
export async function addPlugin(options: AddPluginOptions): Promise<{ name: string; file: string }> {
  const cwd = resolve(options.cwd ?? ".");
  const file = await findCharacter(options.character, join(cwd, "characters"));
  const { character } = await loadCharacter(file);
  const manifests = await readManifests(cwd);
  const before = dependencies(cwd);
  await runNpm(["install", options.spec], cwd);
  const added = Object.keys(dependencies(cwd)).filter((name) => !(name in before));
  const name = added[0] ?? packageNameOf(options.spec);
  try {
    await loadPlugins({ ...character, plugins: [...new Set([...character.plugins, name])] }, { cwd });
  } catch (error) {
    if (added.length > 0) await runNpm(["uninstall", ...added], cwd).catch(() => undefined);
    await restoreManifests(cwd, manifests);
    throw error;
  }
  await writeFile(file, addToPluginsList(await readFile(file, "utf8"), name));
  return { name, file };
}

const MANIFESTS = ["package.json", "package-lock.json"];

/** The project's manifests as they are now (undefined: the file does not exist). */
async function readManifests(cwd: string): Promise<(string | undefined)[]> {
  return Promise.all(MANIFESTS.map((name) => readFile(join(cwd, name), "utf8").catch(() => undefined)));
}

async function restoreManifests(cwd: string, texts: (string | undefined)[]): Promise<void> {
  await Promise.all(
    MANIFESTS.map((name, index) => {
      const text = texts[index];
      return text === undefined ? rm(join(cwd, name), { force: true }) : writeFile(join(cwd, name), text);
    }),
  );
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

/** Runs `npm <args>` in the project; its output goes to the user's terminal. */
function runNpm(args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn("npm", args, { cwd, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", (cause) => fail(new CliError("NPM_FAILED", `Could not run npm: ${cause.message}`)));
    child.on("close", (code) =>
      code === 0 ? done() : fail(new CliError("NPM_FAILED", `npm ${args.join(" ")} failed (exit code ${code}).`)),
    );
  });
}
