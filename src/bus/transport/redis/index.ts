/**
 * The Redis Streams bus, for agents spread over processes and machines.
 * Importing this folder loads the Redis client, so `createBus` imports it
 * only when it is given a `redis://` URL; everything else takes types from it.
 */

export { BusConnectionError } from "./bus-connection-error.js";
export { RedisBus, type RedisBusOptions } from "./redis-bus.js";
