/**
 * The in-process bus: topics, groups, retries and dead letters in memory,
 * for a troupe that runs in one process (the default). Same `Bus` contract
 * as the Redis bus, checked by the same test suite.
 */

export { InProcessBus, type InProcessBusOptions } from "./in-process-bus.js";
