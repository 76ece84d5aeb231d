import type { InboundMessage } from "../messages/index.js";
import type { PluginMemory, PluginRuntime } from "./plugin-runtime.js";

/** One action the agent ran while answering, with what it returned. */
export interface ActionRun {
  name: string;
  args: Record<string, unknown>;
  ok: boolean;
  result: string;
}

/** What an evaluator gets: the message, the reply that went out and the actions that ran. */
export interface EvaluatorContext extends PluginRuntime {
  message: InboundMessage;
  memory: PluginMemory;
  reply: { text: string; actions: ActionRun[] };
}

/**
 * Runs after the reply has been recorded (reflection: extract facts, score,
 * keep statistics). It cannot change the reply; failures are logged.
 */
export interface Evaluator {
  name: string;
  run(ctx: EvaluatorContext): void | Promise<void>;
}
