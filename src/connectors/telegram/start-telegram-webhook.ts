import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Logger } from "pino";
import type { Telegram } from "telegraf";
import type { WebhookRoutes } from "../webhook-routes.js";
import { waitForStored } from "./wait-for-stored.js";

/**
 * Webhook mode: serves `<baseUrl>/<bot username>` on Troupe's HTTP server and
 * asks Telegram to post updates there. Telegram sends the secret back in the
 * `X-Telegram-Bot-Api-Secret-Token` header, so a post without it (anyone but
 * Telegram) gets 403 and a body that is not JSON 400; each update goes to
 * `onUpdate` and is answered 200 once its message is stored (at most 2 s later): Telegram forgets an update
 * it got a 200 for, so a kill before then would lose it. Resolves to the function that unmounts the path.
 */
export async function startTelegramWebhook(options: {
  telegram: Telegram;
  webhooks: WebhookRoutes | undefined;
  baseUrl: string;
  /** Default: a random secret for this run. */
  secret?: string;
  botUsername: string;
  logger: Logger;
  /** Handles one update without waiting for its reply; resolves once its message is stored (or needs no storing). */
  onUpdate(update: unknown): Promise<void>;
}): Promise<() => void> {
  if (!options.webhooks) throw new Error("This troupe serves no webhooks; run the Telegram bot with long polling.");
  const url = `${options.baseUrl.replace(/\/+$/, "")}/${options.botUsername}`;
  const secret = options.secret ?? randomBytes(32).toString("hex");
  const expected = Buffer.from(secret);
  const unmount = options.webhooks.mount(new URL(url).pathname, async (request) => {
    const given = Buffer.from(request.headers.get("x-telegram-bot-api-secret-token") ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      options.logger.warn("refused a webhook request without the right secret token");
      return new Response(null, { status: 403 });
    }
    const update = await request.json().catch(() => undefined);
    if (update === undefined) return new Response(null, { status: 400 });
    await waitForStored(options.onUpdate(update));
    return new Response(null, { status: 200 });
  });
  try {
    await options.telegram.setWebhook(url, { secret_token: secret, allowed_updates: ["message"] });
  } catch (error) {
    unmount();
    throw error;
  }
  return unmount;
}
