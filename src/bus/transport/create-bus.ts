import type { Logger } from "pino";
import type { Bus } from "../bus.js";
import { InProcessBus } from "./in-process/index.js";
import { UnknownBusError } from "./unknown-bus-error.js";

/** Options of `createBus`. */
export interface CreateBusOptions {
  /** A `redis://` or `rediss://` URL for the Redis bus; unset or `memory` for the in-process bus. */
  url?: string;
  /** Key prefix on Redis. Default `troupe`. */
  prefix?: string;
  logger?: Logger;
}

/**
 * The bus a troupe runs on: in-process by default, Redis Streams for a
 * `redis://` URL. Throws `BusConnectionError` when Redis cannot be reached.
 *
 * @example const bus = await createBus({ url: process.env.REDIS_URL });
 */
export async function createBus(options: CreateBusOptions = {}): Promise<Bus> {
  const url = options.url?.trim();
  if (!url || url === "memory") return new InProcessBus({ logger: options.logger });
  if (!/^rediss?:\/\//.test(url)) throw new UnknownBusError({ url });
  // Loaded on demand, so a troupe on the in-process bus never loads the Redis client.
  const { RedisBus } = await import("./redis/index.js");
  return RedisBus.connect({ url, prefix: options.prefix, logger: options.logger });
}
