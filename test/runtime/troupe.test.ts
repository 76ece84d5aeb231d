import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CharacterFileError, createLogger, type InboundMessage, Troupe } from "../../src/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/characters");
const logger = createLogger({ level: "silent" });

function direct(text: string, user = "ada"): InboundMessage {
  return { platform: "test", room: { id: `dm-${user}`, kind: "direct" }, user: { id: user, name: user }, text };
}

describe("Troupe", () => {
  const tempDir = useTempDir();

  it("starts every real elizaOS and Tavern fixture and each one answers", async () => {
    const files = readdirSync(FIXTURES)
      .filter((file) => /^(shaw|sbf\.character|ilse-morrow\.card)\.(json|png)$/.test(file))
      .map((file) => join(FIXTURES, file));
    expect(files).toHaveLength(4);
    for (const file of files) {
      const troupe = await Troupe.start([file], { dataDir: tempDir(), logger });
      const [agent] = troupe.agents;
      const reply = await agent?.handle(direct("Hello! What do you care about most?"));
      expect(reply?.text.length).toBeGreaterThan(0);
      await troupe.stop();
    }
  });

  it("refuses to start when any character is invalid, naming the file and field, and opens nothing", async () => {
    const dataDir = join(tempDir(), "never-created");
    const start = Troupe.start(["characters/host.json", join(FIXTURES, "wrong-types.json")], { dataDir, logger });
    await expect(start).rejects.toBeInstanceOf(CharacterFileError);
    await expect(start).rejects.toThrow(/wrong-types\.json: \S+: expected/);
    expect(() => readdirSync(dataDir)).toThrow();
  });

  it("refuses two characters with the same name", async () => {
    const start = Troupe.start(["characters/host.json", "characters/host.json"], { dataDir: tempDir(), logger });
    await expect(start).rejects.toThrow(/Two characters are named Juno/);
  });

  it("routes by name ignoring case", async () => {
    const troupe = await Troupe.start(["characters/host.json", "characters/writer.json"], {
      dataDir: tempDir(),
      logger,
    });
    expect(troupe.agent("wren")?.name).toBe("Wren");
    expect(troupe.agent("JUNO")?.name).toBe("Juno");
    expect(troupe.agent("nobody")).toBeUndefined();
    await troupe.stop();
  });
});
