import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../../fakes/openai-server.js";
import { startFakeTelegram } from "../../fakes/telegram/fake-telegram.js";
import { useTempDir } from "../../helpers/temp-dir.js";
import { ALICE, ALICE_DM, GROUP, JUNO_BOT, startTelegramTroupe, THEO_BOT } from "./telegram-harness.js";

/** Twelve paragraphs, over 5,000 characters, with characters HTML must escape. */
const STORY = Array.from(
  { length: 12 },
  (_, index) =>
    `Part ${index + 1}. ${"The keeper wrote <wind> & weather in the log every night, noting the ships that passed. ".repeat(5).trim()}`,
).join("\n\n");

/** What Telegram shows of HTML the connector sent: tags removed, entities decoded. */
function visible(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

describe("Telegram connector with long replies", () => {
  const tempDir = useTempDir();
  let model: FakeOpenAIServer;
  beforeEach(async () => {
    model = await startFakeOpenAIServer();
  });
  afterEach(() => model.close());

  it("splits a 5,000-character reply between paragraphs, quotes the question once, and the parts re-join to the reply", async () => {
    expect(STORY.length).toBeGreaterThan(5000);
    const fake = await startFakeTelegram([JUNO_BOT, THEO_BOT]);
    const env = { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: "test-key" };
    const { connect, close } = await startTelegramTroupe(tempDir(), fake, env);
    await connect("Juno");
    model.script("chat", { kind: "reply", text: STORY });
    const question = await fake.userSays(JUNO_BOT.token, {
      from: ALICE,
      chat: GROUP,
      text: "@juno_bot tell me the story",
    });
    await fake.waitFor(() => fake.sent.length === 2);

    const parts = fake.sent.map((message) => visible(message.text));
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(part).toMatch(/^Part \d+\. [\s\S]*passed\.$/);
    }
    expect(parts.join("\n\n")).toBe(STORY);
    expect(fake.sent.map((message) => message.reply_to)).toEqual([question.message_id, undefined]);
    expect(fake.sent[0]?.text).toContain("&lt;wind&gt; &amp; weather");
    await close();
    await fake.close();
  });

  it("with streamReplies, shows a draft while the model writes and edits it into the finished, formatted reply", async () => {
    const fake = await startFakeTelegram([JUNO_BOT, THEO_BOT]);
    const env = { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: "test-key" };
    const { troupe, connect, close } = await startTelegramTroupe(tempDir(), fake, env);
    const juno = troupe.agent("Juno")?.character;
    if (juno) juno.connectors.telegram = { enabled: true, respondTo: "mentions", admins: [], streamReplies: true };
    await connect("Juno", { draftIntervalMs: 5 });
    const reply = "Here is **the short answer** to your question, written token by token by the model.";
    model.script("chat", { kind: "reply", text: reply });
    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "a question" });
    await fake.waitFor(() => fake.edits.some((edit) => edit.parse_mode === "HTML"));
    // One message: the draft, sent as plain text before the model had finished, then edited into the reply.
    expect(fake.sent).toHaveLength(1);
    const draft = fake.calls.find((call) => call.method === "sendMessage")?.body;
    expect(draft?.parse_mode).toBeUndefined();
    expect(String(draft?.text).length).toBeLessThan(reply.length);
    expect(reply.startsWith(String(draft?.text))).toBe(true);
    expect(fake.sent[0]?.text).toBe(
      "Here is <b>the short answer</b> to your question, written token by token by the model.",
    );

    // Past 4,096 characters the draft becomes the first part and the rest follows as new messages.
    model.script("chat", { kind: "reply", text: STORY });
    await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "another question" });
    await fake.waitFor(() => fake.sent.length === 3);
    expect(
      fake.sent
        .slice(1)
        .map((message) => visible(message.text))
        .join("\n\n"),
    ).toBe(STORY);
    await close();
    await fake.close();
  });
});
