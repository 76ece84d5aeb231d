import { describe, expect, it } from "vitest";
import { findViolations, importsOf, readSources } from "./import-layers.js";

describe("the import rule", () => {
  it("holds for every file in src/: no layer imports a higher one", () => {
    const sources = readSources();
    expect(sources.length).toBeGreaterThan(100);
    expect(findViolations(sources)).toEqual([]);
  });
});

describe("the import check", () => {
  it("catches memory importing the runtime, even for a type only", () => {
    const violations = findViolations([
      { path: "src/memory/recall-hook.ts", text: 'import type { Agent } from "../runtime/index.js";\n' },
    ]);
    expect(violations).toEqual([
      {
        file: "src/memory/recall-hook.ts",
        specifier: "../runtime/index.js",
        reason: "memory (floor 2) may not import runtime (floor 4), a higher layer",
      },
    ]);
  });

  it("catches a plugin reaching connectors from a subfolder, through export-from and import()", () => {
    const violations = findViolations([
      {
        path: "src/plugins/steps/moderate.ts",
        text: [
          'export { type Connector } from "../../connectors/index.js";',
          'const cli = await import("../../cli/program.js");',
        ].join("\n"),
      },
    ]);
    expect(violations.map((violation) => violation.specifier)).toEqual([
      "../../connectors/index.js",
      "../../cli/program.js",
    ]);
  });

  it("catches text importing anything of Troupe, and store importing more than errors and text", () => {
    const violations = findViolations([
      { path: "src/text/stems.ts", text: 'import { TroupeError } from "../errors/index.js";' },
      {
        path: "src/store/open-store.ts",
        text: 'import { x } from "../errors/index.js";\nimport { y } from "../memory/index.js";',
      },
    ]);
    expect(violations.map((violation) => violation.reason)).toEqual([
      "text may import nothing of Troupe, not errors",
      "store may import only errors, text, not memory",
    ]);
  });

  it("catches a lower layer importing the package root by its own name", () => {
    const violations = findViolations([{ path: "src/model/x.ts", text: 'import { Troupe } from "troupe";' }]);
    expect(violations).toHaveLength(1);
  });

  it("lets a layer import its own floor, the floors below and other packages", () => {
    const violations = findViolations([
      {
        path: "src/memory/x.ts",
        text: [
          'import { z } from "zod";',
          'import { readFile } from "node:fs/promises";',
          'import type { Store } from "../store/index.js";',
          'import { contentStems } from "../model/index.js";',
          'import type { InboundMessage } from "../messages/index.js";',
          'import { chunkText } from "./chunk-text.js";',
        ].join("\n"),
      },
      { path: "src/runtime/x.ts", text: 'import { BusNode } from "../bus/index.js";' },
    ]);
    expect(violations).toEqual([]);
  });

  it("names a new folder of src/ that is on no floor", () => {
    const [violation] = findViolations([{ path: "src/web/app.ts", text: "" }]);
    expect(violation?.reason).toMatch(/^src\/web is on no floor/);
  });

  it("reads imports, not comments or strings that look like them", () => {
    const text = [
      '// import { Agent } from "../runtime/index.js";',
      '/** @example import { Troupe } from "troupe"; */',
      'const hint = "see ../cli/program.js";',
      'import {\n  a,\n  b,\n} from "../store/index.js";',
    ].join("\n");
    expect(importsOf(text)).toEqual(["../store/index.js"]);
  });
});
