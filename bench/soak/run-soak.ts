/**
 * `npm run soak -- --minutes N [--rate 50] [--users 1000] [--chaos]`: the
 * demo troupe (`troupe start`, offline model, Redis bus on a redis-server of
 * its own) under a steady stream of messages from many users over the HTTP
 * API and fake Telegram and Discord servers, with delegations and
 * reminders mixed in; `--chaos` injects faults at random. Prints one JSON
 * line at the end. Not part of `npm test`: it runs for minutes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FakeDiscord } from "../../test/fakes/discord/discord-server.js";
import { startFakeTelegram } from "../../test/fakes/telegram/fake-telegram.js";
import { PrivateRedis } from "../../test/helpers/private-redis.js";
import { startChaos } from "./chaos.js";
import { LatencyBook } from "./latency-book.js";
import { readSoakOptions } from "./soak-options.js";
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
const stderr = { errors: 0, unhandled: 0 };

const troupe = spawn(
  process.execPath,
  [join(REPO, "dist/cli/bin.js"), "start", "--port", "0", "--data-dir", dataDir, "--bus", redis.url],
  {
    cwd: REPO,
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      TROUPE_BUS_PREFIX: "soak",
      TELEGRAM_BOT_TOKEN: BOT.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DISCORD_BOT_TOKEN: discordBot.token,
      DISCORD_API_URL: discord.apiUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  },
);
troupe.stderr?.on("data", (chunk: Buffer) => {
  for (const line of String(chunk).split("\n")) {
    if (/"level":(50|60)/.test(line)) stderr.errors++;
    if (/unhandled/i.test(line)) stderr.unhandled++;
  }
});
const api = await apiOf(troupe);
const platforms: Platforms = {
  api,
  telegram: { fake: telegram, token: BOT.token },
  discord: { fake: discord, bot: discordBot },
};
const traffic = new Traffic(platforms, book);
const chaos = options.chaos ? startChaos(redis, platforms) : undefined;

// A steady stream: every 20 ms the messages due by now, each from the next user in turn.
const started = Date.now();
const until = started + options.minutes * 60_000;
let next = 0;
const sender = setInterval(() => {
  const due = Math.floor(((Date.now() - started) / 1000) * options.rate);
  while (traffic.tally.sent < due) traffic.send(next++ % options.users);
  traffic.collect();
}, 20);
const sampler = setInterval(() => book.sampleRss(rssOf(troupe.pid)), 5_000);
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
const exit = new Promise((resolve) => troupe.once("exit", resolve));
troupe.kill("SIGTERM");
await exit;
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
    errors: tally.errors + stderr.errors,
    unhandledRejections: stderr.unhandled,
    delegations: tally.delegations,
    reminders: { set: tally.reminders, delivered: traffic.telegram.proactive + traffic.discord.proactive },
    perMinute: minutes,
    rssGrowthAfterFirstMinutePct: firstMinuteRss
      ? Math.round(((lastRss - firstMinuteRss) / firstMinuteRss) * 1000) / 10
      : 0,
    sqliteMb: sizes.sqliteMb,
    indexMb: sizes.indexMb,
    faults,
  }),
);
await Promise.all([telegram.close(), discord.close(), redis.stop()]);
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);

/** Resolves with the API's base URL once `troupe start` prints it; rejects if the troupe exits first. */
function apiOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
      const match = /HTTP API on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    });
    child.once("exit", (code) => reject(new Error(`troupe start exited with ${code}: ${output}`)));
  });
}

/** Resident memory of a process, in bytes (Linux: /proc/<pid>/status). */
function rssOf(pid: number | undefined): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return Number(match?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
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
