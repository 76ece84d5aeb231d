/**
 * `npm run soak -- --minutes N [--rate 50] [--users 1000] [--chaos]`: the
 * demo troupe (`troupe start`, offline model, Redis bus on a redis-server of
 * its own) under a steady stream of messages from many users over the HTTP
 * API and fake Telegram and Discord servers, with delegations and
 * reminders mixed in; `--chaos` injects faults at random, with the researcher
 * on a fake model server so that model faults reach it. Prints one JSON
 * line at the end. Not part of `npm test`: it runs for minutes.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FakeDiscord } from "../../test/fakes/discord/discord-server.js";
import { startFakeOpenAIServer } from "../../test/fakes/openai-server.js";
import { startFakeTelegram } from "../../test/fakes/telegram/fake-telegram.js";
import { PrivateRedis } from "../../test/helpers/private-redis.js";
import { startChaos } from "./chaos.js";
import { LatencyBook } from "./latency-book.js";
import { readSoakOptions } from "./soak-options.js";
import { SoakTroupe } from "./soak-troupe.js";
import { type Platforms, Traffic } from "./traffic.js";

const REPO = resolve(import.meta.dirname, "../..");
const BOT = { token: "7001:soak-token", id: 7001, username: "juno_bot", first_name: "Juno" };
/** How long replies may still arrive after the last message. */
const GRACE_MS = 30_000;

const options = readSoakOptions(process.argv.slice(2));
const dataDir = mkdtempSync(join(tmpdir(), "troupe-soak-"));
const redis = await PrivateRedis.start();
const telegram = await startFakeTelegram([BOT]);
const discord = await FakeDiscord.start();
const discordBot = discord.addBot("juno_bot");
const book = new LatencyBook();

const model = options.chaos ? await startFakeOpenAIServer() : undefined;
const troupe = new SoakTroupe({
  repo: REPO,
  args: ["--data-dir", dataDir, "--bus", redis.url, ...(model ? characterPaths(dataDir, model.url) : [])],
  env: {
    LOG_LEVEL: "warn",
    TROUPE_BUS_PREFIX: "soak",
    TELEGRAM_BOT_TOKEN: BOT.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    DISCORD_BOT_TOKEN: discordBot.token,
    DISCORD_API_URL: discord.apiUrl,
  },
});
const api = await troupe.start();
const platforms: Platforms = {
  api,
  telegram: { fake: telegram, token: BOT.token },
  discord: { fake: discord, bot: discordBot },
};
const traffic = new Traffic(platforms, book, () => troupe.up);
const chaos = model ? startChaos({ redis, platforms, model, troupe }) : undefined;

// A steady stream: every 20 ms the messages due by now, each from the next user in turn.
const started = Date.now();
const until = started + options.minutes * 60_000;
let next = 0;
const sender = setInterval(() => {
  const due = Math.floor(((Date.now() - started) / 1000) * options.rate);
  while (traffic.tally.sent < due) traffic.send(next++ % options.users);
  traffic.collect();
}, 20);
const sampler = setInterval(() => book.sampleRss(troupe.rss()), 5_000);
await new Promise((resolve) => setTimeout(resolve, until - Date.now()));
clearInterval(sender);
const faults = (await chaos?.stop()) ?? [];
await traffic.settle();
const graceUntil = Date.now() + GRACE_MS;
while (Date.now() < graceUntil && traffic.telegram.unanswered + traffic.discord.unanswered > 0) {
  await new Promise((resolve) => setTimeout(resolve, 200));
  traffic.collect();
}
clearInterval(sampler);
book.sampleRss(troupe.rss());
await troupe.stop();
// Measured after the clean stop, which saves the index files.
const sizes = sizesOf(dataDir);

const { tally } = traffic;
const replies = tally.httpReplies + traffic.telegram.replies + traffic.discord.replies;
const lost = tally.httpLost + traffic.telegram.unanswered + traffic.discord.unanswered;
const minutes = book.perMinute();
const firstMinuteRss = minutes[0]?.rssMb ?? 0;
const lastRss = minutes.at(-1)?.rssMb ?? 0;
console.log(
  JSON.stringify({
    soak: options.chaos ? "chaos" : "steady",
    minutes: options.minutes,
    rate: options.rate,
    users: options.users,
    sent: tally.sent,
    replies,
    lost,
    errors: tally.errors + troupe.stderr.errors,
    unhandledRejections: troupe.stderr.unhandled,
    httpStatuses: tally.httpStatuses,
    errorMessages: troupe.errorMessages,
    lostBy: { http: tally.httpLost, telegram: traffic.telegram.unanswered, discord: traffic.discord.unanswered },
    // Never acknowledged, so not lost: HTTP requests refused or cut while the troupe was killed.
    unacknowledged: { http: tally.httpRefused },
    // Discord messages written while the troupe was down, owed an answer after its restart (counted in `lost` if not).
    discordWhileDown: tally.discordWhileDown,
    // Answers sent again after a kill (at least once) that Discord dropped by their nonce, as the fake does.
    discordResends:
      discord.requests.filter(
        (request) =>
          request.method === "POST" && /^\/channels\/\d+\/messages$/.test(request.path) && request.status === 200,
      ).length - discord.sent.length,
    delegations: tally.delegations,
    reminders: { set: tally.reminders, delivered: traffic.telegram.proactive + traffic.discord.proactive },
    perMinute: minutes,
    rssGrowthAfterFirstMinutePct: firstMinuteRss
      ? Math.round(((lastRss - firstMinuteRss) / firstMinuteRss) * 1000) / 10
      : 0,
    sqliteMb: sizes.sqliteMb,
    indexMb: sizes.indexMb,
    faults,
    // Requests the researcher's fake model server received, failed ones included (chaos only).
    modelRequests: model?.requests.length,
  }),
);
await Promise.all([telegram.close(), discord.close(), redis.stop(), model?.close()]);
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);

/** The demo characters, the researcher (Theo) on the fake model server, so model faults reach his answers. */
function characterPaths(dataDir: string, modelUrl: string): string[] {
  const researcher = join(dataDir, "researcher-on-fake-model.json");
  writeFileSync(
    researcher,
    JSON.stringify({
      extends: [join(REPO, "characters/researcher.json")],
      model: { provider: "openai-compatible", baseUrl: modelUrl, model: "fake", timeoutMs: 5_000 },
    }),
  );
  return [join(REPO, "characters/host.json"), join(REPO, "characters/writer.json"), researcher];
}

/** Sizes of troupe.db (with its write-ahead log) and of the index files, in MB. */
function sizesOf(dir: string): { sqliteMb: number; indexMb: number } {
  const mb = (bytes: number) => Math.round(bytes / 10_485.76) / 100;
  const size = (file: string) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  const sqlite = ["troupe.db", "troupe.db-wal"].reduce((sum, file) => sum + size(join(dir, file)), 0);
  let index = 0;
  try {
    for (const file of readdirSync(join(dir, "index"))) index += size(join(dir, "index", file));
  } catch {
    // No index saved yet.
  }
  return { sqliteMb: mb(sqlite), indexMb: mb(index) };
}
