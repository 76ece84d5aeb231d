import { describe, expect, it } from "vitest";
import type { ConnectedAgent, ConnectorHandleOptions } from "../../../src/connectors/index.js";
import { TelegramConnector } from "../../../src/connectors/telegram/index.js";
import { WebhookRoutes } from "../../../src/connectors/webhook-routes.js";
import { createLogger } from "../../../src/index.js";
import { startFakeTelegram } from "../../fakes/telegram/fake-telegram.js";
import { sage } from "../../helpers/sage-character.js";
import { ALICE, ALICE_DM, FAST_RETRY, JUNO_BOT } from "./telegram-harness.js";

describe("Telegram updates and the offset", () => {
  it("tells Telegram an update is handled (the next offset) only once the agent has stored its message", async () => {
    const fake = await startFakeTelegram([JUNO_BOT]);
    const character = sage();
    const { agent, storedAt } = slowStoringAgent(character);
    const connector = new TelegramConnector({
      character,
      token: { value: JUNO_BOT.token, variable: "TELEGRAM_BOT_TOKEN", source: "environment" },
      logger: createLogger({ level: "silent" }),
      apiRoot: fake.apiRoot,
      retry: FAST_RETRY,
      pollTimeoutSeconds: 1,
    });
    await connector.start({ agents: [agent], logger: createLogger({ level: "silent" }) });
    try {
      await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "Remember the blue door." });
      const confirming = () =>
        fake.calls.find((call) => call.method === "getUpdates" && Number(call.body.offset ?? 0) > 1);
      await fake.waitFor(() => confirming() !== undefined);
      // A kill before the message was stored would otherwise have Telegram forget it for good.
      expect(confirming()?.at).toBeGreaterThanOrEqual(storedAt());
    } finally {
      await connector.stop();
      await fake.close();
    }
  });

  it("with streamReplies, leaves a message owed when Telegram refuses the finished reply, so a restart sends it again", async () => {
    const fake = await startFakeTelegram([JUNO_BOT]);
    const character = sage({ connectors: { telegram: { enabled: true, streamReplies: true } } });
    const reply = "Dry the lavender upside down in a dark, airy room for two weeks.";
    let delivered = false;
    let handled = false;
    const agent: ConnectedAgent = {
      name: character.name,
      character,
      redeliver: async () => {},
      handle: async (_message, options?: ConnectorHandleOptions) => {
        options?.onRecorded?.();
        // Token by token, so the connector sends a draft before the reply is finished.
        for (const word of reply.split(/(?= )/)) options?.onToken?.(word);
        await new Promise((resolve) => setTimeout(resolve, 50));
        handled = true;
        return { text: reply, delivered: () => (delivered = true) };
      },
    };
    const connector = new TelegramConnector({
      character,
      token: { value: JUNO_BOT.token, variable: "TELEGRAM_BOT_TOKEN", source: "environment" },
      logger: createLogger({ level: "silent" }),
      apiRoot: fake.apiRoot,
      retry: FAST_RETRY,
      pollTimeoutSeconds: 1,
      draftIntervalMs: 5,
    });
    await connector.start({ agents: [agent], logger: createLogger({ level: "silent" }) });
    try {
      // Every edit of the draft into the finished reply is refused: the user sees only the draft.
      fake.failNext("editMessageText", { kind: "error", status: 403, description: "Forbidden: bot was blocked" }, 50);
      await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "How do I dry lavender?" });
      await fake.waitFor(() => handled && fake.calls.some((call) => call.method === "editMessageText"));
      await connector.stop();
      expect(fake.sent.map((message) => message.text)).not.toContain(reply);
      expect(delivered).toBe(false);
    } finally {
      await connector.stop();
      await fake.close();
    }
  });

  it("in webhook mode, answers Telegram's post with 200 only once the agent has stored its message", async () => {
    const fake = await startFakeTelegram([JUNO_BOT]);
    const character = sage();
    const { agent, storedAt } = slowStoringAgent(character);
    const webhooks = new WebhookRoutes();
    const connector = new TelegramConnector({
      character,
      token: { value: JUNO_BOT.token, variable: "TELEGRAM_BOT_TOKEN", source: "environment" },
      logger: createLogger({ level: "silent" }),
      apiRoot: fake.apiRoot,
      retry: FAST_RETRY,
      webhook: { baseUrl: "http://127.0.0.1:9/telegram", secret: "s3cr3t-token" },
    });
    await connector.start({ agents: [agent], logger: createLogger({ level: "silent" }), webhooks });
    try {
      const update = {
        update_id: 1,
        message: { message_id: 1, date: 1, from: ALICE, chat: ALICE_DM, text: "Remember the blue door." },
      };
      const response = await (webhooks.find("/telegram/juno_bot") as (request: Request) => Promise<Response>)(
        new Request("http://127.0.0.1:9/telegram/juno_bot", {
          method: "POST",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "s3cr3t-token" },
          body: JSON.stringify(update),
        }),
      );
      expect(response.status).toBe(200);
      // Telegram forgets an update once it has its 200: a kill before the message was stored would lose it.
      expect(Date.now()).toBeGreaterThanOrEqual(storedAt());
    } finally {
      await connector.stop();
      await fake.close();
    }
  });
});

/** An agent whose store is slow: its message is stored 500 ms after it arrives, and answered after that. */
function slowStoringAgent(character: ReturnType<typeof sage>): { agent: ConnectedAgent; storedAt: () => number } {
  let storedAt = Number.POSITIVE_INFINITY;
  const agent: ConnectedAgent = {
    name: character.name,
    character,
    redeliver: async () => {},
    handle: async (_message, options?: ConnectorHandleOptions) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      storedAt = Date.now();
      options?.onRecorded?.();
      return { text: "Noted." };
    },
  };
  return { agent, storedAt: () => storedAt };
}
