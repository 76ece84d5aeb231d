import type { PluginRuntime } from "./plugin-runtime.js";

/**
 * Something long-running that starts and stops with each agent that loads
 * the plugin (a scheduler, a connection). `start` returns a handle that
 * actions reach with `ctx.service(name)` and that `stop` and `redeliver`
 * receive.
 *
 * @example
 * const ticker: Service<NodeJS.Timeout> = {
 *   name: "ticker",
 *   start: (rt) => setInterval(() => rt.logger.debug("tick"), 60_000),
 *   stop: (timer) => clearInterval(timer),
 * };
 */
export interface Service<Handle = unknown> {
  name: string;
  start(rt: PluginRuntime): Handle | Promise<Handle>;
  stop?(handle: Handle): void | Promise<void>;
  /**
   * Called when messages that found no connector may now get through (a
   * connector started, a user came to collect): offer again what the
   * service keeps for delivery. Resolves once offered.
   */
  redeliver?(handle: Handle): void | Promise<void>;
}
