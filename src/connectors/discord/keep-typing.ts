import type { Logger } from "pino";

/** Discord shows "is typing…" for 10 s after each call; renew a little sooner. */
const RENEW_MS = 8_000;

/**
 * Shows the typing indicator in a channel until the returned function is
 * called. A failed typing call (no permission) is only logged at debug level:
 * the reply matters, the indicator does not.
 */
export function keepTyping(channel: { id: string; sendTyping(): Promise<void> }, logger: Logger): () => void {
  const type = () => {
    channel.sendTyping().catch((error: unknown) => logger.debug({ channel: channel.id, err: error }, "typing failed"));
  };
  type();
  const timer = setInterval(type, RENEW_MS);
  return () => clearInterval(timer);
}
