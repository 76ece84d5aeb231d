import { Redis } from "ioredis";
import { BusConnectionError } from "./bus-connection-error.js";

/** Options of `connectRedis`. */
export interface ConnectRedisOptions {
  url: string;
  /** Time allowed to connect and get an answer to PING. */
  connectTimeoutMs: number;
  /** Time a command may wait for its answer (or for the connection to come back) before it fails. */
  commandTimeoutMs: number;
}

/**
 * Opens the bus's command connection and checks that Redis answers, within
 * `connectTimeoutMs` in all: a refused connection and an address that
 * accepts but never answers (a firewall, another service) both end in one
 * `BusConnectionError` instead of a silent wait. Once connected, lost
 * connections are re-established with a backoff capped at 2 s.
 */
export async function connectRedis(options: ConnectRedisOptions): Promise<Redis> {
  const url = redactUrl(options.url);
  const client = new Redis(options.url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs,
    // A command waits for a reconnection rather than failing at once, but never longer than this.
    commandTimeout: options.commandTimeoutMs,
    maxRetriesPerRequest: null,
    enableAutoPipelining: false,
    retryStrategy: (times) => Math.min(50 * 2 ** times, 2000),
  });
  let lastError: Error | undefined;
  const onError = (error: Error) => {
    lastError = error;
  };
  client.on("error", onError);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), options.connectTimeoutMs);
  });
  try {
    const attempt = client.connect().then(() => client.ping());
    // When the deadline wins, the attempt fails later (the client is disconnected): reported below, never unhandled.
    attempt.catch(() => undefined);
    const outcome = await Promise.race([attempt, deadline]);
    if (outcome === "timeout") {
      throw new Error(`no answer within ${options.connectTimeoutMs} ms (is it a Redis server, on the right port?)`);
    }
  } catch (cause) {
    // A client given up on may still report its closing: nobody listening would print "Unhandled error event".
    client.on("error", () => undefined);
    client.disconnect();
    const error = lastError && !(cause instanceof Error && cause.message.startsWith("no answer")) ? lastError : cause;
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, "");
    throw new BusConnectionError({ url, reason, cause });
  } finally {
    clearTimeout(timer);
    client.off("error", onError);
  }
  return client;
}

/** `redis://user:secret@host` → `redis://user:***@host`: secrets are never printed. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}
