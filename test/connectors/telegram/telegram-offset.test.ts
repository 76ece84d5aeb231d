import { describe, expect, it } from "vitest";
import type { ConnectedAgent, ConnectorHandleOptions } from "../../../src/connectors/index.js";
import { TelegramConnector } from "../../../src/connectors/telegram/index.js";
import { createLogger } from "../../../src/index.js";
import { startFakeTelegram } from "../../fakes/telegram/fake-telegram.js";
import { sage } from "../../helpers/sage-character.js";
import { ALICE, ALICE_DM, FAST_RETRY, JUNO_BOT } from "./telegram-harness.js";

describe("Telegram updates and the offset", () => {
  it("tells Telegram an update is handled (the next offset) only once the agent has stored its message", async () => {
    const fake = await startFakeTelegram([JUNO_BOT]);
    const character = sage();
    let storedAt = Number.POSITIVE_INFINITY;
    // An agent whose store is slow: its message is stored 500 ms after it arrives, and answered after that.
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
      expect(confirming()?.at).toBeGreaterThanOrEqual(storedAt);
    } finally {
      await connector.stop();
      await fake.close();
    }
  });
});
