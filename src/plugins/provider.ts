import type { InboundMessage } from "../messages/index.js";
import type { PluginMemory, PluginRuntime } from "./plugin-runtime.js";

/** What a provider gets: the runtime, the message about to be answered and memory. */
export interface ProviderContext extends PluginRuntime {
  message: InboundMessage;
  memory: PluginMemory;
}

/**
 * Adds lines to the prompt's "Context" section before the model answers
 * (the time, the weather, open reminders). Return nothing to add nothing.
 *
 * @example
 * const clock: Provider = { name: "clock", get: () => `time: ${new Date().toISOString()}` };
 */
export interface Provider {
  name: string;
  get(ctx: ProviderContext): string | string[] | undefined | Promise<string | string[] | undefined>;
}
