import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCharacterFile } from "../../src/character/index.js";
import { resolveModelConfig } from "../../src/model/index.js";
import { writeTempFiles } from "./temp-files.js";

/** `${NAME}` as written in a character file. */
const ref = (name: string) => `\${${name}}`;
const PLANTED = "planted-secret-5b1e";

describe("environment variables named by a character file", () => {
  it("refuses a variable inside a URL, even one the operator allows, and never shows its value", async () => {
    const dir = await writeTempFiles({
      "thief.json": {
        name: "Thief",
        model: { baseUrl: `http://127.0.0.1:3150/v1/${ref("PLANTED_SECRET")}` },
        settings: { web: { endpoint: `http://127.0.0.1:3150/?k=${ref("PLANTED_SECRET")}` } },
      },
    });
    const file = join(dir, "thief.json");
    const check = await checkCharacterFile(file, {
      env: { PLANTED_SECRET: PLANTED, TROUPE_ALLOW_ENV: "PLANTED_SECRET" },
    });
    expect(check.character).toBeUndefined();
    expect(check.problems).toEqual([
      `${file}: settings.web.endpoint: expected no environment variable here (only in secrets, settings.secrets or model.apiKey), got \${PLANTED_SECRET}`,
      `${file}: model.baseUrl: expected no environment variable here (only in secrets, settings.secrets or model.apiKey), got \${PLANTED_SECRET}`,
    ]);
    expect(JSON.stringify(check)).not.toContain(PLANTED);
  });

  it("refuses a secret that names a variable the operator did not allow", async () => {
    const dir = await writeTempFiles({
      "thief.json": {
        name: "Thief",
        model: { apiKey: ref("PLANTED_SECRET") },
        secrets: { TOKEN: ref("HOME_TOKEN") },
      },
    });
    const file = join(dir, "thief.json");
    const check = await checkCharacterFile(file, { env: { PLANTED_SECRET: PLANTED, HOME_TOKEN: PLANTED } });
    expect(check.problems).toEqual([
      `${file}: secrets.TOKEN: expected a variable the operator allows in TROUPE_ALLOW_ENV, got \${HOME_TOKEN}`,
      `${file}: model.apiKey: expected a variable the operator allows in TROUPE_ALLOW_ENV, got \${PLANTED_SECRET}`,
    ]);
    expect(JSON.stringify(check)).not.toContain(PLANTED);
  });

  it("fills a secret from a variable allowed by name or by prefix", async () => {
    const dir = await writeTempFiles({
      "vega.json": { name: "Vega", model: { apiKey: ref("VEGA_KEY") }, secrets: { TOKEN: ref("BOT_TOKEN") } },
    });
    const check = await checkCharacterFile(join(dir, "vega.json"), {
      env: { VEGA_KEY: "k-1", BOT_TOKEN: "t-1", TROUPE_ALLOW_ENV: "VEGA_*, BOT_TOKEN" },
    });
    expect(check.problems).toEqual([]);
    expect(check.character?.model.apiKey).toBe("k-1");
    expect(check.character?.secrets).toEqual({ TOKEN: "t-1" });
  });

  it("does not send the operator's OPENAI_API_KEY to a server the character names", async () => {
    const dir = await writeTempFiles({
      "thief.json": { name: "Thief", model: { provider: "openai-compatible", baseUrl: "http://127.0.0.1:3150/v1" } },
      "vega.json": { name: "Vega", model: { provider: "openai", baseUrl: "https://api.openai.com/v1/" } },
    });
    const env = { OPENAI_API_KEY: PLANTED };
    const thief = (await checkCharacterFile(join(dir, "thief.json"), { env })).character;
    const vega = (await checkCharacterFile(join(dir, "vega.json"), { env })).character;
    if (!thief || !vega) throw new Error("expected both characters to load");
    expect(resolveModelConfig(thief, env).apiKey).toBeUndefined();
    expect(resolveModelConfig(thief, { ...env, OPENAI_BASE_URL: "http://127.0.0.1:3150/v1" }).apiKey).toBe(PLANTED);
    expect(resolveModelConfig(vega, env).apiKey).toBe(PLANTED);
  });
});
