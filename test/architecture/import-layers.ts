/**
 * The import rule of docs/architecture.md as data and a checker: each
 * top-level folder of src/ sits on a floor, and a file may import only from
 * its own floor or the floors below. The ground floor (`errors`, `text`,
 * `messages`) imports nothing of Troupe at all, and `store` only `errors`
 * and `text`. Type-only and dynamic imports count: a type import still ties
 * a lower layer to a higher one's changes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** The floors, lowest first. A new top-level folder of src/ must be placed on one. */
export const FLOORS: readonly (readonly string[])[] = [
  ["errors", "text", "messages", "health"],
  ["store", "character"],
  ["model", "offline", "memory", "plugins", "mcp-client"],
  ["bus"],
  ["runtime", "connectors"],
  ["server", "cli", "mcp", "testing", "console", "(package)"],
];

/** Folders that may import only the folders listed, whatever their floor says. */
export const ONLY: Readonly<Record<string, readonly string[]>> = {
  errors: [],
  text: [],
  messages: [],
  health: [],
  store: ["errors", "text"],
  // The web console runs in the browser and reaches Troupe only through the HTTP API.
  console: [],
};

/** A source file: its path relative to the repository root (`src/memory/x.ts`) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** One import that breaks the rule, with the sentence that says why. */
export interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

/** The top-level folder of src/ that a repository path lies in; files directly in src/ are the package itself. */
function roomOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts.length > 2 ? (parts[1] as string) : "(package)";
}

function floorOf(room: string): number {
  return FLOORS.findIndex((floor) => floor.includes(room));
}

/** The room an import specifier reaches from `file`, or undefined when it is not Troupe's (node:, zod, …). */
function targetRoom(file: string, specifier: string): string | undefined {
  if (specifier === "troupe" || specifier.startsWith("troupe/")) return "(package)";
  if (!specifier.startsWith(".")) return undefined;
  const target = relative(resolve("."), resolve(dirname(file), specifier))
    .split(sep)
    .join("/");
  if (!target.startsWith("src/")) return undefined;
  return roomOf(target);
}

/** Every module specifier a file imports or re-exports, statically or with `import()`; comments are not read. */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((reference) => reference.fileName);
}

/** The imports among `files` that break the rule, and the folders of src/ that are on no floor. */
export function findViolations(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const room = roomOf(file.path);
    const floor = floorOf(room);
    if (floor < 0) {
      violations.push({
        file: file.path,
        specifier: "",
        reason: `src/${room} is on no floor: place it in FLOORS (test/architecture/import-layers.ts) and docs/architecture.md`,
      });
      continue;
    }
    for (const specifier of importsOf(file.text)) {
      const target = targetRoom(file.path, specifier);
      if (target === undefined || target === room) continue;
      const only = ONLY[room];
      if (only && !only.includes(target)) {
        const allowed = only.length > 0 ? `only ${only.join(", ")}` : "nothing of Troupe";
        violations.push({ file: file.path, specifier, reason: `${room} may import ${allowed}, not ${target}` });
        continue;
      }
      const targetFloor = floorOf(target);
      if (targetFloor > floor) {
        violations.push({
          file: file.path,
          specifier,
          reason: `${room} (floor ${floor}) may not import ${target} (floor ${targetFloor}), a higher layer`,
        });
      }
    }
  }
  return violations;
}

/** The TypeScript files under `folder` (default `src`), as repository paths with their text. */
export function readSources(folder = "src"): SourceFile[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.m?tsx?$/.test(name) && !name.endsWith(".d.ts"))
    .map((name) => {
      const path = join(folder, name).split(sep).join("/");
      return { path, text: readFileSync(path, "utf8") };
    });
}
