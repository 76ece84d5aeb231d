import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO, runNode } from "./helpers/run-cli.js";

const PACKAGE = pathToFileURL(resolve(REPO, "dist/index.js")).href;

// The bundled package (`npm test` bundles it first), as a plugin imports `z` from it.
const APP = `
import { z } from ${JSON.stringify(PACKAGE)};
const { de } = await import("zod/locales");
const english = z.string().safeParse(3).error.issues[0].message;
z.config(de());
const german = z.string().safeParse(3).error.issues[0].message;
console.log(JSON.stringify({ locales: Object.keys(z.locales), coreLocales: Object.keys(z.core.locales), english, german }));
`;

describe("the package's zod", () => {
  it("bundles English messages only, and takes another language from the zod package", async () => {
    const result = await runNode(REPO, ["--input-type=module", "-e", APP]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      locales: ["en"],
      coreLocales: ["en"],
      english: "Invalid input: expected string, received number",
      german: "Ungültige Eingabe: erwartet string, erhalten Zahl",
    });
  });
});
