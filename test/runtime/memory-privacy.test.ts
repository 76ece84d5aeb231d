import type { BaseMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { loadCharacter } from "../../src/character/index.js";
import type { Agent, InboundMessage } from "../../src/index.js";
import { OFFLINE_ABILITIES } from "../../src/offline/index.js";
import { RecordingModel, startAgent } from "../helpers/offline-agent.js";
import { useTempDir } from "../helpers/temp-dir.js";

async function createAgent(dataDir: string): Promise<{ agent: Agent; model: RecordingModel }> {
  const { character } = await loadCharacter("characters/host.json");
  const model = new RecordingModel({ character });
  return { agent: await startAgent(dataDir, character, { chat: model, abilities: OFFLINE_ABILITIES }), model };
}

const alice = { id: "alice", name: "Alice" };
const bob = { id: "bob", name: "Bob" };
const dm: InboundMessage["room"] = { id: "dm:alice", kind: "direct" };
const group: InboundMessage["room"] = { id: "general", kind: "group" };

function say(user: typeof alice, room: InboundMessage["room"], text: string): InboundMessage {
  return { platform: "test", room, user, text, mentionsAgent: true };
}

function promptText(messages: BaseMessage[] | undefined): string {
  return (messages ?? []).map((message) => String(message.content)).join("\n");
}

describe("what a user says in private", () => {
  const tempDir = useTempDir();

  it("does not appear in replies to another user in a group room, nor in their prompts", async () => {
    const { agent, model } = await createAgent(tempDir());
    await agent.handle(say(alice, dm, "My name is Alice. I live in Oslo and I have a cat called Miso."));
    await agent.handle(say(alice, dm, "My favourite food is ramen."));
    await agent.settle();

    const questions = [
      "What do you know about me?",
      "Where does Alice live?",
      "Tell me about the cat called Miso.",
      "What is my favourite food?",
    ];
    for (const question of questions) {
      const start = model.prompts.length;
      const reply = await agent.handle(say(bob, group, question));
      expect(reply?.text).toBeDefined();
      const system = promptText(model.prompts[start]?.slice(0, 1));
      for (const secret of ["Oslo", "Miso", "ramen", "cat called"]) expect(system).not.toContain(secret);
      // A secret Bob names himself may be echoed back; the others must not come up.
      for (const secret of ["Oslo", "Miso", "ramen"].filter((word) => !question.includes(word))) {
        expect(reply?.text).not.toContain(secret);
      }
    }
    await agent.stop();
  });

  it("is not said back to its owner in a group room, where others read along, but is in private", async () => {
    const { agent } = await createAgent(tempDir());
    await agent.handle(say(alice, dm, "I live in Oslo and I have a cat called Miso."));
    await agent.handle(say(alice, group, "Hi all, my name is Alice and I work as a nurse."));
    await agent.settle();

    const inGroup = await agent.handle(say(alice, group, "What do you know about me?"));
    expect(inGroup?.text).toContain("Alice");
    expect(inGroup?.text).toContain("nurse");
    expect(inGroup?.text).not.toContain("Oslo");
    expect((await agent.handle(say(alice, group, "Tell me about my cat Miso")))?.text).not.toMatch(/Oslo|cat called/);

    const inPrivate = await agent.handle(say(alice, dm, "What do you know about me?"));
    expect(inPrivate?.text).toContain("Oslo");
    expect(inPrivate?.text).toContain("nurse");
    await agent.stop();
  });
});
