import type { BaseMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { type Character, loadCharacter } from "../../src/character/index.js";
import type { Agent, InboundMessage } from "../../src/index.js";
import { parsePrompt, SECTION } from "../../src/model/index.js";
import { OFFLINE_ABILITIES } from "../../src/offline/index.js";
import { RecordingModel, startAgent } from "../helpers/offline-agent.js";
import { useTempDir } from "../helpers/temp-dir.js";

async function createAgent(dataDir: string, character: Character): Promise<{ agent: Agent; model: RecordingModel }> {
  const model = new RecordingModel({ character });
  return { agent: await startAgent(dataDir, character, { chat: model, abilities: OFFLINE_ABILITIES }), model };
}

function say(text: string): InboundMessage {
  return { platform: "test", room: { id: "dm:alice", kind: "direct" }, user: { id: "alice", name: "Alice" }, text };
}

function summaryOf(prompt: BaseMessage[] | undefined): string[] {
  return parsePrompt(String(prompt?.[0]?.content ?? "")).get(SECTION.summary) ?? [];
}

const SMALL_TALK = ["hi", "how are you?", "nice weather today", "haha ok", "cool", "thanks!", "sure", "good night"];

describe("short-term memory with a running summary", () => {
  const tempDir = useTempDir();

  it("folds turns that leave the window into the summary, so the prompt stays bounded", async () => {
    const { character } = await loadCharacter("characters/host.json");
    character.memory = { ...character.memory, shortTermTurns: 4 };
    const dataDir = tempDir();
    const { agent, model } = await createAgent(dataDir, character);

    await agent.handle(say("My sister Maria is getting married in Lisbon next June."));
    await agent.handle(say("I need to renew my passport before the wedding."));
    for (let i = 0; i < 60; i++) await agent.handle(say(SMALL_TALK[i % SMALL_TALK.length] as string));

    const last = model.prompts.at(-1);
    const summary = summaryOf(last);
    expect(summary).toContain("Alice: My sister Maria is getting married in Lisbon next June.");
    expect(summary).toContain("open goal: renew my passport before the wedding");
    // The window: four earlier turns, then the current message.
    expect(last?.slice(1)).toHaveLength(5);
    const size = (prompt: BaseMessage[] | undefined) =>
      (prompt ?? []).reduce((sum, message) => sum + String(message.content).length, 0);
    expect(size(last)).toBeLessThanOrEqual(size(model.prompts[20]) + 400);
    await agent.stop();

    // The summary is working memory: a new process on the same data folder starts from it.
    const again = await createAgent(dataDir, character);
    await again.agent.handle(say("hello again"));
    expect(summaryOf(again.model.prompts.at(-1))).toContain(
      "Alice: My sister Maria is getting married in Lisbon next June.",
    );
    await again.agent.stop();
  });

  it("shows no summary while the conversation still fits the window", async () => {
    const { character } = await loadCharacter("characters/host.json");
    const { agent, model } = await createAgent(tempDir(), character);
    await agent.handle(say("My sister Maria is getting married in Lisbon next June."));
    await agent.handle(say("hi"));
    expect(summaryOf(model.prompts.at(-1))).toEqual([]);
    await agent.stop();
  });
});
