import { describe, expect, it } from "vitest";
import type { InboundMessage } from "../../src/connectors/index.js";
import type { OutboundMessage } from "../../src/plugins/index.js";
import { RecordingModel, startAgent } from "../helpers/offline-agent.js";
import { RecordingChatModel } from "../helpers/recording-chat-model.js";
import { sage } from "../helpers/sage-character.js";
import { useTempDir } from "../helpers/temp-dir.js";

function message(id: string, text: string, extra: Partial<InboundMessage> = {}): InboundMessage {
  return {
    platform: "chat",
    id,
    room: { id: `room-${id}`, kind: "direct" },
    user: { id: `user-${id}`, name: "Ada" },
    text,
    ...extra,
  };
}

/** Stands for a connector's `deliver`: keeps what it is offered and takes it. */
function platform(): { sent: OutboundMessage[]; send: (message: OutboundMessage) => Promise<boolean> } {
  const sent: OutboundMessage[] = [];
  return {
    sent,
    send: async (outbound) => {
      sent.push(outbound);
      return true;
    },
  };
}

describe("answers a stop left owed", () => {
  const tempDir = useTempDir();

  it("sends a reply recorded but never taken by its platform as it was, once, without asking the model again", async () => {
    const dataDir = tempDir();
    const before = await startAgent(dataDir, sage());
    const given = await before.handle(message("1", "How do I dry lavender?"), { confirmsDelivery: true });
    const taken = await before.handle(message("2", "Does mint need shade?"), { confirmsDelivery: true });
    taken?.delivered?.();
    // The platform took the second reply; the first was never confirmed (the process died first).
    await before.settle();

    const model = new RecordingModel({ character: sage() });
    const after = await startAgent(dataDir, sage(), model);
    const chat = platform();
    expect(await after.answerOwed("chat", chat.send, 60_000)).toBe(1);
    expect(chat.sent).toEqual([
      expect.objectContaining({ room: { id: "room-1", kind: "direct" }, text: given?.text, replyTo: "1" }),
    ]);
    expect(model.prompts).toEqual([]);
    await after.settle();

    const again = await startAgent(dataDir, sage());
    expect(await again.answerOwed("chat", platform().send, 60_000)).toBe(0);
  });

  it("answers a message that never got a reply, and owes nothing for one it stays silent on or one nobody can answer later", async () => {
    const dataDir = tempDir();
    // A model that does not answer while this process lives: the turn is cut after record, as a kill would cut it.
    const stuck = new RecordingChatModel({ delayMs: 600_000 });
    const before = await startAgent(dataDir, sage(), stuck);
    void before.handle(message("3", "What tea helps me sleep?"), { confirmsDelivery: true });
    await before.handle(message("4", "lunch anyone?", { room: { id: "group", kind: "group" } }), {
      confirmsDelivery: true,
    });
    void before.handle(message("5", "an HTTP request", { room: { id: "http", kind: "direct" } }));
    while (stuck.prompts.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));

    const after = await startAgent(dataDir, sage());
    const chat = platform();
    expect(await after.answerOwed("chat", chat.send, 60_000)).toBe(1);
    expect(chat.sent).toEqual([expect.objectContaining({ room: { id: "room-3", kind: "direct" }, replyTo: "3" })]);
    expect(chat.sent[0]?.text).toMatch(/chamomile/i);
  });

  it("leaves unanswered what is older than the window", async () => {
    const dataDir = tempDir();
    const before = await startAgent(dataDir, sage());
    await before.handle(message("6", "Old question?", { receivedAt: Date.now() - 10 * 60_000 }), {
      confirmsDelivery: true,
    });
    await before.settle();
    const after = await startAgent(dataDir, sage());
    const chat = platform();
    expect(await after.answerOwed("chat", chat.send, 5 * 60_000)).toBe(0);
    expect(chat.sent).toEqual([]);
  });

  it("gives up a message a start took up and died on, instead of dying on it at every start", async () => {
    const dataDir = tempDir();
    const stuck = new RecordingChatModel({ delayMs: 600_000 });
    const before = await startAgent(dataDir, sage(), stuck);
    void before.handle(message("7", "What kills a bot?"), { confirmsDelivery: true });
    while (stuck.prompts.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    // The first restart takes the message up and dies while answering it (its model never returns here).
    const dying = new RecordingChatModel({ delayMs: 600_000 });
    const first = await startAgent(dataDir, sage(), dying);
    void first.answerOwed("chat", platform().send, 60_000);
    while (dying.prompts.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));

    const model = new RecordingModel({ character: sage() });
    const second = await startAgent(dataDir, sage(), model);
    const chat = platform();
    expect(await second.answerOwed("chat", chat.send, 60_000)).toBe(0);
    expect(chat.sent).toEqual([]);
    expect(model.prompts).toEqual([]);
  });
});
