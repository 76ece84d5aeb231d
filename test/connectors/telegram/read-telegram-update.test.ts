import { describe, expect, it } from "vitest";
import { readTelegramUpdate } from "../../../src/connectors/telegram/index.js";

const bot = { id: 1001, username: "juno_bot" };
const chat = { id: -100555, type: "supergroup", title: "G" };

function update(message: Record<string, unknown>) {
  return { update_id: 1, message: { message_id: 10, date: 1_700_000_000, chat, ...message } };
}

describe("readTelegramUpdate", () => {
  it("reads a mention (any case) into mentionsAgent and takes it out of the text", () => {
    const text = "hey @Juno_Bot, what's up?";
    const reading = readTelegramUpdate(
      update({
        from: { id: 42, is_bot: false, first_name: "Alice" },
        text,
        entities: [{ type: "mention", offset: 4, length: 9 }],
      }),
      bot,
    );
    expect(reading).toMatchObject({
      kind: "message",
      message: {
        text: "hey, what's up?",
        mentionsAgent: true,
        id: "-100555:10",
        room: { id: "-100555", kind: "group" },
      },
    });
  });

  it("does not count a mention of another bot, or a look-alike that is not an entity", () => {
    const text = "@theo_bot and juno_bot";
    const reading = readTelegramUpdate(
      update({
        from: { id: 42, is_bot: false, first_name: "Alice" },
        text,
        entities: [{ type: "mention", offset: 0, length: 9 }],
      }),
      bot,
    );
    expect(reading).toMatchObject({ kind: "message", message: { mentionsAgent: false, text } });
  });

  it("cleans what strangers send: escapes and invisible overrides out of names and text", () => {
    const reading = readTelegramUpdate(
      update({
        from: { id: 42, is_bot: false, first_name: "Ada\u001b[2J\u202e", last_name: "L" },
        text: "hi\u001b[31m there",
      }),
      bot,
    );
    expect(reading).toMatchObject({
      kind: "message",
      message: { user: { id: "telegram:42", name: "Ada [2J L" }, text: "hi[31m there" },
    });
  });

  it("refuses what it cannot read, with the reason", () => {
    expect(readTelegramUpdate({ update_id: 1, edited_message: {} }, bot)).toEqual({
      kind: "ignore",
      reason: "not a new message (an edit, a callback or a channel post)",
    });
    expect(readTelegramUpdate({ update_id: "x", message: 5 }, bot)).toEqual({
      kind: "ignore",
      reason: "an update the connector cannot read",
    });
    expect(readTelegramUpdate(update({ sender_chat: { id: 1 }, text: "anon" }), bot)).toMatchObject({
      reason: "no sender (a channel or an anonymous admin)",
    });
    expect(
      readTelegramUpdate(update({ from: { id: 42, is_bot: false, first_name: "A" }, sticker: {} }), bot),
    ).toMatchObject({
      reason: "no text, caption, photo or document",
    });
  });
});
