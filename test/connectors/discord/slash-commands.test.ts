import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../../src/store/index.js";
import type { FakeDiscord, FakeUser } from "../../fakes/discord/discord-server.js";
import { useTempDir } from "../../helpers/temp-dir.js";
import { character, closeFakeDiscord, openFakeDiscord, type RunningBot, startBot } from "./discord-harness.js";

describe("Discord connector: slash commands", () => {
  const tempDir = useTempDir();
  let fake: FakeDiscord;
  let alice: FakeUser;
  const running: RunningBot[] = [];

  beforeEach(async () => {
    ({ fake, alice } = await openFakeDiscord());
  });
  afterEach(() => closeFakeDiscord(fake, running));

  it("registers /ask and /forget-me for the bot's application at start", async () => {
    const bot = fake.addBot("juno_bot");
    running.push(await startBot({ fake, bot, character: await character("host"), dataDir: tempDir() }));
    const commands = fake.commands.get(bot.applicationId) ?? [];
    expect(commands.map((command) => command.name)).toEqual(["ask", "forget-me"]);
    expect(commands[0]?.options).toEqual([expect.objectContaining({ name: "question", required: true, type: 3 })]);
  });

  it("answers /ask in the channel it was asked in: a placeholder first, then the answer in its place", async () => {
    const bot = fake.addBot("juno_bot");
    running.push(await startBot({ fake, bot, character: await character("host"), dataDir: tempDir() }));
    const id = fake.slash(alice, fake.thread, bot, "ask", { question: "What is the troupe?" });
    await fake.waitFor(() => fake.interactionAnswers.some((answer) => answer.kind === "edit"), "the answer");
    const answers = fake.interactionAnswers.filter((answer) => answer.interactionId === id);
    expect(answers[0]).toMatchObject({ kind: "callback", body: { type: 5 } });
    expect(answers[1]?.kind).toBe("edit");
    expect(answers[1]?.body.content?.length).toBeGreaterThan(0);
    expect(fake.sent).toEqual([]);
  });

  it("forgets the user on /forget-me, privately", async () => {
    const dataDir = tempDir();
    const bot = fake.addBot("juno_bot");
    const juno = await startBot({ fake, bot, character: await character("host"), dataDir });
    running.push(juno);
    fake.say(alice, fake.dm(alice, bot), "Hi Juno, my name is Alice and I live in Lisbon.");
    await fake.waitFor(() => fake.sent.length === 1, "the DM reply");
    const scope = `user:discord:${alice.id}`;
    expect(juno.agent.working.get(scope).facts).toMatchObject({ name: "Alice" });

    const id = fake.slash(alice, fake.general, bot, "forget-me");
    await fake.waitFor(() => fake.interactionAnswers.some((answer) => answer.kind === "edit"), "the confirmation");
    const [callback, edit] = fake.interactionAnswers.filter((answer) => answer.interactionId === id);
    expect(callback?.body.data?.flags).toBe(64);
    expect(edit?.body.content).toMatch(/forgotten/);
    expect(juno.agent.working.get(scope).facts).toEqual({});
    const db = openStore({ dataDir });
    try {
      const left = db.prepare("SELECT COUNT(*) AS n FROM messages WHERE user_id = ?").get(`discord:${alice.id}`);
      expect(left).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
