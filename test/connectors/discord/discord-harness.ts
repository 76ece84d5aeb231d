import { Writable } from "node:stream";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import pino, { type Logger } from "pino";
import { type Character, loadCharacter } from "../../../src/character/index.js";
import { DiscordConnector, type DiscordConnectorOptions } from "../../../src/connectors/discord/index.js";
import type { Agent } from "../../../src/index.js";
import { type FakeBot, FakeDiscord, type FakeUser } from "../../fakes/discord/discord-server.js";
import { startAgent } from "../../helpers/offline-agent.js";

/** Log lines a test can read back (pino JSON, parsed). */
export interface LogLine {
  level: number;
  msg: string;
  reason?: string;
  [field: string]: unknown;
}

/** A pino logger at debug level that keeps its lines in `lines`. */
export function captureLogs(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: "debug" }, stream), lines };
}

/** One of the repository's characters (`host` is Juno, `researcher` Theo), with changes for the test. */
export async function character(file: "host" | "researcher", change: (character: Character) => void = () => {}) {
  const { character: loaded } = await loadCharacter(`characters/${file}.json`, { env: {} });
  change(loaded);
  return loaded;
}

/** A character's Discord bot on the fake: a real agent (offline model unless `chat`) behind a real connector. */
export interface RunningBot {
  agent: Agent;
  connector: DiscordConnector;
  logs: LogLine[];
  stop(): Promise<void>;
}

export async function startBot(options: {
  fake: FakeDiscord;
  bot: FakeBot;
  character: Character;
  dataDir: string;
  chat?: BaseChatModel;
  connector?: Partial<DiscordConnectorOptions>;
}): Promise<RunningBot> {
  const { logger, lines } = captureLogs();
  const agent = await startAgent(options.dataDir, options.character, options.chat, logger);
  const connector = new DiscordConnector({
    agent: options.character.name,
    token: { value: options.bot.token, variable: "DISCORD_BOT_TOKEN", source: "environment" },
    apiUrl: options.fake.apiUrl,
    logger,
    ...options.connector,
  });
  try {
    await connector.start({ agents: [agent], logger });
  } catch (error) {
    await agent.stop();
    throw error;
  }
  return {
    agent,
    connector,
    logs: lines,
    async stop() {
      await connector.stop();
      await agent.stop();
    },
  };
}

/** Resolves once a log line matches; the way a test knows a message was handled and dropped. */
export function logged(logs: LogLine[], match: (line: LogLine) => boolean): () => boolean {
  return () => logs.some(match);
}

/** A fresh fake Discord with one user, Alice (for `beforeEach`). */
export async function openFakeDiscord(): Promise<{ fake: FakeDiscord; alice: FakeUser }> {
  const fake = await FakeDiscord.start();
  return { fake, alice: fake.addUser("alice") };
}

/** Stops the bots a test started, then the fake (for `afterEach`). */
export async function closeFakeDiscord(fake: FakeDiscord, running: RunningBot[]): Promise<void> {
  for (const bot of running.splice(0)) await bot.stop();
  await fake.close();
}
