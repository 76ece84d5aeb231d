/**
 * Bus transports: the backends behind the `Bus` interface (`../bus.ts`).
 * `in-process/` is the default; `redis/` carries envelopes between
 * processes on Redis Streams and loads only when a `redis://` URL asks for
 * it. A new backend is a folder here that passes `test/bus/transport/bus-contract.ts`,
 * plus a branch in `createBus`.
 */

export { type CreateBusOptions, createBus } from "./create-bus.js";
export { InProcessBus, type InProcessBusOptions } from "./in-process/index.js";
// The error class alone, from its own file: importing `redis/index.js` here would load the Redis client at start.
export { BusConnectionError } from "./redis/bus-connection-error.js";
export type { RedisBus, RedisBusOptions } from "./redis/index.js";
