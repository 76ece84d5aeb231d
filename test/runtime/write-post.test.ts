import { describe, expect, it } from "vitest";
import { RecordingModel, startAgent } from "../helpers/offline-agent.js";
import { sage } from "../helpers/sage-character.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("Agent.writePost", () => {
  const tempDir = useTempDir();

  it("asks its model for a post in the character's voice: its post style, earlier posts and the topic", async () => {
    const character = sage({
      style: { all: ["calm and warm"], chat: ["ask a question back"], post: ["one image per post"] },
      postExamples: ["Morning fog on the rosemary. The garden is still asleep."],
    });
    const model = new RecordingModel({ character });
    const agent = await startAgent(tempDir(), character, model);
    const text = await agent.writePost({ platform: "twitter", topic: "herbal tea", maxLength: 280 });
    const [system, ask] = model.prompts.at(-1) ?? [];
    const prompt = String(system?.content);
    expect(prompt).toContain("- calm and warm");
    expect(prompt).toContain("- one image per post");
    expect(prompt).not.toContain("ask a question back");
    expect(prompt).toContain("Morning fog on the rosemary. The garden is still asleep.");
    expect(prompt).toContain("at most 280 characters");
    expect(String(ask?.content)).toBe("Write a post about herbal tea.");
    expect(text.length).toBeGreaterThan(0);
    await agent.stop();
  });
});
