import { describe, expect, it } from "vitest";
import { serve } from "../../../src/server/index.js";
import { useTempDir } from "../../helpers/temp-dir.js";
import { ALICE, ALICE_DM, JUNO_BOT, startTelegramTroupe } from "./telegram-harness.js";

describe("Telegram connector in webhook mode", () => {
  const tempDir = useTempDir();

  it("receives updates on Troupe's HTTP server, checks the secret-token header, and answers each message once", async () => {
    const { fake, troupe, connect, close, waitForReason } = await startTelegramTroupe(tempDir());
    const server = await serve(troupe, { host: "127.0.0.1", port: 0 });
    // Each bot gets its own path under the base: <base>/<bot username>.
    const url = `${server.url}/telegram/juno_bot`;
    await connect("Juno", { webhook: { baseUrl: `${server.url}/telegram/`, secret: "s3cr3t-token" } });
    expect(fake.calls.find((call) => call.method === "setWebhook")?.body).toMatchObject({
      url,
      secret_token: "s3cr3t-token",
    });
    expect(fake.calls.some((call) => call.method === "getUpdates")).toBe(false);

    const message = await fake.userSays(JUNO_BOT.token, { from: ALICE, chat: ALICE_DM, text: "Hi! My name is Alice." });
    await fake.waitFor(() => fake.sent.length === 1);
    expect(fake.sent[0]?.text).toContain("Alice");
    // Telegram redelivers when it did not see the 200 in time: the message is not answered again.
    await fake.deliver(JUNO_BOT.token, { update_id: 77, message });
    await waitForReason(/already handled/);
    expect(fake.webhookStatuses).toEqual([200, 200]);

    // Anyone else posting to the path is refused, whatever they send.
    const forged = JSON.stringify({ update_id: 78, message: { ...message, message_id: 9999, text: "forged" } });
    const post = (headers: Record<string, string>, body = forged) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    expect((await post({})).status).toBe(403);
    expect((await post({ "x-telegram-bot-api-secret-token": "s3cr3t-tokem" })).status).toBe(403);
    expect((await post({ "x-telegram-bot-api-secret-token": "s3cr3t-token" }, "{not json")).status).toBe(400);
    await troupe.agent("Juno")?.settle();
    expect(fake.sent).toHaveLength(1);

    await close();
    expect((await post({ "x-telegram-bot-api-secret-token": "s3cr3t-token" })).status).toBe(404);
    await server.close();
  });
});
