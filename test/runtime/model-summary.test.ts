import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { describe, expect, it } from "vitest";
import { loadCharacter } from "../../src/character/index.js";
import type { InboundMessage } from "../../src/index.js";
import { parsePrompt, SECTION } from "../../src/model/index.js";
import { startAgent } from "../helpers/offline-agent.js";
import { useTempDir } from "../helpers/temp-dir.js";

/** A stand-in for a real chat model: writes a fixed summary when asked for one (or fails to), else says "ok". */
class ScriptedModel extends BaseChatModel {
  readonly prompts: BaseMessage[][] = [];
  summaryRequests = 0;
  constructor(private readonly summary: string | Error) {
    super({});
  }
  _llmType(): string {
    return "scripted";
  }
  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const system = String(messages[0]?.content ?? "");
    let text = "ok";
    if (system.startsWith("You keep the running summary")) {
      this.summaryRequests++;
      if (this.summary instanceof Error) throw this.summary;
      text = this.summary;
    } else {
      this.prompts.push(messages);
    }
    return { generations: [{ text, message: new AIMessage(text) }] };
  }
}

async function chatWith(dataDir: string, model: ScriptedModel, lines: string[]): Promise<string[]> {
  const { character } = await loadCharacter("characters/host.json");
  character.memory = { ...character.memory, shortTermTurns: 4 };
  const agent = await startAgent(dataDir, character, model);
  for (const text of lines) {
    const message: InboundMessage = {
      platform: "test",
      room: { id: "dm:alice", kind: "direct" },
      user: { id: "alice", name: "Alice" },
      text,
    };
    await agent.handle(message);
  }
  await agent.stop();
  return parsePrompt(String(model.prompts.at(-1)?.[0]?.content ?? "")).get(SECTION.summary) ?? [];
}

const LINES = [
  "My sister Maria is getting married in Lisbon next June.",
  ...Array.from({ length: 12 }, (_, i) => `small talk number ${i}`),
];

describe("the running summary with a real chat model", () => {
  const tempDir = useTempDir();

  it("is written by the chat model in batches, not after every turn", async () => {
    const model = new ScriptedModel("- Alice's sister Maria marries in Lisbon in June.\n- Alice likes small talk.");
    const summary = await chatWith(tempDir(), model, LINES);
    expect(summary).toEqual(["Alice's sister Maria marries in Lisbon in June.", "Alice likes small talk."]);
    // 26 turns, 4 kept verbatim: at most one model call per 8 turns that left the window.
    expect(model.summaryRequests).toBeGreaterThan(0);
    expect(model.summaryRequests).toBeLessThanOrEqual(3);
  });

  it("falls back to the extractive summary when the model fails", async () => {
    const model = new ScriptedModel(new Error("server down"));
    const summary = await chatWith(tempDir(), model, LINES);
    expect(model.summaryRequests).toBeGreaterThan(0);
    expect(summary).toContain("Alice: My sister Maria is getting married in Lisbon next June.");
  });
});
