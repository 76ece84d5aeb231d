import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConnectorTokenRejectedError } from "../../../src/connectors/index.js";
import type { FakeDiscord, FakeUser } from "../../fakes/discord/discord-server.js";
import { shardOf } from "../../fakes/discord/snowflake.js";
import { useTempDir } from "../../helpers/temp-dir.js";
import { character, closeFakeDiscord, openFakeDiscord, type RunningBot, startBot } from "./discord-harness.js";

describe("Discord connector: several bots, tokens and shards", () => {
  const tempDir = useTempDir();
  let fake: FakeDiscord;
  let alice: FakeUser;
  const running: RunningBot[] = [];

  beforeEach(async () => {
    ({ fake, alice } = await openFakeDiscord());
  });
  afterEach(() => closeFakeDiscord(fake, running));

  it("lets two Troupe bots in one channel answer each other only up to the cap, then wait for a human", async () => {
    const talkative = { enabled: true, respondTo: "all" as const, allowBots: true, admins: [] };
    const junoBot = fake.addBot("juno_bot");
    const theoBot = fake.addBot("theo_bot");
    const juno = await startBot({
      fake,
      bot: junoBot,
      dataDir: tempDir(),
      character: await character("host", (loaded) => {
        loaded.connectors.discord = talkative;
      }),
    });
    const theo = await startBot({
      fake,
      bot: theoBot,
      dataDir: tempDir(),
      character: await character("researcher", (loaded) => {
        loaded.connectors.discord = talkative;
      }),
    });
    running.push(juno, theo);
    fake.say(alice, fake.general, "Hello both of you!");
    const capped = (line: { reason?: string }) => /waiting for a human/.test(line.reason ?? "");
    await fake.waitFor(() => juno.logs.some(capped) && theo.logs.some(capped), "both bots to stop at the cap");
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Each answers Alice once and three of the other's messages; the other's fourth waits for a human.
    const by = (id: string) => fake.sent.filter((sent) => sent.bot.id === id).length;
    expect(by(junoBot.user.id)).toBe(4);
    expect(by(theoBot.user.id)).toBe(4);
  });

  it("stops only the bot whose token Discord rejects (gateway 4004), naming the character and variable, never the token", async () => {
    const rejected = fake.addBot("old_bot");
    rejected.rejectedAt = "gateway";
    const failure = await startBot({
      fake,
      bot: rejected,
      character: await character("researcher"),
      dataDir: tempDir(),
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectorTokenRejectedError);
    const message = (failure as Error).message;
    expect(message).toContain("Theo");
    expect(message).toContain("DISCORD_BOT_TOKEN");
    expect(message).not.toContain(rejected.token);

    const good = fake.addBot("juno_bot");
    const juno = await startBot({ fake, bot: good, character: await character("host"), dataDir: tempDir() });
    running.push(juno);
    fake.say(alice, fake.dm(alice, good), "are you still there?");
    await fake.waitFor(() => fake.sent.length === 1, "the other bot's reply");
  });

  it("reports a token refused over REST (401 on GET /gateway/bot) the same way", async () => {
    const rejected = fake.addBot("old_bot");
    rejected.rejectedAt = "rest";
    const failure = await startBot({
      fake,
      bot: rejected,
      character: await character("host"),
      dataDir: tempDir(),
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectorTokenRejectedError);
    expect((failure as Error).message).toMatch(
      /^Discord rejected the bot token of Juno, from DISCORD_BOT_TOKEN \(environment\)/,
    );
  });

  it("runs the shards Discord recommends and answers in guilds on each", async () => {
    fake.recommendedShards = 2;
    // Both shards may identify at once, as for a large bot; with 1, discord.js spaces them 5 s apart.
    fake.maxConcurrency = 2;
    const guilds = [fake.guild];
    while (!guilds.some((guild) => shardOf(guild.id, 2) !== shardOf(fake.guild.id, 2))) {
      guilds.push(fake.addGuild(`guild ${guilds.length}`));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const other = guilds.at(-1);
    if (!other) throw new Error("no second guild");
    const elsewhere = fake.addChannel(other, "elsewhere");
    const bot = fake.addBot("juno_bot");
    const juno = await startBot({
      fake,
      bot,
      character: await character("host"),
      dataDir: tempDir(),
      connector: { shards: "auto" },
    });
    running.push(juno);
    expect(
      fake.gateway.frames.filter((frame) => frame.op === 2).map((frame) => (frame.d as { shard: number[] }).shard),
    ).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    fake.say(alice, fake.general, `<@${bot.user.id}> hello from the first guild`);
    fake.say(alice, elsewhere, `<@${bot.user.id}> hello from the second guild`);
    await fake.waitFor(() => fake.sent.length === 2, "a reply in each guild");
    expect(new Set(fake.sent.map((sent) => sent.channelId))).toEqual(new Set([fake.general.id, elsewhere.id]));
  });
});
