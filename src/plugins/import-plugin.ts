import { pathToFileURL } from "node:url";

const TYPESCRIPT = /\.[mc]?ts$/;
/** A variable, so bundlers leave the optional import alone. */
const TSX_API = "tsx/esm/api";

/**
 * Imports a plugin module. Plain Node cannot run TypeScript, so a `.ts`
 * plugin that Node refuses is loaded through tsx when it is installed; its
 * `import ... from "troupe"` then resolves to this package like any other.
 */
export async function importPlugin(file: string): Promise<unknown> {
  const url = pathToFileURL(file).href;
  try {
    return await import(url);
  } catch (error) {
    if (!TYPESCRIPT.test(file) || (error as { code?: string }).code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
  }
  let tsx: { tsImport(specifier: string, options: { parentURL: string; tsconfig: false }): Promise<unknown> };
  try {
    tsx = (await import(TSX_API)) as typeof tsx;
  } catch (cause) {
    throw new Error("it is TypeScript: build it to JavaScript, or install tsx (npm install -D tsx) to load it as is", {
      cause,
    });
  }
  // tsconfig: false keeps a project's `paths` from pointing "troupe" at a second copy of the sources.
  return tsx.tsImport(url, { parentURL: import.meta.url, tsconfig: false });
}
