import { beforeAll, describe, expect, it } from "vitest";
import { type LoadedAtImport, loadedAtImport } from "./package-import.js";

// What `import "troupe"` compiles and runs before an app's first line: every kilobyte here is paid by every
// start, including the many that serve no HTTP and whose shelves never need a vector index.
describe("importing the package", () => {
  let loaded: LoadedAtImport;
  beforeAll(async () => {
    loaded = await loadedAtImport();
  });

  it("loads an agent's runtime, memory and store", () => {
    for (const file of ["src/runtime/agent.ts", "src/memory/long-term-memory.ts", "src/store/open-store.ts"]) {
      expect(loaded.inputs).toContain(file);
    }
    expect(loaded.inputs).toContain("node_modules/better-sqlite3/lib/database.js");
  });

  it("leaves the HTTP API (hono, the OpenAPI routes) to the troupe that serves it", () => {
    expect(loaded.inputs.filter((input) => /^src\/(connectors\/http|server)\/|\/hono\/|@hono\//.test(input))).toEqual(
      [],
    );
  });

  it("leaves hnswlib-node's native addon to the first shelf that needs an index", () => {
    expect(loaded.externals).not.toContain("hnswlib-node");
  });
});
