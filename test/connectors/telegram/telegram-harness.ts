import type { Character } from "../../../src/character/index.js";
import { TelegramConnector, type TelegramConnectorOptions } from "../../../src/connectors/telegram/index.js";
import { Troupe } from "../../../src/index.js";
import { type FakeBot, type FakeTelegram, startFakeTelegram } from "../../fakes/telegram/fake-telegram.js";
import { captureLogs } from "../../helpers/capture-logs.js";

export const JUNO_BOT: FakeBot = {
  token: "1001:juno-secret-token",
  id: 1001,
  username: "juno_bot",
  first_name: "Juno",
};
export const THEO_BOT: FakeBot = {
  token: "1002:theo-secret-token",
  id: 1002,
  username: "theo_bot",
  first_name: "Theo",
};
export const ALICE = { id: 42, first_name: "Alice", username: "alice" };
export const BOB = { id: 43, first_name: "Bob", username: "bob" };
export const ALICE_DM = { id: 42, type: "private" as const };
export const BOB_DM = { id: 43, type: "private" as const };
export const GROUP = { id: -1001234567890, type: "supergroup" as const, title: "Troupe fans" };
/** Backoff in milliseconds rather than seconds, so failure tests stay short. */
export const FAST_RETRY = { initialMs: 20, maxMs: 200, attempts: 5 };

export interface TelegramTroupe {
  fake: FakeTelegram;
  troupe: Troupe;
  lines: Record<string, unknown>[];
  /** Connects the named character's bot to the fake. */
  connect(name: "Juno" | "Theo", options?: Partial<TelegramConnectorOptions>): Promise<TelegramConnector>;
  /** The reasons logged at debug level for messages left unanswered, in order. */
  reasons(): string[];
  /** Waits until a debug line says a message was left alone for a reason matching `pattern`. */
  waitForReason(pattern: RegExp): Promise<void>;
  close(): Promise<void>;
}

/**
 * Juno and Theo (characters/host.json, researcher.json) on a real troupe in
 * `dataDir`, with a fake Bot API for their bots (`fake`, or a new one) and
 * models from `env` (default: the offline model).
 */
export async function startTelegramTroupe(
  dataDir: string,
  fake?: FakeTelegram,
  env: Record<string, string> = {},
): Promise<TelegramTroupe> {
  const api = fake ?? (await startFakeTelegram([JUNO_BOT, THEO_BOT]));
  const { logger, lines } = captureLogs();
  const files = ["characters/host.json", "characters/researcher.json"];
  const troupe = await Troupe.start(files, { dataDir, logger, env });
  const reasons = () => lines.filter((line) => line.msg === "not answering").map((line) => String(line.reason));
  return {
    fake: api,
    troupe,
    lines,
    async connect(name, options = {}) {
      const character = troupe.agent(name)?.character as Character;
      const bot = name === "Juno" ? JUNO_BOT : THEO_BOT;
      const connector = new TelegramConnector({
        character,
        token: { value: bot.token, variable: "TELEGRAM_BOT_TOKEN", source: "environment" },
        logger: logger.child({ bot: name }),
        apiRoot: api.apiRoot,
        retry: FAST_RETRY,
        pollTimeoutSeconds: 1,
        ...options,
      });
      await troupe.connect(connector);
      return connector;
    },
    reasons,
    waitForReason: (pattern) => api.waitFor(() => reasons().some((reason) => pattern.test(reason))),
    async close() {
      await troupe.stop();
      if (!fake) await api.close();
    },
  };
}
