import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { describe, expect, it } from "vitest";
import { loadCharacter } from "../../src/character/index.js";
import type { Agent, InboundMessage } from "../../src/index.js";
import { startAgent } from "../helpers/offline-agent.js";
import { useTempDir } from "../helpers/temp-dir.js";

/** A chat model whose every call fails, like a provider that is down. */
class BrokenChatModel extends BaseChatModel {
  _llmType(): string {
    return "broken";
  }
  async _generate(_messages: BaseMessage[]): Promise<ChatResult> {
    throw new Error("provider down");
  }
}

async function createAgent(dataDir: string, options: { broken?: boolean } = {}): Promise<Agent> {
  const { character } = await loadCharacter("characters/host.json");
  return startAgent(dataDir, character, options.broken ? new BrokenChatModel({}) : undefined);
}

function message(text: string, overrides: Partial<InboundMessage> = {}): InboundMessage {
  return {
    platform: "test",
    room: { id: "general", kind: "group" },
    user: { id: "u1", name: "Ada" },
    text,
    ...overrides,
  };
}

describe("Agent", () => {
  const tempDir = useTempDir();

  it("stays silent in a group unless addressed by mention, reply or name", async () => {
    const agent = await createAgent(tempDir());
    expect(await agent.handle(message("nice weather today"))).toBeUndefined();
    expect(await agent.handle(message("hey everyone", { mentionsAgent: true }))).toBeDefined();
    expect(await agent.handle(message("what do you think, Juno?"))).toBeDefined();
    expect(await agent.handle(message("go on", { repliesToAgent: true }))).toBeDefined();
  });

  it("never answers bots", async () => {
    const agent = await createAgent(tempDir());
    const fromBot = message("hello Juno", {
      room: { id: "dm", kind: "direct" },
      user: { id: "b", name: "Bot", isBot: true },
    });
    expect(await agent.handle(fromBot)).toBeUndefined();
  });

  it("handles a message delivered twice only once", async () => {
    const agent = await createAgent(tempDir());
    const first = await agent.handle(message("hi Juno", { id: "m-1" }));
    const again = await agent.handle(message("hi Juno", { id: "m-1" }));
    expect(first).toBeDefined();
    expect(again).toBeUndefined();
  });

  it("answers the messages of one room in the order they arrived", async () => {
    const agent = await createAgent(tempDir());
    const dm = { room: { id: "dm", kind: "direct" as const } };
    const [, , answer] = await Promise.all([
      agent.handle(message("My name is Ada.", dm)),
      agent.handle(message("I live in Quito.", dm)),
      agent.handle(message("Where do I live?", dm)),
    ]);
    expect(answer?.text).toContain("Quito");
  });

  it("remembers facts a user stated in a group even when it did not answer", async () => {
    const agent = await createAgent(tempDir());
    await agent.handle(message("btw my favourite food is ramen"));
    const reply = await agent.handle(message("Juno, what is my favourite food?"));
    expect(reply?.text).toContain("ramen");
  });

  it("keeps a fact said again as one memory, and a changed fact as a new one", async () => {
    const agent = await createAgent(tempDir());
    const dm = { room: { id: "dm", kind: "direct" as const } };
    const said = [
      "I live in Quito.",
      "As I said, I live in Quito.",
      "I moved to Lima.",
      "I like jazz.",
      "I like hiking.",
      "I like jazz!",
    ];
    for (const text of said) await agent.handle(message(text, dm));
    const facts = await agent.longTerm.recall("where does Ada live, what does she like", { k: 10, kinds: ["fact"] });
    expect(facts.map((fact) => fact.text).sort()).toEqual([
      "Ada: likes: hiking",
      "Ada: likes: jazz",
      "Ada: lives in: Lima",
      "Ada: lives in: Quito",
    ]);
  });

  it("apologises when the model fails and keeps serving", async () => {
    const agent = await createAgent(tempDir(), { broken: true });
    const dm = { room: { id: "dm", kind: "direct" as const } };
    const first = await agent.handle(message("hello", dm));
    const second = await agent.handle(message("still there?", dm));
    expect(first?.text).toMatch(/sorry/i);
    expect(second?.text).toMatch(/sorry/i);
  });
});
