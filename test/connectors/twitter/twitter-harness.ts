import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach } from "vitest";
import { readTwitterSettings, TwitterConnector } from "../../../src/connectors/twitter/index.js";
import { Troupe } from "../../../src/index.js";
import { type FakeXApi, startFakeXApi } from "../../fakes/x-api-server.js";
import { useTempDir } from "../../helpers/temp-dir.js";

/** The four OAuth 1.0a variables, as a user copies them from the developer portal. */
export const OAUTH1_ENV = {
  TWITTER_API_KEY: "consumer-key",
  TWITTER_API_SECRET_KEY: "consumer-secret",
  TWITTER_ACCESS_TOKEN: "access-token",
  TWITTER_ACCESS_TOKEN_SECRET: "access-secret",
};

/** A small character with a voice for posts. */
export const WREN = {
  name: "Wren",
  bio: ["A writer who tells tiny stories."],
  topics: ["tiny stories", "writing tips"],
  style: { all: ["playful"], post: ["one idea per post", "end on an image"] },
  postExamples: ["Writing tip: cut your first paragraph. Your story probably starts in the second."],
  messageExamples: [
    [
      { user: "{{user1}}", content: { text: "ping" } },
      { user: "Wren", content: { text: "Pong! A tiny story for you: the kettle sang before anyone woke." } },
    ],
    [
      { user: "{{user1}}", content: { text: "hello there" } },
      { user: "Wren", content: { text: "Hello! Pull up a chair; the story is just getting good." } },
    ],
  ],
};

/** Log lines a test can read: every JSON line the connector and troupe wrote. */
export class LogLines {
  readonly lines: Record<string, unknown>[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) this.lines.push(JSON.parse(line));
      done();
    },
  });

  messages(): string[] {
    return this.lines.map((line) => String(line.msg));
  }
}

export interface Bot {
  troupe: Troupe;
  connector: TwitterConnector;
  logs: LogLines;
  /** Stops the troupe (once; the harness does it after the test otherwise). */
  stop(): Promise<void>;
}

/** A fake X per test, and a troupe with one character connected to it; all closed after the test. */
export function useTwitterHarness() {
  const tempDir = useTempDir();
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const item of open.splice(0).reverse()) await item.close();
  });

  async function fakeX(): Promise<FakeXApi> {
    const fake = await startFakeXApi();
    open.push(fake);
    return fake;
  }

  /** Starts a troupe in `dataDir` with `character` and its Twitter connector pointed at `fake`. */
  async function startBot(
    fake: FakeXApi,
    options: { dataDir?: string; env?: Record<string, string>; character?: object } = {},
  ): Promise<Bot> {
    const dataDir = options.dataDir ?? tempDir();
    const file = join(dataDir, "wren.json");
    writeFileSync(file, JSON.stringify(options.character ?? WREN));
    const logs = new LogLines();
    const logger = pino({ level: "info" }, logs.stream);
    const troupe = await Troupe.start([file], { dataDir, logger, env: {} });
    const env = { ...OAUTH1_ENV, TWITTER_API_BASE: fake.url, TWITTER_USER_COOLDOWN: "0", ...options.env };
    const agent = troupe.agents[0];
    if (!agent) throw new Error("no agent");
    const settings = readTwitterSettings(agent.character, env);
    if (!settings) throw new Error("no Twitter settings");
    // A long poll interval: tests poll by hand, so nothing happens between their steps.
    const connector = new TwitterConnector({ agent: agent.name, settings: { ...settings, pollIntervalSeconds: 3600 } });
    let stopped: Promise<void> | undefined;
    const stop = () => {
      stopped ??= troupe.stop();
      return stopped;
    };
    const bot = { troupe, connector, logs, stop };
    open.push({ close: stop });
    await troupe.connect(connector);
    return bot;
  }

  return { tempDir, fakeX, startBot };
}
